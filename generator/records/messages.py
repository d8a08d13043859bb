"""Plain-language messages and codes for pydantic's validation errors."""

from __future__ import annotations

import re
from typing import Any

from pydantic_core import ErrorDetails

from generator.diagnostics import suggest

CUSTOM_CODES = {
    "invalid_date": "E203",
    "invalid_url": "E204",
    "invalid_id": "E205",
    "invalid_country": "E207",
    "unknown_language": "E208",
    "invalid_language": "E208",
    "not_localized": "E212",
    "empty_text": "E211",
}

TYPE_WORDS = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
}


def describe_error(error: ErrorDetails) -> tuple[str, str, str]:
    """The code, message and hint for one pydantic error."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind in CUSTOM_CODES:
        return CUSTOM_CODES[kind], error["msg"], str(ctx.get("hint", ""))
    if kind == "missing":
        return "E201", "required field is missing", f"add `{error['loc'][-1]}:`"
    if kind == "extra_forbidden":
        return "E202", f"unknown key '{error['loc'][-1]}'", ""
    if kind in ("enum", "literal_error"):
        return "E209", f"'{value}' is not one of the allowed values", _choices(value, ctx)
    if kind in TYPE_WORDS:
        return "E210", f"expected {TYPE_WORDS[kind]}, found {describe_value(value)}", ""
    return "E211", *range_message(kind, ctx, error["msg"])


def range_message(kind: str, ctx: dict[str, Any], msg: str) -> tuple[str, str]:
    """Messages for values of the right type but outside what is allowed."""
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"needs at least {n} item{'s' if n != 1 else ''}", "add the missing entries"
    if kind == "string_too_short":
        return "must not be empty", "write a value or remove the key"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}", ""
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}", ""
    if kind == "value_error":
        return msg.removeprefix("Value error, "), ""
    return msg, ""


def _choices(value: Any, ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    close = suggest(str(value), re.findall(r"'([^']*)'", expected))
    return close or (f"use one of {expected}" if expected else "")


def describe_value(value: Any) -> str:
    """A short description of what the editor actually wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"text '{value}'"
    return f"'{value}'"
