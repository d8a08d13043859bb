"""Reusable field types for the record models: ids, localized text, countries, URLs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from babel import Locale
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
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

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


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
        raise PydanticCustomError(
            "invalid_country", "'{value}' is not a country code", {"value": value, "hint": hint}
        )
    return value


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
    raise PydanticCustomError(
        "invalid_date",
        "'{value}' is not a date",
        {"value": value, "hint": "write dates as YYYY-MM-DD, e.g. 2023-11-03"},
    )


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


@dataclass(frozen=True)
class Role:
    """The role of the references inside a list of sub-records (`witnesses` → "witness")."""

    name: str


Country = Annotated[str, AfterValidator(check_country)]
Url = Annotated[str, AfterValidator(check_url)]
Language = Annotated[str, AfterValidator(check_language)]
Date = Annotated[dt.date, BeforeValidator(check_date)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Localized = Annotated[
    dict[Language, Text], BeforeValidator(before_localized), AfterValidator(check_localized)
]
Count = Annotated[int, Field(ge=1, le=100_000)]
