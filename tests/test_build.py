"""The build stage: docs trees, generated MkDocs configs, parallel builds, whole sites."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import pytest
import yaml
from crawl import Site, broken_links, parse_page
from sites import ROOT, BuiltSite, build_project, copy_seed_project, tree_hashes

from generator.cli import main as cli_main
from generator.config import SiteConfig
from generator.pipeline import build_site
from generator.project import Project
from generator.render.i18n import load_strings
from generator.render.pages import NavSection, Page, RenderedSite
from generator.sitebuild.mkdocs import (
    LanguageBuild,
    build_env,
    build_languages,
    check_twins,
    run_mkdocs,
    source_date_epoch,
    write_docs_trees,
)
from generator.sitebuild.mkdocs_config import language_name, ui_strings
from generator.sitebuild.root_pages import render_root_404, render_root_index

CONFIG = SiteConfig.model_validate(
    {
        "languages": ["id", "en"],
        "default_language": "id",
        "site_name": {"id": "Warta Uji", "en": "Warta Test"},
        "base_url": "https://example.org/warta/",
    }
)

THEME_STRINGS = {lang: load_strings(ROOT / "templates", lang)["theme"] for lang in ("id", "en")}


def page(lang: str, path: str, body: str = "", date: str = "2023-11-03") -> Page:
    """A page with the front matter the render stage writes."""
    markdown = (
        f"---\ntitle: {path} ({lang})\nwarta_kind: event\nwarta_date: '{date}'\n"
        f"warta_translated: true\n---\n\n# {path} ({lang})\n\n{body}\n"
    )
    day = dt.date.fromisoformat(date)
    return Page(lang, path, f"{path} ({lang})", markdown, "event", date=day, updated=day)


def small_site(records: int = 3, *, body: str = "") -> RenderedSite:
    """Home, a news section and a few records in both languages, like the render stage's."""
    site = RenderedSite(CONFIG, strings=THEME_STRINGS)
    for lang in CONFIG.languages:
        items = "\n".join(f"- [{i}](../events/2023/e{i}.md)" for i in range(records))
        site.pages[lang] = [
            page(lang, "index.md", "[news](news/index.md)", "2023-01-01"),
            page(lang, "news/index.md", items, "2023-01-01"),
            *(
                page(lang, f"events/2023/e{i}.md", body, f"2023-{i % 12 + 1:02d}-01")
                for i in range(records)
            ),
        ]
        site.nav[lang] = [NavSection("Home", "index.md"), NavSection("News", "news/index.md")]
    return site


def project_at(tmp_path: Path) -> Project:
    """A project folder whose templates are the repository's."""
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    return Project(tmp_path)


# --- docs trees and configs ------------------------------------------------------------


def test_docs_trees_hold_every_page_and_a_config_per_language(tmp_path: Path) -> None:
    configs = write_docs_trees(small_site(), project_at(tmp_path), tmp_path / "build")
    assert sorted(configs) == ["en", "id"]
    for lang in ("id", "en"):
        docs = tmp_path / "build" / lang / "docs"
        assert (docs / "events" / "2023" / "e2.md").read_text("utf-8").startswith("---\n")
        assert configs[lang] == tmp_path / "build" / lang / "mkdocs.yml"


def test_generated_config_lists_only_sections_in_nav(tmp_path: Path) -> None:
    configs = write_docs_trees(small_site(50), project_at(tmp_path), tmp_path / "b", strict=True)
    data = yaml.safe_load(configs["en"].read_text("utf-8"))
    assert data["nav"] == [{"Home": "index.md"}, {"News": "news/index.md"}]
    assert data["site_url"] == "https://example.org/warta/en/"
    assert data["site_name"] == "Warta Test"
    assert data["theme"]["language"] == "en"
    assert Path(data["theme"]["custom_dir"]).is_absolute()
    assert data["theme"]["custom_dir"].endswith("templates/overrides")
    assert {"navigation.tabs", "navigation.indexes"} <= set(data["theme"]["features"])
    assert data["use_directory_urls"] is True and data["strict"] is True
    assert data["plugins"] == []
    assert data["validation"]["nav"]["omitted_files"] == "ignore"
    assert data["validation"]["links"]["not_found"] == "warn"
    assert [alt["lang"] for alt in data["extra"]["alternate"]] == ["id", "en"]
    assert data["extra"]["warta"]["base_path"] == "/warta/"


def test_a_subset_of_languages_writes_only_those(tmp_path: Path) -> None:
    configs = write_docs_trees(small_site(), project_at(tmp_path), tmp_path / "b", langs=["en"])
    assert list(configs) == ["en"]
    assert not (tmp_path / "b" / "id").exists()


def test_a_rewrite_drops_pages_that_are_gone(tmp_path: Path) -> None:
    project = project_at(tmp_path)
    write_docs_trees(small_site(3), project, tmp_path / "b")
    write_docs_trees(small_site(1), project, tmp_path / "b")
    assert not (tmp_path / "b" / "id" / "docs" / "events" / "2023" / "e2.md").exists()


def test_languages_with_different_pages_are_a_bug() -> None:
    site = small_site()
    site.pages["en"] = site.pages["en"][:-1]
    with pytest.raises(ValueError, match="differ"):
        check_twins(site)


def test_build_time_comes_from_the_newest_page_unless_given() -> None:
    site = small_site(3)
    assert source_date_epoch(site) == 1677628800  # 2023-03-01, the newest warta_date
    assert build_env(site, {})["SOURCE_DATE_EPOCH"] == "1677628800"
    assert build_env(site, {"SOURCE_DATE_EPOCH": "42"})["SOURCE_DATE_EPOCH"] == "42"


def test_interface_strings_fall_back_to_the_default_language() -> None:
    site = small_site()
    assert ui_strings(site, "en")["not_found_title"] == "Page not found"
    assert ui_strings(site, "de")["not_found_title"] == "Halaman tidak ditemukan"
    assert language_name(site, "de") == "Deutsch"
    assert language_name(site, "id") == "Bahasa Indonesia"


# --- running MkDocs ---------------------------------------------------------------------


def fake_mkdocs(monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """Replace the MkDocs command line by a small Python script."""
    monkeypatch.setattr(
        "generator.sitebuild.mkdocs.mkdocs_command",
        lambda config, dest, **kw: [sys.executable, "-c", script, str(config), str(dest)],
    )


def test_languages_build_in_parallel_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_mkdocs(monkeypatch, "import time; time.sleep(1.5)")
    configs = {"id": tmp_path / "id.yml", "en": tmp_path / "en.yml"}
    started: list[str] = []
    start = time.monotonic()
    results = build_languages(configs, tmp_path, on_start=started.append)
    assert time.monotonic() - start < 2.6  # side by side; one after the other takes 3 s
    assert sorted(started) == ["en", "id"] and all(r.ok for r in results)


def test_a_failing_language_keeps_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_mkdocs(monkeypatch, "import sys; print('WARNING -  boom'); sys.exit(3)")
    done: list[LanguageBuild] = []
    results = build_languages({"id": tmp_path / "x.yml"}, tmp_path, on_done=done.append)
    assert results == done
    assert results[0].returncode == 3 and not results[0].ok
    assert results[0].warnings == ["WARNING -  boom"]


def test_strict_mkdocs_fails_on_a_broken_link(tmp_path: Path) -> None:
    site = small_site(1, body="[gone](../../missing.md)")
    configs = write_docs_trees(
        site, project_at(tmp_path), tmp_path / "b", langs=["en"], strict=True
    )
    result = run_mkdocs("en", configs["en"], tmp_path / "out", build_env(site))
    assert not result.ok
    assert "missing.md" in result.output


def test_mkdocs_builds_a_small_site_without_warnings(tmp_path: Path) -> None:
    site = small_site(3)
    configs = write_docs_trees(site, project_at(tmp_path), tmp_path / "b", strict=True)
    results = build_languages(configs, tmp_path / "out", env=build_env(site))
    assert [(r.lang, r.ok, r.warnings) for r in results] == [("id", True, []), ("en", True, [])]
    head = parse_page(tmp_path / "out" / "en" / "events" / "2023" / "e1" / "index.html")
    assert head.canonical == "https://example.org/warta/en/events/2023/e1/"
    assert head.hreflang == {
        "id": "https://example.org/warta/id/events/2023/e1/",
        "en": "https://example.org/warta/en/events/2023/e1/",
        "x-default": "https://example.org/warta/id/events/2023/e1/",
    }
    assert head.switch == {"id": "/warta/id/events/2023/e1/", "en": "/warta/en/events/2023/e1/"}


def test_only_draft_pages_carry_the_draft_banner(tmp_path: Path) -> None:
    site = small_site(2)
    for lang in CONFIG.languages:
        draft = site.pages[lang][-1]
        marked = draft.markdown.replace("warta_kind:", "warta_draft: true\nwarta_kind:", 1)
        site.pages[lang][-1] = Page(lang, draft.path, draft.title, marked, draft.kind)
    configs = write_docs_trees(site, project_at(tmp_path), tmp_path / "b", langs=["id"])
    assert build_languages(configs, tmp_path / "out", env=build_env(site))[0].ok
    events = tmp_path / "out" / "id" / "events" / "2023"
    assert "md-banner" not in (events / "e0" / "index.html").read_text("utf-8")
    assert "Draf: halaman ini belum terbit" in (events / "e1" / "index.html").read_text("utf-8")


# --- root pages ---------------------------------------------------------------------------


def test_root_index_works_with_and_without_javascript() -> None:
    html = render_root_index(small_site())
    assert "navigator.languages" in html
    assert 'href="/warta/id/"' in html and 'href="/warta/en/"' in html
    assert "<noscript>" in html
    assert '<link rel="alternate" hreflang="en" href="https://example.org/warta/en/">' in html
    assert 'http-equiv="refresh"' not in html
    assert html.index('"id"') < html.index('"en"')  # Indonesian is the fallback


def test_root_404_speaks_every_language() -> None:
    html = render_root_404(small_site())
    assert "Halaman tidak ditemukan" in html and "Page not found" in html
    assert 'href="/warta/id/"' in html and 'href="/warta/en/"' in html


# --- the crawler the site tests rely on ------------------------------------------------------


def test_the_crawler_reports_what_leads_nowhere(tmp_path: Path) -> None:
    (tmp_path / "en" / "a").mkdir(parents=True)
    (tmp_path / "en" / "a" / "index.html").write_text('<h2 id="here">x</h2>', "utf-8")
    links = [
        "a/",
        "#here",
        "/warta/en/a/#here",
        "https://example.org/warta/en/a/",
        "https://elsewhere.example/",
        "mailto:x@example.org",
        "b/",
        "#gone",
        "/warta/en/a/#gone",
        "/other/",
        "https://example.org/warta/x.css",
    ]
    body = "".join(f'<a href="{link}">l</a>' for link in links)
    (tmp_path / "en" / "index.html").write_text(f'<p id="here">{body}</p>', "utf-8")
    assert broken_links(Site(tmp_path, "https://example.org/warta/")) == [
        f"en/index.html -> {link}" for link in links[6:]
    ]


# --- the command ----------------------------------------------------------------------------


def test_an_unknown_language_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_seed_project(tmp_path / "p")
    assert cli_main(["-C", str(project.root), "build", "--lang", "fr"]) == 2
    assert "unknown language fr" in capsys.readouterr().err
    assert not project.site_dir.exists()


# --- whole sites (slow) ------------------------------------------------------------------------

SAMPLES = ["seed_site", "synth_site"]


@pytest.fixture(params=SAMPLES)
def built(request: pytest.FixtureRequest) -> BuiltSite:
    """Each sample site, built once per session."""
    sample: BuiltSite = request.getfixturevalue(request.param)
    assert sample.exit_code == 0, f"{request.param}: warta build --strict failed"
    return sample


def crawl_site(built: BuiltSite) -> Site:
    """The crawler's view of a built sample."""
    return Site(built.site_dir, built.base_url)


@pytest.mark.slow
def test_every_internal_link_and_asset_resolves(built: BuiltSite) -> None:
    assert broken_links(crawl_site(built)) == []


@pytest.mark.slow
def test_every_page_has_its_twin(built: BuiltSite) -> None:
    trees = [
        {p.relative_to(built.site_dir / lang) for p in (built.site_dir / lang).rglob("*.html")}
        for lang in ("id", "en")
    ]
    assert trees[0] == trees[1]
    assert len(trees[0]) > 20


@pytest.mark.slow
def test_hreflang_and_canonical_point_at_existing_twins(built: BuiltSite) -> None:
    site = crawl_site(built)
    for file in site.html_files():
        rel = file.relative_to(site.root)
        if rel.name == "404.html" or rel.parts[0] not in ("id", "en"):
            continue
        head = parse_page(file)
        assert head.canonical == site.url_of(file), rel
        assert set(head.hreflang) == {"id", "en", "x-default"}, rel
        twin = Path(*rel.parts[1:])
        for lang, url in head.hreflang.items():
            target_lang = "id" if lang == "x-default" else lang
            assert site.resolve(file, url) == site.root / target_lang / twin, (rel, lang)


@pytest.mark.slow
def test_language_switch_lands_on_the_same_page(built: BuiltSite) -> None:
    site = crawl_site(built)
    for file in site.html_files():
        rel = file.relative_to(site.root)
        if rel.parts[0] not in ("id", "en"):
            continue
        switch = parse_page(file).switch
        assert set(switch) == {"id", "en"}, rel
        for lang, href in switch.items():
            if rel.name == "404.html":
                expected = site.root / lang / "index.html"  # error pages switch to the home page
            else:
                expected = site.root / lang / Path(*rel.parts[1:])
            assert site.resolve(file, href) == expected, (rel, lang)


@pytest.mark.slow
def test_not_found_pages_are_localized(built: BuiltSite) -> None:
    root = built.site_dir
    assert "Halaman tidak ditemukan" in (root / "id" / "404.html").read_text("utf-8")
    assert "Page not found" in (root / "en" / "404.html").read_text("utf-8")
    assert "navigator.languages" in (root / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_pages_call_no_third_party(built: BuiltSite) -> None:
    for file in built.site_dir.rglob("*.html"):
        text = file.read_text("utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, file


@pytest.mark.slow
def test_the_seed_site_has_its_sections(seed_site: BuiltSite) -> None:
    for lang in ("id", "en"):
        assert (seed_site.site_dir / lang / "index.html").is_file()
        assert (seed_site.site_dir / lang / "news" / "index.html").is_file()
        events = seed_site.site_dir / lang / "events" / "2023"
        assert (events / "2023-11-03-icbc-henan-delegation-meeting" / "index.html").is_file()


@pytest.mark.slow
def test_two_builds_are_byte_identical(
    seed_site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second build believes it runs in 2033 (SOURCE_DATE_EPOCH, which MkDocs and the
    # embargo honour): if any build time reached the output, the trees would differ.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")
    again = build_project(copy_seed_project(tmp_path / "again"))
    assert again.exit_code == 0
    first, second = tree_hashes(seed_site.site_dir), tree_hashes(again.site_dir)
    published = {"sitemap.xml", "robots.txt", "id/sitemap.xml.gz", "en/feed.xml", "id/events.ics"}
    assert published <= first.keys()
    assert first == second


@pytest.mark.slow
def test_a_language_subset_keeps_the_other_languages(tmp_path: Path) -> None:
    project = copy_seed_project(tmp_path / "p")
    assert build_project(project).exit_code == 0
    before = tree_hashes(project.site_dir / "id")
    marker = project.site_dir / "en" / "stale.txt"
    marker.write_text("from the previous build", "utf-8")
    assert build_site(project, langs=["en"]) == 0
    assert tree_hashes(project.site_dir / "id") == before
    assert not marker.exists()  # en was rebuilt from scratch
    assert (project.site_dir / "index.html").is_file()
