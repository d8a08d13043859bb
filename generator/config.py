"""The one configuration file, `site_config.yml`, as a typed model."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from generator.records.fields import Language, Localized, Strict, Url


class SearchConfig(Strict):
    """How the site's search is built."""

    enabled: bool = True


class FeedConfig(Strict):
    """How many entries the feeds carry."""

    entries: int = Field(default=50, ge=1, le=1000)


class Publisher(Strict):
    """Who publishes the site, for the footer: a name, an about page and a contact address,
    each per language (`contact` may be a `mailto:` address)."""

    name: Localized
    about: Localized | None = None
    contact: Localized | None = None


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
    default_language: Language
    required_languages: list[Language] = Field(default_factory=list)
    site_name: Localized
    site_description: Localized | None = None
    base_url: Url
    page_size: int = Field(default=20, ge=1, le=500)
    feeds: FeedConfig = FeedConfig()
    search: SearchConfig = SearchConfig()
    publisher: Publisher | None = None
    translations: TranslationConfig = TranslationConfig()
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
