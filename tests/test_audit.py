"""The reader's audit: Lighthouse and axe-core on one page of each kind in both languages,
served on 127.0.0.1, and Chromium at 360 px checking that no page scrolls sideways.

Lighthouse (accessibility, best practices, SEO) runs once for all pages in one Chromium
(tests/lighthouse.mjs); a page fails below 95 in any category, so a regression shows while
the target stays 100. axe-core runs in Playwright's Chromium in the light and the dark
palette; any serious or critical violation fails. `npm ci --ignore-scripts` installs both
from package-lock.json; without Node or them the tests skip, except in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import chromium_path
from playwright.sync_api import Browser, Page
from sites import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LIGHTHOUSE_RUNNER = ROOT / "tests/lighthouse.mjs"
AXE = ROOT / "node_modules/axe-core/axe.min.js"
MIN_SCORE = 95
SERIOUS = {"serious", "critical"}

# One page of each kind the issue names; the same path exists in both languages.
PAGES = {
    "home": "",
    "news": "news/",
    "event": "events/2023/2023-11-03-icbc-henan-delegation-meeting/",
    "agreement": "agreements/2023/kitb-chungbuk-technopark-mou/",
    "organization": "organizations/chungcheongbuk-do-provincial-government/",
    "partnership": "partnerships/central-java-chungcheongbuk-do-sister-province/",
    "sector": "sectors/batteries/",
}
LANGUAGES = ["id", "en"]
AUDITED = [(lang, kind) for lang in LANGUAGES for kind in PAGES]
# Pages whose tables and lists are widest on a phone: every list page and record kind.
NARROW = [
    *PAGES.values(),
    "agreements/",
    "organizations/",
    "people/",
    "events/",
    "archive/2023/",
    "people/cheng-guoping/",
    "countries/kr/",
]


# The page itself, and any box inside it that scrolls sideways (a table in its scroll box).
SIDEWAYS = """() => {
  const root = document.documentElement;
  const found = root.scrollWidth > root.clientWidth ? [`page: ${root.scrollWidth}px`] : [];
  for (const el of document.querySelectorAll(".md-content *")) {
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth}px`);
    }
  }
  return found;
}"""


def require_tool(path: Path, what: str) -> None:
    """Skip without a tool on a developer's machine; in CI a missing tool is a failure."""
    if path.is_file() and shutil.which("node"):
        return
    message = f"{what} not found at {path} (npm ci --ignore-scripts)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def page_id(case: tuple[str, str]) -> str:
    """`id-event`, `en-home`, ..."""
    return "-".join(case)


@pytest.fixture(scope="session")
def lighthouse(seed_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Lighthouse's scores and failed audits of every audited page, from one run."""
    require_tool(ROOT / "node_modules/lighthouse/package.json", "npm lighthouse")
    out = tmp_path_factory.mktemp("lighthouse") / "report.json"
    urls = [f"{seed_url}{lang}/{PAGES[kind]}" for lang, kind in AUDITED]
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    subprocess.run(
        ["node", str(LIGHTHOUSE_RUNNER), str(out), *urls],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=900,
    )
    report: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return report


@pytest.mark.parametrize("case", AUDITED, ids=page_id)
def test_lighthouse_scores_at_least_95(
    case: tuple[str, str], lighthouse: dict[str, Any], seed_url: str
) -> None:
    lang, kind = case
    result = lighthouse[f"{seed_url}{lang}/{PAGES[kind]}"]
    assert result["error"] is None
    low = {name: score for name, score in result["scores"].items() if score < MIN_SCORE}
    assert low == {}, json.dumps(result["failures"], indent=2, ensure_ascii=False)


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's browser script."""
    require_tool(AXE, "npm axe-core")
    return AXE.read_text("utf-8")


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page at 1280 px in the light or the dark palette (the reader's system setting)."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=request.param
    )
    yield context.new_page()
    context.close()


def serious_violations(page: Page, axe_source: str) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:5]} "
        f"{v['nodes'][0]['failureSummary']}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("case", AUDITED, ids=page_id)
def test_axe_finds_no_serious_violation(
    case: tuple[str, str], scheme_page: Page, seed_url: str, axe_source: str
) -> None:
    lang, kind = case
    scheme_page.goto(f"{seed_url}{lang}/{PAGES[kind]}")
    assert serious_violations(scheme_page, axe_source) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_at_360_px(lang: str, browser: Browser, seed_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    wide = {}
    for path in NARROW:
        page.goto(f"{seed_url}{lang}/{path}")
        if found := page.evaluate(SIDEWAYS):
            wide[path] = found
    context.close()
    assert wide == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_view_requests_only_the_sites_own_files(
    lang: str, browser: Browser, seed_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(f"{seed_url}{lang}/{PAGES['event']}")
    page.wait_for_load_state("networkidle")
    hreflangs = page.locator('link[rel="alternate"][hreflang]').count()
    context.close()
    # Material would probe a sitemap.xml beside each of the page's alternate links.
    assert [url for url in requested if url.endswith("sitemap.xml")] == []
    assert [url for url in requested if not url.startswith(seed_url)] == []
    assert failed == []
    assert hreflangs == len(LANGUAGES) + 1  # each language and x-default stay in the page


@pytest.mark.parametrize(
    ("lang", "note", "archive"),
    [("id", "memerlukan JavaScript", "arsip"), ("en", "needs JavaScript", "the archive")],
)
def test_search_without_javascript_says_so_and_offers_the_news_and_archive(
    lang: str, note: str, archive: str, browser: Browser, seed_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{seed_url}{lang}/")
    page.locator(".warta-search__nojs-link").click()
    message = page.locator("#warta-nojs-search")
    assert message.is_visible()
    assert note in message.inner_text()
    page.get_by_role("link", name=archive, exact=True).click()
    assert page.url == f"{seed_url}{lang}/news/#archives"
    assert page.locator("#archives").is_visible()
    context.close()


def test_the_palette_toggle_is_named_and_switches_to_dark(browser: Browser, seed_url: str) -> None:
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{seed_url}en/{PAGES['event']}")
    toggle = page.locator('label[title="Switch to dark mode"]')
    toggle.click()
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert scheme == "slate"
    assert background == "rgb(18, 22, 29)"
