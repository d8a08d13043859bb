"""Redirect pages for former addresses (`redirect_from:`): one per alias in every language, an
immediate redirect with a canonical link and noindex, and never in a sitemap, feed or
search index."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from factories import event, minimal_records, render_project, write_project
from sites import HOSTILE, BuiltSite

from generator.publish.redirects import write_redirects

EDGE_ROOT = "https://example.net/projects/warta-edge/"
NEW = "events/2024/2024-01-05-acme-visit/"
FORMER = ["events/2024/2024-01-05-acme-call/", "events/2023/acme-visit-plan/"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("former", FORMER)
def test_every_former_address_redirects_in_every_language(
    edge_site: BuiltSite, lang: str, former: str
) -> None:
    assert edge_site.exit_code == 0
    html = (edge_site.site_dir / lang / former / "index.html").read_text("utf-8")
    assert f'<html lang="{lang}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="{EDGE_ROOT}{lang}/{NEW}">' in html
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert refresh is not None
    # The relative target, resolved from the former address, is the record's page.
    assert posixpath.normpath(posixpath.join(former, refresh.group(1))) + "/" == NEW
    assert (edge_site.site_dir / lang / NEW / "index.html").is_file()
    title = "Acme visit (id)" if lang == "id" else "Acme visit"
    assert f"<title>{title}</title>" in html


def test_an_embargoed_record_gets_no_redirect(edge_site: BuiltSite) -> None:
    for lang in ("id", "en"):
        assert not (edge_site.site_dir / lang / "agreements/2024/secret-deal").exists()


def test_redirects_are_in_no_sitemap_feed_or_search_index(edge_site: BuiltSite) -> None:
    site = edge_site.site_dir
    listings = [*site.glob("*.xml"), *site.glob("*/*.xml"), *site.glob("*/events.ics")]
    assert listings
    for path in listings:
        text = path.read_text("utf-8")
        for former in [*FORMER, "secret-deal"]:
            assert former.rstrip("/") not in text, f"{former} in {path.name}"
    # Pagefind lists every page it indexed in its fragments; none is a redirect.
    for lang in ("id", "en"):
        fragments = list((site / lang / "pagefind").glob("fragment/*"))
        assert fragments
        assert not any(b"acme-call" in path.read_bytes() for path in fragments)


def test_a_redirect_page_has_no_script_and_escapes_the_title(edge_site: BuiltSite) -> None:
    for path in edge_site.site_dir.glob("*/events/2024/2024-01-05-acme-call/index.html"):
        html = path.read_text("utf-8")
        assert "<script" not in html
        assert html.count("<a href=") == 1


def test_a_hostile_title_is_escaped_in_a_redirect(tmp_path: Path) -> None:
    records = minimal_records()
    title = HOSTILE.replace("'", "''")
    records["events/2024/2024-01-05-acme-visit.yml"] = (
        event("2024-01-05", "x").replace(
            "title: {id: x (id), en: x}", f"title: {{id: '{title}', en: '{title}'}}"
        )
        + "redirect_from: [old-visit]\n"
    )
    site = render_project(write_project(tmp_path / "p", records))
    assert site.published is not None
    out = tmp_path / "out"
    written = write_redirects(site.published, site, out, ["id", "en"])
    assert [p.relative_to(out).as_posix() for p in written] == [
        "id/events/2024/old-visit/index.html",
        "en/events/2024/old-visit/index.html",
    ]
    html = written[0].read_text("utf-8")
    assert "<script>" not in html and "&lt;/script&gt;&lt;script&gt;" in html
