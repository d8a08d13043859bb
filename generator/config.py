"""The one configuration file, `site_config.yml`, as a typed model."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from generator.records.fields import Language, Localized, Strict, Url


class SearchConfig(Strict):
    """How the site's search is built."""

    enabled: bool = True
    """Build a Pagefind search index and show the search field (default true)."""
    split_above: int = Field(default=2000, ge=1)
    """Split a language's index into parts (by year, and by folder for undated records)
    when it has more record pages than this, so that an edit re-indexes one part (default
    2000). Readers' browsers merge the parts; a smaller index is one part."""


class FeedConfig(Strict):
    """How many entries the feeds carry."""

    entries: int = Field(default=50, ge=1, le=1000)
    """How many of the newest records the Atom feed carries."""


class Publisher(Strict):
    """Who publishes the site, for the footer: a name, an about page and a contact address,
    each per language (`contact` may be a `mailto:` address)."""

    name: Localized
    """Who publishes the site, per language, shown in the footer."""
    about: Localized | None = None
    """A link to the publisher's about page, per language."""
    contact: Localized | None = None
    """A contact link (https:// or mailto:), per language."""


class TranslationConfig(Strict):
    """How complete each language must be for `warta check` to pass."""

    minimum_coverage: dict[Language, float] = Field(default_factory=dict)
    """Per language, the share of texts (0–100) that must be written and up to date."""

    @field_validator("minimum_coverage")
    @classmethod
    def _percentages(cls, minimum: dict[str, float]) -> dict[str, float]:
        wrong = [lang for lang, share in minimum.items() if not 0 <= share <= 100]
        if wrong:
            raise ValueError(f"coverage of {', '.join(wrong)} must be between 0 and 100")
        return minimum


class SiteConfig(Strict):
    """Languages, names and addresses of the site."""

    languages: list[Language] = Field(min_length=1)
    """The site's languages, as codes (id, en, zh-Hans, ko...); each gets its own sub-site."""
    default_language: Language
    """The language texts fall back to, and of the site's root."""
    required_languages: list[Language] = Field(default_factory=list)
    """Languages every text must have; a missing one is W401."""
    site_name: Localized
    """The site's name, per language."""
    site_description: Localized | None = None
    """One or two sentences about the site, per language (home page, feeds)."""
    base_url: Url
    """The address the site is published at, e.g. https://example.org/warta/."""
    page_size: int = Field(default=20, ge=1, le=500)
    """How many items a page of the news list shows."""
    feeds: FeedConfig = FeedConfig()
    """The feeds' settings."""
    search: SearchConfig = SearchConfig()
    """The search's settings."""
    publisher: Publisher | None = None
    """The publisher shown in every page's footer."""
    translations: TranslationConfig = TranslationConfig()
    """Translation coverage gates."""
    raw_html: Literal["sanitize", "escape", "forbid"] = "sanitize"
    """Raw HTML in Markdown bodies: cut to an allowlist, shown as text, or an error."""

    @field_validator("languages")
    @classmethod
    def _languages_once(cls, languages: list[str]) -> list[str]:
        if len(set(languages)) != len(languages):
            raise ValueError("a language is listed twice")
        return languages

    @field_validator("default_language")
    @classmethod
    def _default_is_listed(cls, lang: str, info: ValidationInfo) -> str:
        if lang not in info.data.get("languages", [lang]):
            raise ValueError(f"'{lang}' is not one of `languages`")
        return lang

    @field_validator("required_languages")
    @classmethod
    def _required_are_listed(cls, langs: list[str], info: ValidationInfo) -> list[str]:
        missing = [lang for lang in langs if lang not in info.data.get("languages", langs)]
        if missing:
            raise ValueError(f"{', '.join(missing)} not in `languages`")
        return langs

    @field_validator("translations")
    @classmethod
    def _gated_are_listed(cls, value: TranslationConfig, info: ValidationInfo) -> TranslationConfig:
        langs = info.data.get("languages", [])
        missing = [lang for lang in value.minimum_coverage if lang not in langs]
        if missing:
            raise ValueError(f"minimum_coverage names {', '.join(missing)}, not in `languages`")
        return value

    @property
    def base_path(self) -> str:
        """The path part of the base URL, always ending in `/` (e.g. `/warta/`)."""
        rest = self.base_url.split("://", 1)[1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"

    def name(self, lang: str) -> str:
        """The site name in a language, falling back to the default language."""
        return self.site_name.get(lang) or self.site_name[self.default_language]
