"""JSON Schemas of the record kinds and the configuration, for editors' YAML extensions.

They are made from the models (field docstrings become descriptions) and fitted to the
project: every text lists the site's languages and requires the required ones, every
reference offers the ids of the records that exist, and every choice explains itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.config import SiteConfig
from generator.files import write_atomic
from generator.records.fields import ID_PATTERN, REF_MARK
from generator.records.kinds import KINDS
from generator.records.link import RecordGraph
from generator.records.models import VALUE_HELP

TEXT = {"minLength": 1, "type": "string"}
DRAFT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class SchemaContext:
    """What the schemas take from the project: its languages and its records' ids."""

    languages: Sequence[str] = ()
    required: Sequence[str] = ()
    ids: Mapping[str, Sequence[str]] = field(default_factory=dict)


def schema_context(config: SiteConfig | None, graph: RecordGraph | None) -> SchemaContext:
    """The context of a project; without a configuration, schemas name no language."""
    if config is None:
        return SchemaContext()
    ids: dict[str, list[str]] = {"sector": sorted(graph.sectors)} if graph else {}
    for kind, by_id in (graph.entries if graph else {}).items():
        ids[kind] = sorted(by_id)
    return SchemaContext(list(config.languages), list(config.required_languages), ids)


def render_schemas(context: SchemaContext) -> dict[str, str]:
    """File name → JSON Schema text, for every kind and the site configuration."""
    models: dict[str, type[BaseModel]] = {kind.name: kind.model for kind in KINDS}
    models["site_config"] = SiteConfig
    out = {}
    for name, model in sorted(models.items()):
        schema = json.loads(model_schema(model))
        if name != "site_config":
            fit_to_project(schema, context)
        describe_choices(schema)
        schema["$schema"], schema["$id"] = DRAFT, f"{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


@cache
def model_schema(model: type[BaseModel]) -> str:
    """A model's own JSON Schema as text (made once; the project's parts are added after)."""
    return json.dumps(model.model_json_schema(by_alias=True))


def fit_to_project(schema: Any, context: SchemaContext) -> None:
    """Name the languages in every text and the existing ids in every reference."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" and schema.get("additionalProperties") == TEXT:
            name_languages(schema, context)
        if kind := schema.pop(REF_MARK, None):
            offer_ids(schema, context.ids.get(kind, []))
        for value in schema.values():
            fit_to_project(value, context)
    elif isinstance(schema, list):
        for value in schema:
            fit_to_project(value, context)


def name_languages(schema: dict[str, Any], context: SchemaContext) -> None:
    """A text per language: the site's languages as keys, the required ones required."""
    if not context.languages:
        return
    schema["properties"] = {lang: dict(TEXT) for lang in context.languages}
    schema["propertyNames"] = {"enum": list(context.languages)}
    if context.required:
        schema["required"] = list(context.required)


def offer_ids(schema: dict[str, Any], ids: Sequence[str]) -> None:
    """Turn every id string inside a reference field into "one of these, or a new id"."""
    if schema.get("type") == "string":
        schema.pop("type")
        schema["anyOf"] = id_choices(ids)
    elif isinstance(schema.get("items"), dict):
        offer_ids(schema["items"], ids)
    elif isinstance(schema.get("anyOf"), list):  # `X | None`: splice the choices in
        schema["anyOf"] = [
            choice
            for part in schema["anyOf"]
            for choice in (id_choices(ids) if part.get("type") == "string" else [part])
        ]


def id_choices(ids: Sequence[str]) -> list[dict[str, Any]]:
    """An existing id (offered for completion) or any new, well-formed one."""
    new = {"type": "string", "pattern": ID_PATTERN}
    return [{"enum": list(ids)}, new] if ids else [new]


def describe_choices(schema: dict[str, Any]) -> None:
    """Give each choice of an enumeration its meaning, as YAML editors show it."""
    for enum, help_by_value in VALUE_HELP.items():
        definition = schema.get("$defs", {}).get(enum.__name__)
        if definition:
            texts = [help_by_value[value] for value in definition["enum"]]
            definition["enumDescriptions"] = texts
            definition["markdownEnumDescriptions"] = texts


def stale_schemas(folder: Path, context: SchemaContext) -> list[str]:
    """The schema files that are missing or differ from what the project gives."""
    return [
        name
        for name, text in render_schemas(context).items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]


def write_schemas(folder: Path, context: SchemaContext) -> list[str]:
    """Write every schema that changed, each whole or not at all; returns the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    stale = set(stale_schemas(folder, context))
    for name, text in render_schemas(context).items():
        if name in stale:
            write_atomic(folder / name, text)
    return sorted(stale)
