"""The generated `mkdocs.yml` of each language's sub-site."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import material
import yaml
from babel import Locale, UnknownLocaleError

from generator.config import SiteConfig
from generator.render.pages import NavSection, RenderedSite

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
FEATURES = ["navigation.tabs", "navigation.indexes", "navigation.top", "toc.follow"]
SEARCH_CSS, SEARCH_JS = "assets/warta/search.css", "assets/warta/search.js"
# The news look (templates/overrides/assets/warta/news.css), after Material's styles.
NEWS_CSS = "assets/warta/news.css"
MARKDOWN_EXTENSIONS: list[Any] = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    # Headings keep their ids (links to a section work) but get no "¶" anchor, which screen
    # readers would read as part of every heading's name.
    "toc",
]


def ui_strings(site: RenderedSite, lang: str) -> dict[str, str]:
    """The theme's interface strings in a language, the default language's where missing.

    `language` is what Material writes into `<html lang>`: the configured code itself
    (`zh-Hans`), which Pagefind and browsers read, whatever Material's nearest language is.
    """
    fallback = site.strings.get(site.config.default_language, {})
    return {**fallback, **site.strings.get(lang, {}), "language": lang}


def material_language(lang: str) -> str:
    """The Material theme language nearest a code: itself, its base (`zh` for `zh-Hans`),
    else English, so a language Material has no translation for still builds."""
    for code in (lang, lang.split("-", 1)[0]):
        if (MATERIAL_LANGUAGES / f"{code}.html").is_file():
            return code
    return "en"


def language_name(site: RenderedSite, lang: str) -> str:
    """A language's name in that language (e.g. `Bahasa Indonesia`, `English`)."""
    if name := site.strings.get(lang, {}).get("language_name"):
        return name
    try:
        return str(Locale.parse(lang).get_display_name(lang) or lang)
    except (ValueError, UnknownLocaleError):
        return lang


def build_mkdocs_config(
    site: RenderedSite, lang: str, overrides: Path, *, strict: bool = False
) -> dict[str, Any]:
    """The MkDocs configuration of one language's sub-site."""
    config = site.config
    data: dict[str, Any] = {
        # Material prints the site's name and description unescaped in most places (the
        # header, <title>, meta tags), so they are HTML-escaped here, as page titles are.
        "site_name": escape(config.name(lang)),
        "site_url": language_url(config, lang),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "strict": strict,
        "theme": build_theme(lang, overrides, ui_strings(site, lang)),
        # Records are reached through the section pages, never through the nav (a nav
        # listing every page makes MkDocs quadratic), so pages missing from it are normal.
        "nav": build_nav(site.nav.get(lang, [])),
        "validation": build_validation(),
        # No network-backed plugins. Material's lunr search stays off: it cannot stem
        # Indonesian; Pagefind indexes each language after the build (generator/search/pagefind.py).
        "plugins": [],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        # The search field's script and styles (templates/overrides/assets/warta/), unless
        # `search.enabled: false` leaves the site without search.
        "extra_css": [NEWS_CSS, SEARCH_CSS] if config.search.enabled else [NEWS_CSS],
        "extra_javascript": [SEARCH_JS] if config.search.enabled else [],
        "extra": build_extra(site, lang),
    }
    if config.site_description and (
        description := localized(config.site_description, config, lang)
    ):
        data["site_description"] = escape(description)
    return data


def localized(text: dict[str, str], config: SiteConfig, lang: str) -> str:
    """A localized text in a language, falling back to the default language."""
    return text.get(lang) or text.get(config.default_language, "")


def site_base(config: SiteConfig) -> str:
    """The absolute address of the whole site, ending in `/`."""
    return config.base_url if config.base_url.endswith("/") else config.base_url + "/"


def language_url(config: SiteConfig, lang: str) -> str:
    """The absolute address of a language's sub-site, ending in `/`."""
    return f"{site_base(config)}{lang}/"


def build_theme(lang: str, overrides: Path, strings: dict[str, str]) -> dict[str, Any]:
    """Material, in the page language, with Warta's template overrides and palettes."""
    return {
        "name": "material",
        "language": material_language(lang),
        "custom_dir": str(overrides.resolve()),
        "features": FEATURES,
        # Google Fonts would make every page call a third party; use the system fonts.
        "font": False,
        "palette": build_palette(strings),
    }


def build_palette(strings: dict[str, str]) -> list[dict[str, Any]]:
    """A light and a dark palette, following the reader's system until they toggle.

    `custom` colours leave Material's own palette rules out; news.css sets every colour
    per scheme. Each toggle is labelled with the palette it switches to.
    """
    return [
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "primary": "custom",
            "accent": "custom",
            "toggle": {"icon": "material/weather-night", "name": strings["palette_dark"]},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "primary": "custom",
            "accent": "custom",
            "toggle": {"icon": "material/weather-sunny", "name": strings["palette_light"]},
        },
    ]


def build_nav(sections: list[NavSection]) -> list[dict[str, str]]:
    """The top-level sections only, as MkDocs `nav` entries."""
    return [{section.title: section.path} for section in sections]


def build_validation() -> dict[str, Any]:
    """Broken links are warnings (errors under `--strict`); pages outside the nav are not."""
    return {
        "nav": {"omitted_files": "ignore", "not_found": "warn", "absolute_links": "warn"},
        "links": {
            "not_found": "warn",
            "absolute_links": "warn",
            "unrecognized_links": "warn",
            "anchors": "warn",
        },
    }


def build_extra(site: RenderedSite, lang: str) -> dict[str, Any]:
    """The theme's `extra`: the language list and Warta's per-language strings."""
    config = site.config
    return {
        "generator": False,
        # Material shows its language selector only when `alternate` is set; Warta's
        # overrides turn each entry into a link to the same page in that language.
        "alternate": [
            {"name": language_name(site, other), "link": language_url(config, other), "lang": other}
            for other in config.languages
        ],
        "warta": {
            "lang": lang,
            "default_language": config.default_language,
            "languages": list(config.languages),
            "base_url": site_base(config),
            "base_path": config.base_path,
            "strings": ui_strings(site, lang),
            "search": search_strings(site, lang),
            "publisher": publisher(config, lang),
        },
    }


def write_mkdocs_config(data: dict[str, Any], path: Path) -> None:
    """Write a generated configuration as YAML, in a stable key order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(mkdocs_config_text(data), "utf-8")


def mkdocs_config_text(data: dict[str, Any]) -> str:
    """A generated configuration as YAML text, in a stable key order."""
    header = "# Generated by `warta build` from site_config.yml; edits are overwritten.\n"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return header + text


def search_strings(site: RenderedSite, lang: str) -> dict[str, Any]:
    """The search field's strings, or none when the site has no search (no field shown)."""
    if not site.config.search.enabled:
        return {}
    return site.search.get(lang) or site.search.get(site.config.default_language, {})


def publisher(config: SiteConfig, lang: str) -> dict[str, str]:
    """The footer's publisher in a language: name, about page and contact address."""
    if config.publisher is None:
        return {}
    found = {
        "name": localized(config.publisher.name, config, lang),
        "about": localized(config.publisher.about or {}, config, lang),
        "contact": localized(config.publisher.contact or {}, config, lang),
    }
    # The footer prints these unescaped, in text and in href attributes.
    return {key: escape(value) for key, value in found.items() if value}
