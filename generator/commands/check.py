"""`warta check`: load, validate and link every record, and report translation coverage."""

from __future__ import annotations

import argparse
import json
import sys

from generator.diagnostics import FORMATTERS, Position, format_json, print_report, summary_line
from generator.project import Project, find_project
from generator.records.check import CheckResult, check_records
from generator.records.coverage import Coverage
from generator.records.schemas import schema_context, stale_schemas


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta check` to the command line."""
    parser = commands.add_parser(
        "check",
        help="report every mistake in the records, and translation coverage",
        description="Load, validate and link every record under content/. Prints one line "
        "per problem as path:line:col: error[CODE] field: message (hint), then a summary. "
        "Then prints translation coverage per language: the share of texts written and up "
        "to date, and how many are missing or outdated. Exit status: 0 when there are no "
        "errors, 1 when there are (a language below translations.minimum_coverage in "
        "site_config.yml is an error).",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--format",
        choices=sorted(FORMATTERS),
        default="text",
        help="text (default), json (an object with the diagnostics and the coverage "
        "figures per language), or github (Actions annotations)",
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Run the check and print its report."""
    project = find_project(args.project)
    result = check_records(project, strict=args.strict)
    note_stale_schemas(project, result)
    if args.format == "json":
        print(check_json(result))
        print(summary_line(result.report, result.files), file=sys.stderr)
    else:
        print_report(result.report, result.files, args.format)
    if result.coverage and args.format == "text":
        print(render_coverage(result.coverage))
    return 1 if result.report.errors else 0


def note_stale_schemas(project: Project, result: CheckResult) -> None:
    """W202 for each schema file that no longer matches the records (only where the project
    keeps schemas/). It stays a warning even with --strict: it never blocks a build."""
    if not project.schemas.is_dir() or result.graph is None:
        return
    context = schema_context(result.graph.config, result.graph)
    for name in stale_schemas(project.schemas, context):
        result.report.add(
            project.schemas / name,
            Position(1, 1),
            "W202",
            "schema is out of date: new records, languages or fields are missing from it",
            hint="run `warta schema`",
        )


def check_json(result: CheckResult) -> str:
    """The diagnostics and the per-language coverage figures as one JSON object."""
    data = {
        "diagnostics": json.loads(format_json(result.report.sorted())),
        "coverage": result.coverage.figures() if result.coverage else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_coverage(coverage: Coverage) -> str:
    """Per language: the share of texts written and up to date, what is left, the minimum."""
    return "translation coverage: " + ", ".join(
        language_coverage(coverage, lang) for lang in coverage.present
    )


def language_coverage(coverage: Coverage, lang: str) -> str:
    """e.g. `en 92.5% (37/40; 2 missing, 1 outdated; minimum 90%, below)`."""
    notes = [f"{coverage.current(lang)}/{coverage.total}"]
    missing, outdated = coverage.absent.get(lang, 0), coverage.outdated_in(lang)
    if missing or outdated:
        notes.append(f"{missing} missing, {outdated} outdated")
    if coverage.untracked.get(lang):
        notes.append(f"{coverage.untracked[lang]} untracked")
    if lang in coverage.minimum:
        below = ", below" if lang in coverage.below_minimum() else ""
        notes.append(f"minimum {coverage.minimum[lang]:g}%{below}")
    return f"{lang} {coverage.current_percent(lang):.1f}% ({'; '.join(notes)})"
