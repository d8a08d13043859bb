"""The generated `mkdocs.yml` of each language's sub-site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from generator.config import SiteConfig
from generator.pages import NavSection, RenderedSite

FEATURES = ["navigation.tabs", "navigation.indexes", "navigation.top", "toc.follow"]
MARKDOWN_EXTENSIONS: list[Any] = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
]

# Interface text the theme overrides and the root pages need; other languages fall back
# to English. Record text never lives here: it comes from the records.
UI_STRINGS: dict[str, dict[str, str]] = {
    "id": {
        "language_name": "Bahasa Indonesia",
        "choose_language": "Pilih bahasa",
        "not_found_title": "Halaman tidak ditemukan",
        "not_found_text": "Halaman yang Anda cari tidak ada atau sudah dipindahkan.",
        "go_home": "Kembali ke beranda",
        "other_languages": "Baca dalam bahasa lain",
        "draft_banner": "Draf: halaman ini belum terbit dan hanya tampil di pratinjau.",
    },
    "en": {
        "language_name": "English",
        "choose_language": "Choose a language",
        "not_found_title": "Page not found",
        "not_found_text": "The page you are looking for does not exist or has moved.",
        "go_home": "Go to the home page",
        "other_languages": "Read in another language",
        "draft_banner": "Draft: this page is not published and shows only in the preview.",
    },
}


def ui_strings(lang: str) -> dict[str, str]:
    """The interface strings of a language, English where a string is missing."""
    strings = {**UI_STRINGS["en"], **UI_STRINGS.get(lang, {})}
    if lang not in UI_STRINGS:
        strings["language_name"] = language_name(lang)
    return strings


def language_name(lang: str) -> str:
    """A language's name in that language (e.g. `Bahasa Indonesia`, `English`)."""
    if lang in UI_STRINGS:
        return UI_STRINGS[lang]["language_name"]
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
        "site_name": config.name(lang),
        "site_url": language_url(config, lang),
        "docs_dir": "docs",
        "use_directory_urls": True,
        "strict": strict,
        "theme": build_theme(lang, overrides),
        # Records are reached through the section pages, never through the nav (a nav
        # listing every page makes MkDocs quadratic), so pages missing from it are normal.
        "nav": build_nav(site.nav.get(lang, [])),
        "validation": build_validation(),
        # No network-backed plugins; lunr search stays off until Pagefind replaces it.
        "plugins": [],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra": build_extra(config, lang),
    }
    if config.site_description and (
        description := localized(config.site_description, config, lang)
    ):
        data["site_description"] = description
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


def build_theme(lang: str, overrides: Path) -> dict[str, Any]:
    """Material, in the page language, with Warta's template overrides."""
    return {
        "name": "material",
        "language": lang,
        "custom_dir": str(overrides.resolve()),
        "features": FEATURES,
        # Google Fonts would make every page call a third party; use the system fonts.
        "font": False,
    }


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


def build_extra(config: SiteConfig, lang: str) -> dict[str, Any]:
    """The theme's `extra`: the language list and Warta's per-language strings."""
    return {
        "generator": False,
        # Material shows its language selector only when `alternate` is set; Warta's
        # overrides turn each entry into a link to the same page in that language.
        "alternate": [
            {"name": language_name(other), "link": language_url(config, other), "lang": other}
            for other in config.languages
        ],
        "warta": {
            "lang": lang,
            "default_language": config.default_language,
            "languages": list(config.languages),
            "base_url": site_base(config),
            "base_path": config.base_path,
            "strings": ui_strings(lang),
        },
    }


def write_mkdocs_config(data: dict[str, Any], path: Path) -> None:
    """Write a generated configuration as YAML, in a stable key order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# Generated by `warta build` from site_config.yml; edits are overwritten.\n"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    path.write_text(header + text, "utf-8")
