"""`warta import FILE|-`: a news article (text or saved HTML) becomes one draft record."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from generator.commands.new import parse_date, write_skeleton
from generator.diagnostics import print_report
from generator.files import write_atomic
from generator.importer.draft import Draft, build_draft, render_draft, slug
from generator.importer.extract import from_html, from_text, looks_like_html
from generator.project import Project, find_project
from generator.records.check import check_records
from generator.records.kinds import BY_NAME


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta import` to the command line."""
    parser = commands.add_parser(
        "import",
        help="turn a news article into a draft event or agreement",
        description="Read a news article (plain text pasted from a news site, or an HTML "
        'page saved from one; `-` reads standard input), drop its clutter ("Baca juga" '
        "blocks, bylines, captions, share buttons), find the date of the event, the "
        "organisations, people and sectors already in content/, and write one draft record "
        "(`draft: true`) in the article's language into its year folder. Names not in "
        "content/ and everything it was unsure about are written as comments and printed. "
        "Never overwrites a file without --force.",
    )
    parser.add_argument("file", help="the article: a .txt or .html file, or - for stdin")
    parser.add_argument(
        "--kind",
        choices=["event", "agreement"],
        help="the kind of record (default: guessed from the text, and said so)",
    )
    parser.add_argument("--id", dest="key", help="the record id (default: from date and title)")
    parser.add_argument(
        "--date",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date of the event or signing, when the article's is missing or wrong "
        "(default: read from the article)",
    )
    parser.add_argument(
        "--dry-run",
        "--stdout",
        action="store_true",
        help="print the draft on standard output and write nothing",
    )
    parser.add_argument("--publisher", help="the news site, for the record's source")
    parser.add_argument("--url", help="the article's address, for the record's source")
    parser.add_argument(
        "--create-missing",
        action="store_true",
        help="also write a draft skeleton (`warta new`) for every organisation and person "
        "the article names that is not in content/, and refer to them",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")
    parser.set_defaults(handler=main)


def read_article(name: str) -> str:
    """The raw article, from a file or standard input."""
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_bytes().decode("utf-8", errors="replace")


def target_path(project: Project, draft: Draft) -> Path:
    """Where the draft belongs: its kind's folder and year folder, from the registry."""
    declared = BY_NAME[draft.kind]
    year = draft.year if declared.dated else None
    return project.content / declared.content_folder(draft.key, year) / f"{draft.key}.yml"


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def main(args: argparse.Namespace) -> int:
    """Import the article and say what was written and what to check."""
    project = find_project(args.project)
    try:
        raw = read_article(args.file)
    except OSError as err:
        print(f"warta import: cannot read {args.file}: {err.strerror}", file=sys.stderr)
        return 1
    article = from_html(raw) if looks_like_html(raw) else from_text(raw)
    if not article.paragraphs:
        print(f"warta import: {args.file}: no article text found", file=sys.stderr)
        return 1
    article.publisher = args.publisher or article.publisher
    article.url = args.url or article.url
    result = check_records(project)
    if result.graph is None:
        print_report(result.report, result.files, "text")
        return 1
    draft = build_draft(article, result.graph, kind=args.kind, date=args.date)
    draft.key = args.key or draft.key
    if args.dry_run:
        source = "standard input" if args.file == "-" else Path(args.file).name
        print(render_draft(draft, f"{draft.kind}.schema.json", source), end="")
        _tell(draft, sys.stderr)
        return 0
    if args.create_missing:
        for path in create_missing(project, draft):
            print(f"created {path.relative_to(project.root).as_posix()} (draft: true)")
    return write_draft(project, draft, args)


def create_missing(project: Project, draft: Draft) -> list[Path]:
    """Draft skeletons for the names not in content/, referred to from the draft."""
    created: list[Path] = []
    orgs: list[str] = []
    for name in draft.missing.get("organization", []):
        key = slug(name, 8)
        path = _skeleton(project, "organization", key, [("Nama organisasi", name)])
        created += [path] if path else []
        orgs.append(key)
    refer_to_organizations(draft, orgs)
    first_org = (_organizations(draft) or ["organization-id"])[0]
    for name in draft.missing.get("person", []):
        key = slug(name, 8)
        path = _skeleton(
            project, "person", key, [("Full Name", name), ("organization-id", first_org)]
        )
        if path:
            created.append(path)
            draft.unsure.append(f"{key}: the position's organisation '{first_org}' is a guess")
    draft.missing = {}
    return created


def _skeleton(project: Project, kind: str, key: str, fill: list[tuple[str, str]]) -> Path | None:
    """Write `warta new`'s skeleton with the article's names filled in; None if it exists."""
    try:
        path = write_skeleton(project, kind, key)
    except FileExistsError:
        return None
    text = path.read_text("utf-8")
    for placeholder, value in fill:
        text = text.replace(placeholder, value, 1)
    write_atomic(path, text)
    return path


def _organizations(draft: Draft) -> list[str]:
    if draft.kind == "event":
        return [str(o["organization"]) for o in draft.data["organizations"]]
    return [str(key) for key in draft.data["parties"]]


def refer_to_organizations(draft: Draft, keys: list[str]) -> None:
    """Add organisations to the draft: an event's participants or an agreement's parties."""
    have = set(_organizations(draft))
    for key in keys:
        if key in have:
            continue
        if draft.kind == "event":
            draft.data["organizations"].append({"organization": key, "role": "participant"})
        else:
            draft.data["parties"].append(key)


def write_draft(project: Project, draft: Draft, args: argparse.Namespace) -> int:
    """Write the draft unless a record with its id exists, then list what to check."""
    path = target_path(project, draft)
    folder = project.content / BY_NAME[draft.kind].folder
    clash = list(folder.rglob(f"{draft.key}.y*ml"))
    if clash and not args.force:
        where = clash[0].relative_to(project.root).as_posix()
        print(
            f"warta import: {where}: {_article(draft.kind)} {draft.kind} with id '{draft.key}' "
            "already exists "
            "(pass --id to choose another, or --force to overwrite)",
            file=sys.stderr,
        )
        return 1
    if too_few := _too_few_organizations(draft):
        print(f"warta import: nothing written: {too_few}", file=sys.stderr)
        _tell(draft, sys.stderr, written=False)
        return 1
    schema = Path(os.path.relpath(project.schemas / f"{draft.kind}.schema.json", path.parent))
    source = "standard input" if args.file == "-" else Path(args.file).name
    write_atomic(path, render_draft(draft, schema.as_posix(), source))
    print(f"wrote {path.relative_to(project.root).as_posix()} (draft: true)")
    _tell(draft, sys.stdout)
    return _check_written(project, path)


def _tell(draft: Draft, stream: TextIO, *, written: bool = True) -> None:
    """What the editor should check, and the names not in content/."""
    for note in ([draft.guessed_kind] if draft.guessed_kind else []) + draft.unsure:
        print(f"  unsure: {note}", file=stream)
    for kind, names in draft.missing.items():
        if names:
            print(f"  not in content/ ({kind}): {', '.join(names)}", file=stream)
    if written:
        print("  next: check it against the article, translate it, run `warta check`", file=stream)


def _too_few_organizations(draft: Draft) -> str:
    """Why the draft could not pass `warta check` for want of organisations, or ''."""
    need = 2 if draft.kind == "agreement" else 1
    have = len(_organizations(draft))
    if have >= need:
        return ""
    what = "parties" if draft.kind == "agreement" else "organisation"
    return (
        f"{_article(draft.kind)} {draft.kind} needs at least {need} {what} from "
        f"content/organizations/ and the article names {have} known one(s); add them, or "
        "rerun with --create-missing to write draft skeletons for the names listed below "
        "(--dry-run prints the draft)"
    )


def _check_written(project: Project, path: Path) -> int:
    """`warta check` on the project: any error in the file just written is shown (a bug)."""
    report = check_records(project).report
    spots = {path.resolve(), path.relative_to(project.root).as_posix()}
    mine = [d for d in report.errors if d.path in spots or _resolved(d.path) in spots]
    for diagnostic in mine:
        print(diagnostic.render(), file=sys.stderr)
    return 1 if mine else 0


def _resolved(name: str) -> Path:
    return Path(name).resolve()
