"""Stage 4, render: the linked records as typed Markdown pages, one set per language."""
