"""Section index pages, and the sector and country pages that gather records."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.records.kinds import RecordKind, kind_of, page_kinds
from generator.records.models import Agreement, Event, Organization, Partnership, Person
from generator.records.validate import Entry
from generator.render.context import Dated, PageSpec, Ref, RenderContext, newest_first
from generator.render.i18n import is_translated
from generator.render.markdown import escape_paragraphs
from generator.render.urls import COUNTRIES, SECTORS, country_path, section_path, sector_path


def plan_section_pages(ctx: RenderContext) -> Iterator[PageSpec]:
    """The index of every section, plus one page per sector and per country."""
    for kind in page_kinds():
        yield SECTION_PLANNERS.get(kind.name, render_kind_index)(ctx, kind)
    yield render_sectors_index(ctx)
    yield render_countries_index(ctx)
    for key in sorted(ctx.index.graph.sectors):
        yield render_sector(ctx, key)
    for code in ctx.index.countries:
        yield render_country(ctx, code)


def section_spec(
    ctx: RenderContext, section: str, context: dict[str, object], template: str = ""
) -> PageSpec:
    """A section index page, titled like its navigation entry."""
    return PageSpec(
        path=section_path(section),
        kind="section",
        template=template or f"sections/{section}.md.j2",
        title=ctx.loc.label("nav", section),
        context=context,
    )


def kind_section(ctx: RenderContext, kind: RecordKind, context: dict[str, object]) -> PageSpec:
    """The index page of a record kind's section."""
    return section_spec(ctx, kind.folder, context, kind.section_template)


def render_kind_index(ctx: RenderContext, kind: RecordKind) -> PageSpec:
    """A kind's records: dated ones newest first with what each is, others by title."""
    entries = ctx.index.entries(kind.name)
    if kind.dated:
        items = [ctx.dated(e, ctx.kind_note(e)) for e in ctx.index.news() if e.kind == kind.name]
        return kind_section(ctx, kind, {"items": items})
    refs = sorted((ctx.ref(kind.name, e.key) for e in entries), key=lambda r: r.label.casefold())
    return kind_section(ctx, kind, {"items": refs})


def render_agreements_index(ctx: RenderContext, kind: RecordKind) -> PageSpec:
    """Every published agreement with its type and status, newest first."""
    rows = []
    for entry in ctx.index.news():
        if isinstance(entry.record, Agreement):
            agreement = entry.record
            rows.append(
                (
                    ctx.dated(entry),
                    ctx.loc.label("agreement_types", agreement.type.value),
                    ctx.loc.label("statuses", agreement.current_status.value),
                )
            )
    return kind_section(ctx, kind, {"rows": rows})


def render_organizations_index(ctx: RenderContext, kind: RecordKind) -> PageSpec:
    """Every organisation with its type and country, by name."""
    rows = []
    for entry in ctx.index.entries("organization"):
        org = entry.record
        assert isinstance(org, Organization)
        org_type = ctx.loc.label("organization_types", org.type.value)
        rows.append((ctx.ref("organization", org.key), org_type, ctx.country_ref(org.country)))
    return kind_section(ctx, kind, {"rows": sorted(rows, key=_by_first_label)})


def render_people_index(ctx: RenderContext, kind: RecordKind) -> PageSpec:
    """Every person with their first position, by name."""
    rows = []
    for entry in ctx.index.entries("person"):
        person = entry.record
        assert isinstance(person, Person)
        position = person.positions[0]
        org = ctx.ref("organization", position.organization)
        rows.append((ctx.ref("person", person.key), ctx.loc.text(position.title), org))
    return kind_section(ctx, kind, {"rows": sorted(rows, key=_by_first_label)})


def render_partnerships_index(ctx: RenderContext, kind: RecordKind) -> PageSpec:
    """Every partnership with its type and starting year, by title."""
    rows = []
    for entry in ctx.index.entries("partnership"):
        partnership = entry.record
        assert isinstance(partnership, Partnership)
        label = ctx.loc.label("partnership_types", partnership.type.value)
        rows.append((ctx.ref("partnership", partnership.key), label, str(partnership.since)))
    return kind_section(ctx, kind, {"rows": sorted(rows, key=_by_first_label)})


def render_sectors_index(ctx: RenderContext) -> PageSpec:
    """Every sector with how many published records it tags, by label."""
    rows = [
        (ctx.sector_ref(key), len(tagged(ctx, "sector", key)))
        for key in sorted(ctx.index.graph.sectors)
    ]
    return section_spec(ctx, SECTORS, {"rows": sorted(rows, key=_by_first_label)})


def render_countries_index(ctx: RenderContext) -> PageSpec:
    """Every country the site mentions, with its organisations and news counts."""
    rows = [
        (ctx.country_ref(code), len(ctx.index.organizations_in(code)), len(country_news(ctx, code)))
        for code in ctx.index.countries
    ]
    return section_spec(ctx, COUNTRIES, {"rows": sorted(rows, key=_by_first_label)})


def tagged(ctx: RenderContext, kind: str, key: str) -> list[Entry]:
    """The distinct published records that link to a record or sector, by kind and id."""
    found = {
        (link.source.kind, link.source.key): link.source for link in ctx.index.backlinks(kind, key)
    }
    return [found[source] for source in sorted(found)]


def render_sector(ctx: RenderContext, key: str) -> PageSpec:
    """A sector's page: the organisations, partnerships, events and agreements it tags."""
    term = ctx.index.graph.sectors[key]
    entries = tagged(ctx, "sector", key)
    return PageSpec(
        path=sector_path(key),
        kind="sector",
        template="pages/sector.md.j2",
        title=ctx.loc.text(term.label),
        description=ctx.loc.text(term.description),
        translated=is_translated(term, ctx.loc.lang),
        context={
            "description": escape_paragraphs(ctx.loc.text(term.description)),
            "organizations": refs_of_kind(ctx, entries, "organization"),
            "partnerships": refs_of_kind(ctx, entries, "partnership"),
            "news": dated_news(ctx, entries),
        },
    )


def refs_of_kind(ctx: RenderContext, entries: list[Entry], kind: str) -> list[Ref]:
    """References to the entries of one kind, by label."""
    refs = [ctx.ref(e.kind, e.key) for e in entries if e.kind == kind]
    return sorted(refs, key=lambda ref: ref.label.casefold())


def dated_news(ctx: RenderContext, entries: list[Entry]) -> list[Dated]:
    """The events and agreements among entries, newest first, with what each one is."""
    dated = [e for e in entries if kind_of(e.record).dated]
    return newest_first([ctx.dated(e, ctx.kind_note(e)) for e in dated])


def country_news(ctx: RenderContext, code: str) -> list[Entry]:
    """Events and agreements held in a country or involving an organisation based there."""
    local = {e.key for e in ctx.index.organizations_in(code)}
    found = []
    for entry in ctx.index.news():
        record = entry.record
        location = getattr(record, "location", None)
        orgs: set[str] = set()
        if isinstance(record, Event):
            orgs = {org.organization for org in record.organizations}
        elif isinstance(record, Agreement):
            orgs = set(record.parties)
        if (location and location.country == code) or orgs & local:
            found.append(entry)
    return found


def render_country(ctx: RenderContext, code: str) -> PageSpec:
    """A country's page: its organisations, and the news held there or involving them."""
    return PageSpec(
        path=country_path(code),
        kind="country",
        template="pages/country.md.j2",
        title=ctx.loc.country(code),
        context={
            "organizations": sorted(
                (ctx.ref("organization", e.key) for e in ctx.index.organizations_in(code)),
                key=lambda ref: ref.label.casefold(),
            ),
            "news": dated_news(ctx, country_news(ctx, code)),
        },
    )


def _by_first_label(row: tuple[object, ...]) -> str:
    first = row[0]
    assert isinstance(first, Ref)
    return first.label.casefold()


SectionPlanner = Callable[[RenderContext, RecordKind], PageSpec]
# Kinds whose index is a table of their own; any other kind gets `render_kind_index`.
SECTION_PLANNERS: dict[str, SectionPlanner] = {
    "agreement": render_agreements_index,
    "organization": render_organizations_index,
    "person": render_people_index,
    "partnership": render_partnerships_index,
}
