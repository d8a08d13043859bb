"""Stage 7, publish: feeds, calendars and sitemaps, then an atomic swap into site/."""
