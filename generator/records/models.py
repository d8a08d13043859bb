"""The typed records: one pydantic model per kind, facts once and text per language."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import Field, field_validator

from generator.records.fields import (
    Count,
    Country,
    Date,
    Id,
    Language,
    Localized,
    Ref,
    RefTo,
    Role,
    Strict,
    Text,
    Url,
)


class OrganizationType(StrEnum):
    """What an organisation is."""

    COMPANY = "company"
    BUSINESS_COUNCIL = "business-council"
    GOVERNMENT = "government"
    GOVERNMENT_AGENCY = "government-agency"
    INDUSTRIAL_ESTATE = "industrial-estate"
    NGO = "ngo"
    ASSOCIATION = "association"
    UNIVERSITY = "university"
    OTHER = "other"


class EventType(StrEnum):
    """What kind of event took place."""

    MEETING = "meeting"
    DELEGATION_VISIT = "delegation-visit"
    SIGNING = "signing"
    SEMINAR = "seminar"
    CONFERENCE = "conference"
    EXHIBITION = "exhibition"
    CEREMONY = "ceremony"
    OTHER = "other"


class OrganizationRole(StrEnum):
    """The part an organisation played at an event."""

    HOST = "host"
    DELEGATION = "delegation"
    GUEST = "guest"
    ORGANIZER = "organizer"
    SIGNATORY = "signatory"
    WITNESS = "witness"
    PARTNER = "partner"
    PARTICIPANT = "participant"


class AgreementKind(StrEnum):
    """The legal form of an agreement."""

    MOU = "mou"
    LOI = "loi"
    CONTRACT = "contract"
    OTHER = "other"


class AgreementStatus(StrEnum):
    """A step in an agreement's life."""

    PROPOSED = "proposed"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    IN_FORCE = "in-force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class PartnershipKind(StrEnum):
    """The sort of long-running relation."""

    SISTER_PROVINCE = "sister-province"
    SISTER_CITY = "sister-city"
    BUSINESS = "business"
    RESEARCH = "research"
    OTHER = "other"


class Record(Strict):
    """Fields shared by every record kind; `id` defaults to the file name."""

    kind: ClassVar[str] = ""
    id: Id | None = None
    redirect_from: list[Text] = Field(default_factory=list)
    """Former ids or page paths of the record; each keeps redirecting to its page."""

    @property
    def key(self) -> str:
        """The record's id (set from the file name by the validate stage)."""
        assert self.id is not None, "validate sets the id"
        return self.id


class Location(Strict):
    """Where something took place."""

    venue: Localized | None = None
    address: Text | None = None
    city: Text | None = None
    region: Localized | None = None
    country: Country


class Source(Strict):
    """A published report a record is based on."""

    publisher: Text
    url: Url | None = None
    language: Language
    title: Text | None = None
    published: Date | None = None


class Organization(Record):
    """A company, council, government body or other organisation."""

    kind: ClassVar[str] = "organization"
    name: Localized
    native_name: Text | None = None
    short_name: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    """Other names the press uses (e.g. `Pemprov Jateng`), for `warta import` to recognise."""
    type: OrganizationType
    country: Country
    region: Localized | None = None
    website: Url | None = None
    parent: Annotated[Ref | None, RefTo("organization", "parent")] = None
    description: Localized | None = None
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    draft: bool = False


class Position(Strict):
    """A title a person held at an organisation."""

    title: Localized
    organization: Annotated[Ref, RefTo("organization", "position", note_field="title")]
    start: Date | None = Field(default=None, alias="from")
    end: Date | None = Field(default=None, alias="to")


class Person(Record):
    """Someone named in the news."""

    kind: ClassVar[str] = "person"
    name: Text
    native_name: Text | None = None
    aliases: list[Text] = Field(default_factory=list)
    """Other spellings of the name the press uses, for `warta import` to recognise."""
    positions: list[Position] = Field(min_length=1)
    description: Localized | None = None
    draft: bool = False


class EventOrganization(Strict):
    """An organisation's part in an event."""

    organization: Annotated[Ref, RefTo("organization", role_field="role")]
    role: OrganizationRole
    delegation_size: Count | None = None


class Participant(Strict):
    """A person's part in an event or agreement."""

    person: Annotated[Ref, RefTo("person", "participant", note_field="role")]
    role: Localized | None = None


class Quote(Strict):
    """Something a person said, in every language."""

    person: Annotated[Ref, RefTo("person", "quoted")]
    text: Localized


class Event(Record):
    """Something that happened on a date: a meeting, visit, signing, fair."""

    kind: ClassVar[str] = "event"
    type: EventType
    date: Date
    end_date: Date | None = None
    publish_date: Date | None = None
    title: Localized
    summary: Localized
    body: Localized | None = None
    location: Location
    organizations: list[EventOrganization] = Field(min_length=1)
    participants: list[Participant] = Field(default_factory=list)
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    agreements: Annotated[list[Ref], RefTo("agreement", "related")] = Field(default_factory=list)
    partnership: Annotated[Ref | None, RefTo("partnership")] = None
    quotes: list[Quote] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    draft: bool = False


class StatusStep(Strict):
    """One dated step in an agreement's status history."""

    status: AgreementStatus
    date: Date
    note: Localized | None = None


class Signatory(Strict):
    """A person who signed for one of the parties."""

    person: Annotated[Ref, RefTo("person", "signatory")]
    organization: Ref


class Validity(Strict):
    """The period an agreement holds for."""

    start: Date | None = Field(default=None, alias="from")
    end: Date | None = Field(default=None, alias="to")
    years: Count | None = None


class Agreement(Record):
    """An MoU, letter of intent or contract between parties."""

    kind: ClassVar[str] = "agreement"
    type: AgreementKind
    title: Localized
    summary: Localized
    body: Localized | None = None
    status: list[StatusStep] = Field(min_length=1)
    parties: Annotated[list[Ref], RefTo("organization", "party")] = Field(min_length=2)
    signatories: list[Signatory] = Field(default_factory=list)
    witnesses: Annotated[list[Participant], Role("witness")] = Field(default_factory=list)
    scope: list[Localized] = Field(default_factory=list)
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    location: Location | None = None
    validity: Validity | None = None
    partnership: Annotated[Ref | None, RefTo("partnership")] = None
    events: Annotated[list[Ref], RefTo("event", "related")] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    publish_date: Date | None = None
    draft: bool = False

    @field_validator("status")
    @classmethod
    def _history_in_order(cls, steps: list[StatusStep]) -> list[StatusStep]:
        dates = [step.date for step in steps]
        if dates != sorted(dates):
            raise ValueError("status history must be in date order, oldest first")
        return steps

    @property
    def date(self) -> dt.date:
        """The date of the latest status step, which dates the agreement."""
        return self.status[-1].date

    @property
    def current_status(self) -> AgreementStatus:
        """The status the agreement is in now."""
        return self.status[-1].status


class Partnership(Record):
    """A long-running relation between parties, such as sister provinces."""

    kind: ClassVar[str] = "partnership"
    type: PartnershipKind
    title: Localized
    summary: Localized
    body: Localized | None = None
    parties: Annotated[list[Ref], RefTo("organization", "party")] = Field(min_length=2)
    since: int = Field(ge=1800, le=2200)
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    draft: bool = False


class Term(Strict):
    """One entry of a controlled vocabulary, labelled in every language."""

    label: Localized
    description: Localized | None = None


class Taxonomy(Record):
    """A controlled vocabulary such as the sectors."""

    kind: ClassVar[str] = "taxonomy"
    title: Localized
    terms: dict[Id, Term] = Field(min_length=1)
