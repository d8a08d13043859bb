"""`warta new KIND [ID]`: write a commented, bilingual skeleton record."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from importlib import resources
from pathlib import Path

from generator.diagnostics import Report
from generator.project import Project, find_project
from generator.records.fields import ID_RE
from generator.records.kinds import BY_NAME
from generator.records.validate import load_config
from generator.skeletons.languages import localize_skeleton


def render_skeleton(project: Project, kind: str, path: Path, day: dt.date) -> str:
    """The skeleton text for a kind, with its schema modeline and dates filled in."""
    skeleton = BY_NAME[kind].skeleton
    text = resources.files("generator.skeletons").joinpath(skeleton).read_text("utf-8")
    schema = os.path.relpath(project.schemas / f"{kind}.schema.json", path.parent)
    text = text.format(schema=Path(schema).as_posix(), date=day.isoformat(), year=day.year)
    config = load_config(project.root, Report())
    return localize_skeleton(text, config.languages) if config else text


def resolve_target(project: Project, kind: str, key: str, day: dt.date) -> Path:
    """Where a new record of a kind and id belongs."""
    declared = BY_NAME[kind]
    year = None
    if declared.dated:
        year = int(key[:4]) if key[:4].isdigit() and key[4:5] == "-" else day.year
    return project.content / declared.content_folder(key, year) / f"{key}.yml"


def default_id(kind: str, day: dt.date) -> str:
    """An id for a record when the editor gives none."""
    return f"{day.isoformat()}-new-{kind}" if BY_NAME[kind].dated else f"new-{kind}"


def write_skeleton(project: Project, kind: str, key: str, *, force: bool = False) -> Path:
    """Write the skeleton file, refusing to overwrite an existing record without `force`."""
    day = dt.date.today()
    path = resolve_target(project, kind, key, day)
    clash = [p for p in (project.content / BY_NAME[kind].folder).rglob(f"{key}.y*ml") if p != path]
    if clash and not force:
        raise FileExistsError(f"{clash[0]}: a {kind} with id '{key}' already exists")
    if path.exists() and not force:
        raise FileExistsError(f"{path}: file already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_skeleton(project, kind, path, day), "utf-8")
    return path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta new` to the command line."""
    parser = commands.add_parser(
        "new",
        help="write a commented, bilingual skeleton record",
        description="Create content/<folder>/<ID>.yml from a commented skeleton with both "
        "languages and a JSON Schema modeline. Never overwrites a file without --force.",
    )
    parser.add_argument("kind", choices=sorted(BY_NAME), help="the kind of record")
    parser.add_argument(
        "id",
        nargs="?",
        help="the record id, which becomes the file name "
        "(events: start with the date, e.g. 2024-01-25-trade-fair)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Write the skeleton and say where it went."""
    key = args.id or default_id(args.kind, dt.date.today())
    if not ID_RE.match(key):
        print(
            f"warta new: '{key}' is not a valid id (use lowercase letters, digits and "
            "single hyphens, e.g. icbc-henan-mou)",
            file=sys.stderr,
        )
        return 2
    project = find_project(args.project)
    try:
        path = write_skeleton(project, args.kind, key, force=args.force)
    except FileExistsError as err:
        print(
            f"warta new: {err} (choose another id, or pass --force to overwrite)", file=sys.stderr
        )
        return 1
    print(f"wrote {path.relative_to(project.root).as_posix()}; fill it in, then run `warta check`")
    return 0
