"""When each page last changed, from the dates of the records it shows.

The render stage records it on every page; the sitemaps and the build's reproducible
timestamp read it from there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from generator.records.kinds import page_kinds, record_date
from generator.render.catalog import Catalog, updated_on
from generator.render.urls import archive_path, sector_path


def page_lastmods(catalog: Catalog) -> dict[str, dt.date | None]:
    """Each record-bound page's last change; `None` when nothing dates it.

    A news page changes on its record's date; the page of an undated record (an
    organisation, person or partnership) with the newest record naming it; an archive or
    sector page with the newest record it lists. Pages not listed here show the newest
    news of all (see `newest_of`).
    """
    dates: dict[str, dt.date | None] = {}
    for entry in catalog.news():
        day = updated_on(entry.record)
        assert day is not None, "news records are dated"
        year = record_date(entry.record) or day
        dates[entry.page_path] = day
        for path in (archive_path(year.year), *map(sector_path, sectors_of(entry.record))):
            dates[path] = max(day, dates.get(path) or day)
    for kind in page_kinds():
        for entry in catalog.entries(kind.name) if not kind.dated else []:
            links = catalog.backlinks(kind.name, entry.key)
            linked = (updated_on(link.source.record) for link in links)
            dates[entry.page_path] = max((d for d in linked if d), default=None)
    return dates


def newest_of(lastmods: dict[str, dt.date | None]) -> dt.date | None:
    """The newest page date, which dates the pages that list the latest news."""
    return max((day for day in lastmods.values() if day), default=None)


@dataclass(frozen=True)
class PageDates:
    """Every page's last change: its own date if `page_lastmods` has one, else the newest."""

    by_path: dict[str, dt.date | None]
    newest: dt.date | None

    @classmethod
    def of(cls, catalog: Catalog) -> PageDates:
        """The dates of a catalog's pages; the newest is found once, not once a page."""
        by_path = page_lastmods(catalog)
        return cls(by_path, newest_of(by_path))

    def updated(self, path: str) -> dt.date | None:
        """When the page at `path` last changed."""
        return self.by_path.get(path, self.newest)


def sectors_of(record: object) -> Iterable[str]:
    """The sector ids a record is filed under."""
    sectors: list[str] = getattr(record, "sectors", [])
    return sectors
