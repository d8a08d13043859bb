"""Stage 5, build: one MkDocs build per language, in parallel, plus the root pages."""
