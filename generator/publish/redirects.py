"""Redirect pages: every former address of a record (`redirect_from:`) in every language.

Each is a small HTML page that sends the reader on at once (`meta refresh`, no script
needed), names the new page as canonical and asks search engines not to index it. They are
written after the search index and are not pages of the site, so no sitemap, feed or
search result lists them. A redirect to a draft or embargoed record is not written: the
old address would otherwise announce it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from html import escape
from pathlib import Path

from generator.records.validate import Entry
from generator.render.catalog import Catalog
from generator.render.context import RenderContext
from generator.render.i18n import Localizer
from generator.render.pages import RenderedSite
from generator.render.urls import absolute_url, page_url

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p><a href="{href}">{title}</a></p>
</body>
</html>
"""


def redirect_targets(catalog: Catalog) -> dict[str, Entry]:
    """Former page path → published record, for the redirects this build writes."""
    return {
        old: entry
        for old, entry in sorted(catalog.graph.redirects.items())
        if catalog.entry(entry.kind, entry.key) is entry
    }


def write_redirects(
    catalog: Catalog, site: RenderedSite, out: Path, langs: Sequence[str]
) -> list[Path]:
    """Write `<lang>/<former path>/index.html` for every former address; returns them."""
    written = []
    for lang in langs:
        ctx = RenderContext(catalog, Localizer(lang, catalog.graph.config, site.ui[lang]))
        for old, entry in redirect_targets(catalog).items():
            path = out / lang / page_url(old) / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(redirect_page(ctx, old, entry), "utf-8")
            written.append(path)
    return written


def redirect_page(ctx: RenderContext, old: str, entry: Entry) -> str:
    """The HTML of one redirect from a former page path to a record's page."""
    config, lang = ctx.loc.config, ctx.loc.lang
    # Relative, so the redirect also works in a preview on another host or base path.
    href = posixpath.relpath(page_url(entry.page_path), page_url(old)) + "/"
    return PAGE.format(
        lang=escape(lang),
        title=escape(ctx.title_of(entry.record)),
        canonical=escape(absolute_url(config, lang, entry.page_path)),
        href=escape(href),
    )
