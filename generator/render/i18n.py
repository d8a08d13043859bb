"""Per-language text for the render stage: UI strings, text fallback, Babel dates and names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from generator.config import SiteConfig
from generator.records.coverage import iter_localized

I18N_DIR = "i18n"


def load_strings(templates_dir: Path, lang: str) -> dict[str, Any]:
    """The UI strings of one language, from `templates/i18n/<lang>.yml`."""
    path = templates_dir / I18N_DIR / f"{lang}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} must hold a mapping of UI strings")
    return data


def flatten_keys(data: Mapping[str, Any], prefix: str = "") -> Iterator[str]:
    """Every dotted key of a nested mapping of strings, e.g. `roles.host`."""
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from flatten_keys(value, name + ".")
        else:
            yield name


def pick_text(text: Mapping[str, str], lang: str, config: SiteConfig) -> str:
    """Text in `lang`, else the default language, else the first language that has it."""
    if text.get(lang):
        return text[lang]
    order = [config.default_language, *config.languages, *sorted(text)]
    return next(text[code] for code in order if text.get(code))


def is_translated(record: object, lang: str) -> bool:
    """True when every localized text inside a record is written in `lang`."""
    return all(text.get(lang) for _, text in iter_localized(record, ()))


@dataclass(frozen=True)
class Localizer:
    """Everything a page needs to speak one language."""

    lang: str
    config: SiteConfig
    strings: Mapping[str, Any]

    @cached_property
    def locale(self) -> Locale:
        """The Babel locale named by the strings file (e.g. `en_GB` for `en`)."""
        return Locale.parse(self.strings["locale"])

    def text(self, value: Mapping[str, str] | None) -> str:
        """A localized text in this language, with the fallback of `pick_text`."""
        return pick_text(value, self.lang, self.config) if value else ""

    def source_lang(self, value: Mapping[str, str] | None) -> str:
        """The language a text falls back to when it is not in this one, else ""."""
        if not value or value.get(self.lang):
            return ""
        order = [self.config.default_language, *self.config.languages, *sorted(value)]
        return next(code for code in order if value.get(code))

    def date(self, value: dt.date | None) -> str:
        """A date written out, e.g. `3 November 2023`."""
        if not value:
            return ""
        if value not in self._dates:
            self._dates[value] = format_date(value, format="long", locale=self.locale)
        return self._dates[value]

    @cached_property
    def _dates(self) -> dict[dt.date, str]:
        # Babel formats each date anew; a large site writes the same few thousand dates
        # on list after list.
        return {}

    def country(self, code: str) -> str:
        """A country's name in this language, e.g. `Tiongkok` for CN in Indonesian."""
        return str(self.locale.territories.get(code, code))

    def language(self, code: str) -> str:
        """A language's name in this language, e.g. `Inggris` for en in Indonesian."""
        return str(self.locale.languages.get(code, code))

    def label(self, group: str, key: str) -> str:
        """A UI string; a missing one is a bug in the strings files, so it raises."""
        return str(self.strings[group][key])

    def count(self, group: str, key: str, number: int) -> str:
        """A UI string with a number, in the plural form the language needs."""
        forms = self.strings[group][key]
        form = self.locale.plural_form(number)
        return str(forms.get(form, forms["other"])).format(count=self.number(number))

    def number(self, value: int) -> str:
        """A count as the locale writes it: `1.250` in Indonesian, `1,250` in English."""
        return str(format_decimal(value, locale=self.locale))
