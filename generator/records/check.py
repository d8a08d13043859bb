"""The front of the pipeline: load → validate → link, and translation coverage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Report
from generator.project import Project
from generator.records.controls import check_controls
from generator.records.coverage import Coverage, gate_coverage, measure_coverage
from generator.records.link import RecordGraph, resolve_graph
from generator.records.load import ParseMemo, folder_kind, load_documents
from generator.records.photos import check_photos
from generator.records.rawhtml import check_raw_html
from generator.records.scan import scan_content
from generator.records.translations import Manifest, load_manifest
from generator.records.validate import Entry, load_config_document, validate_documents


@dataclass
class CheckResult:
    """What the front of the pipeline produced: the graph (if usable) and the report."""

    report: Report
    files: int
    graph: RecordGraph | None = None
    coverage: Coverage | None = None
    manifest: Manifest | None = None


def check_records(
    project: Project, *, strict: bool = False, memo: ParseMemo | None = None
) -> CheckResult:
    """Run load → validate → link on a project and collect every diagnostic.

    A `memo` kept between calls (by `warta serve`) spares parsing the unchanged files again.
    """
    report = Report()
    config, config_doc = load_config_document(project.root, report)
    paths = scan_content(project.content, report)
    docs = load_documents(project.content, report, memo, paths)
    check_controls(docs, report)
    files = len(paths) + 1
    if config is None:
        return CheckResult(report, files)
    entries = validate_documents(docs, config, report)
    check_raw_html(entries, config, report)
    graph = resolve_graph(entries, config, report, broken_records(project, entries, paths))
    graph.photos = check_photos(entries, project.content, config, report)
    manifest = load_manifest(project.content, report)
    coverage = measure_coverage(entries, config, manifest, report)
    gate_coverage(coverage, config_doc, report)
    graph.outdated = coverage.outdated_records()
    graph.incomplete = coverage.incomplete
    if strict:
        report = report.strict()
    return CheckResult(report, files, graph, coverage, manifest)


def broken_records(
    project: Project, entries: list[Entry], paths: list[Path]
) -> dict[tuple[str, str], Path]:
    """The record files that did not become records (they have errors), by kind and id."""
    valid = {(entry.kind, entry.key) for entry in entries}
    found = {(folder_kind(project.content, path), path.stem): path for path in paths}
    return {key: path for key, path in found.items() if key[0] and key not in valid}
