"""The typed output of the render stage, which the build stage turns into a site."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from generator.config import SiteConfig
from generator.render.catalog import Catalog
from generator.render.photos import PhotoPlan


@dataclass(frozen=True)
class Page:
    """One Markdown page of one language's docs tree.

    `path` is relative to the docs folder and identical in every language (for example
    `events/2023/2023-11-03-icbc-henan-delegation-meeting.md`), so a page's twin in the
    other language is the same path under the other language's prefix.
    """

    lang: str
    path: str
    title: str
    markdown: str
    kind: str
    translated: bool = True
    date: dt.date | None = None
    """The date the page is about (a news record's date), if any."""
    updated: dt.date | None = None
    """When what the page shows last changed, from its records' dates; None if undated."""
    draft: bool = False
    """A draft's or an embargoed record's page: only a preview has one."""


@dataclass(frozen=True)
class NavSection:
    """A top-level navigation entry: a section's title and its index page path."""

    title: str
    path: str


@dataclass
class RenderedSite:
    """Every page of every language, plus each language's navigation sections."""

    config: SiteConfig
    published: Catalog | None = None
    """The records the feeds and sitemaps may list: never drafts, even in a preview."""
    pages: dict[str, list[Page]] = field(default_factory=dict)
    nav: dict[str, list[NavSection]] = field(default_factory=dict)
    untranslated: list[tuple[str, str]] = field(default_factory=list)
    ui: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Every UI string per language, as read once from templates/i18n/<lang>.yml."""
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    """The theme's interface strings per language (`theme:` in templates/i18n/<lang>.yml)."""
    search: dict[str, dict[str, Any]] = field(default_factory=dict)
    """The search field's strings per language (`search:` in templates/i18n/<lang>.yml)."""
    photos: list[PhotoPlan] = field(default_factory=list)
    """The photos of published records, the same files in every language."""

    @property
    def newest_date(self) -> dt.date | None:
        """The newest date any page is about, which dates the whole build."""
        dates = [page.date for pages in self.pages.values() for page in pages if page.date]
        return max(dates, default=None)

    def page_paths(self, lang: str) -> set[str]:
        """The docs-relative paths of one language's pages."""
        return {page.path for page in self.pages.get(lang, [])}
