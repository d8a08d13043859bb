"""`warta schema`: write the JSON Schema of every record kind for editors' YAML extensions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel

from generator.config import SiteConfig
from generator.project import find_project
from generator.records.kinds import KINDS


def render_schemas() -> dict[str, str]:
    """File name → JSON Schema text, for every kind and the site configuration."""
    models: dict[str, type[BaseModel]] = {kind.name: kind.model for kind in KINDS}
    models["site_config"] = SiteConfig
    out = {}
    for kind, model in sorted(models.items()):
        schema = model.model_json_schema(by_alias=True)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{kind}.schema.json"
        out[f"{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def stale_schemas(folder: Path) -> list[str]:
    """The schema files that are missing or differ from the models."""
    return [
        name
        for name, text in render_schemas().items()
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
    ]


def write_schemas(folder: Path) -> list[str]:
    """Write every schema that changed; returns the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    stale = set(stale_schemas(folder))
    for name, text in render_schemas().items():
        if name in stale:
            (folder / name).write_text(text, "utf-8")
    return sorted(stale)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta schema` to the command line."""
    parser = commands.add_parser(
        "schema",
        help="write the JSON Schema of every record kind to schemas/",
        description="Generate schemas/<kind>.schema.json from the record models, so YAML "
        "editors can complete and check fields. --check only reports stale files.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if a schema file is missing or out of date; write nothing",
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Write or check the schema files."""
    folder = find_project(args.project).schemas
    if args.check:
        stale = stale_schemas(folder)
        for name in stale:
            print(f"{folder / name}: out of date (run `warta schema`)", file=sys.stderr)
        return 1 if stale else 0
    written = write_schemas(folder)
    print(
        f"wrote {len(written)} schema file(s) to {folder}" if written else "schemas are up to date"
    )
    return 0
