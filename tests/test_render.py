"""Stage 4, render: page paths, links, drafts, ordering, pagination and front matter."""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

import pytest
import yaml
from factories import (
    CONFIG,
    ROOT,
    agreement,
    event,
    internal_links,
    minimal_records,
    page,
    render_project,
    write_project,
)
from hypothesis import given
from hypothesis import strategies as st

from generator.project import Project
from generator.render.catalog import default_today
from generator.render.pages import RenderedSite
from generator.render.urls import relative_link


def front_matter(markdown: str) -> dict[str, object]:
    """The YAML front matter of a page."""
    assert markdown.startswith("---\n")
    meta = yaml.safe_load(markdown.split("---\n", 2)[1])
    assert isinstance(meta, dict)
    return meta


def assert_links_resolve(site: RenderedSite) -> None:
    """Every internal link of every page points at a page of the same language."""
    for lang, pages in site.pages.items():
        paths = site.page_paths(lang)
        for p in pages:
            for target in internal_links(p.markdown):
                assert not target.startswith("/"), f"{p.path}: absolute link {target}"
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(p.path), target))
                assert resolved in paths, f"{lang}/{p.path} links to missing {target}"


def test_relative_link() -> None:
    assert (
        relative_link("events/2023/a.md", "organizations/icbc.md") == "../../organizations/icbc.md"
    )
    assert relative_link("index.md", "news/index.md") == "news/index.md"
    assert relative_link("news/page-2.md", "news/index.md") == "index.md"


_PART = st.sampled_from(["a", "b", "events", "2023", "x.md", "index.md", ".", "..", ""])


@given(st.lists(_PART, max_size=4), st.lists(_PART, min_size=1, max_size=4).filter(any))
def test_relative_link_agrees_with_posixpath(source: list[str], target: list[str]) -> None:
    """The fast path for plain docs paths gives what posixpath.relpath gives, for any path."""
    from_path, to_path = "/".join([*source, "page.md"]), "/".join(target)
    expected = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    assert relative_link(from_path, to_path) == expected


def test_page_paths_are_the_same_in_both_languages(tmp_path: Path) -> None:
    site = render_project(write_project(tmp_path, minimal_records()))
    assert site.page_paths("id") == site.page_paths("en")
    assert site.page_paths("en") >= {
        "index.md",
        "news/index.md",
        "archive/2024.md",
        "events/index.md",
        "events/2024/2024-01-05-acme-visit.md",
        "agreements/index.md",
        "agreements/2024/acme-globex-mou.md",
        "organizations/index.md",
        "organizations/acme.md",
        "people/index.md",
        "people/jane-doe.md",
        "partnerships/index.md",
        "sectors/index.md",
        "sectors/energy.md",
        "countries/index.md",
        "countries/id.md",
        "countries/kr.md",
    }


def test_seed_site_links_resolve_and_is_deterministic() -> None:
    project = Project(ROOT)
    first = render_project(project)
    assert_links_resolve(first)
    second = render_project(project)
    assert first.pages == second.pages
    assert first.nav == second.nav


def test_front_matter_keys(tmp_path: Path) -> None:
    site = render_project(write_project(tmp_path, minimal_records()))
    meta = front_matter(page(site, "en", "events/2024/2024-01-05-acme-visit.md").markdown)
    og, jsonld = meta.pop("warta_og"), meta.pop("warta_jsonld")  # tests/test_structured_data.py
    assert og == {
        "type": "article",
        "locale": "en_GB",
        "locale_alternate": ["id_ID"],
        "published_time": "2024-01-05",
    }
    assert [thing["@type"] for thing in jsonld] == ["NewsArticle", "Event"]
    assert meta == {
        "title": "Acme visit",
        "description": "Summary of Acme visit",
        "warta_kind": "event",
        "warta_date": "2024-01-05",
        "warta_translated": True,
        "warta_sectors": ["Energy"],  # search filters, in the page's language
        "warta_countries": ["Indonesia"],
    }
    home = front_matter(page(site, "id", "index.md").markdown)
    assert home["title"] == "Warta Uji" and "warta_date" not in home


def test_nav_lists_section_indexes_only(tmp_path: Path) -> None:
    site = render_project(write_project(tmp_path, minimal_records()))
    assert [s.path for s in site.nav["en"]] == [
        "index.md",
        "news/index.md",
        "events/index.md",
        "agreements/index.md",
        "organizations/index.md",
        "people/index.md",
        "partnerships/index.md",
        "sectors/index.md",
        "countries/index.md",
    ]
    assert [s.title for s in site.nav["id"]][:3] == ["Beranda", "Berita", "Acara"]
    assert all(s.path in site.page_paths("id") for s in site.nav["id"])


def drafts_project(tmp_path: Path) -> Project:
    """A published event that names a draft agreement, plus a draft and a future event."""
    records = minimal_records()
    records.update(
        {
            "events/2024/2024-03-01-secret-talks.yml": event(
                "2024-03-01", "Secret talks", extra="draft: true\n"
            ),
            "events/2024/2024-04-01-embargoed.yml": event(
                "2024-04-01", "Embargoed", extra="publish_date: 2099-01-01\n"
            ),
            "agreements/2024/draft-deal.yml": agreement(
                "2024-03-02", "Draft deal", extra="draft: true\n"
            ),
            "events/2024/2024-05-01-public.yml": event(
                "2024-05-01", "Public", extra="agreements: [draft-deal]\n"
            ),
        }
    )
    return write_project(tmp_path, records)


def test_drafts_and_future_records_are_excluded_and_never_linked(tmp_path: Path) -> None:
    site = render_project(drafts_project(tmp_path))
    hidden = {
        "events/2024/2024-03-01-secret-talks.md",
        "events/2024/2024-04-01-embargoed.md",
        "agreements/2024/draft-deal.md",
    }
    for lang in ("id", "en"):
        assert not hidden & site.page_paths(lang)
        for p in site.pages[lang]:
            assert "Secret talks" not in p.markdown and "Embargoed" not in p.markdown, p.path
            assert not any(t.endswith("draft-deal.md") for t in internal_links(p.markdown))
    public = page(site, "en", "events/2024/2024-05-01-public.md").markdown
    assert "- Draft deal — Signed" in public
    assert_links_resolve(site)


def test_include_drafts_renders_them(tmp_path: Path) -> None:
    site = render_project(drafts_project(tmp_path), include_drafts=True)
    assert "events/2024/2024-03-01-secret-talks.md" in site.page_paths("en")
    assert (
        "[Draft deal](../../agreements/2024/draft-deal.md)"
        in page(site, "en", "events/2024/2024-05-01-public.md").markdown
    )
    assert_links_resolve(site)


def test_a_preview_marks_draft_and_embargoed_pages(tmp_path: Path) -> None:
    site = render_project(drafts_project(tmp_path), include_drafts=True)
    marked = {
        "events/2024/2024-03-01-secret-talks.md",
        "events/2024/2024-04-01-embargoed.md",
        "agreements/2024/draft-deal.md",
    }
    for lang in ("id", "en"):
        for p in site.pages[lang]:
            assert ("\nwarta_draft: true\n" in p.markdown) == (p.path in marked), p.path


def test_organization_page_lists_records_newest_first_with_roles(tmp_path: Path) -> None:
    records = minimal_records()
    records["events/2023/2023-11-03-old-visit.yml"] = event(
        "2023-11-03",
        "Old visit",
        organization="acme",
        role="delegation",
        extra="",
    ).replace("role: delegation}", "role: delegation, delegation_size: 13}")
    site = render_project(write_project(tmp_path, records))
    lines = [
        line
        for line in page(site, "en", "organizations/acme.md").markdown.splitlines()
        if line.startswith("- ") and "](" in line and ": [" in line
    ]
    assert lines == [
        '- <time datetime="2024-02-10">10 February 2024</time>:'
        " [Acme Globex MoU](../agreements/2024/acme-globex-mou.md) — party",
        '- <time datetime="2024-01-05">5 January 2024</time>:'
        " [Acme visit](../events/2024/2024-01-05-acme-visit.md) — host",
        '- <time datetime="2023-11-03">3 November 2023</time>:'
        " [Old visit](../events/2023/2023-11-03-old-visit.md) — delegation (13 people)",
    ]
    indonesian = page(site, "id", "organizations/acme.md").markdown
    assert "— delegasi (13 orang)" in indonesian and "— tuan rumah" in indonesian
    assert (
        "- [Jane Doe](../people/jane-doe.md) — Director"
        in page(site, "en", "organizations/acme.md").markdown
    )


def test_news_is_paginated_with_previous_and_next(tmp_path: Path) -> None:
    records = {k: v for k, v in minimal_records().items() if "agreements/" not in k}
    for day in range(1, 5):
        records[f"events/2024/2024-03-0{day}-meeting-{day}.yml"] = event(
            f"2024-03-0{day}", f"Meeting {day}"
        )
    project = write_project(
        tmp_path, records, config=CONFIG.replace("page_size: 20", "page_size: 2")
    )
    site = render_project(project)
    news = sorted(p for p in site.page_paths("en") if p.startswith("news/"))
    assert news == ["news/index.md", "news/page-2.md", "news/page-3.md"]
    first = page(site, "en", "news/index.md").markdown
    assert "Page 1 of 3 · [Next →](page-2.md)" in first
    assert first.index("Meeting 4") < first.index("Meeting 3") and "Meeting 2" not in first
    middle = page(site, "en", "news/page-2.md").markdown
    assert "[← Previous](index.md) · Page 2 of 3 · [Next →](page-3.md)" in middle
    last = page(site, "id", "news/page-3.md").markdown
    assert "[← Sebelumnya](page-2.md) · Halaman 3 dari 3" in last
    assert "Berikutnya" not in last and "Acme visit (id)" in last
    assert_links_resolve(site)


def test_home_shows_latest_upcoming_and_figures(tmp_path: Path) -> None:
    records = minimal_records()
    records["events/2024/2024-07-01-future-fair.yml"] = event("2024-07-01", "Future fair")
    site = render_project(write_project(tmp_path, records), today=dt.date(2024, 6, 1))
    home = page(site, "en", "index.md").markdown
    latest, upcoming = home.split("## Upcoming events")
    assert "Acme Globex MoU" in latest and "Future fair" not in latest
    card = upcoming.split("<article")[1]
    assert "[Future fair](events/2024/2024-07-01-future-fair.md)</h3>" in card
    assert '<time datetime="2024-07-01">1 July 2024</time> · Meeting' in card
    assert "| Signed | 1 |" in home
    assert "| [Indonesia](countries/id.md) | 1 |" in home
    assert "| [South Korea](countries/kr.md) | 1 |" in home


def test_partnership_timeline_merges_agreements_and_events(tmp_path: Path) -> None:
    records = minimal_records()
    records["partnerships/acme-globex.yml"] = (
        "type: business\ntitle: {id: Kemitraan Acme Globex, en: Acme Globex partnership}\n"
        "summary: {id: Ringkasan, en: Summary}\nparties: [acme, globex]\nsince: 2010\n"
    )
    records["events/2024/2024-01-05-acme-visit.yml"] += "partnership: acme-globex\n"
    records["agreements/2024/acme-globex-mou.yml"] += "partnership: acme-globex\n"
    site = render_project(write_project(tmp_path, records))
    text = page(site, "en", "partnerships/acme-globex.md").markdown
    timeline = text.split("## Timeline")[1]
    assert timeline.index("5 January 2024") < timeline.index("10 February 2024")
    assert "- **Since:** 2010" in text


def test_today_defaults_to_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1699000000")
    assert default_today() == dt.date(2023, 11, 3)


def test_sources_link_out_with_date_and_language(tmp_path: Path) -> None:
    records = minimal_records()
    records["events/2024/2024-01-05-acme-visit.yml"] += (
        "sources:\n  - publisher: Kabar (Harian)\n    title: Acme [visit]\n"
        "    url: https://example.org/news/a_(1)\n    language: id\n"
        "    published: 2024-01-06\n"
    )
    site = render_project(write_project(tmp_path, records))
    text = page(site, "en", "events/2024/2024-01-05-acme-visit.md").markdown
    assert (
        "- Kabar (Harian): [Acme \\[visit\\]](https://example.org/news/a_%281%29),"
        " 6 January 2024 (Indonesian)"
    ) in text
    assert "(Indonesia)" in page(site, "id", "events/2024/2024-01-05-acme-visit.md").markdown


def test_text_in_another_language_is_marked_with_its_language(tmp_path: Path) -> None:
    records = minimal_records()
    records["events/2024/2024-02-01-only-id.yml"] = (
        "type: meeting\ndate: 2024-02-01\ntitle: {id: Rapat Acme}\n"
        "summary: {id: Ringkasan rapat.}\nbody: {id: Isi berita rapat.}\n"
        "location: {city: Jakarta, country: ID}\n"
        "organizations:\n  - {organization: acme, role: host}\n"
    )
    records["organizations/korean.yml"] = (
        "name: {id: Pemprov Chungbuk, en: Chungbuk Province}\nnative_name: 충청북도\n"
        "type: government\ncountry: KR\n"
    )
    site = render_project(write_project(tmp_path, records))
    english = page(site, "en", "events/2024/2024-02-01-only-id.md").markdown
    assert '# Rapat Acme {: lang="id" }' in english
    assert 'Ringkasan rapat.\n{: .warta-standfirst lang="id" }' in english
    assert '<div lang="id" markdown>\n\nIsi berita rapat.\n\n</div>' in english
    indonesian = page(site, "id", "events/2024/2024-02-01-only-id.md").markdown
    assert "# Rapat Acme\n" in indonesian and 'lang="' not in indonesian.split("---")[-1]
    korean = page(site, "en", "organizations/korean.md").markdown
    assert '- **Native name:** <span lang="ko">충청북도</span>' in korean
