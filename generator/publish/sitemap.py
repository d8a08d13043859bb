"""Sitemaps: one per language with `xhtml:link` alternates between the languages, a sitemap
index at the site root, and `robots.txt` naming it.

They replace the `sitemap.xml` (and `.gz`) MkDocs writes, whose `lastmod` is the build's
date: here every `lastmod` comes from the dates of the records a page shows.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from generator.config import SiteConfig
from generator.render.pages import Page, RenderedSite
from generator.render.urls import absolute_url, language_root

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
URLSET = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)
SITEMAPINDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def write_sitemaps(site: RenderedSite, out: Path, langs: Sequence[str]) -> None:
    """Write each built language's sitemap, then the root sitemap index and robots.txt."""
    config = site.config
    pages = published_pages(site)
    for lang in langs:
        write_xml(out / lang / SITEMAP, render_sitemap(config, lang, pages))
    newest = max((page.updated for page in pages if page.updated), default=None)
    write_xml(out / SITEMAP, render_sitemap_index(config, newest))
    (out / ROBOTS).write_text(render_robots(config), "utf-8")


def write_xml(path: Path, text: str) -> None:
    """Write a sitemap and its gzipped copy; a zero mtime keeps the archive reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, mtime=0))


def published_pages(site: RenderedSite) -> list[Page]:
    """The default language's pages, less drafts' (a preview renders them; its sitemap
    must not list them), in path order. Every language has the same paths."""
    pages = site.pages.get(site.config.default_language, [])
    return sorted((page for page in pages if not page.draft), key=lambda page: page.path)


def render_sitemap(config: SiteConfig, lang: str, pages: Sequence[Page]) -> str:
    """One language's sitemap: each page, its date, and its twin in every language."""
    lines = [XML_DECLARATION, URLSET]
    for page in pages:
        lines += ["<url>", f"  <loc>{escape(absolute_url(config, lang, page.path))}</loc>"]
        if page.updated:
            lines.append(f"  <lastmod>{page.updated.isoformat()}</lastmod>")
        lines += [
            f'  <xhtml:link rel="alternate" hreflang="{hreflang}" href={quoteattr(href)}/>'
            for hreflang, href in twin_urls(config, page.path)
        ]
        lines.append("</url>")
    return "\n".join([*lines, "</urlset>", ""])


def twin_urls(config: SiteConfig, path: str) -> list[tuple[str, str]]:
    """A page's address in every language, and the default language's as `x-default`."""
    twins = [(lang, absolute_url(config, lang, path)) for lang in config.languages]
    return [*twins, ("x-default", absolute_url(config, config.default_language, path))]


def render_sitemap_index(config: SiteConfig, newest: dt.date | None) -> str:
    """The root sitemap index, pointing at every language's sitemap."""
    lines = [XML_DECLARATION, SITEMAPINDEX]
    for lang in config.languages:
        lines += ["<sitemap>", f"  <loc>{escape(language_root(config, lang) + SITEMAP)}</loc>"]
        if newest:
            lines.append(f"  <lastmod>{newest.isoformat()}</lastmod>")
        lines.append("</sitemap>")
    return "\n".join([*lines, "</sitemapindex>", ""])


def render_robots(config: SiteConfig) -> str:
    """robots.txt: everything may be crawled, and here is the sitemap index."""
    sitemap = f"{config.base_url.rstrip('/')}/{SITEMAP}"
    # Crawlers read robots.txt only at the root of a host; under a sub-path (GitHub
    # project pages) it is inert, and the sitemap index must be submitted by hand.
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n"
