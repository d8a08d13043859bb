"""`warta schema`: write the JSON Schema of every record kind for editors' YAML extensions."""

from __future__ import annotations

import argparse
import sys

from generator.project import Project, find_project
from generator.records.check import check_records
from generator.records.schemas import SchemaContext, schema_context, stale_schemas, write_schemas


def project_context(project: Project) -> SchemaContext:
    """The project's languages and ids, read from what the records check could load."""
    checked = check_records(project)
    return schema_context(checked.graph.config if checked.graph else None, checked.graph)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta schema` to the command line."""
    parser = commands.add_parser(
        "schema",
        help="write the JSON Schema of every record kind to schemas/",
        description="Generate schemas/<kind>.schema.json from the record models, so YAML "
        "editors can complete and check fields: every field and choice is described, texts "
        "list the languages of site_config.yml (the required ones required), and references "
        "offer the ids of the records that exist. Run it again after adding records; "
        "`warta check` warns when the files are out of date (W202). --check only reports "
        "stale files.",
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
    folder, context = project.schemas, project_context(project)
    if args.check:
        stale = stale_schemas(folder, context)
        for name in stale:
            print(f"{folder / name}: out of date (run `warta schema`)", file=sys.stderr)
        return 1 if stale else 0
    written = write_schemas(folder, context)
    print(
        f"wrote {len(written)} schema file(s) to {folder}" if written else "schemas are up to date"
    )
    return 0
