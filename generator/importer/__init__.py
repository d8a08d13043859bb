"""`warta import`: from a pasted news article to one draft record."""
