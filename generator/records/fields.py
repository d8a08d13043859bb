"""Reusable field types for the record models: ids, localized text, countries, URLs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from babel import Locale
from babel.core import get_global
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REF_MARK = "x-warta-ref"  # a JSON Schema key naming the kind a field refers to
ID_RE = re.compile(ID_PATTERN)
# BCP 47 language tags as sites use them: `id`, `en`, `ko`, `zh-Hans`, `pt-BR`, `es-419`.
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
# Babel's territory list also holds regions ("001") and pseudo-codes; keep real countries.
_COUNTRIES = frozenset(
    str(code) for code in Locale("en").territories if str(code).isalpha() and len(str(code)) == 2
) - {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB", "XK"}


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, strings are trimmed."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, use_attribute_docstrings=True
    )


def check_id(value: str) -> str:
    """An id is lowercase ASCII words joined by single hyphens."""
    if not ID_RE.match(value):
        raise PydanticCustomError(
            "invalid_id",
            "'{value}' is not a valid id",
            {"value": value, "hint": "use lowercase letters, digits and single hyphens"},
        )
    return value


def check_country(value: str) -> str:
    """A country is an ISO 3166-1 alpha-2 code, written in capitals."""
    if value not in _COUNTRIES:
        hint = "use an ISO 3166-1 alpha-2 code such as ID, CN or KR"
        if value.upper() in _COUNTRIES:
            hint = f"write it in capitals: '{value.upper()}'"
        elif code := country_code_for(value):
            hint = f"did you mean '{code}'?"
        raise PydanticCustomError(
            "invalid_country", "'{value}' is not a country code", {"value": value, "hint": hint}
        )
    return value


def country_code_for(text: str) -> str | None:
    """The alpha-2 code of a country named in Indonesian or English, or of an alpha-3 code."""
    return _COUNTRY_NAMES.get(" ".join(text.split()).casefold())


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for lang in ("en", "id"):
        for code, name in Locale(lang).territories.items():
            if str(code) in _COUNTRIES:
                names.setdefault(str(name).casefold(), str(code))
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and targets and targets[0] in _COUNTRIES:
            names.setdefault(alias.casefold(), targets[0])
    return names


_COUNTRY_NAMES = _country_names()


def check_url(value: str) -> str:
    """Only absolute http(s) links are allowed."""
    if not URL_RE.match(value):
        raise PydanticCustomError(
            "invalid_url",
            "'{value}' is not an http(s) URL",
            {"value": value, "hint": "write the full address, starting with https://"},
        )
    return value


def check_language(value: str) -> str:
    """A language is a BCP 47 tag: an ISO 639 code, then an optional script and region."""
    if not LANG_RE.match(value):
        raise PydanticCustomError(
            "invalid_language",
            "'{value}' is not a language code",
            {"value": value, "hint": "use a BCP 47 tag such as id, en, ko or zh-Hans"},
        )
    return value


def check_date(value: Any) -> Any:
    """Dates must be written as YYYY-MM-DD and exist in the calendar."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as err:
            raise PydanticCustomError(
                "invalid_date",
                "'{value}' is not a real date: {reason}",
                {"value": value, "reason": str(err), "hint": "check the day and the month"},
            ) from err
    iso = iso_date_for(value) if isinstance(value, str) else None
    hint = f"write it as {iso}" if iso else "write dates as YYYY-MM-DD, e.g. 2023-11-03"
    raise PydanticCustomError(
        "invalid_date", "'{value}' is not a date", {"value": value, "hint": hint}
    )


def iso_date_for(text: str) -> str | None:
    """The YYYY-MM-DD form of a date written day first (17/02/2023, 17-2-2023, 17.02.2023)
    or with a month name in Indonesian or English (17 Februari 2023, February 17, 2023)."""
    text = " ".join(text.replace(",", " ").split()).casefold()
    if found := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in found.groups())
    elif found := _NAMED.fullmatch(text):
        day, month, year = int(found[1]), _MONTHS.get(found[2], 0), int(found[3])
    elif found := _NAMED_US.fullmatch(text):
        day, month, year = int(found[2]), _MONTHS.get(found[1], 0), int(found[3])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_names() -> dict[str, int]:
    months: dict[str, int] = {}
    for lang in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in Locale(lang).months["format"][width].items():
                months.setdefault(str(name).casefold().rstrip("."), number)
    return months


_MONTHS = _month_names()
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_NAMED = re.compile(r"(\d{1,2}) ([^\W\d]+)\.? (\d{4})")
_NAMED_US = re.compile(r"([^\W\d]+)\.? (\d{1,2}) (\d{4})")


def check_localized(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    """Every key of a localized text must be one of the site's languages."""
    languages = (info.context or {}).get("languages")
    for lang in value:
        if languages and lang not in languages:
            hint = "add it to `languages` in site_config.yml"
            if " " in lang:
                hint = "put the text in quotes: inside { } a comma starts a new key"
            raise PydanticCustomError(
                "unknown_language",
                "'{value}' is not one of the site's languages ({allowed})",
                {"value": lang, "allowed": ", ".join(languages), "hint": hint},
            )
        check_language(lang)
    if not value:
        raise PydanticCustomError(
            "empty_text", "text is empty", {"hint": "write the text in at least one language"}
        )
    return value


def before_localized(value: Any) -> Any:
    """A bare string is refused: the editor must say which language it is in."""
    if isinstance(value, str):
        raise PydanticCustomError(
            "not_localized",
            "text must be given per language",
            {"hint": "write `id: ...` and `en: ...` under this field"},
        )
    return value


Id = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(check_id)]
Ref = Id


@dataclass(frozen=True)
class RefTo:
    """Marks a field holding the id (or ids) of another kind's records, for the link stage.

    `role` names the part the referring record gives the target ("party", "quoted"); left
    empty, the role is the referring record's kind ("event" for an event's partnership).
    `role_field` takes the role from a sibling field instead (an organisation's role at an
    event); `note_field` names a sibling text that qualifies it (a position's title).
    """

    kind: str
    role: str = ""
    role_field: str = ""
    note_field: str = ""

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Mark the field for `warta schema`, which offers the ids of existing records."""
        return {**handler(schema), REF_MARK: self.kind}


@dataclass(frozen=True)
class Role:
    """The role of the references inside a list of sub-records (`witnesses` → "witness")."""

    name: str


Country = Annotated[
    str,
    AfterValidator(check_country),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted(_COUNTRIES),
            "description": "An ISO 3166-1 alpha-2 country code: ID, CN, KR...",
        }
    ),
]
Url = Annotated[str, AfterValidator(check_url)]
Language = Annotated[str, AfterValidator(check_language)]
Date = Annotated[dt.date, BeforeValidator(check_date)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Localized = Annotated[
    dict[Language, Text], BeforeValidator(before_localized), AfterValidator(check_localized)
]
Count = Annotated[int, Field(ge=1, le=100_000)]
