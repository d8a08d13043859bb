"""`warta schema`: write the JSON Schema of every record kind for editors' YAML extensions."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.config import SiteConfig
from generator.diagnostics import Report
from generator.project import find_project
from generator.records.kinds import KINDS
from generator.records.validate import load_config

TEXT = {"minLength": 1, "type": "string"}


def render_schemas(languages: Sequence[str] = ()) -> dict[str, str]:
    """File name → JSON Schema text, for every kind and the site configuration.

    With the site's `languages`, every text per language lists them as its keys, so an
    editor completes `ko:` on a site that speaks Korean and flags a key that is no language.
    """
    models: dict[str, type[BaseModel]] = {kind.name: kind.model for kind in KINDS}
    models["site_config"] = SiteConfig
    out = {}
    for kind, model in sorted(models.items()):
        schema = model.model_json_schema(by_alias=True)
        if languages and kind != "site_config":
            name_languages(schema, languages)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{kind}.schema.json"
        out[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def name_languages(schema: Any, languages: Sequence[str]) -> None:
    """Give every localized text (an object of non-empty strings) the site's languages."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" and schema.get("additionalProperties") == TEXT:
            schema["properties"] = {lang: dict(TEXT) for lang in languages}
            schema["propertyNames"] = {"enum": list(languages)}
        for value in schema.values():
            name_languages(value, languages)
    elif isinstance(schema, list):
        for value in schema:
            name_languages(value, languages)


def site_languages(root: Path) -> list[str]:
    """The configured languages, or none when the configuration cannot be read."""
    config = load_config(root, Report())
    return list(config.languages) if config else []


def stale_schemas(folder: Path, languages: Sequence[str] = ()) -> list[str]:
    """The schema files that are missing or differ from the models."""
    return [
        name
        for name, text in render_schemas(languages).items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]


def write_schemas(folder: Path, languages: Sequence[str] = ()) -> list[str]:
    """Write every schema that changed; returns the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    stale = set(stale_schemas(folder, languages))
    for name, text in render_schemas(languages).items():
        if name in stale:
            (folder / name).write_text(text, "utf-8")
    return sorted(stale)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta schema` to the command line."""
    parser = commands.add_parser(
        "schema",
        help="write the JSON Schema of every record kind to schemas/",
        description="Generate schemas/<kind>.schema.json from the record models, so YAML "
        "editors can complete and check fields; texts per language list the languages of "
        "site_config.yml. --check only reports stale files.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if a schema file is missing or out of date; write nothing",
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Write or check the schema files."""
    project = find_project(args.project)
    folder, languages = project.schemas, site_languages(project.root)
    if args.check:
        stale = stale_schemas(folder, languages)
        for name in stale:
            print(f"{folder / name}: out of date (run `warta schema`)", file=sys.stderr)
        return 1 if stale else 0
    written = write_schemas(folder, languages)
    print(
        f"wrote {len(written)} schema file(s) to {folder}" if written else "schemas are up to date"
    )
    return 0
