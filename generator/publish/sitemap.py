"""Sitemaps: one per language with `xhtml:link` alternates between the languages, a sitemap
index at the site root, and `robots.txt` naming it.

They replace the `sitemap.xml` (and `.gz`) MkDocs writes, whose `lastmod` is the build's
date: here every `lastmod` comes from the dates of the records a page shows.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from generator.config import SiteConfig
from generator.render.pages import RenderedSite
from generator.render.published import (
    FOLDERS,
    SiteIndex,
    absolute_url,
    archive_path,
    language_root,
    record_date,
    record_path,
    sector_path,
    updated_on,
)

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
URLSET = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)
SITEMAPINDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
ENTITY_KINDS = ("organization", "person", "partnership")

LastMods = Mapping[str, dt.date | None]


def write_sitemaps(site: RenderedSite, index: SiteIndex, out: Path, langs: Sequence[str]) -> None:
    """Write each built language's sitemap, then the root sitemap index and robots.txt."""
    assert not index.include_drafts, "sitemaps list published pages only"
    config = site.config
    lastmods = page_lastmods(index)
    paths = published_paths(site, index)
    for lang in langs:
        write_xml(out / lang / SITEMAP, render_sitemap(config, lang, paths, lastmods))
    write_xml(out / SITEMAP, render_sitemap_index(config, newest_of(lastmods)))
    (out / ROBOTS).write_text(render_robots(config), "utf-8")


def write_xml(path: Path, text: str) -> None:
    """Write a sitemap and its gzipped copy; a zero mtime keeps the archive reproducible."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    path.write_bytes(data)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, mtime=0))


def published_paths(site: RenderedSite, index: SiteIndex) -> list[str]:
    """The pages every language has, less those of records that are not published.

    A preview renders drafts too, but its sitemap must not list them.
    """
    hidden = {
        record_path(entry.record)
        for kind, by_id in index.graph.entries.items()
        if kind in FOLDERS
        for entry in by_id.values()
        if index.entry(kind, entry.key) is None
    }
    default = site.config.default_language
    return sorted(path for path in site.page_paths(default) if path not in hidden)


def page_lastmods(index: SiteIndex) -> dict[str, dt.date | None]:
    """When each page last changed, from its records' dates; `None` when nothing dates it.

    A news page changes on its record's date; an organisation's, person's or
    partnership's page with the newest record naming it; an archive or sector page with
    the newest record it lists. Any other page lists the newest news of all.
    """
    dates: dict[str, dt.date | None] = {}
    for entry in index.news():
        day = updated_on(entry.record)
        assert day is not None, "news records are dated"
        year = record_date(entry.record) or day
        dates[record_path(entry.record)] = day
        for path in (archive_path(year.year), *map(sector_path, sectors_of(entry.record))):
            dates[path] = max(day, dates.get(path) or day)
    for kind in ENTITY_KINDS:
        for entry in index.entries(kind):
            linked = (updated_on(link.source.record) for link in index.backlinks(kind, entry.key))
            dates[record_path(entry.record)] = max((d for d in linked if d), default=None)
    return dates


def newest_of(lastmods: LastMods) -> dt.date | None:
    """The newest page date, which dates the pages that list the latest news."""
    return max((day for day in lastmods.values() if day), default=None)


def sectors_of(record: object) -> Iterable[str]:
    """The sector ids a record is filed under."""
    sectors: list[str] = getattr(record, "sectors", [])
    return sectors


def render_sitemap(config: SiteConfig, lang: str, paths: Sequence[str], lastmods: LastMods) -> str:
    """One language's sitemap: each page, its date, and its twin in every language."""
    lines, newest = [XML_DECLARATION, URLSET], newest_of(lastmods)
    for path in paths:
        lines += ["<url>", f"  <loc>{escape(absolute_url(config, lang, path))}</loc>"]
        if day := lastmods.get(path, newest):
            lines.append(f"  <lastmod>{day.isoformat()}</lastmod>")
        lines += [
            f'  <xhtml:link rel="alternate" hreflang="{hreflang}" href={quoteattr(href)}/>'
            for hreflang, href in twin_urls(config, path)
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
