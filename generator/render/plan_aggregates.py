"""Aggregate pages: the home page, the paginated news list and the yearly archives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from generator.records.models import Agreement, AgreementStatus
from generator.render.charts import Bar, Series, bar_chart
from generator.render.context import Dated, PageSpec, Ref, RenderContext, oldest_first
from generator.render.markdown import Md
from generator.render.urls import archive_path, news_path, section_path

LATEST_NEWS = 5


def plan_aggregate_pages(ctx: RenderContext) -> Iterator[PageSpec]:
    """The home page, every page of the news list, and one archive page per year."""
    yield render_home(ctx)
    yield from render_news_pages(ctx)
    yield from render_archives(ctx)


def news_items(ctx: RenderContext) -> list[Dated]:
    """Every published event and agreement as a news entry, newest first."""
    return [ctx.dated(entry, ctx.kind_note(entry)) for entry in ctx.index.news()]


def render_home(ctx: RenderContext) -> PageSpec:
    """The home page: latest news, upcoming events and a few figures."""
    today = ctx.index.today
    items = news_items(ctx)
    upcoming = [item for item in items if item.kind == "event" and item.date >= today]
    return PageSpec(
        path=section_path("home"),
        kind="home",
        template="pages/home.md.j2",
        title=ctx.loc.config.name(ctx.loc.lang),
        description=ctx.loc.text(ctx.loc.config.site_description),
        context={
            "intro": ctx.loc.text(ctx.loc.config.site_description),
            "latest": [item for item in items if item.date <= today][:LATEST_NEWS],
            "upcoming": oldest_first(upcoming),
            **home_figures(ctx),
            "news": Ref(ctx.loc.label("labels", "all_news"), section_path("news")),
        },
    )


def home_figures(ctx: RenderContext) -> dict[str, Any]:
    """The home page's figures, each as a table's rows and as a bar chart."""
    labels = ctx.loc.strings["labels"]
    statuses = agreements_by_status(ctx)
    partners = partners_by_country(ctx)
    status_bars = [Bar(label, count, ctx.loc.number(count)) for label, count in statuses]
    partner_bars = [Bar(ref.label, count, ctx.loc.number(count)) for ref, count in partners]
    return {
        "statuses": [
            (label, bar.shown) for (label, _), bar in zip(statuses, status_bars, strict=True)
        ],
        "partners": [
            (ref, bar.shown) for (ref, _), bar in zip(partners, partner_bars, strict=True)
        ],
        "status_chart": bars_figure("chart-statuses", labels["agreements_by_status"], status_bars),
        "partner_chart": bars_figure("chart-partners", labels["partners_by_country"], partner_bars),
    }


def bars_figure(chart_id: str, title: str, bars: list[Bar]) -> Md | None:
    """One series of bars, described by its figures (`Signed: 1; Proposed: 2`)."""
    desc = "; ".join(f"{bar.label}: {bar.shown}" for bar in bars)
    return bar_chart(chart_id, title, desc, [Series(title, tuple(bars))])


def agreements_by_status(ctx: RenderContext) -> list[tuple[str, int]]:
    """How many published agreements are in each status, in the order of an agreement's life."""
    counts = Counter(
        entry.record.current_status
        for entry in ctx.index.entries("agreement")
        if isinstance(entry.record, Agreement)
    )
    return [
        (ctx.loc.label("statuses", status.value), counts[status])
        for status in AgreementStatus
        if counts[status]
    ]


def partners_by_country(ctx: RenderContext) -> list[tuple[Ref, int]]:
    """How many organisations each country has, most first."""
    rows = [
        (ctx.country_ref(code), len(ctx.index.organizations_in(code)))
        for code in ctx.index.countries
    ]
    rows = [row for row in rows if row[1]]
    return sorted(rows, key=lambda row: (-row[1], row[0].label.casefold()))


def render_news_pages(ctx: RenderContext) -> Iterator[PageSpec]:
    """The news list, `page_size` entries a page, with previous and next links."""
    items = news_items(ctx)
    size = ctx.loc.config.page_size
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        yield PageSpec(
            path=news_path(number),
            kind="news",
            template="pages/news.md.j2",
            title=news_title(ctx, number, len(chunks)),
            context={
                "items": chunk,
                "position": ctx.loc.label("pagination", "position").format(
                    page=number, pages=len(chunks)
                ),
                "previous": news_ref(ctx, number - 1, "previous") if number > 1 else None,
                "next": news_ref(ctx, number + 1, "next") if number < len(chunks) else None,
                "archives": archive_refs(ctx),
            },
        )


def yearly_figures(ctx: RenderContext, items: list[Dated]) -> dict[str, Any]:
    """Events and agreements per year, oldest first: a table's rows and a bar chart."""
    labels = ctx.loc.strings["labels"]
    years = sorted({item.date.year for item in items})
    counts = Counter((item.date.year, item.kind) for item in items)
    rows = [
        (str(year), *(ctx.loc.number(counts[year, kind]) for kind in ("event", "agreement")))
        for year in years
    ]
    series = [
        Series(
            labels[name],
            tuple(Bar(str(y), counts[y, kind], ctx.loc.number(counts[y, kind])) for y in years),
        )
        for name, kind in (("events", "event"), ("agreements", "agreement"))
    ]
    desc = "; ".join(
        f"{year}: {labels['events']} {ev}, {labels['agreements']} {ag}" for year, ev, ag in rows
    )
    title = labels["per_year"]
    return {"year_rows": rows, "year_chart": bar_chart("chart-years", title, desc, series)}


def news_title(ctx: RenderContext, number: int, pages: int) -> str:
    """`Berita`, or `Berita (halaman 2)` after the first page."""
    title = ctx.loc.label("nav", "news")
    if number == 1:
        return title
    return ctx.loc.label("pagination", "titled").format(title=title, page=number, pages=pages)


def news_ref(ctx: RenderContext, number: int, label: str) -> Ref:
    """A link to another page of the news list."""
    return Ref(ctx.loc.label("pagination", label), news_path(number))


def archive_years(ctx: RenderContext) -> list[int]:
    """The years that have published news, newest first."""
    return list(ctx.index.news_years)


def archive_refs(ctx: RenderContext) -> list[Ref]:
    """Links to every year's archive page, newest first."""
    return [Ref(str(year), archive_path(year)) for year in archive_years(ctx)]


def render_archives(ctx: RenderContext) -> Iterator[PageSpec]:
    """One page per year listing its events and agreements, newest first."""
    items = news_items(ctx)
    per_year = yearly_figures(ctx, items)
    for year in archive_years(ctx):
        chosen = [item for item in items if item.date.year == year]
        yield PageSpec(
            path=archive_path(year),
            kind="archive",
            template="pages/archive.md.j2",
            title=ctx.loc.label("archive", "title").format(year=year),
            context={
                "events": [i for i in chosen if i.kind == "event"],
                "agreements": [i for i in chosen if i.kind == "agreement"],
                "archives": archive_refs(ctx),
                **per_year,
            },
        )
