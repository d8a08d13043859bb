"""Translators\x27 round trip: export texts to a sheet, import them back, accept them."""
