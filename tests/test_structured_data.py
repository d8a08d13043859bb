"""Structured data in the built pages, read back with extruct: schema.org JSON-LD on record
pages, Open Graph and Twitter card tags on every page, none of it able to break the page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import extruct
import pytest
import yaml
from factories import minimal_records, render_project, write_project
from sites import HOSTILE, BuiltSite

from generator.render.structured_data import og_locale

ICBC_EVENT = "events/2023/2023-11-03-icbc-henan-delegation-meeting"
ICBC_MOU = "agreements/2023/icbc-henan-cooperation-mou"
HENAN = {
    "id": "Departemen Industri dan Teknologi Provinsi Henan",
    "en": "Henan Department of Industry and Technology",
}
ICBC = "Indonesia China Business Council"
VENUE = {"id": "Kantor ICBC, Plaza Maspion", "en": "ICBC office, Plaza Maspion"}
OG_LOCALES = {"id": "id_ID", "en": "en_GB"}


def extract(site: BuiltSite, lang: str, path: str) -> dict[str, Any]:
    """extruct's JSON-LD and Open Graph of one built page."""
    file = site.site_dir / lang / path / "index.html"
    url = f"{site.base_url}{lang}/{path}/"
    return extruct.extract(
        file.read_text("utf-8"), base_url=url, syntaxes=["json-ld", "opengraph"], uniform=False
    )


def by_type(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The page's JSON-LD objects by `@type`; each type appears once."""
    items = data["json-ld"]
    types = [item["@type"] for item in items]
    assert len(types) == len(set(types)), types
    return {item["@type"]: item for item in items}


def names(things: list[dict[str, Any]]) -> list[str]:
    """The names of a list of schema.org things."""
    return [thing["name"] for thing in things]


def open_graph(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The page's Open Graph properties, in order."""
    assert len(data["opengraph"]) == 1
    return [tuple(pair) for pair in data["opengraph"][0]["properties"]]


# --- the render stage -------------------------------------------------------------------------


def test_open_graph_locales_have_a_territory() -> None:
    assert og_locale("id") == "id_ID"
    assert og_locale("en_GB") == "en_GB"
    assert og_locale("ko") == "ko_KR"


def test_only_record_pages_carry_json_ld(tmp_path: Path) -> None:
    site = render_project(write_project(tmp_path, minimal_records()))
    for page in site.pages["en"]:
        meta = yaml.safe_load(page.markdown.split("---\n")[1])
        types = [item["@type"] for item in meta.get("warta_jsonld", [])]
        expected = {
            "event": ["NewsArticle", "Event"],
            "agreement": ["NewsArticle"],
            "organization": ["Organization"],
        }.get(page.kind, [])
        assert types == expected, page.path
        assert meta["warta_og"]["locale"] == "en_GB", page.path


# --- the built seed site ---------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_event_pages_are_a_news_article_and_an_event(seed_site: BuiltSite, lang: str) -> None:
    found = by_type(extract(seed_site, lang, ICBC_EVENT))
    assert set(found) == {"NewsArticle", "Event"}
    article, event = found["NewsArticle"], found["Event"]
    assert article["inLanguage"] == lang
    assert article["datePublished"] == "2023-11-03"
    assert names(article["about"]) == [ICBC, HENAN[lang]]
    assert "Ali Husein" in names(article["mentions"])
    assert article["url"] == f"{seed_site.base_url}{lang}/{ICBC_EVENT}/"
    assert event["startDate"] == "2023-11-03" and event["endDate"] == "2023-11-03"
    assert event["location"]["name"] == VENUE[lang]
    assert event["location"]["address"]["addressLocality"] == "Jakarta"
    assert event["location"]["address"]["addressCountry"] == "ID"
    assert names(event["organizer"]) == [ICBC]
    assert names(event["attendee"]) == [HENAN[lang]]
    assert (
        event["organizer"][0]["@id"]
        == f"{seed_site.base_url}{lang}/organizations/icbc/#organization"
    )


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_agreement_pages_are_a_news_article_about_the_parties(
    seed_site: BuiltSite, lang: str
) -> None:
    article = by_type(extract(seed_site, lang, ICBC_MOU))["NewsArticle"]
    assert article["inLanguage"] == lang
    assert names(article["about"]) == [ICBC, HENAN[lang]]
    assert article["publisher"]["name"] == (
        "Warta Kerja Sama" if lang == "id" else "Warta Partnerships"
    )
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["datePublished"])


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_organization_pages_are_an_organization(seed_site: BuiltSite, lang: str) -> None:
    org = by_type(extract(seed_site, lang, "organizations/icbc"))["Organization"]
    assert org["name"] == ICBC
    assert org["alternateName"] == ["ICBC"]
    assert org["address"]["addressCountry"] == "ID"
    assert org["@id"] == f"{seed_site.base_url}{lang}/organizations/icbc/#organization"


@pytest.mark.slow
def test_every_record_page_has_the_json_ld_of_its_kind(seed_site: BuiltSite) -> None:
    expected = {"events": {"NewsArticle", "Event"}, "agreements": {"NewsArticle"}}
    expected["organizations"] = {"Organization"}
    for lang in ("id", "en"):
        for folder, types in expected.items():
            pages = [p for p in (seed_site.site_dir / lang / folder).rglob("index.html")]
            records = [p for p in pages if p.parent.parent.name != lang]  # not the section
            assert records, folder
            for page in records:
                path = page.parent.relative_to(seed_site.site_dir / lang).as_posix()
                assert set(by_type(extract(seed_site, lang, path))) == types, path


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_has_open_graph_with_its_locales(seed_site: BuiltSite, lang: str) -> None:
    other = "en" if lang == "id" else "id"
    for page in (seed_site.site_dir / lang).rglob("index.html"):
        path = page.parent.relative_to(seed_site.site_dir / lang).as_posix()
        path = "" if path == "." else path
        data = extract(seed_site, lang, path) if path else extract_home(seed_site, lang)
        og = dict(open_graph(data))
        assert og["og:locale"] == OG_LOCALES[lang], path
        assert og["og:locale:alternate"] == OG_LOCALES[other], path
        assert og["og:url"] == f"{seed_site.base_url}{lang}/{path}{'/' if path else ''}"
        assert og["og:title"] and og["og:description"], path
        html = page.read_text("utf-8")
        assert '<meta name="twitter:card" content="summary">' in html, path


def extract_home(site: BuiltSite, lang: str) -> dict[str, Any]:
    """extruct's view of a language's home page."""
    file = site.site_dir / lang / "index.html"
    return extruct.extract(
        file.read_text("utf-8"),
        base_url=f"{site.base_url}{lang}/",
        syntaxes=["json-ld", "opengraph"],
        uniform=False,
    )


@pytest.mark.slow
def test_news_pages_are_articles_and_others_websites(seed_site: BuiltSite) -> None:
    assert dict(open_graph(extract(seed_site, "en", ICBC_EVENT)))["og:type"] == "article"
    assert dict(open_graph(extract(seed_site, "en", ICBC_MOU)))["og:type"] == "article"
    assert dict(open_graph(extract(seed_site, "en", "organizations/icbc")))["og:type"] == "website"


# --- hostile text ----------------------------------------------------------------------------


@pytest.mark.slow
def test_record_text_cannot_close_the_json_ld_script(edge_site: BuiltSite) -> None:
    path = "events/2024/2024-04-02-hostile"
    html = (edge_site.site_dir / "en" / path / "index.html").read_text("utf-8")
    assert '<script>alert("x")' not in html
    assert html.count('<script type="application/ld+json">') == 2
    found = by_type(extract(edge_site, "en", path))
    assert found["NewsArticle"]["headline"] == HOSTILE
    assert found["Event"]["name"] == HOSTILE
    assert found["NewsArticle"]["datePublished"] == "2024-04-05"  # its publish date
    assert dict(open_graph(extract(edge_site, "en", path)))["og:title"] == HOSTILE
