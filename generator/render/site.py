"""Stage 4, render: every page of every language as Markdown, from the linked records."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from generator.forks import can_fork, forked_call, frozen_collector
from generator.memo import DiskMemo, MemoStore, digest_of
from generator.records.link import RecordGraph
from generator.render.catalog import Catalog, default_today, is_published
from generator.render.context import PageSpec, Ref, RenderContext
from generator.render.facets import facet_front_matter
from generator.render.i18n import Localizer, load_strings
from generator.render.lastmod import PageDates
from generator.render.markdown import (
    Md,
    escape_markdown,
    finalize,
    join_markdown,
    render_front_matter,
)
from generator.render.pages import NavSection, Page, RenderedSite
from generator.render.photos import plan_photo
from generator.render.plan_aggregates import plan_aggregate_pages
from generator.render.plan_kinds import plan_kind_pages
from generator.render.plan_sections import plan_section_pages
from generator.render.structured_data import og_locale, render_head_meta
from generator.render.urls import relative_link, section_path, sections

_BLANK_RUNS = re.compile(r"\n{3,}")
_URL_SAFE = ":/?#@!$&'*+,;=%~-._"


def render_site(
    graph: RecordGraph,
    templates_dir: Path,
    *,
    include_drafts: bool = False,
    today: dt.date | None = None,
    memos: MemoStore | None = None,
) -> RenderedSite:
    """Render the pages and navigation of every language; paths are the same in each.

    The graph must come from a check without errors: every reference is assumed to resolve.
    With `memos` (whose stamp must cover the templates), a page whose template inputs are
    those of an earlier build takes that build's Markdown instead of being rendered again.
    """
    today = today or default_today()
    index = Catalog(graph, today, include_drafts)
    # Sitemaps never date a page by a draft's record, not even in a preview.
    published = Catalog(graph, today)
    lastmods = PageDates.of(published)
    env = make_environment(templates_dir)
    site = RenderedSite(graph.config, published=published)
    site.ui = {lang: load_strings(templates_dir, lang) for lang in graph.config.languages}
    locales = {lang: og_locale(strings["locale"]) for lang, strings in site.ui.items()}
    contexts = {}
    for lang, strings in site.ui.items():
        site.strings[lang] = {key: str(value) for key, value in strings["theme"].items()}
        # The search field formats dates itself, in the locale the pages use (en_GB: 3 May).
        locale = str(strings["locale"]).replace("_", "-")  # BCP 47, as Intl wants it
        site.search[lang] = {**strings["search"], "locale": locale}
        contexts[lang] = RenderContext(index, Localizer(lang, graph.config, strings), locales)
        site.nav[lang] = render_nav(contexts[lang])
    site.pages = render_languages(env, contexts, lastmods, memos)
    site.photos = [
        plan_photo(kind, key, source)
        for (kind, key), source in sorted(graph.photos.items())
        if index.entry(kind, key)
    ]
    site.untranslated = sorted(
        (page.lang, page.path)
        for pages in site.pages.values()
        for page in pages
        if not page.translated
    )
    return site


def render_languages(
    env: Environment,
    contexts: dict[str, RenderContext],
    lastmods: PageDates,
    memos: MemoStore | None = None,
) -> dict[str, list[Page]]:
    """Every language's pages; where the system can fork, each language after the first in a
    process of its own, which inherits everything rendering reads (no pickling but of pages).
    """
    langs = list(contexts)
    if len(langs) < 2 or not can_fork():
        return {lang: render_language(env, contexts[lang], lastmods, memos) for lang in langs}
    with frozen_collector():
        others = [
            forked_call(render_language, env, contexts[lang], lastmods, memos) for lang in langs[1:]
        ]
        first = render_language(env, contexts[langs[0]], lastmods, memos)
        return dict(zip(langs, [first, *(other.result() for other in others)], strict=True))


def render_language(
    env: Environment, ctx: RenderContext, lastmods: PageDates, memos: MemoStore | None = None
) -> list[Page]:
    """Every page of one language, remembering their Markdown in the language's memo."""
    memo: DiskMemo[str] = memos.open(f"render-{ctx.loc.lang}") if memos else DiskMemo()
    pages = [render_page(env, ctx, spec, lastmods, memo) for spec in plan_pages(ctx)]
    memo.save()
    return pages


def make_environment(templates_dir: Path) -> Environment:
    """A Jinja environment that escapes every printed value for Markdown unless it is `Md`."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,  # HTML autoescaping is the wrong escape for Markdown; finalize does it
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(link=link, links=links, show=show, external=external)
    return env


def plan_pages(ctx: RenderContext) -> list[PageSpec]:
    """Every page of one language, sorted by path; two pages on one path is a bug."""
    specs = [
        *plan_kind_pages(ctx),
        *plan_aggregate_pages(ctx),
        *plan_section_pages(ctx),
    ]
    paths = [spec.path for spec in specs]
    assert len(paths) == len(set(paths)), "two pages share a path"
    return sorted(specs, key=lambda spec: spec.path)


def render_page(
    env: Environment,
    ctx: RenderContext,
    spec: PageSpec,
    lastmods: PageDates,
    memo: DiskMemo[str] | None = None,
) -> Page:
    """One page: front matter, then the template's Markdown, with what later stages need.

    The template's output is a function of its arguments and the templates alone (the
    memo's stamp covers those), so the digest of the arguments is its key in `memo`.
    """
    memo = memo if memo is not None else DiskMemo()
    arguments = {
        **spec.context,
        "page_path": spec.path,
        "title": spec.title,
        # A title in another language is marked so (`{: lang="id" }` after the heading).
        "title_attrs": Md(f' {{: lang="{spec.title_lang}" }}' if spec.title_lang else ""),
        "translated": spec.translated,
        "outdated": is_outdated(ctx, spec),
    }
    text = memo.get(
        digest_of((spec.template, ctx.strings_digest, arguments)),
        lambda: tidy(env.get_template(spec.template).render(arguments, t=ctx.loc.strings)),
    )
    meta = {
        **front_matter(spec),
        **facet_front_matter(ctx, spec),
        **draft_mark(ctx, spec),
        **({"warta_outdated": True} if is_outdated(ctx, spec) else {}),
        **render_head_meta(ctx, spec),
    }
    head = memo.get(digest_of(meta), lambda: render_front_matter(meta))
    markdown = head + "\n" + text
    return Page(
        ctx.loc.lang,
        spec.path,
        spec.title,
        markdown,
        spec.kind,
        spec.translated,
        date=spec.date,
        updated=lastmods.updated(spec.path),
        draft=is_draft(ctx, spec),
    )


def front_matter(spec: PageSpec) -> dict[str, Any]:
    """The page's title and summary for MkDocs, and Warta's own keys for the theme."""
    meta: dict[str, Any] = {"title": spec.title}
    if spec.description:
        meta["description"] = " ".join(spec.description.split())
    meta["warta_kind"] = spec.kind
    if spec.date:
        meta["warta_date"] = spec.date.isoformat()
    meta["warta_translated"] = spec.translated
    return meta


def draft_mark(ctx: RenderContext, spec: PageSpec) -> dict[str, Any]:
    """`warta_draft: true` on the page of a draft or embargoed record (only a preview has one)."""
    return {"warta_draft": True} if is_draft(ctx, spec) else {}


def is_draft(ctx: RenderContext, spec: PageSpec) -> bool:
    """Whether a page shows a draft or embargoed record."""
    return spec.entry is not None and not is_published(spec.entry.record, ctx.index.today)


def is_outdated(ctx: RenderContext, spec: PageSpec) -> bool:
    """Whether a record page shows a translation made from an earlier source text."""
    if spec.entry is None:
        return False
    stale = ctx.index.graph.outdated.get((spec.entry.kind, spec.entry.key), set())
    return ctx.loc.lang in stale


def tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)) + "\n"


def render_nav(ctx: RenderContext) -> list[NavSection]:
    """The top-level sections of one language, each pointing at its index page."""
    return [NavSection(ctx.loc.label("nav", name), section_path(name)) for name in sections()]


@pass_context
def link(context: Context, ref: Ref) -> Md:
    """A relative Markdown link to a reference's page, or its plain label if it has none."""
    label = escape_markdown(ref.label)
    if ref.path is None:
        return Md(label)
    return Md(f"[{label}]({relative_link(context['page_path'], ref.path)})")


@pass_context
def links(context: Context, refs: list[Ref], separator: str = ", ") -> Md:
    """Several references, linked and joined."""
    return join_markdown([link(context, ref) for ref in refs], separator)


@pass_context
def show(context: Context, value: str | Ref | list[Ref]) -> Md:
    """A fact's value: escaped text, a link, or a list of links."""
    if isinstance(value, Ref):
        return link(context, value)
    if isinstance(value, list):
        return links(context, value)
    return value if isinstance(value, Md) else Md(escape_markdown(value))


def external(label: str, url: str) -> Md:
    """A link to another site; the address is percent-encoded so it cannot break out."""
    return Md(f"[{escape_markdown(label)}]({quote(url, safe=_URL_SAFE)})")
