"""Text left as `warta new` wrote it: fine in a draft, an error once the record is published."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.records.kinds import RecordKind, kind_of
from generator.records.load import Document, FieldPath, iter_texts
from generator.records.models import Record

# Plain-text fields whose skeleton value is an example to replace (others, such as a city or
# a country code, may well be right as they stand).
EXAMPLE_FIELDS = {"name", "native_name", "short_name", "publisher", "address"}
SKELETON_LANGUAGES = {"id", "en"}


@cache
def example_texts(kind: RecordKind) -> frozenset[str]:
    """The example texts of a kind's skeleton: every text per language, and example names."""
    source = resources.files("generator.skeletons").joinpath(kind.skeleton).read_text("utf-8")
    data = yaml.safe_load(source.format(schema="", date="2000-01-01", year=2000))
    return frozenset(_texts(data, example=False))


def _texts(value: Any, *, example: bool) -> Iterator[str]:
    if isinstance(value, dict):
        localized = bool(value) and set(value) <= SKELETON_LANGUAGES
        for key, item in value.items():
            yield from _texts(item, example=localized or key in EXAMPLE_FIELDS)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, example=example)
    elif isinstance(value, str) and example:
        yield value.strip()


def examples_left(doc: Document, record: Record) -> list[tuple[FieldPath, str]]:
    """Where a record that is not a draft still has its skeleton's example text."""
    if getattr(record, "draft", True):
        return []
    examples = example_texts(kind_of(record))
    if examples.isdisjoint(text.strip() for text in _strings(doc.data)):
        return []  # the common case, found without building a path for every text
    return [(path, text) for path, text in iter_texts(doc.data, ()) if text.strip() in examples]


def _strings(value: Any) -> Iterator[str]:
    """Every string in a loaded document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
