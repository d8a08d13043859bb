"""Where a Warta project keeps its content, templates and output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """The folders of one Warta project, found from its root."""

    root: Path

    @property
    def content(self) -> Path:
        """The editors' YAML records."""
        return self.root / "content"

    @property
    def templates(self) -> Path:
        """Jinja templates, UI strings and theme overrides."""
        return self.root / "templates"

    @property
    def config_file(self) -> Path:
        """The one configuration file."""
        return self.root / "site_config.yml"

    @property
    def build_dir(self) -> Path:
        """Intermediate MkDocs configs and docs trees."""
        return self.root / "build"

    @property
    def site_dir(self) -> Path:
        """The published output."""
        return self.root / "site"

    @property
    def schemas(self) -> Path:
        """Generated JSON Schemas for editors' YAML extensions."""
        return self.root / "schemas"


def find_project(start: Path) -> Project:
    """The nearest folder at or above `start` holding `site_config.yml` (else `start`)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "site_config.yml").is_file():
            return Project(folder)
    return Project(start)
