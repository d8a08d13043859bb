"""Drafts and embargoed records across the whole output: out of the built site, its feeds,
calendars and sitemaps; shown and marked in the preview that `warta serve` builds, whose
feeds and sitemaps still leave them out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import BuiltSite

HIDDEN = {
    "events/2024/2024-03-01-secret-talks": "Secret talks",
    "agreements/2024/embargoed-deal": "Embargoed deal",
}
PUBLIC = "events/2024/2024-01-05-acme-visit"
BANNER = {
    "id": "Draf: halaman ini belum terbit",
    "en": "Draft: this page is not published",
}
FEEDS = ["feed.xml", "events.ics", "sitemap.xml"]


def output_files(site: Path) -> list[Path]:
    """Every page, feed, calendar and sitemap of a built site."""
    suffixes = {".html", ".xml", ".ics", ".txt"}
    return [p for p in site.rglob("*") if p.suffix in suffixes and "assets" not in p.parts]


@pytest.mark.slow
def test_the_built_site_never_shows_them(edge_site: BuiltSite) -> None:
    assert edge_site.exit_code == 0
    for lang in ("id", "en"):
        for path in HIDDEN:
            assert not (edge_site.site_dir / lang / path).exists(), path
        assert (edge_site.site_dir / lang / PUBLIC / "index.html").is_file()
    for file in output_files(edge_site.site_dir):
        text = file.read_text("utf-8")
        for path, title in HIDDEN.items():
            assert title not in text and path not in text, (file, title)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_preview_shows_them_marked_as_drafts(edge_preview: Path, lang: str) -> None:
    for path in HIDDEN:
        html = (edge_preview / lang / path / "index.html").read_text("utf-8")
        assert BANNER[lang] in html, path
    public = (edge_preview / lang / PUBLIC / "index.html").read_text("utf-8")
    assert BANNER[lang] not in public


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_previews_feeds_and_sitemap_still_leave_them_out(edge_preview: Path, lang: str) -> None:
    for name in FEEDS:
        text = (edge_preview / lang / name).read_text("utf-8")
        assert "Acme visit" in text or "acme-visit" in text, name  # the feed is not empty
        for path, title in HIDDEN.items():
            assert title not in text and path not in text, (name, title)
