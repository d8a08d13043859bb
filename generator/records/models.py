"""The typed records: one pydantic model per kind, facts once and text per language."""

from __future__ import annotations

import datetime as dt
import functools
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import BaseModel, Field, field_validator
from pydantic.fields import FieldInfo

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


# What each choice means, for the editors' schemas (`warta schema`) and docs/editing.md.
VALUE_HELP: dict[type[StrEnum], dict[str, str]] = {
    OrganizationType: {
        "company": "A business (PT, Ltd, Co.).",
        "business-council": "A council or chamber of businesses (e.g. ICBC).",
        "government": "A national, provincial or city government.",
        "government-agency": "A ministry, department or agency of a government.",
        "industrial-estate": "An industrial estate or park and its operator (kawasan industri).",
        "ngo": "A non-governmental organisation.",
        "association": "An association of members.",
        "university": "A university or research institute.",
        "other": "Anything else.",
    },
    EventType: {
        "meeting": "A meeting or audience (pertemuan, audiensi).",
        "delegation-visit": "A delegation's visit (kunjungan delegasi).",
        "signing": "The signing of an agreement (penandatanganan).",
        "seminar": "A seminar, forum or workshop.",
        "conference": "A conference or summit.",
        "exhibition": "An exhibition or trade fair (pameran).",
        "ceremony": "A ceremony: an opening, a launch, an anniversary.",
        "other": "Anything else.",
    },
    OrganizationRole: {
        "host": "Received the others or held the event at its place (tuan rumah).",
        "delegation": "A visiting group; give its delegation_size (delegasi).",
        "guest": "Invited, but not a delegation (tamu).",
        "organizer": "Arranged the event without hosting it (penyelenggara).",
        "signatory": "Signed an agreement at the event (penandatangan).",
        "witness": "Witnessed a signing (saksi).",
        "partner": "A partner in the cooperation discussed (mitra).",
        "participant": "Took part in any other way (peserta).",
    },
    AgreementKind: {
        "mou": "A memorandum of understanding (nota kesepahaman).",
        "loi": "A letter of intent (surat minat / letter of intent).",
        "contract": "A binding contract (kontrak, perjanjian kerja sama).",
        "other": "Any other form.",
    },
    AgreementStatus: {
        "proposed": "Announced or proposed, not yet negotiated (diusulkan).",
        "negotiating": "Being negotiated or drafted (dirundingkan).",
        "signed": "Signed by the parties (ditandatangani).",
        "in-force": "In effect (berlaku).",
        "expired": "Its term has ended (berakhir).",
        "terminated": "Ended early by the parties (dihentikan).",
    },
    PartnershipKind: {
        "sister-province": "Sister provinces (provinsi bersaudara).",
        "sister-city": "Sister cities (kota bersaudara).",
        "business": "A lasting business relation.",
        "research": "A lasting research or education relation.",
        "other": "Any other lasting relation.",
    },
}


class Record(Strict):
    """Fields shared by every record kind; `id` defaults to the file name."""

    kind: ClassVar[str] = ""
    id: Id | None = None
    """Optional: the record's id is its file name; if given, it must match."""
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
    """The building or place, per language (e.g. Gedung Gradika Bhakti Praja)."""
    address: Text | None = None
    """The street address."""
    city: Text | None = None
    """The city or regency (e.g. Semarang)."""
    region: Localized | None = None
    """The province or state, per language (e.g. Jawa Tengah / Central Java)."""
    country: Country
    """The country, as an ISO 3166-1 alpha-2 code: ID, CN, KR..."""


class Source(Strict):
    """A published report a record is based on."""

    publisher: Text
    """Who published the report (e.g. the news site's name)."""
    url: Url | None = None
    """The address of the report, starting with https://."""
    language: Language
    """The report's language code: id, en, zh, ko..."""
    title: Text | None = None
    """The report's headline, as published."""
    published: Date | None = None
    """When the report was published, YYYY-MM-DD."""


class Photo(Strict):
    """A picture of a record: a file under content/, its alt text per language, its credit.

    The file and the alt text are checked by records/photos.py (E501-E504), so that a
    missing one is reported where it is written rather than as a missing field.
    """

    file: Text
    """The picture's path from content/, e.g. photos/2024/visit.jpg (JPEG, PNG or WebP)."""
    alt: Localized | None = None
    """What the picture shows, per language, for readers who cannot see it."""
    credit: Text
    """Who took the picture or owns it, e.g. Humas ICBC."""


class Organization(Record):
    """A company, council, government body or other organisation."""

    kind: ClassVar[str] = "organization"
    name: Localized
    """The organisation's name as readers of each language know it."""
    native_name: Text | None = None
    """The name in its own script, if not Latin (e.g. 河南省人民政府)."""
    short_name: Text | None = None
    """An abbreviation (e.g. ICBC, KITB)."""
    aliases: list[Text] = Field(default_factory=list)
    """Other names the press uses (e.g. `Pemprov Jateng`), for `warta import` to recognise."""
    type: OrganizationType
    """What the organisation is."""
    country: Country
    """Where it is based: an ISO 3166-1 alpha-2 code (ID, CN, KR...)."""
    region: Localized | None = None
    """Its province or state, per language."""
    website: Url | None = None
    """Its official website, starting with https://."""
    parent: Annotated[Ref | None, RefTo("organization", "parent")] = None
    """The id of the organisation it belongs to (e.g. a department's government)."""
    description: Localized | None = None
    """One or two sentences about the organisation, per language."""
    photo: Photo | None = None
    """A picture: its file under content/, alt text per language and credit."""
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    """Ids of the sectors it works in (content/taxonomies/sectors.yml)."""
    draft: bool = False
    """true while the record is being written: checked, never published."""


class Position(Strict):
    """A title a person held at an organisation."""

    title: Localized
    """The title held, per language (e.g. Ketua Harian / Executive Chairman)."""
    organization: Annotated[Ref, RefTo("organization", "position", note_field="title")]
    """The id of the organisation the title is held at."""
    start: Date | None = Field(default=None, alias="from")
    """Since when, YYYY-MM-DD (key `from`)."""
    end: Date | None = Field(default=None, alias="to")
    """Until when, YYYY-MM-DD (key `to`)."""


class Person(Record):
    """Someone named in the news."""

    kind: ClassVar[str] = "person"
    name: Text
    """The name as the press writes it in Latin letters."""
    native_name: Text | None = None
    """The name in its own script, if not Latin (e.g. 김영환)."""
    aliases: list[Text] = Field(default_factory=list)
    """Other spellings of the name the press uses, for `warta import` to recognise."""
    positions: list[Position] = Field(min_length=1)
    """The titles the person holds or held, each at an organisation."""
    description: Localized | None = None
    """One or two sentences about the person, per language."""
    draft: bool = False
    """true while the record is being written: checked, never published."""


class EventOrganization(Strict):
    """An organisation's part in an event."""

    organization: Annotated[Ref, RefTo("organization", role_field="role")]
    """The id of the organisation."""
    role: OrganizationRole
    """The part it played at the event."""
    delegation_size: Count | None = None
    """For a delegation: how many people it counted."""


class Participant(Strict):
    """A person's part in an event or agreement."""

    person: Annotated[Ref, RefTo("person", "participant", note_field="role")]
    """The id of the person."""
    role: Localized | None = None
    """Their role here, per language (e.g. ketua delegasi / head of the delegation)."""


class Quote(Strict):
    """Something a person said, in every language."""

    person: Annotated[Ref, RefTo("person", "quoted")]
    """The id of the person quoted."""
    text: Localized
    """What they said, per language (translated in your own words)."""


class Event(Record):
    """Something that happened on a date: a meeting, visit, signing, fair."""

    kind: ClassVar[str] = "event"
    type: EventType
    """What kind of event it was."""
    date: Date
    """The day it happened, YYYY-MM-DD; the file sits in events/<its year>/."""
    end_date: Date | None = None
    """The last day of an event over several days, YYYY-MM-DD."""
    publish_date: Date | None = None
    """Keep the record off the site until this day, YYYY-MM-DD."""
    title: Localized
    """The headline, per language, in your own words."""
    summary: Localized
    """One sentence, per language: what happened."""
    body: Localized | None = None
    """The story, per language, in Markdown paragraphs."""
    photo: Photo | None = None
    """A picture: its file under content/, alt text per language and credit."""
    location: Location
    """Where it took place."""
    organizations: list[EventOrganization] = Field(min_length=1)
    """The organisations involved, each with its role."""
    participants: list[Participant] = Field(default_factory=list)
    """The people who took part, each with their role."""
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    """Ids of the sectors it concerns (content/taxonomies/sectors.yml)."""
    agreements: Annotated[list[Ref], RefTo("agreement", "related")] = Field(default_factory=list)
    """Ids of the agreements signed or discussed."""
    partnership: Annotated[Ref | None, RefTo("partnership")] = None
    """The id of the partnership this event belongs to."""
    quotes: list[Quote] = Field(default_factory=list)
    """What people said, each with the person's id."""
    sources: list[Source] = Field(default_factory=list)
    """The published reports this record is based on."""
    draft: bool = False
    """true while the record is being written: checked, never published."""


class StatusStep(Strict):
    """One dated step in an agreement's status history."""

    status: AgreementStatus
    """The status the agreement reached."""
    date: Date
    """When it reached it, YYYY-MM-DD."""
    note: Localized | None = None
    """A remark on this step, per language."""


class Signatory(Strict):
    """A person who signed for one of the parties."""

    person: Annotated[Ref, RefTo("person", "signatory")]
    """The id of the person who signed."""
    organization: Ref
    """The id of the party they signed for (one of `parties`)."""


class Validity(Strict):
    """The period an agreement holds for."""

    start: Date | None = Field(default=None, alias="from")
    """Valid from, YYYY-MM-DD (key `from`)."""
    end: Date | None = Field(default=None, alias="to")
    """Valid until, YYYY-MM-DD (key `to`)."""
    years: Count | None = None
    """How many years it runs."""


class Agreement(Record):
    """An MoU, letter of intent or contract between parties."""

    kind: ClassVar[str] = "agreement"
    type: AgreementKind
    """The agreement's legal form."""
    title: Localized
    """The agreement's name or headline, per language."""
    summary: Localized
    """One sentence, per language: what the parties agreed."""
    body: Localized | None = None
    """More about it, per language, in Markdown paragraphs."""
    status: list[StatusStep] = Field(min_length=1)
    """Its history, oldest first; the folder's year is one of these years."""
    parties: Annotated[list[Ref], RefTo("organization", "party")] = Field(min_length=2)
    """Ids of the organisations that are party to it (at least two)."""
    signatories: list[Signatory] = Field(default_factory=list)
    """Who signed, each for one of the parties."""
    witnesses: Annotated[list[Participant], Role("witness")] = Field(default_factory=list)
    """Who witnessed the signing, each with their role."""
    scope: list[Localized] = Field(default_factory=list)
    """What the parties will do, one text per item."""
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    """Ids of the sectors it concerns (content/taxonomies/sectors.yml)."""
    location: Location | None = None
    """Where it was signed."""
    photo: Photo | None = None
    """A picture: its file under content/, alt text per language and credit."""
    validity: Validity | None = None
    """How long it holds."""
    partnership: Annotated[Ref | None, RefTo("partnership")] = None
    """The id of the partnership it belongs to."""
    events: Annotated[list[Ref], RefTo("event", "related")] = Field(default_factory=list)
    """Ids of related events (e.g. its signing ceremony)."""
    sources: list[Source] = Field(default_factory=list)
    """The published reports this record is based on."""
    publish_date: Date | None = None
    """Keep the record off the site until this day, YYYY-MM-DD."""
    draft: bool = False
    """true while the record is being written: checked, never published."""

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
    """The sort of relation."""
    title: Localized
    """The partnership's name, per language."""
    summary: Localized
    """One sentence, per language: what binds the parties."""
    body: Localized | None = None
    """More about it, per language, in Markdown paragraphs."""
    parties: Annotated[list[Ref], RefTo("organization", "party")] = Field(min_length=2)
    """Ids of the organisations in the relation (at least two)."""
    since: int = Field(ge=1800, le=2200)
    """The year the relation began."""
    sectors: Annotated[list[Ref], RefTo("sector", "sector")] = Field(default_factory=list)
    """Ids of the sectors it covers (content/taxonomies/sectors.yml)."""
    draft: bool = False
    """true while the record is being written: checked, never published."""


class Term(Strict):
    """One entry of a controlled vocabulary, labelled in every language."""

    label: Localized
    """The sector's name, per language."""
    description: Localized | None = None
    """What the sector covers, per language."""


class Taxonomy(Record):
    """A controlled vocabulary such as the sectors."""

    kind: ClassVar[str] = "taxonomy"
    title: Localized
    """The vocabulary's name, per language."""
    terms: dict[Id, Term] = Field(min_length=1)
    """Each term's id and its label."""


@functools.cache
def fields_of(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """A model class's fields; pydantic's `model_fields` builds its answer on every access,
    which walking every record's references for every page made a visible cost."""
    return dict(model.model_fields)
