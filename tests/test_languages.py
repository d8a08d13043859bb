"""Any number of languages: a third language, Korean, added through the configuration only."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
import yaml
from browser import serve_site
from playwright.sync_api import Page, expect
from rules import BASE
from sites import KOREAN, BuiltSite

from generator.cli import main
from generator.config import SiteConfig
from generator.records.fields import LANG_RE
from generator.records.schemas import SchemaContext, render_schemas
from generator.search.pagefind import END, START, index_language
from generator.sitebuild.mkdocs_config import material_language
from generator.skeletons.languages import localize_skeleton

pytestmark = [pytest.mark.slow]

EVENT = "events/2023/2023-07-07-kitb-chungbuk-technopark-mou-signing/"
PARTNERSHIP = "partnerships/central-java-chungcheongbuk-do-sister-province/"
UNTRANSLATED = "events/2023/2023-11-03-icbc-henan-delegation-meeting/"
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def html(site: BuiltSite, lang: str, path: str) -> str:
    """A built page's HTML."""
    return (site.site_dir / lang / path / "index.html").read_text("utf-8")


def test_every_language_has_every_page(trilingual_site: BuiltSite) -> None:
    assert trilingual_site.exit_code == 0
    pages = {
        lang: sorted(
            p.relative_to(trilingual_site.site_dir / lang).as_posix()
            for p in (trilingual_site.site_dir / lang).rglob("index.html")
        )
        for lang in ("id", "en", "ko")
    }
    assert pages["ko"] == pages["id"] == pages["en"]
    assert len(pages["ko"]) > 30


def test_translated_page_is_korean_and_untranslated_falls_back(
    trilingual_site: BuiltSite,
) -> None:
    event = html(trilingual_site, "ko", EVENT)
    assert '<html lang="ko"' in event
    title = KOREAN[("event/2023-07-07-kitb-chungbuk-technopark-mou-signing", "title")]
    assert f"<h1>{title}</h1>" in event or f">{title}</h1>" in event
    assert "2023년 7월 7일" in event  # Babel's Korean date
    assert "아직 번역되지 않음" in event  # its body is still Indonesian
    fallback = html(trilingual_site, "ko", UNTRANSLATED)
    assert "아직 번역되지 않음" in fallback and "ICBC Terima Delegasi Henan" in fallback


def test_language_switch_and_alternates_list_three_languages(
    trilingual_site: BuiltSite,
) -> None:
    page = html(trilingual_site, "en", PARTNERSHIP)
    base = "https://example.org/warta/"
    for lang in ("id", "en", "ko"):
        assert f'<link rel="alternate" hreflang="{lang}" href="{base}{lang}/{PARTNERSHIP}">' in page
    switch = page[page.index('class="md-select__list"') :]
    switch = switch[: switch.index("</ul>")]
    assert re.findall(r'hreflang="([^"]+)"', switch) == ["id", "en", "ko"]
    assert "한국어" in switch
    root = (trilingual_site.site_dir / "index.html").read_text("utf-8")
    assert f'<link rel="alternate" hreflang="ko" href="{base}ko/">' in root


def test_sitemaps_and_feeds_cover_the_third_language(trilingual_site: BuiltSite) -> None:
    index = ET.parse(trilingual_site.site_dir / "sitemap.xml").getroot()
    locs = [loc.text for loc in index.iter(f"{{{SITEMAP_NS['s']}}}loc")]
    assert locs == [f"https://example.org/warta/{lang}/sitemap.xml" for lang in ("id", "en", "ko")]
    sitemap = ET.parse(trilingual_site.site_dir / "ko" / "sitemap.xml").getroot()
    url = next(
        u for u in sitemap.findall("s:url", SITEMAP_NS)
        if u.findtext("s:loc", namespaces=SITEMAP_NS, default="").endswith(EVENT)
    )  # fmt: skip
    links = url.findall("x:link", SITEMAP_NS)
    assert [link.get("hreflang") for link in links] == ["id", "en", "ko", "x-default"]
    feed = feedparser.parse((trilingual_site.site_dir / "ko" / "feed.xml").read_bytes())
    assert feed.feed.language == "ko"
    titles = [entry.title for entry in feed.entries]
    assert KOREAN[("event/2023-07-07-kitb-chungbuk-technopark-mou-signing", "title")] in titles
    others = [link.get("hreflang") for link in feed.feed.links if link.get("hreflang")]
    assert others == ["id", "en"]
    assert (trilingual_site.site_dir / "ko" / "events.ics").is_file()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("충청북도", [PARTNERSHIP, EVENT]),  # also the prefix of 충청북도의 in the texts
        ("체결", [EVENT]),  # the stem of 체결했다 ("signed"), found as a prefix
    ],
)
def test_search_in_korean_through_pagefinds_api(
    page: Page, trilingual_url: str, query: str, expected: list[str]
) -> None:
    page.goto(f"{trilingual_url}ko/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    urls: list[str] = page.evaluate(
        """async ([bundle, query]) => {
            const pagefind = await import(bundle);
            const found = await pagefind.search(query);
            return Promise.all(found.results.map(async (r) => (await r.data()).url));
        }""",
        [f"{trilingual_url}ko/pagefind/pagefind.js", query],
    )
    assert urls and all(url.startswith("/warta/ko/") for url in urls), urls
    paths = [url.removeprefix("/warta/ko/") for url in urls]
    assert set(expected) <= set(paths), paths


@pytest.mark.parametrize("code", ["id", "en", "ko", "zh-Hans", "zh-Hant", "pt-BR", "es-419"])
def test_bcp47_language_codes_are_accepted(code: str) -> None:
    assert LANG_RE.match(code)


@pytest.mark.parametrize("code", ["EN", "zh_Hans", "zh-hans", "english", ""])
def test_other_language_codes_are_refused(code: str) -> None:
    assert not LANG_RE.match(code)


@pytest.mark.parametrize(
    ("code", "theme"), [("ko", "ko"), ("zh-Hans", "zh"), ("zh-Hant", "zh-Hant"), ("jv", "en")]
)
def test_material_gets_its_nearest_language(code: str, theme: str) -> None:
    assert material_language(code) == theme


def test_skeletons_and_schemas_follow_the_configured_languages(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(BASE, project)
    config = (BASE / "site_config.yml").read_text("utf-8")
    (project / "site_config.yml").write_text(
        config.replace("[id, en]", "[id, en, zh-Hans]", 1), "utf-8"
    )
    assert main(["-C", str(project), "new", "event", "2025-01-02-expo"]) == 0
    data = yaml.safe_load((project / "content/events/2025/2025-01-02-expo.yml").read_text("utf-8"))
    assert list(data["title"]) == ["id", "en", "zh-Hans"]
    assert list(data["location"]["venue"]) == ["id", "en", "zh-Hans"]
    assert main(["-C", str(project), "schema"]) == 0
    schema = yaml.safe_load((project / "schemas/event.schema.json").read_text("utf-8"))
    assert schema["properties"]["title"]["propertyNames"] == {"enum": ["id", "en", "zh-Hans"]}
    assert "zh-Hans" in render_schemas(SchemaContext(["zh-Hans"]))["agreement.schema.json"]
    assert SiteConfig.model_validate(
        yaml.safe_load((project / "site_config.yml").read_text("utf-8"))
    ).languages == ["id", "en", "zh-Hans"]


def test_skeleton_keeps_the_seed_languages_as_written() -> None:
    text = "title:\n  id: Judul\n  en: Title\nvenue: {id: Tempat, en: Venue}\n"
    assert localize_skeleton(text, ["id", "en"]) == text
    assert localize_skeleton(text, ["en", "ko"]) == (
        "title:\n  en: Title\n  ko: Title\nvenue: {en: Venue, ko: Venue}\n"
    )


CHINESE = {
    "henan": "印尼中国商会接待河南代表团，探讨工业和科技合作。",
    "batang": "巴塘综合工业园与忠清北道科技园签署科技合作谅解备忘录。",
}


@pytest.fixture(scope="module")
def chinese_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two Chinese pages indexed the way `warta build` indexes a language, served."""
    root = tmp_path_factory.mktemp("chinese")
    site = root / "site"
    for key, text in CHINESE.items():
        folder = site / "zh-Hans" / key
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(
            '<html lang="zh-Hans"><link rel="icon" href="data:,">'
            f"<body>{START}<h1>{key}</h1><p>{text}</p>{END}</body></html>",
            "utf-8",
        )
    result = index_language(site / "zh-Hans", "zh-Hans", root / "scratch")
    assert result.returncode == 0 and result.pages == 2, result.output
    with serve_site(site, "/warta/") as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [("代表团", ["henan"]), ("合作", ["batang", "henan"]), ("忠清北道", ["batang"])],
)
def test_pagefind_segments_chinese_into_words(
    page: Page, chinese_url: str, query: str, expected: list[str]
) -> None:
    # Without segmentation a sentence with no spaces is one token, and none of these words
    # finds anything (measured with the plain `pagefind_bin`); the extended binary
    # (pyproject.toml) splits Chinese into words.
    page.goto(f"{chinese_url}zh-Hans/henan/")
    urls: list[str] = page.evaluate(
        """async ([bundle, query]) => {
            const pagefind = await import(bundle);
            const found = await pagefind.search(query);
            return Promise.all(found.results.map(async (r) => (await r.data()).url));
        }""",
        [f"{chinese_url}zh-Hans/pagefind/pagefind.js", query],
    )
    assert sorted(u.removeprefix("/warta/zh-Hans/").strip("/") for u in urls) == expected
