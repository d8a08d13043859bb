"""The built seed site in a real browser: navigate, switch language, follow backlinks."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MEETING = "events/2023/2023-11-03-icbc-henan-delegation-meeting/"
HENAN = "organizations/henan-department-of-industry-and-technology/"


def test_reader_follows_the_meeting_across_languages(page: Page, seed_url: str) -> None:
    page.goto(seed_url + "id/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    page.get_by_role("link", name=re.compile("ICBC Terima Delegasi Henan")).first.click()
    expect(page).to_have_url(seed_url + "id/" + MEETING)
    expect(page.locator("h1")).to_contain_text("ICBC Terima Delegasi Henan")
    expect(page.locator("article")).to_contain_text("3 November 2023")
    expect(page.locator("article")).to_contain_text("delegasi (13 orang)")

    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    expect(page).to_have_url(seed_url + "en/" + MEETING)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("ICBC hosts Henan delegation")

    page.get_by_role("link", name="Henan Department of Industry and Technology").first.click()
    expect(page).to_have_url(seed_url + "en/" + HENAN)
    listed = page.locator("article li", has_text="ICBC hosts Henan delegation")
    expect(listed).to_contain_text("delegation")
    listed.get_by_role("link").first.click()
    expect(page).to_have_url(seed_url + "en/" + MEETING)


def test_every_page_names_its_twin_and_canonical(page: Page, seed_url: str) -> None:
    page.goto(seed_url + "en/" + HENAN)
    head = page.locator("head")
    base = "https://example.org/warta/"
    expect(head.locator('link[rel="canonical"]')).to_have_attribute("href", base + "en/" + HENAN)
    for lang, href in (("id", "id/"), ("en", "en/"), ("x-default", "id/")):
        link = head.locator(f'link[rel="alternate"][hreflang="{lang}"]')
        expect(link).to_have_attribute("href", base + href + HENAN)


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("id-ID", "id"), ("fr-FR", "id")])
def test_site_root_sends_readers_to_their_language(
    browser: Browser, seed_url: str, locale: str, lang: str
) -> None:
    context = browser.new_context(locale=locale)
    tab = context.new_page()
    tab.goto(seed_url)
    expect(tab).to_have_url(seed_url + lang + "/")
    context.close()


def test_site_root_lists_both_languages_without_javascript(browser: Browser, seed_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(seed_url)
    expect(tab).to_have_url(seed_url)
    expect(tab.locator('a[href$="id/"]')).to_have_count(1)
    expect(tab.locator('a[href$="en/"]')).to_have_count(1)
    tab.locator('a[href$="en/"]').click()
    expect(tab).to_have_url(seed_url + "en/")
    context.close()


def test_missing_page_shows_the_languages_404(browser: Browser, seed_url: str) -> None:
    # A 404 is logged by the browser as a console error by design, so no console check here.
    context = browser.new_context()
    tab = context.new_page()
    response = tab.goto(seed_url + "en/no-such-page/")
    assert response is not None and response.status == 404
    expect(tab.locator("html")).to_have_attribute("lang", "en")
    expect(tab.locator("article h1")).to_have_text("Page not found")
    tab.get_by_role("link", name=re.compile("home page", re.I)).first.click()
    expect(tab).to_have_url(seed_url + "en/")
    context.close()
