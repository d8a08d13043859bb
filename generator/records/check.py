"""The front of the pipeline: load → validate → link, and translation coverage."""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Report
from generator.project import Project
from generator.records.coverage import Coverage, gate_coverage, measure_coverage
from generator.records.link import RecordGraph, resolve_graph
from generator.records.load import iter_record_files, load_documents
from generator.records.rawhtml import check_raw_html
from generator.records.translations import Manifest, load_manifest
from generator.records.validate import load_config_document, validate_documents


@dataclass
class CheckResult:
    """What the front of the pipeline produced: the graph (if usable) and the report."""

    report: Report
    files: int
    graph: RecordGraph | None = None
    coverage: Coverage | None = None
    manifest: Manifest | None = None


def check_records(project: Project, *, strict: bool = False) -> CheckResult:
    """Run load → validate → link on a project and collect every diagnostic."""
    report = Report()
    config, config_doc = load_config_document(project.root, report)
    docs = load_documents(project.content, report)
    files = sum(1 for _ in iter_record_files(project.content)) + 1
    if config is None:
        return CheckResult(report, files)
    entries = validate_documents(docs, config, report)
    check_raw_html(entries, config, report)
    graph = resolve_graph(entries, config, report)
    manifest = load_manifest(project.content, report)
    coverage = measure_coverage(entries, config, manifest, report)
    gate_coverage(coverage, config_doc, report)
    graph.outdated = coverage.outdated_records()
    if strict:
        report = report.strict()
    return CheckResult(report, files, graph, coverage, manifest)
