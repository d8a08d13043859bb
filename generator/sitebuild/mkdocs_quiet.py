"""`python -m generator.sitebuild.mkdocs_quiet build --dirty …`: MkDocs without its --dirty warning.

Warta decides which pages are stale itself (it removes their old HTML before the build and
checks the result against a cold build in its tests), so MkDocs' general warning that a dirty
build may be inaccurate is noise, and under `--strict` it would fail every rebuild.
"""

from __future__ import annotations

import logging

from mkdocs.__main__ import cli

DIRTY_WARNING = "A 'dirty' build is being performed"


class DropDirtyWarning(logging.Filter):
    """Drops MkDocs' warning about --dirty builds, and nothing else."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for the dirty-build warning."""
        return not record.getMessage().startswith(DIRTY_WARNING)


def main() -> None:
    """Run MkDocs' command line with the filter installed."""
    logging.getLogger("mkdocs.commands.build").addFilter(DropDirtyWarning())
    cli()


if __name__ == "__main__":
    main()
