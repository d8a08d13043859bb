"""Translation coverage: warnings for missing texts, and per-language figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from rules import BASE, build_case, check_lines, expected_lines, rule_cases

from generator.project import Project
from generator.records.check import check_records as run


@pytest.mark.parametrize("case", rule_cases("w4", "e401", "e402"))
def test_coverage_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_case(case, tmp_path / "project")
    assert check_lines(project, monkeypatch) == expected_lines(case)


def test_coverage_counts_each_language(tmp_path: Path) -> None:
    project = build_case("w401-missing-translation", tmp_path / "project")
    result = run(project)
    assert result.coverage is not None
    total = result.coverage.total
    assert result.coverage.present == {"id": total, "en": total - 1}
    assert result.coverage.missing[0][1:] == ("name", "en")


def test_the_graph_names_the_languages_a_record_lacks_a_text_in(tmp_path: Path) -> None:
    project = build_case("w401-missing-translation", tmp_path / "project")
    result = run(project)
    assert result.coverage is not None and result.graph is not None
    (entry, _field, lang) = result.coverage.missing[0]
    assert result.graph.incomplete == {(entry.kind, entry.key): {lang}}


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    project = build_case("w401-missing-translation", tmp_path / "project")
    assert len(run(project).report.errors) == 0
    assert [d.code for d in run(project, strict=True).report.errors] == ["W401"]


def test_base_is_fully_translated() -> None:
    coverage = run(Project(BASE)).coverage
    assert coverage is not None and coverage.percent("en") == 100.0
