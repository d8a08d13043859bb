"""The catalog: the records the site shows, and where each one's page lives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from generator.buildcache import build_day
from generator.records.kinds import dated_kinds, record_date
from generator.records.link import Backlink, RecordGraph
from generator.records.models import Organization, Record
from generator.records.validate import Entry
from generator.render.urls import sector_path


def default_today() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH so that builds can be reproduced."""
    return build_day()  # one definition, shared with the build cache's options


def published_on(record: Record) -> dt.date | None:
    """When a dated record came out: its publish date if set, else its own date."""
    return getattr(record, "publish_date", None) or record_date(record)


def updated_on(record: Record) -> dt.date | None:
    """The latest date a dated record carries: its own date or its publish date."""
    dates = [d for d in (record_date(record), getattr(record, "publish_date", None)) if d]
    return max(dates, default=None)


def is_published(record: Record, today: dt.date) -> bool:
    """Drafts and records with a future publish date stay off the site."""
    if getattr(record, "draft", False):
        return False
    publish_date = getattr(record, "publish_date", None)
    return publish_date is None or publish_date <= today


@dataclass(frozen=True)
class Catalog:
    """The graph as the site shows it: only published records, and where each one lives."""

    graph: RecordGraph
    today: dt.date
    include_drafts: bool = False

    @cached_property
    def published(self) -> dict[str, dict[str, Entry]]:
        """The records that get a page, by kind and id."""
        return {
            kind: {k: e for k, e in by_id.items() if self._shows(e.record)}
            for kind, by_id in self.graph.entries.items()
        }

    def _shows(self, record: Record) -> bool:
        return self.include_drafts or is_published(record, self.today)

    def entries(self, kind: str) -> list[Entry]:
        """The published records of one kind, sorted by id."""
        return list(self._by_id.get(kind, ()))

    @cached_property
    def _by_id(self) -> dict[str, tuple[Entry, ...]]:
        # Sorted once: pages ask for the same lists thousands of times on a large site.
        return {
            kind: tuple(by_id[key] for key in sorted(by_id))
            for kind, by_id in self.published.items()
        }

    def entry(self, kind: str, key: str) -> Entry | None:
        """A published record, or None when it is excluded or unknown."""
        return self.published.get(kind, {}).get(key)

    def path_of(self, kind: str, key: str) -> str | None:
        """A record's page path, or None when the record has no page."""
        if kind == "sector":
            return sector_path(key) if key in self.graph.sectors else None
        found = self.entry(kind, key)
        return found.page_path if found else None

    def backlinks(self, kind: str, key: str) -> list[Backlink]:
        """The backlinks of a record whose source is published."""
        return [
            link
            for link in self.graph.links_to(kind, key)
            if self.entry(link.source.kind, link.source.key) is link.source
        ]

    def news(self) -> list[Entry]:
        """Published events and agreements, newest first."""
        return list(self._news)

    @cached_property
    def _news(self) -> tuple[Entry, ...]:
        entries = [e for kind in dated_kinds() for e in self.entries(kind.name)]
        return tuple(sorted(entries, key=_news_order, reverse=True))

    @cached_property
    def news_years(self) -> tuple[int, ...]:
        """The years that have published news, newest first."""
        dates = (record_date(entry.record) for entry in self._news)
        return tuple(sorted({date.year for date in dates if date}, reverse=True))

    @cached_property
    def countries(self) -> list[str]:
        """Every country code a published organisation or location names, sorted."""
        codes = {getattr(e.record, "country", "") for e in self.entries("organization")}
        codes |= {loc.country for e in self.news() if (loc := getattr(e.record, "location", None))}
        return sorted(code for code in codes if code)

    def organizations_in(self, code: str) -> list[Entry]:
        """The published organisations based in a country."""
        orgs = self.entries("organization")
        return [e for e in orgs if isinstance(e.record, Organization) and e.record.country == code]


def _news_order(entry: Entry) -> tuple[dt.date, str, str]:
    return (record_date(entry.record) or dt.date.min, entry.kind, entry.key)
