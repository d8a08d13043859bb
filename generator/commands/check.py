"""`warta check`: load, validate and link every record, and report translation coverage."""

from __future__ import annotations

import argparse

from generator.diagnostics import FORMATTERS, print_report
from generator.project import find_project
from generator.records.check import check_records
from generator.records.coverage import Coverage


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `warta check` to the command line."""
    parser = commands.add_parser(
        "check",
        help="report every mistake in the records, and translation coverage",
        description="Load, validate and link every record under content/. Prints one line "
        "per problem as path:line:col: error[CODE] field: message (hint), then a summary. "
        "Exit status: 0 when there are no errors, 1 when there are.",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--format",
        choices=sorted(FORMATTERS),
        default="text",
        help="text (default), json, or github (Actions annotations)",
    )
    parser.set_defaults(handler=main)


def main(args: argparse.Namespace) -> int:
    """Run the check and print its report."""
    result = check_records(find_project(args.project), strict=args.strict)
    print_report(result.report, result.files, args.format)
    if result.coverage and args.format == "text":
        print(render_coverage(result.coverage))
    return 1 if result.report.errors else 0


def render_coverage(coverage: Coverage) -> str:
    """One line: the share of texts written in each language."""
    parts = [
        f"{lang} {coverage.percent(lang):.1f}% ({n}/{coverage.total})"
        for lang, n in coverage.present.items()
    ]
    return "translation coverage: " + ", ".join(parts)
