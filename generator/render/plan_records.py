"""Pages of the dated records and partnerships: events, agreements and their timelines."""

from __future__ import annotations

from collections.abc import Iterator

from generator.records.kinds import kind_of, record_date
from generator.records.models import Agreement, Event, EventOrganization, Partnership, Validity
from generator.records.validate import Entry
from generator.render.charts import Mark, timeline_chart
from generator.render.context import Dated, Fact, PageSpec, Ref, RenderContext, oldest_first
from generator.render.markdown import Md, escape_markdown, vet_body


def record_spec(ctx: RenderContext, entry: Entry) -> PageSpec:
    """The parts every record page shares: path, title, summary, date, translation state."""
    record = entry.record
    summary = getattr(record, "summary", None)
    return PageSpec(
        path=entry.page_path,
        kind=record.kind,
        template=kind_of(record).template or "",
        title=ctx.title_of(record),
        description=ctx.loc.text(summary),
        date=record_date(record),
        translated=ctx.translated(entry),
        entry=entry,
        title_lang=ctx.loc.source_lang(getattr(record, "title", None)),
    )


def render_record(ctx: RenderContext, entry: Entry) -> PageSpec:
    """The page of a record of a kind with no page planner of its own: summary and body."""
    spec = record_spec(ctx, entry)
    record = entry.record
    spec.context = {
        "facts": [],
        "summary": spec.description,
        "summary_lang": ctx.loc.source_lang(getattr(entry.record, "summary", None)),
        "body": render_body(ctx, getattr(record, "body", None)),
        "sectors": ctx.refs("sector", getattr(record, "sectors", [])),
    }
    return spec


def render_body(ctx: RenderContext, body: dict[str, str] | None) -> Md | None:
    """A record's Markdown body in this language, vetted, or None."""
    if not body:
        return None
    text = vet_body(ctx.loc.text(body), ctx.loc.config.raw_html)
    # A body that fell back to another language says so, for screen readers' voices.
    lang = ctx.loc.source_lang(body)
    return Md(f'<div lang="{lang}" markdown>\n\n{text}\n\n</div>') if lang else text


def render_event(ctx: RenderContext, entry: Entry) -> PageSpec:
    """The page of one event."""
    event = entry.record
    assert isinstance(event, Event)
    spec = record_spec(ctx, entry)
    when = ctx.loc.date(event.date)
    if event.end_date:
        when = f"{when} – {ctx.loc.date(event.end_date)}"
    labels = ctx.loc.strings["labels"]
    facts = [
        Fact(labels["date"], when),
        Fact(labels["type"], ctx.loc.label("event_types", event.type.value)),
        *ctx.location(event.location),
    ]
    kind = ctx.loc.label("event_types", event.type.value)
    spec.context = {
        "dateline": ctx.dateline(event.date, kind, ctx.place(event.location)),
        "photo": ctx.photo_figure(entry),
        "facts": facts,
        "summary": spec.description,
        "summary_lang": ctx.loc.source_lang(getattr(entry.record, "summary", None)),
        "body": render_body(ctx, event.body),
        "organizations": [render_event_organization(ctx, org) for org in event.organizations],
        "participants": [
            (ctx.ref("person", p.person), ctx.loc.text(p.role)) for p in event.participants
        ],
        "quotes": [(ctx.ref("person", q.person), ctx.loc.text(q.text)) for q in event.quotes],
        "sectors": ctx.refs("sector", event.sectors),
        "agreements": [render_agreement_status(ctx, key) for key in event.agreements],
        "partnership": ctx.ref("partnership", event.partnership) if event.partnership else None,
        "sources": ctx.sources(event.sources),
    }
    return spec


def render_event_organization(ctx: RenderContext, org: EventOrganization) -> tuple[Ref, str]:
    """An organisation at an event with its role, e.g. `delegasi (13 orang)`."""
    return ctx.ref("organization", org.organization), event_role(ctx, org)


def event_role(ctx: RenderContext, org: EventOrganization) -> str:
    """An organisation's role at an event, with the size of its delegation if known."""
    role = ctx.loc.label("roles", org.role.value)
    if org.delegation_size:
        return f"{role} ({ctx.loc.count('counts', 'people', org.delegation_size)})"
    return role


def render_agreement_status(ctx: RenderContext, key: str) -> tuple[Ref, str]:
    """A related agreement with its current status."""
    agreement = ctx.index.graph.get("agreement", key)
    assert isinstance(agreement, Agreement)
    return ctx.ref("agreement", key), ctx.loc.label("statuses", agreement.current_status.value)


def render_agreement(ctx: RenderContext, entry: Entry) -> PageSpec:
    """The page of one agreement."""
    agreement = entry.record
    assert isinstance(agreement, Agreement)
    spec = record_spec(ctx, entry)
    latest = ctx.loc.label("statuses", agreement.current_status.value)
    kind = ctx.loc.label("agreement_types", agreement.type.value)
    place = ctx.place(agreement.location)
    spec.context = {
        "dateline": ctx.dateline(agreement.status[-1].date, kind, latest, place),
        "photo": ctx.photo_figure(entry),
        "facts": agreement_facts(ctx, agreement),
        "summary": spec.description,
        "summary_lang": ctx.loc.source_lang(getattr(entry.record, "summary", None)),
        "body": render_body(ctx, agreement.body),
        "parties": ctx.refs("organization", agreement.parties),
        "signatories": [
            (ctx.ref("person", s.person), ctx.ref("organization", s.organization))
            for s in agreement.signatories
        ],
        "witnesses": [
            (ctx.ref("person", w.person), ctx.loc.text(w.role)) for w in agreement.witnesses
        ],
        "scope": [ctx.loc.text(item) for item in agreement.scope],
        "history": [
            (ctx.loc.date(s.date), ctx.loc.label("statuses", s.status.value), ctx.loc.text(s.note))
            for s in agreement.status
        ],
        "location": ctx.location(agreement.location),
        "events": ctx.refs("event", agreement.events),
        "partnership": ctx.ref("partnership", agreement.partnership)
        if agreement.partnership
        else None,
        "sectors": ctx.refs("sector", agreement.sectors),
        "sources": ctx.sources(agreement.sources),
    }
    return spec


def agreement_facts(ctx: RenderContext, agreement: Agreement) -> list[Fact]:
    """An agreement's type, current status, date and validity as facts."""
    labels = ctx.loc.strings["labels"]
    latest = agreement.status[-1]
    return [
        Fact(labels["agreement_type"], ctx.loc.label("agreement_types", agreement.type.value)),
        Fact(labels["status"], ctx.loc.label("statuses", latest.status.value)),
        Fact(labels["status_date"], ctx.loc.date(latest.date)),
        *validity_facts(ctx, agreement.validity),
    ]


def validity_facts(ctx: RenderContext, validity: Validity | None) -> list[Fact]:
    """When an agreement holds from and to, and for how many years."""
    if validity is None:
        return []
    labels = ctx.loc.strings["labels"]
    facts = []
    if validity.start:
        facts.append(Fact(labels["valid_from"], ctx.loc.date(validity.start)))
    if validity.end:
        facts.append(Fact(labels["valid_until"], ctx.loc.date(validity.end)))
    if validity.years:
        facts.append(Fact(labels["term"], ctx.loc.count("counts", "years", validity.years)))
    return facts


def render_partnership(ctx: RenderContext, entry: Entry) -> PageSpec:
    """The page of one partnership, with its agreements and events on one timeline."""
    partnership = entry.record
    assert isinstance(partnership, Partnership)
    spec = record_spec(ctx, entry)
    labels = ctx.loc.strings["labels"]
    kind = ctx.loc.label("partnership_types", partnership.type.value)
    timeline = oldest_first(list(partnership_timeline(ctx, partnership.key)))
    spec.context = {
        "dateline": Md(escape_markdown(f"{kind} · {labels['since']} {partnership.since}")),
        "facts": [
            Fact(labels["type"], kind),
            Fact(labels["since"], str(partnership.since)),
        ],
        "summary": spec.description,
        "summary_lang": ctx.loc.source_lang(getattr(entry.record, "summary", None)),
        "body": render_body(ctx, partnership.body),
        "parties": ctx.refs("organization", partnership.parties),
        "timeline": timeline,
        "chart": timeline_figure(ctx, spec.title, timeline),
        "sectors": ctx.refs("sector", partnership.sectors),
    }
    return spec


def partnership_timeline(ctx: RenderContext, key: str) -> Iterator[Dated]:
    """Each event of a partnership, and each status step of its agreements."""
    for link in ctx.index.backlinks("partnership", key):
        record = link.source.record
        if isinstance(record, Event):
            yield ctx.dated(link.source, ctx.kind_note(link.source))
        elif isinstance(record, Agreement):
            ref = ctx.ref("agreement", record.key)
            for step in record.status:
                status = ctx.loc.label("statuses", step.status.value)
                yield Dated(step.date, ctx.loc.date(step.date), ref, status, "agreement")


def timeline_figure(ctx: RenderContext, title: str, timeline: list[Dated]) -> Md | None:
    """The partnership's timeline as a chart: events above, agreement steps below."""
    if not timeline:
        return None
    events = sum(1 for item in timeline if item.kind == "event")
    desc = ctx.loc.label("charts", "timeline_desc").format(
        events=ctx.loc.count("counts", "events", events),
        steps=ctx.loc.count("counts", "agreement_steps", len(timeline) - events),
        start=timeline[0].when,
        end=timeline[-1].when,
    )
    labels = ctx.loc.strings["labels"]
    marks = [
        Mark(item.date, f"{item.when}: {item.ref.label}", 0 if item.kind == "event" else 1)
        for item in timeline
    ]
    names = (labels["events"], labels["agreements"])
    chart_title = f"{labels['timeline']}: {title}"
    return timeline_chart("chart-timeline", chart_title, desc, names, marks)
