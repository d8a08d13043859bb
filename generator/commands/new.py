"""`warta new KIND [ID]`: write a commented, bilingual skeleton record."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from importlib import resources
from pathlib import Path

from generator.diagnostics import Report
from generator.files import write_atomic
from generator.project import Project, find_project
from generator.records.fields import ID_RE
from generator.records.kinds import BY_NAME
from generator.records.validate import load_config
from generator.skeletons.languages import localize_skeleton

DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:-|$)")


def parse_date(text: str) -> dt.date:
    """`--date`: a real date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (write YYYY-MM-DD)") from None


def render_skeleton(project: Project, kind: str, path: Path, day: dt.date) -> str:
    """The skeleton text for a kind, with its schema modeline and dates filled in."""
    skeleton = BY_NAME[kind].skeleton
    text = resources.files("generator.skeletons").joinpath(skeleton).read_text("utf-8")
    schema = os.path.relpath(project.schemas / f"{kind}.schema.json", path.parent)
    text = text.format(schema=Path(schema).as_posix(), date=day.isoformat(), year=day.year)
    config = load_config(project.root, Report())
    return localize_skeleton(text, config.languages) if config else text


def resolve_target(project: Project, kind: str, key: str, day: dt.date) -> Path:
    """Where a new record of a kind and id belongs: a dated kind in its day's year folder."""
    declared = BY_NAME[kind]
    year = day.year if declared.dated else None
    return project.content / declared.content_folder(key, year) / f"{key}.yml"


def default_id(kind: str, day: dt.date) -> str:
    """An id for a record when the editor gives none."""
    return f"{day.isoformat()}-new-{kind}" if BY_NAME[kind].dated else f"new-{kind}"


def id_date(key: str) -> dt.date | None:
    """The date an id starts with (`2023-02-17-...`), or None."""
    match = DATE_PREFIX.match(key)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def choose_day(key: str | None, given: dt.date | None, today: dt.date) -> dt.date:
    """The record's date: the id's date prefix, else `--date`, else today.

    Raises ValueError when the two disagree or the prefix is not a real date.
    """
    prefix = id_date(key) if key else None
    if key and DATE_PREFIX.match(key) and prefix is None:
        raise ValueError(f"'{key[:10]}' at the start of the id is not a real date")
    if prefix and given and prefix != given:
        raise ValueError(f"the id says {prefix.isoformat()} but --date says {given.isoformat()}")
    return prefix or given or today


def write_skeleton(
    project: Project, kind: str, key: str, *, day: dt.date | None = None, force: bool = False
) -> Path:
    """Write the skeleton file, refusing to overwrite an existing record without `force`."""
    day = day or dt.date.today()
    path = resolve_target(project, kind, key, day)
    clash = [p for p in (project.content / BY_NAME[kind].folder).rglob(f"{key}.y*ml") if p != path]
    if clash and not force:
        raise FileExistsError(f"{clash[0]}: a {kind} with id '{key}' already exists")
    if path.exists() and not force:
        raise FileExistsError(f"{path}: file already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, render_skeleton(project, kind, path, day))
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
        help="the record id, which becomes the file name; an id that starts with a date "
        "(2024-01-25-trade-fair) dates the record and picks its year folder",
    )
    parser.add_argument(
        "--date",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the event's day or the agreement's first status date (default: the date the "
        "id starts with, else today); it also picks the year folder",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Write the skeleton and say where it went."""
    try:
        day = choose_day(args.id, args.date, dt.date.today())
    except ValueError as err:
        print(f"warta new: {err}", file=sys.stderr)
        return 2
    key = args.id or default_id(args.kind, day)
    if not ID_RE.match(key):
        print(
            f"warta new: '{key}' is not a valid id (use lowercase letters, digits and "
            "single hyphens, e.g. icbc-henan-mou)",
            file=sys.stderr,
        )
        return 2
    project = find_project(args.project)
    try:
        path = write_skeleton(project, args.kind, key, day=day, force=args.force)
    except FileExistsError as err:
        print(
            f"warta new: {err} (choose another id, or pass --force to overwrite)", file=sys.stderr
        )
        return 1
    print(f"wrote {path.relative_to(project.root).as_posix()}; fill it in, then run `warta check`")
    return 0
