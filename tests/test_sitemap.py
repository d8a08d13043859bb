"""The sitemaps: a root index, one per language with hreflang alternates, `lastmod` from the
records' dates, and robots.txt; all under the configured base URL."""

from __future__ import annotations

import datetime as dt
import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from crawl import Site
from factories import build_graph, minimal_records, write_project
from sites import BuiltSite

from generator.publish.sitemap import (
    ROBOTS,
    SITEMAP,
    render_robots,
    render_sitemap,
    render_sitemap_index,
)
from generator.render.catalog import Catalog, default_today, updated_on
from generator.render.pages import Page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


NOINDEX = '<meta name="robots" content="noindex">'


def parse(path: Path) -> ET.Element:
    """A sitemap file's root element."""
    return ET.fromstring(path.read_bytes())


def urls(root: ET.Element) -> dict[str, ET.Element]:
    """A sitemap's `<url>` elements by their `<loc>`."""
    return {el.findtext("s:loc", namespaces=NS) or "": el for el in root.findall("s:url", NS)}


def alternates(url: ET.Element) -> dict[str, str]:
    """A `<url>`'s xhtml:link alternates, by hreflang."""
    return {link.get("hreflang", ""): link.get("href", "") for link in url.findall("x:link", NS)}


# --- unit ---------------------------------------------------------------------------------


def test_a_sitemap_entry_names_every_twin(tmp_path: Path) -> None:
    config = build_graph(write_project(tmp_path, minimal_records())).config
    pages = [Page("en", path, "", "", "page") for path in ("index.md", "people/jane-doe.md")]
    text = render_sitemap(config, "en", pages)
    root = ET.fromstring(text)
    found = urls(root)
    assert list(found) == [
        "https://example.org/warta/en/",
        "https://example.org/warta/en/people/jane-doe/",
    ]
    assert alternates(found["https://example.org/warta/en/people/jane-doe/"]) == {
        "id": "https://example.org/warta/id/people/jane-doe/",
        "en": "https://example.org/warta/en/people/jane-doe/",
        "x-default": "https://example.org/warta/id/people/jane-doe/",
    }
    assert root.find("s:url/s:lastmod", NS) is None  # nothing dates these pages
    index = ET.fromstring(render_sitemap_index(config, dt.date(2024, 2, 10)))
    assert [el.text for el in index.iter(f"{{{NS['s']}}}loc")] == [
        "https://example.org/warta/id/sitemap.xml",
        "https://example.org/warta/en/sitemap.xml",
    ]
    assert render_robots(config).endswith("Sitemap: https://example.org/warta/sitemap.xml\n")


# --- the built sites ------------------------------------------------------------------------

SAMPLES = ["seed_site", "synth_site", "edge_site"]


@pytest.fixture(params=SAMPLES)
def built(request: pytest.FixtureRequest) -> BuiltSite:
    """Each sample site, built once per session."""
    sample: BuiltSite = request.getfixturevalue(request.param)
    assert sample.exit_code == 0, f"{request.param}: warta build --strict failed"
    return sample


@pytest.mark.slow
def test_the_root_names_every_language_sitemap(built: BuiltSite) -> None:
    root = parse(built.site_dir / SITEMAP)
    locs = [el.text for el in root.iter(f"{{{NS['s']}}}loc")]
    assert locs == [f"{built.base_url}id/sitemap.xml", f"{built.base_url}en/sitemap.xml"]
    robots = (built.site_dir / ROBOTS).read_text("utf-8")
    assert f"Sitemap: {built.base_url}sitemap.xml\n" in robots


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_language_sitemap_lists_every_page_with_its_twins(built: BuiltSite, lang: str) -> None:
    site = Site(built.site_dir, built.base_url)
    found = urls(parse(built.site_dir / lang / SITEMAP))
    pages = {
        site.url_of(file)
        for file in (built.site_dir / lang).rglob("index.html")
        if "assets" not in file.parts and NOINDEX not in file.read_text("utf-8")
    }
    assert set(found) == pages  # every page but the redirects of former addresses
    for loc, url in found.items():
        twins = alternates(url)
        assert set(twins) == {"id", "en", "x-default"}, loc
        assert twins[lang] == loc
        for href in twins.values():
            assert site.resolve(built.site_dir / lang / "index.html", href).is_file(), href


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_lastmod_is_a_record_date_never_the_build_day(built: BuiltSite, lang: str) -> None:
    index = Catalog(build_graph(built.project), default_today())
    record_days = {updated_on(entry.record) for entry in index.news()}
    root = parse(built.site_dir / lang / SITEMAP)
    days = {dt.date.fromisoformat(el.text or "") for el in root.iter(f"{{{NS['s']}}}lastmod")}
    assert days and days <= record_days
    found = urls(root)
    for entry in index.news():
        loc = Site(built.site_dir, built.base_url).url_of(
            built.site_dir / lang / entry.page_path.removesuffix(".md") / "index.html"
        )
        assert found[loc].findtext("s:lastmod", namespaces=NS) == str(updated_on(entry.record))


@pytest.mark.slow
def test_the_gzipped_sitemaps_match(built: BuiltSite) -> None:
    for lang in ("id", "en"):
        plain = (built.site_dir / lang / SITEMAP).read_bytes()
        assert gzip.decompress((built.site_dir / lang / f"{SITEMAP}.gz").read_bytes()) == plain
