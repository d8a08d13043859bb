"""The search stage: word forms, Pagefind's bundles per language, their metadata and filters."""

from __future__ import annotations

import gzip
import io
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from sites import BuiltSite, build_project, copy_search_fixture, tree_hashes

from generator.commands.serve import rebuild_preview
from generator.pipeline import build_site
from generator.progress import PlainProgress
from generator.render.markdown import render_front_matter
from generator.search.bundle import (
    SIGNATURE,
    canonicalize_bundle,
    decode,
    encode,
    read_file,
    write_file,
)
from generator.search.forms import (
    CLOSE,
    COMPOUNDS,
    OPEN,
    add_compounds,
    add_word_forms,
)
from generator.search.pagefind import LanguageIndex
from generator.search.partitions import assign_parts, load_memo, unit_of
from generator.search.roots import SiteRoots

# --- extra word forms ------------------------------------------------------------------------


def root_form(word: str) -> str | None:
    """The Indonesian form added after a word, on a site that also says `kunjungan`."""
    return SiteRoots(["kunjungan", word]).added_form(word)


def test_word_forms_go_into_text_only() -> None:
    html = (
        '<html lang="id"><head><script>var menulis = 1;</script></head><body>'
        '<a title="mengunjungi">Mereka mengunjungi pabrik</a><!-- menulis --></body></html>'
    )
    out = add_word_forms(html, root_form)
    assert f"Mereka mengunjungi {OPEN}kunjung{CLOSE} pabrik" in out
    assert 'title="mengunjungi"' in out
    assert "var menulis = 1;" in out and "<!-- menulis -->" in out
    assert out.count(OPEN) == 1


def test_compounds_are_indexed_in_both_spellings() -> None:
    text = "Kerja sama erat; bekerjasama dengan mitra."
    out = add_compounds(text, COMPOUNDS["id"])
    assert out == (
        f"Kerja sama {OPEN}kerjasama{CLOSE} erat; "
        f"bekerjasama {OPEN}bekerja{CLOSE} {OPEN}sama{CLOSE} dengan mitra."
    )


def test_word_forms_leave_bracketed_compounds_alone() -> None:
    out = add_word_forms("<p>kerjasama anak-anak</p>", root_form, COMPOUNDS["id"])
    assert out == (
        f"<p>kerjasama {OPEN}kerja{CLOSE} {OPEN}sama{CLOSE} anak-anak {OPEN}anak{CLOSE}</p>"
    )


# --- a reproducible bundle ---------------------------------------------------------------------


def test_the_codec_writes_pagefind_files_byte_for_byte(search_site: BuiltSite) -> None:
    bundle = search_site.site_dir / "id" / "pagefind"
    files = [*bundle.glob("*.pf_meta"), *bundle.glob("filter/*"), *bundle.glob("index/*")]
    assert len(files) >= 4
    for path in files:
        raw = gzip.decompress(path.read_bytes())
        value, end = decode(raw, len(SIGNATURE))
        assert end == len(raw)
        assert SIGNATURE + encode(value) == raw, path.name


def test_filters_in_any_order_come_out_the_same(search_site: BuiltSite, tmp_path: Path) -> None:
    shuffled = tmp_path / "shuffled"
    shutil.copytree(search_site.site_dir / "id" / "pagefind", shuffled)
    entry = json.loads((shuffled / "pagefind-entry.json").read_text("utf-8"))
    meta_path = shuffled / f"pagefind.{entry['languages']['id']['hash']}.pf_meta"
    meta = read_file(meta_path)
    for _, key in meta[3]:  # reverse every filter's values, as Pagefind may write them
        path = shuffled / "filter" / f"{key}.pf_filter"
        name, values = read_file(path)
        path.write_bytes(gzip.compress(SIGNATURE + encode([name, values[::-1]])))
    meta[3] = meta[3][::-1]
    meta_path.unlink()
    written = write_file(shuffled, meta, lambda digest: f"pagefind.id_{digest[:10]}.pf_meta")
    entry["languages"]["id"]["hash"] = written.removeprefix("pagefind.").removesuffix(".pf_meta")
    (shuffled / "pagefind-entry.json").write_text(json.dumps(entry), "utf-8")
    assert tree_hashes(shuffled) != tree_hashes(search_site.site_dir / "id" / "pagefind")
    canonicalize_bundle(shuffled)
    assert tree_hashes(shuffled) == tree_hashes(search_site.site_dir / "id" / "pagefind")


@pytest.mark.slow
def test_two_builds_of_the_search_fixture_are_byte_identical(
    search_site: BuiltSite, tmp_path: Path
) -> None:
    again = build_project(copy_search_fixture(tmp_path / "again"))
    assert again.exit_code == 0
    first = tree_hashes(search_site.site_dir)
    assert "id/pagefind/pagefind-entry.json" in first
    assert any(name.startswith("en/pagefind/filter/") for name in first)
    assert first == tree_hashes(again.site_dir)


# --- what each language's bundle holds ------------------------------------------------------------


def fragments(site: BuiltSite, lang: str) -> list[dict[str, Any]]:
    """Every indexed page of a language, as Pagefind stored it."""
    folder = site.site_dir / lang / "pagefind" / "fragment"
    return [
        json.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE) :])
        for path in sorted(folder.iterdir())
    ]


def by_url(site: BuiltSite, lang: str) -> dict[str, dict[str, Any]]:
    """The indexed pages of a language by address."""
    return {fragment["url"]: fragment for fragment in fragments(site, lang)}


RECORD_URLS = {
    "/events/2023/2023-08-21-tani-makmur-osaka-fair/",
    "/events/2024/2024-03-05-nusantara-energi-solar-plant/",
    "/events/2024/2024-05-10-kansai-delegation-bali/",
    "/organizations/kansai-trade-office/",
    "/organizations/koperasi-tani-makmur/",
    "/organizations/nusantara-energi/",
}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_language_has_its_own_bundle_of_record_pages(
    search_site: BuiltSite, lang: str
) -> None:
    assert search_site.exit_code == 0
    entry = json.loads(
        (search_site.site_dir / lang / "pagefind" / "pagefind-entry.json").read_text()
    )
    assert list(entry["languages"]) == [lang]  # one language per bundle: no crossing over
    assert entry["languages"][lang]["page_count"] == len(RECORD_URLS)
    assert set(by_url(search_site, lang)) == RECORD_URLS  # no home, news or section page
    assert not (search_site.site_dir / "pagefind").exists()


def test_only_the_main_content_is_indexed(search_site: BuiltSite) -> None:
    for lang, nav_word in (("id", "Beranda"), ("en", "Home")):
        for fragment in fragments(search_site, lang):
            content = fragment["content"]
            assert "¶" not in content, fragment["url"]
            assert not content.startswith(nav_word), fragment["url"]
            assert "Warta" not in content, fragment["url"]  # the site name in the header
    event = by_url(search_site, "en")["/events/2024/2024-05-10-kansai-delegation-bali/"]
    assert event["content"].startswith("Kansai delegation in Bali.")


def test_metadata_and_filters_are_in_the_page_language(search_site: BuiltSite) -> None:
    event = "/events/2024/2024-03-05-nusantara-energi-solar-plant/"
    indonesian, english = by_url(search_site, "id")[event], by_url(search_site, "en")[event]
    assert indonesian["meta"] == {
        "title": "Nusantara Energi Bangun Pembangkit Surya di Madura",
        "kind": "Acara",
        "date": "2024-03-05",
    }
    assert indonesian["filters"] == {
        "Jenis": ["Acara"],
        "Tahun": ["2024"],
        "Sektor": ["Energi"],
        "Negara": ["Indonesia"],
    }
    assert english["meta"]["kind"] == "Event"
    assert english["filters"] == {
        "Kind": ["Event"],
        "Year": ["2024"],
        "Sector": ["Energy"],
        "Country": ["Indonesia"],
    }
    fair = by_url(search_site, "en")["/events/2023/2023-08-21-tani-makmur-osaka-fair/"]
    assert fair["filters"]["Country"] == ["Indonesia", "Japan"]  # where, and who took part
    office = by_url(search_site, "id")["/organizations/kansai-trade-office/"]
    assert office["filters"] == {
        "Jenis": ["Organisasi"],
        "Sektor": ["Pariwisata"],
        "Negara": ["Jepang"],
    }
    assert "date" not in office["meta"]


def test_only_indonesian_pages_carry_extra_word_forms(search_site: BuiltSite) -> None:
    fair = "/events/2023/2023-08-21-tani-makmur-osaka-fair/"
    assert f"mengunjungi {OPEN}kunjung{CLOSE}" in by_url(search_site, "id")[fair]["content"]
    assert all(OPEN not in f["content"] for f in fragments(search_site, "en"))
    published = search_site.site_dir / "id" / fair.strip("/") / "index.html"
    assert OPEN not in published.read_text("utf-8")  # the published page is left as it was


def test_material_lunr_search_is_off(search_site: BuiltSite) -> None:
    for lang in ("id", "en"):
        root = search_site.site_dir / lang
        assert not list(root.rglob("search_index.json"))
        html = (root / "index.html").read_text("utf-8")
        assert 'data-md-component="search"' not in html
        assert "data-warta-search" in html and "assets/warta/search.js" in html
        options = re.search(r'class="warta-search__options">(.*?)</script>', html)
        assert options is not None
        assert json.loads(options.group(1))["bundle"] == f"/warta/{lang}/pagefind/"


# --- the build command ----------------------------------------------------------------------------


def test_a_failing_index_fails_the_build_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_search_fixture(tmp_path / "p")
    project.site_dir.mkdir()
    (project.site_dir / "old.txt").write_text("the last good site", "utf-8")
    script = "import sys; print('Error: no index for you'); sys.exit(4)"
    monkeypatch.setattr(
        "generator.search.pagefind.pagefind_command",
        lambda source, bundle: [sys.executable, "-c", script],
    )
    assert build_site(project) == 1
    err = capsys.readouterr().err
    assert "pagefind failed for 'id' (exit 4)" in err and "no index for you" in err
    assert [p.name for p in project.site_dir.iterdir()] == ["old.txt"]


def test_plain_progress_reports_each_index() -> None:
    stream = io.StringIO()
    progress = PlainProgress(stream)
    progress.index_done(LanguageIndex("id", 0, "", 0.42, 6))
    progress.index_done(LanguageIndex("en", 2, "boom", 0.1, 0))
    assert stream.getvalue().splitlines() == [
        "warta build: id: indexed 6 page(s) in 0.4 s",
        "warta build: en: indexing FAILED in 0.1 s",
    ]


def test_the_preview_is_indexed_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_search_fixture(tmp_path / "p")
    preview = tmp_path / "preview"
    assert rebuild_preview(project, preview) == 0
    for lang in ("id", "en"):
        assert (preview / lang / "pagefind" / "pagefind-entry.json").is_file()
    assert "id: indexed 6 page(s)" in capsys.readouterr().err


def test_filter_values_are_escaped_like_titles() -> None:
    text = render_front_matter({"title": 'A "b" <c>', "warta_sectors": ['Energi "hijau" & <air>']})
    assert 'title: "A &quot;b&quot; &lt;c&gt;"' in text
    assert 'warta_sectors: ["Energi &quot;hijau&quot; &amp; &lt;air&gt;"]' in text


def test_search_enabled_false_builds_no_index_and_no_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_search_fixture(tmp_path / "p")
    config = project.config_file.read_text("utf-8")
    project.config_file.write_text(config + "search:\n  enabled: false\n", "utf-8")
    script = "import sys; sys.exit('pagefind must not run')"
    monkeypatch.setattr(
        "generator.search.pagefind.pagefind_command",
        lambda source, bundle: [sys.executable, "-c", script],
    )
    assert build_site(project) == 0
    for lang in ("id", "en"):
        root = project.site_dir / lang
        assert not (root / "pagefind").exists()
        html = (root / "index.html").read_text("utf-8")
        assert "data-warta-search" not in html and "assets/warta/search.js" not in html


@pytest.mark.parametrize(
    ("rel", "unit"),
    [
        ("events/2024/2024-05-10-bali/index.html", (0, "2024")),
        ("agreements/2019/loi/index.html", (0, "2019")),
        ("news/2023/05/x/index.html", (0, "2023")),
        ("organizations/kansai/index.html", (1, "organizations")),
        ("people/agus-2024/index.html", (1, "people")),
        ("index.html", (1, "pages")),
    ],
)
def test_a_page_is_indexed_with_its_year_or_its_folder(rel: str, unit: tuple[int, str]) -> None:
    assert unit_of(rel) == unit


def test_years_and_folders_are_grouped_into_parts_of_the_threshold() -> None:
    counts = {"events/2018": 3, "events/2019": 2, "agreements/2019": 1, "events/2020": 4}
    counts |= {"events/2021": 1, "organizations": 5, "people": 2, "partnerships": 1}
    rels = [f"{folder}/{n}/index.html" for folder, count in counts.items() for n in range(count)]
    placed = assign_parts(rels, 5)
    by_part: dict[str, set[str]] = {}
    for rel, name in placed.items():
        by_part.setdefault(name, set()).add(rel.rsplit("/", 2)[0])
    assert by_part == {
        "part-2018": {"events/2018", "events/2019", "agreements/2019"},
        "part-2020": {"events/2020", "events/2021"},
        "part-organizations": {"organizations"},
        "part-partnerships": {"partnerships", "people"},
    }
    assert set(assign_parts(rels, len(rels)).values()) == {"part-all"}


@pytest.mark.parametrize("garbage", [b"", b"{", b'{"format": 1}', b'{"format": 99, "split": true}'])
def test_a_corrupt_search_memo_is_ignored(tmp_path: Path, garbage: bytes) -> None:
    (tmp_path / "memo.json").write_bytes(garbage)
    assert load_memo(tmp_path) is None
