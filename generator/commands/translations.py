"""`warta translations export|import|accept`: the translators' round trip through a sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TypeAlias

from generator.diagnostics import Position, Report, print_report
from generator.project import Project, find_project
from generator.records.check import CheckResult, check_records
from generator.translations.accept import accept_translations
from generator.translations.importer import import_rows
from generator.translations.rows import Only, export_rows
from generator.translations.sheet import SheetError, read_csv, write_csv

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(commands: Commands) -> None:
    """Add `warta translations` and its three sub-commands to the command line."""
    parser = commands.add_parser(
        "translations",
        help="export texts to translate to a sheet, import them back, accept translations",
        description="Translators work in a spreadsheet: `export` writes the texts to "
        "translate as CSV (UTF-8 with BOM), `import` writes the filled translations back "
        "into the YAML records, changing nothing else, and `accept` records translations "
        "written by hand as made from the current source text. content/.translations.yml "
        "keeps, per translation, a hash of the source it was made from; `warta check` "
        "reports a translation whose source changed since (W402).",
    )

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(handler=usage)
    sub = parser.add_subparsers(title="sub-commands", metavar="SUBCOMMAND")
    register_export(sub)
    register_import(sub)
    register_accept(sub)


def register_export(sub: Commands) -> None:
    """`warta translations export`."""
    parser = sub.add_parser(
        "export",
        help="write the texts to translate to a CSV file",
        description="Write one row per record, field and target language: the source text "
        "and its language, the current translation (if any) and its status (missing, "
        "outdated, current). Fill the `translation` column, keep the others, save as CSV "
        "UTF-8, then run `warta translations import FILE`. Never overwrites FILE without "
        "--force.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the CSV file to write")
    parser.add_argument(
        "--lang",
        action="append",
        metavar="L",
        help="a target language (repeatable; default: every language but the default one)",
    )
    parser.add_argument(
        "--only",
        choices=[o.value for o in Only],
        default=Only.TODO.value,
        help="which texts: missing, outdated, todo (both; the default) or all",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(handler=run_export)


def register_import(sub: Commands) -> None:
    """`warta translations import`."""
    parser = sub.add_parser(
        "import",
        help="write the filled translations of a CSV file back into the records",
        description="Place each row's translation in its record's YAML file, changing only "
        "that value (comments, order, quoting and line endings stay). A row whose record or "
        "field is gone, whose language is not a target, or whose source text changed since "
        "the export is reported with its row number, and nothing is written for it. Blank "
        "and unchanged translations are skipped. Exit status 1 if any row was refused.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the filled CSV file")
    parser.set_defaults(handler=run_import)


def register_accept(sub: Commands) -> None:
    """`warta translations accept`."""
    parser = sub.add_parser(
        "accept",
        help="record translations as made from the current source text",
        description="Record, for every translation written by hand (untracked), the source "
        "text it stands for now, so a later change of the source shows it as outdated. "
        "With --outdated, also mark outdated translations as up to date after you checked "
        "them. PATHs narrow it to some record files.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="record files")
    parser.add_argument("--lang", action="append", metavar="L", help="only this language")
    parser.add_argument(
        "--outdated", action="store_true", help="also accept translations reported as outdated"
    )
    parser.set_defaults(handler=run_accept)


def checked(args: argparse.Namespace) -> tuple[Project, CheckResult] | None:
    """The project's records, or None after printing why they cannot be used."""
    project = find_project(args.project)
    result = check_records(project)
    if result.graph is None or result.manifest is None:
        print_report(result.report, result.files)
        return None
    return project, result


def unknown_languages(langs: list[str] | None, result: CheckResult) -> list[str]:
    """The languages asked for that the site does not have."""
    assert result.graph is not None
    return [lang for lang in langs or [] if lang not in result.graph.config.languages]


def run_export(args: argparse.Namespace) -> int:
    """Write the sheet."""
    found = checked(args)
    if found is None:
        return 1
    project, result = found
    assert result.graph is not None and result.manifest is not None
    if bad := unknown_languages(args.lang, result):
        print(f"warta translations export: not a site language: {', '.join(bad)}", file=sys.stderr)
        return 2
    if args.file.exists() and not args.force:
        print(f"warta translations export: {args.file} exists (pass --force)", file=sys.stderr)
        return 1
    config = result.graph.config
    langs = args.lang or [lang for lang in config.languages if lang != config.default_language]
    rows = export_rows(result.graph, result.manifest, project.root, langs, Only(args.only))
    write_csv(rows, args.file)
    print(f"wrote {len(rows)} text(s) to translate into {', '.join(langs)} to {args.file}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Read the sheet and write the translations into the records."""
    found = checked(args)
    if found is None:
        return 1
    _, result = found
    assert result.graph is not None and result.manifest is not None
    try:
        rows = read_csv(args.file)
    except SheetError as err:
        report = Report()
        report.add(args.file, Position(), "E409", f"cannot import: {err}", hint=SHEET_HINT)
        print_report(report, 1)
        return 1
    outcome = import_rows(args.file, rows, result.graph, result.manifest)
    if outcome.written:
        result.manifest.save()
    for diagnostic in outcome.report.sorted():
        print(diagnostic.render())
    print(
        f"imported {outcome.texts} text(s) into {len(outcome.written)} file(s); "
        f"{outcome.unchanged} unchanged, {outcome.blank} blank, "
        f"{len(outcome.report.errors)} refused"
    )
    return 1 if outcome.report.errors else 0


SHEET_HINT = "import the CSV file `warta translations export` wrote, saved as CSV UTF-8"


def run_accept(args: argparse.Namespace) -> int:
    """Record the current source of the chosen translations."""
    found = checked(args)
    if found is None:
        return 1
    _, result = found
    assert result.graph is not None and result.manifest is not None
    if bad := unknown_languages(args.lang, result):
        print(f"warta translations accept: not a site language: {', '.join(bad)}", file=sys.stderr)
        return 2
    if missing := [str(path) for path in args.paths if not path.is_file()]:
        print(f"warta translations accept: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    accepted = accept_translations(
        result.graph,
        result.manifest,
        files=args.paths,
        langs=args.lang or [],
        outdated=args.outdated,
        prune_gone=not result.report.errors,
    )
    saved = result.manifest.save()
    print(
        f"accepted {accepted.untracked} untracked and {accepted.outdated} outdated "
        f"translation(s); dropped {accepted.pruned} entr(ies) of texts that are gone"
        + ("" if saved else "; the manifest was already up to date")
    )
    return 0
