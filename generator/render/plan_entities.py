"""Pages of organisations and people, gathered from the graph's backlinks."""

from __future__ import annotations

from collections.abc import Iterator

from generator.records.kinds import kind_of
from generator.records.link import Backlink
from generator.records.models import Event, Organization, Person, Position
from generator.records.validate import Entry
from generator.render.context import Dated, Fact, PageSpec, Ref, RenderContext, newest_first
from generator.render.markdown import escape_paragraphs
from generator.render.plan_records import event_role
from generator.render.scripts import in_lang, native_lang


def render_organization(ctx: RenderContext, entry: Entry) -> PageSpec:
    """An organisation's page: facts, people, related organisations and its record."""
    org = entry.record
    assert isinstance(org, Organization)
    links = ctx.index.backlinks("organization", org.key)
    return PageSpec(
        path=entry.page_path,
        kind=org.kind,
        template=kind_of(org).template or "",
        title=ctx.title_of(org),
        title_lang=ctx.loc.source_lang(org.name),
        translated=ctx.translated(entry),
        entry=entry,
        context={
            "facts": organization_facts(ctx, org),
            "photo": ctx.photo_figure(entry),
            "description": escape_paragraphs(ctx.loc.text(org.description)),
            "website": org.website or "",
            "sectors": ctx.refs("sector", org.sectors),
            "people": sorted(organization_people(ctx, links), key=lambda p: _by_label(p[0])),
            "children": sorted(
                (ctx.ref(s.kind, s.key) for s in sources(links, "parent")), key=_by_label
            ),
            "partnerships": [
                ctx.ref(s.kind, s.key) for s in sources(links, "party") if s.kind == "partnership"
            ],
            "timeline": record_timeline(ctx, org.key, links),
        },
    )


def organization_facts(ctx: RenderContext, org: Organization) -> list[Fact]:
    """An organisation's names, type, place and parent as facts."""
    labels = ctx.loc.strings["labels"]
    facts = [
        Fact(labels["native_name"], native_name(org.native_name, org.country)),
        Fact(labels["short_name"], org.short_name or ""),
        Fact(labels["organization_type"], ctx.loc.label("organization_types", org.type.value)),
        Fact(labels["country"], ctx.country_ref(org.country)),
        Fact(labels["region"], ctx.loc.text(org.region)),
    ]
    if org.parent:
        facts.append(Fact(labels["parent"], ctx.ref("organization", org.parent)))
    return [fact for fact in facts if fact.value]


def organization_people(ctx: RenderContext, links: list[Backlink]) -> Iterator[tuple[Ref, str]]:
    """The people who hold (or held) a position at an organisation, with their titles."""
    for link in links:
        if link.role == "position":
            yield ctx.ref("person", link.source.key), ctx.loc.text(link.role_text)


def sources(links: list[Backlink], role: str) -> list[Entry]:
    """The distinct records that link here in one role, in id order."""
    found = {
        (link.source.kind, link.source.key): link.source for link in links if link.role == role
    }
    return [found[key] for key in sorted(found)]


def record_timeline(ctx: RenderContext, key: str, links: list[Backlink]) -> list[Dated]:
    """Every published event and agreement that names an organisation or person, newest
    first, each with the roles it played there."""
    roles: dict[tuple[str, str], list[str]] = {}
    entries: dict[tuple[str, str], Entry] = {}
    for link in links:
        if not kind_of(link.source.record).dated:
            continue
        source = (link.source.kind, link.source.key)
        entries[source] = link.source
        note = backlink_role(ctx, link, key)
        if note not in roles.setdefault(source, []):
            roles[source].append(note)
    items = [ctx.dated(entries[s], "; ".join(notes)) for s, notes in roles.items()]
    return newest_first(items)


def backlink_role(ctx: RenderContext, link: Backlink, key: str) -> str:
    """A role as the page of the mentioned record shows it, e.g. `tuan rumah` or `saksi`."""
    record = link.source.record
    if isinstance(record, Event) and link.role not in ("participant", "quoted"):
        for org in record.organizations:
            if org.organization == key and org.role.value == link.role:
                return event_role(ctx, org)
    label = ctx.loc.label("roles", link.role)
    if not link.role_text:
        return label
    text = ctx.loc.text(link.role_text)
    return text if link.role == "participant" else f"{label} ({text})"


def render_person(ctx: RenderContext, entry: Entry) -> PageSpec:
    """A person's page: positions, and the events and agreements they took part in."""
    person = entry.record
    assert isinstance(person, Person)
    links = ctx.index.backlinks("person", person.key)
    facts = [Fact(ctx.loc.strings["labels"]["native_name"], native_name(person.native_name))]
    return PageSpec(
        path=entry.page_path,
        kind=person.kind,
        template=kind_of(person).template or "",
        title=person.name,
        translated=ctx.translated(entry),
        entry=entry,
        context={
            "facts": [fact for fact in facts if fact.value],
            "positions": [render_position(ctx, pos) for pos in person.positions],
            "description": escape_paragraphs(ctx.loc.text(person.description)),
            "timeline": record_timeline(ctx, person.key, links),
        },
    )


def render_position(ctx: RenderContext, position: Position) -> tuple[str, Ref, str]:
    """A position's title, organisation and period, e.g. `sejak 3 November 2023`."""
    period = ""
    start, end = position.start, position.end
    if start and end:
        period = ctx.loc.label("periods", "between").format(
            start=ctx.loc.date(start), end=ctx.loc.date(end)
        )
    elif start or end:
        which, day = ("since", start) if start else ("until", end)
        period = ctx.loc.label("periods", which).format(date=ctx.loc.date(day))
    return ctx.loc.text(position.title), ctx.ref("organization", position.organization), period


def _by_label(ref: Ref) -> str:
    return ref.label.casefold()


def native_name(name: str | None, country: str | None = None) -> str:
    """A name in its own script, marked with its language (`<span lang="ko">`), or ""."""
    return in_lang(name, native_lang(name, country)) if name else ""
