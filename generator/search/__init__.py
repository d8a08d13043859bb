"""Stage 6, search: a Pagefind index per language, with Indonesian word forms added."""
