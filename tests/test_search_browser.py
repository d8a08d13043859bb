"""Search in a real browser: Pagefind in the header, on the fixture records and the seed site."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Request, expect
from sites import BuiltSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SOLAR = "events/2024/2024-03-05-nusantara-energi-solar-plant/"
BALI = "events/2024/2024-05-10-kansai-delegation-bali/"
OSAKA = "events/2023/2023-08-21-tani-makmur-osaka-fair/"
TITLES = {
    SOLAR: "Nusantara Energi Bangun Pembangkit Surya di Madura",
    BALI: "Delegasi Kansai di Bali",
    OSAKA: "Koperasi Tani Makmur Ikut Pameran Pangan di Osaka",
}


def search(page: Page, url: str, query: str) -> Locator:
    """Open a page, open search with Material's `/` shortcut, type a query; the results."""
    page.goto(url)
    page.keyboard.press("/")
    field = page.locator(".pagefind-ui__search-input")
    expect(field).to_be_focused()
    field.fill(query)
    return page.locator(".pagefind-ui__result")


def links(results: Locator) -> list[str]:
    """The addresses the results link to, once every result has loaded its page's data."""
    anchors = results.locator(".pagefind-ui__result-link")
    expect(anchors).to_have_count(results.count())
    return [link.get_attribute("href") or "" for link in anchors.all()]


def page_text(site: BuiltSite, lang: str, path: str) -> str:
    """The visible text of a built page's article, roughly."""
    html = (site.site_dir / lang / path / "index.html").read_text("utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return unescape(re.sub(r"<[^>]+>", " ", article))


@pytest.fixture(params=["search_url", "split_search_url"], ids=["one-part", "split"])
def index_url(request: pytest.FixtureRequest) -> str:
    """The search fixture served with its index in one part, then split by year."""
    return str(request.getfixturevalue(request.param))


@pytest.mark.parametrize(
    ("query", "paths", "forms"),
    [
        ("investasi", [SOLAR], ["berinvestasi"]),
        ("kunjungan", [BALI, OSAKA], ["berkunjung", "mengunjungi"]),
    ],
)
def test_an_indonesian_query_finds_only_affixed_forms(
    page: Page,
    index_url: str,
    search_site: BuiltSite,
    query: str,
    paths: list[str],
    forms: list[str],
) -> None:
    for path, form in zip(paths, forms, strict=True):
        text = page_text(search_site, "id", path)  # the pages really lack the query's word
        assert re.search(rf"\b{form}\b", text) and not re.search(rf"\b{query}\b", text, re.I)
    results = search(page, index_url + "id/", query)
    expect(results).to_have_count(len(paths))
    assert sorted(links(results)) == sorted(f"/warta/id/{path}" for path in paths)
    marked = [mark.inner_text().strip(".,").lower() for mark in results.locator("mark").all()]
    assert set(forms) <= set(marked)
    expect(page.locator(".pagefind-ui__results")).not_to_contain_text("\u2e28")


def test_a_swallowed_consonant_query_finds_the_plain_root(
    page: Page, index_url: str, search_site: BuiltSite
) -> None:
    # Bali's page says only `berkunjung`; Snowball stems the query `mengunjungi` to `unjung`.
    assert "mengunjungi" not in page_text(search_site, "id", BALI)
    results = search(page, index_url + "id/", "mengunjungi")
    expect(results).to_have_count(2)
    assert sorted(links(results)) == sorted(f"/warta/id/{path}" for path in (BALI, OSAKA))


def test_an_english_query_never_returns_an_indonesian_page(page: Page, index_url: str) -> None:
    results = search(page, index_url + "en/", "delegation")
    expect(results).to_have_count(3)  # the Bali and Osaka events and the Kansai office
    assert all(link.startswith("/warta/en/") for link in links(results))
    expect(page.locator(".pagefind-ui__search-input")).to_have_attribute("placeholder", "Search")
    expect(page.locator(".pagefind-ui__filter-name")).to_have_text(
        ["Country", "Kind", "Sector", "Year"]
    )
    # An Indonesian word is on Indonesian pages only, which the English index does not hold.
    page.locator(".pagefind-ui__search-input").fill("berkunjung")
    expect(page.locator(".pagefind-ui__message")).to_contain_text("No results")
    expect(results).to_have_count(0)
    indonesian = search(page, index_url + "id/", "berkunjung")
    expect(indonesian).to_have_count(2)  # `berkunjung` in Bali, `mengunjungi` in Osaka


def test_a_filter_narrows_the_results(page: Page, index_url: str) -> None:
    results = search(page, index_url + "id/", "delegasi")
    expect(results).to_have_count(3)
    page.locator(".pagefind-ui__filter-name", has_text="Tahun").click()
    page.get_by_label(re.compile(r"^2024")).check()
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text(TITLES[BALI])
    expect(results.first.locator(".pagefind-ui__result-tag")).to_have_text(
        ["Jenis: Acara", "Tanggal: 10 Mei 2024"]
    )


def test_a_result_opens_its_page(page: Page, search_url: str) -> None:
    results = search(page, search_url + "en/", "fishing")  # only in the event's own text
    expect(results).to_have_count(1)
    results.first.get_by_role("link").click()
    expect(page).to_have_url(search_url + "en/" + SOLAR)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Nusantara Energi builds a solar plant in Madura")


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_search_opens_with_materials_shortcuts(page: Page, search_url: str, key: str) -> None:
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.goto(search_url + "id/")
    opener = page.locator(".md-header .warta-search__open")
    expect(opener).to_contain_text("Cari")
    expect(page.locator(".warta-search__panel")).to_be_hidden()
    page.keyboard.press(key)
    expect(page.locator(".pagefind-ui__search-input")).to_be_focused()
    expect(page.locator(".pagefind-ui__search-input")).to_have_attribute("placeholder", "Cari")
    page.keyboard.press("Escape")
    expect(page.locator(".warta-search__panel")).to_be_hidden()
    expect(opener).to_have_attribute("aria-expanded", "false")
    urls = [request.url for request in requests]
    assert any(url.endswith("/warta/id/pagefind/pagefind-ui.js") for url in urls)
    assert not any("search_index.json" in url or "workers/search" in url for url in urls)


def test_typing_in_a_page_field_does_not_open_search(page: Page, search_url: str) -> None:
    page.goto(search_url + "id/")
    page.keyboard.press("/")
    field = page.locator(".pagefind-ui__search-input")
    field.fill("fs")  # `f` and `s` typed into the field stay there
    expect(field).to_have_value("fs")


@pytest.mark.parametrize(
    ("lang", "tag"), [("id", "Tanggal: 3 November 2023"), ("en", "Date: 3 November 2023")]
)
def test_the_seed_site_finds_henan(page: Page, seed_url: str, lang: str, tag: str) -> None:
    results = search(page, seed_url + lang + "/", "Henan")
    expect(results.first).to_be_visible()
    assert all(link.startswith(f"/warta/{lang}/") for link in links(results))
    expect(results.first.locator(".pagefind-ui__result-title")).to_contain_text("Henan")
    expect(page.locator(".pagefind-ui__result-tag", has_text=tag).first).to_be_visible()
    expect(results.locator("mark").first).to_have_text(re.compile("Henan"))


def test_the_fixture_pages_exist(search_site: BuiltSite) -> None:
    for path in TITLES:
        assert (Path(search_site.site_dir) / "id" / path / "index.html").is_file()


@pytest.mark.parametrize("query", ["kerjasama", "kerja sama", "bekerjasama"])
def test_both_spellings_of_kerja_sama_find_the_seed_news(
    page: Page, seed_url: str, query: str
) -> None:
    # The seed records write only `kerja sama` (open); the glossary says readers type both.
    results = search(page, seed_url + "id/", query)
    expect(results.first).to_be_visible()
    found = links(results)
    assert "/warta/id/events/2023/2023-11-03-icbc-henan-delegation-meeting/" in found
    expect(page.locator(".pagefind-ui__results")).not_to_contain_text("\u2e28")


COOPERATIVE = "organizations/koperasi-tani-makmur/"


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("makan", "memakan"),  # meN- before a vowel: Snowball reads a p-root
        ("pemerintah", "perintah"),  # the query's root, which Snowball cuts to `intah`
        ("anak", "Anak-anak"),  # reduplication in the index
        ("anak-anak", "Anak-anak"),  # and in the query, which Pagefind reads as `anakanak`
        ("tindakan", "tindakan-tindakan"),
        ("gerak", "gerakan"),  # -an after a final k, which Snowball reads as -kan
    ],
)
def test_every_form_of_an_indonesian_word_finds_the_page(
    page: Page, search_url: str, search_site: BuiltSite, query: str, form: str
) -> None:
    text = page_text(search_site, "id", COOPERATIVE)
    assert form in text
    if query != form.lower():  # the page lacks the query's word
        assert not re.search(rf"(?<![\w-]){query}(?![\w-])", text, re.I)
    search(page, search_url + "id/", query)
    expect(
        page.locator(f'.pagefind-ui__result-link[href="/warta/id/{COOPERATIVE}"]')
    ).to_be_visible()
    expect(page.locator(".pagefind-ui__results")).not_to_contain_text("\u2e28")


@pytest.mark.parametrize(
    ("query", "paths"),
    [
        ("tempat", [SOLAR]),  # `setempat` is a form of it; the cooperative's `empat` is not
        ("empat", [COOPERATIVE]),
        ("kanak", []),  # `Anak-anak` is not a form of `kanak`
    ],
)
def test_a_short_root_finds_only_its_own_forms(
    page: Page, search_url: str, query: str, paths: list[str]
) -> None:
    results = search(page, search_url + "id/", query)
    if paths:
        expect(results).to_have_count(len(paths))
        assert sorted(links(results)) == sorted(f"/warta/id/{path}" for path in paths)
    else:
        expect(page.locator(".pagefind-ui__message")).to_be_visible()
        expect(results).to_have_count(0)


def test_the_root_map_loads_on_first_search_only(page: Page, search_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(search_url + "id/")
    expect(page.locator(".warta-search__open")).to_be_visible()
    assert not any("search-roots" in url or "/roots/" in url for url in requests)
    search(page, search_url + "id/", "pemerintah")
    expect(
        page.locator(f'.pagefind-ui__result-link[href="/warta/id/{COOPERATIVE}"]')
    ).to_be_visible()
    fetched = [url for url in requests if "/roots/" in url]
    assert any(url.endswith("/warta/id/pagefind/roots/index.json") for url in fetched)
    assert len(fetched) <= 3  # the manifest and the shard of the one word


def test_load_more_keeps_the_panel_open(page: Page, seed_url: str) -> None:
    results = search(page, seed_url + "id/", "indonesia")
    expect(results).to_have_count(5)
    more = page.locator(".pagefind-ui__button")
    while more.count():  # each click loads a batch; the last one removes the button
        shown = results.count()
        more.click()
        expect(results).not_to_have_count(shown)
    expect(page.locator(".warta-search__panel")).to_be_visible()
    assert results.count() > 5
    page.mouse.click(5, 300)  # a click outside the panel still closes it
    expect(page.locator(".warta-search__panel")).to_be_hidden()


def test_a_split_index_is_merged_in_the_browser(
    page: Page, split_search_url: str, split_search_site: BuiltSite
) -> None:
    manifest = json.loads(
        (split_search_site.site_dir / "id/pagefind/warta-parts.json").read_text("utf-8")
    )
    assert manifest["primary"] == "part-2023" and "part-2024" in manifest["parts"]
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    results = search(page, split_search_url + "id/", "kunjungan")  # 2023's Osaka, 2024's Bali
    expect(results).to_have_count(2)
    assert sorted(links(results)) == sorted(f"/warta/id/{path}" for path in (BALI, OSAKA))
    assert any("/id/pagefind/part-2024/pagefind-entry.json" in url for url in fetched)
    # The merged parts share the primary's WebAssembly.
    assert [url for url in fetched if url.endswith(".pagefind") and "wasm" in url] == [
        f"{split_search_url}id/pagefind/wasm.id.pagefind"
    ]
