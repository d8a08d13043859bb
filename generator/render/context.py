"""Views that templates print: references, dated entries, page specs, localized labels."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from generator.memo import digest_of
from generator.records.kinds import record_date
from generator.records.models import (
    Agreement,
    Location,
    Record,
    Source,
)
from generator.records.validate import Entry
from generator.render.catalog import Catalog
from generator.render.i18n import Localizer
from generator.render.markdown import Md, escape_markdown
from generator.render.photos import PhotoPlan, card_photo, photo_figure, plan_photo
from generator.render.urls import country_path


@dataclass(frozen=True)
class Ref:
    """Something a page mentions; `path` is None when it has no page to link to."""

    label: str
    path: str | None = None


@dataclass(frozen=True)
class Dated:
    """One entry of a dated list: when, what, and a short note such as a role."""

    date: dt.date
    when: str
    ref: Ref
    note: str = ""
    kind: str = ""
    summary: str = ""
    photo: Md | None = None
    summary_lang: str = ""


@dataclass(frozen=True)
class Fact:
    """A labelled line of a page's fact list; `value` is text or a list of references."""

    label: str
    value: str | Ref | list[Ref]


@dataclass
class PageSpec:
    """A page to render: where it goes, which template, and what the template sees."""

    path: str
    kind: str
    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    date: dt.date | None = None
    translated: bool = True
    entry: Entry | None = None  # the record a record page shows, for its structured data
    title_lang: str = ""
    """The language of a title that fell back to another language ("" when it did not)."""


@dataclass(frozen=True)
class RenderContext:
    """One language's view of the published site."""

    index: Catalog
    loc: Localizer
    # Open Graph locales (`id_ID`, `en_GB`) of every language, for og:locale:alternate.
    locales: Mapping[str, str] = field(default_factory=dict)

    @functools.cached_property
    def strings_digest(self) -> str:
        """A digest of the language's UI strings, which every template reads."""
        return digest_of(self.loc.strings)

    def translated(self, entry: Entry) -> bool:
        """Whether a record has every text in this language (the check counted them)."""
        return self.loc.lang not in self.index.graph.incomplete.get((entry.kind, entry.key), ())

    def title_of(self, record: Record) -> str:
        """A record's display name in this language."""
        title = getattr(record, "title", None) or getattr(record, "name", "")
        return title if isinstance(title, str) else self.loc.text(title)

    def ref(self, kind: str, key: str) -> Ref:
        """A reference to a record; unpublished records are named but not linked."""
        known = self._refs.get((kind, key))
        if known is None:
            known = self._refs[(kind, key)] = self._make_ref(kind, key)
        return known

    def _make_ref(self, kind: str, key: str) -> Ref:
        if kind == "sector":
            return self.sector_ref(key)
        entry = self.index.graph.entries[kind][key]
        return Ref(self.title_of(entry.record), self.index.path_of(kind, key))

    @functools.cached_property
    def _refs(self) -> dict[tuple[str, str], Ref]:
        # A large site names the same few thousand records on page after page.
        return {}

    def refs(self, kind: str, keys: list[str]) -> list[Ref]:
        """References to several records of one kind, in the given order."""
        return [self.ref(kind, key) for key in keys]

    def sector_ref(self, key: str) -> Ref:
        """A reference to a sector's page, labelled in this language."""
        term = self.index.graph.sectors[key]
        return Ref(self.loc.text(term.label), self.index.path_of("sector", key))

    def country_ref(self, code: str) -> Ref:
        """A reference to a country's page, named by Babel."""
        return Ref(self.loc.country(code), country_path(code))

    def dated(self, entry: Entry, note: str = "") -> Dated:
        """A dated list entry for an event or agreement."""
        known = self._dated.get((entry.kind, entry.key, note))
        if known is None:
            plain = self.dated(entry) if note else self._make_dated(entry)
            known = self._dated[(entry.kind, entry.key, note)] = replace(plain, note=note)
        return known

    @functools.cached_property
    def _dated(self) -> dict[tuple[str, str, str], Dated]:
        # Archives, sections, home and entity timelines list the same records again and again.
        return {}

    def _make_dated(self, entry: Entry) -> Dated:
        date = record_date(entry.record)
        assert date is not None, "only events and agreements are dated"
        ref = self.ref(entry.kind, entry.key)
        summary = self.loc.text(getattr(entry.record, "summary", None))
        summary_lang = self.loc.source_lang(getattr(entry.record, "summary", None))
        photo = self.photo(entry.kind, entry.key)
        card = card_photo(photo, self.photo_alt(entry.record), self.root) if photo else None
        return Dated(date, self.loc.date(date), ref, "", entry.kind, summary, card, summary_lang)

    @property
    def root(self) -> str:
        """The language root as an absolute path, e.g. `/warta/id/`, for raw HTML links."""
        return f"{self.loc.config.base_path}{self.loc.lang}/"

    def photo(self, kind: str, key: str) -> PhotoPlan | None:
        """How a record's photo is published, if it has a checked one."""
        source = self.index.graph.photos.get((kind, key))
        return plan_photo(kind, key, source) if source else None

    def photo_alt(self, record: Record) -> str:
        """A record's photo's alt text in this language."""
        photo = getattr(record, "photo", None)
        return self.loc.text(photo.alt) if photo else ""

    def photo_figure(self, entry: Entry) -> Md | None:
        """A record page's photo with its credit, or None."""
        plan = self.photo(entry.kind, entry.key)
        photo = getattr(entry.record, "photo", None)
        if plan is None or photo is None:
            return None
        label = self.loc.label("labels", "photo_credit")
        return photo_figure(plan, self.photo_alt(entry.record), photo.credit, label, self.root)

    def dateline(self, date: dt.date, *parts: str) -> Md:
        """A record's dateline, `<time>3 November 2023</time> · Pertemuan · Jakarta`."""
        when = f'<time datetime="{date.isoformat()}">{escape_markdown(self.loc.date(date))}</time>'
        return Md(" · ".join([when, *(escape_markdown(part) for part in parts if part)]))

    def kind_note(self, entry: Entry) -> str:
        """What a dated record is: its type, and an agreement's status too."""
        record = entry.record
        kind_type = getattr(record, "type", None)
        kind = self.loc.label(f"{record.kind}_types", kind_type.value) if kind_type else ""
        if isinstance(record, Agreement):
            status = self.loc.label("statuses", record.current_status.value)
            return f"{kind}, {status.lower()}"
        return kind

    def location(self, location: Location | None) -> list[Fact]:
        """A location as facts: venue, address, city, region and country."""
        if location is None:
            return []
        labels = self.loc.strings["labels"]
        parts = [
            (labels["venue"], self.loc.text(location.venue)),
            (labels["address"], location.address or ""),
            (labels["city"], location.city or ""),
            (labels["region"], self.loc.text(location.region)),
        ]
        facts = [Fact(label, value) for label, value in parts if value]
        return [*facts, Fact(labels["country"], self.country_ref(location.country))]

    def place(self, location: Location | None) -> str:
        """Where something happened, for a dateline: the city, else the region or country."""
        if location is None:
            return ""
        return location.city or self.loc.text(location.region) or self.loc.country(location.country)

    def sources(self, sources: list[Source]) -> list[dict[str, str]]:
        """Sources with their publisher, title, date, language name and address."""
        return [
            {
                "publisher": source.publisher,
                "title": source.title or "",
                "date": self.loc.date(source.published),
                "language": self.loc.language(source.language),
                "url": source.url or "",
            }
            for source in sources
        ]


def newest_first(items: list[Dated]) -> list[Dated]:
    """Dated entries, newest first, ties broken by label for a stable order."""
    return sorted(items, key=lambda item: (-item.date.toordinal(), item.ref.label, item.note))


def oldest_first(items: list[Dated]) -> list[Dated]:
    """Dated entries in time order, as a timeline reads."""
    return sorted(items, key=lambda item: (item.date, item.ref.label, item.note))
