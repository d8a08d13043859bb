"""`warta check`: load, validate and link every record, and report translation coverage."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from generator.diagnostics import FORMATTERS, Report, print_report
from generator.project import Project, find_project
from generator.records.coverage import Coverage, measure_coverage
from generator.records.link import RecordGraph, resolve_graph
from generator.records.load import iter_record_files, load_documents
from generator.records.validate import load_config, validate_documents


@dataclass
class CheckResult:
    """What the front of the pipeline produced: the graph (if usable) and the report."""

    report: Report
    files: int
    graph: RecordGraph | None = None
    coverage: Coverage | None = None


def run(project: Project, *, strict: bool = False) -> CheckResult:
    """Run load → validate → link on a project and collect every diagnostic."""
    report = Report()
    config = load_config(project.root, report)
    docs = load_documents(project.content, report)
    files = sum(1 for _ in iter_record_files(project.content)) + 1
    if config is None:
        return CheckResult(report, files)
    entries = validate_documents(docs, config, report)
    graph = resolve_graph(entries, config, report)
    coverage = measure_coverage(entries, config, report)
    if strict:
        report = report.strict()
    return CheckResult(report, files, graph, coverage)


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
    result = run(find_project(args.project), strict=args.strict)
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
