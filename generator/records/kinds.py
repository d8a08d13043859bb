"""The registry of record kinds: every kind is declared here once.

Each declaration says where a kind's files live, which model validates them, whether they
are dated (filed in year folders and listed in the news), which template renders their
pages and how their page paths are formed. The load, validate, link, render, sitemap and
feed code and `warta new` read these declarations instead of naming kinds themselves, so
adding a kind is one entry here plus its model, templates, skeleton and UI strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from generator.records.models import (
    Agreement,
    Event,
    Organization,
    Partnership,
    Person,
    Record,
    Taxonomy,
)

DateOf = Callable[[Record], dt.date]
YearsOf = Callable[[Record], set[int]]


@dataclass(frozen=True)
class RecordKind:
    """One kind of record and everything that varies by kind."""

    model: type[Record]
    folder: str
    """The folder under `content/`; also the page folder and the section's name."""
    template: str | None = None
    """The Jinja template of the kind's pages, or None when the kind has no pages."""
    date_of: DateOf | None = None
    """For a dated kind: the date that places a record in time (news order, listings)."""
    filing_years: YearsOf | None = None
    """For a dated kind: the years whose folder may hold a record (its URL's year)."""
    date_field: tuple[str | int, ...] = ("date",)
    """Where in a record the date that files it is written, for diagnostics."""

    @property
    def name(self) -> str:
        """The kind's name, as records and diagnostics call it, e.g. `event`."""
        return self.model.kind

    @property
    def dated(self) -> bool:
        """Dated kinds live in `folder/YYYY/` and are listed in the news."""
        return self.date_of is not None

    @property
    def has_pages(self) -> bool:
        """Whether each record gets a page, and the kind a section with an index page."""
        return self.template is not None

    @property
    def section_template(self) -> str:
        """The template of the section's index page."""
        return f"sections/{self.folder}.md.j2"

    @property
    def skeleton(self) -> str:
        """The file name of the kind's `warta new` skeleton in `generator/skeletons/`."""
        return f"{self.name}.yml"

    def page_path(self, key: str, year: int | None) -> str:
        """A record's page path, from its id and the year folder it is filed in (dated kinds).

        Only the file's place decides the address, so a new status, date or title never
        moves a published page.
        """
        if year is not None:
            return f"{self.folder}/{year}/{key}.md"
        return f"{self.folder}/{key}.md"

    def content_folder(self, key: str, year: int | None) -> str:
        """The folder under `content/` where a record of this kind with this id belongs."""
        return self.page_path(key, year).rsplit("/", 1)[0]


def _event_date(record: Record) -> dt.date:
    assert isinstance(record, Event)
    return record.date


def _event_years(record: Record) -> set[int]:
    return {_event_date(record).year}


def _agreement_date(record: Record) -> dt.date:
    assert isinstance(record, Agreement)
    return record.status[-1].date


def _agreement_years(record: Record) -> set[int]:
    # Any year of its history: an agreement filed when it was proposed keeps its folder,
    # and so its address, when it is signed the next year.
    assert isinstance(record, Agreement)
    return {step.date.year for step in record.status}


KINDS: tuple[RecordKind, ...] = (
    RecordKind(Event, "events", "pages/event.md.j2", _event_date, _event_years),
    RecordKind(
        Agreement,
        "agreements",
        "pages/agreement.md.j2",
        _agreement_date,
        _agreement_years,
        ("status", 0, "date"),
    ),
    RecordKind(Organization, "organizations", "pages/organization.md.j2"),
    RecordKind(Person, "people", "pages/person.md.j2"),
    RecordKind(Partnership, "partnerships", "pages/partnership.md.j2"),
    RecordKind(Taxonomy, "taxonomies"),
)
BY_NAME = {kind.name: kind for kind in KINDS}
BY_FOLDER = {kind.folder: kind for kind in KINDS}


def kind_named(name: str) -> RecordKind:
    """The declaration of a kind by its name; an unknown name is a bug."""
    return BY_NAME[name]


def kind_of(record: Record) -> RecordKind:
    """The declaration of a record's kind."""
    return BY_NAME[record.kind]


def dated_kinds() -> list[RecordKind]:
    """The kinds filed by year and listed in the news, in declaration order."""
    return [kind for kind in KINDS if kind.dated]


def page_kinds() -> list[RecordKind]:
    """The kinds whose records get pages, in declaration order (the sections' order)."""
    return [kind for kind in KINDS if kind.has_pages]


def record_date(record: Record) -> dt.date | None:
    """The date that places a record in time, or None for an undated kind."""
    date_of = kind_of(record).date_of
    return date_of(record) if date_of else None
