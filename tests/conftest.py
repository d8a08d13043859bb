"""Shared pytest options and fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Console, launch_chromium, serve_site
from playwright.sync_api import Browser, Page, sync_playwright
from sites import (
    BuiltSite,
    build_project,
    copy_search_fixture,
    copy_seed_project,
    write_edge_project,
    write_synth_project,
    write_trilingual_project,
)

from generator.pipeline import build_site


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites the render stage's golden pages instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/<lang>/<path>.md from the current rendering",
    )


# Whole sites take seconds to build, so each sample is built once per session and shared
# by the build, publish and crawler tests, which only read it.


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's own content, built with `--strict` in a copy of the project."""
    return build_project(copy_seed_project(tmp_path_factory.mktemp("seed")))


@pytest.fixture(scope="session")
def synth_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A 300-record synthetic project (bench/synth.py), built with `--strict`."""
    return build_project(write_synth_project(tmp_path_factory.mktemp("synth")))


@pytest.fixture(scope="session")
def edge_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A draft, an embargoed record and hostile text under a deeper sub-path (sites.py)."""
    return build_project(write_edge_project(tmp_path_factory.mktemp("edge")))


@pytest.fixture(scope="session")
def edge_preview(edge_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The edge project built as `warta serve` builds it, drafts shown; returns its site."""
    out = tmp_path_factory.mktemp("edge-preview")
    code = build_site(edge_site.project, site_dir=out / "site", work_dir=out, include_drafts=True)
    assert code == 0
    return out / "site"


@pytest.fixture(scope="session")
def trilingual_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The seed project with Korean as a third, incomplete language (sites.py)."""
    return build_project(write_trilingual_project(tmp_path_factory.mktemp("trilingual")))


@pytest.fixture(scope="session")
def trilingual_url(trilingual_site: BuiltSite) -> Iterator[str]:
    """The trilingual site served on 127.0.0.1 under its base path."""
    assert trilingual_site.exit_code == 0
    with serve_site(trilingual_site.site_dir, trilingual_site.base_path) as url:
        yield url


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The search tests' fixture records (tests/search_fixture/), built with `--strict`."""
    return build_project(copy_search_fixture(tmp_path_factory.mktemp("search") / "project"))


@pytest.fixture(scope="session")
def search_url(search_site: BuiltSite) -> Iterator[str]:
    """The search fixture site served on 127.0.0.1 under its base path."""
    assert search_site.exit_code == 0
    with serve_site(search_site.site_dir, search_site.base_path) as url:
        yield url


@pytest.fixture(scope="session")
def split_search_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The search fixture with each language's index split into parts (one per year)."""
    project = copy_search_fixture(tmp_path_factory.mktemp("split") / "project")
    with project.config_file.open("a", encoding="utf-8") as config:
        config.write("search:\n  split_above: 1\n")
    return build_project(project)


@pytest.fixture(scope="session")
def split_search_url(split_search_site: BuiltSite) -> Iterator[str]:
    """The split search fixture site served on 127.0.0.1 under its base path."""
    assert split_search_site.exit_code == 0
    with serve_site(split_search_site.site_dir, split_search_site.base_path) as url:
        yield url


@pytest.fixture(scope="session")
def seed_url(seed_site: BuiltSite) -> Iterator[str]:
    """The seed site served on 127.0.0.1 under its base path."""
    assert seed_site.exit_code == 0
    with serve_site(seed_site.site_dir, seed_site.base_path) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser page whose console errors fail the test."""
    context = browser.new_context(locale="id-ID")
    console = Console()
    tab = console.watch(context.new_page())
    yield tab
    context.close()
    assert console.errors == [], "\n".join(console.errors)
