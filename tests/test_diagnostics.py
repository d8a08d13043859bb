"""Diagnostics: the one-line format, the machine formats and the summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.diagnostics import (
    Diagnostic,
    Position,
    Report,
    format_github,
    format_json,
    suggest,
    summary_line,
)

ROOT = Path(__file__).parents[1]


def sample() -> Diagnostic:
    return Diagnostic(
        "content/a.yml", Position(3, 7), "E209", "'x' is bad", "type", "did you mean 'y'?"
    )


def test_text_form_names_file_line_column_code_field_and_hint() -> None:
    assert sample().render() == (
        "content/a.yml:3:7: error[E209] type: 'x' is bad (did you mean 'y'?)"
    )


def test_json_form_keeps_every_part() -> None:
    [row] = json.loads(format_json([sample()]))
    assert row == {
        "path": "content/a.yml",
        "line": 3,
        "column": 7,
        "severity": "error",
        "code": "E209",
        "field": "type",
        "message": "'x' is bad",
        "hint": "did you mean 'y'?",
    }


def test_github_form_is_a_workflow_annotation() -> None:
    assert format_github([sample()]) == (
        "::error file=content/a.yml,line=3,col=7,title=E209::"
        "error[E209] type: 'x' is bad (did you mean 'y'?)"
    )


def test_report_sorts_and_deduplicates() -> None:
    report = Report()
    report.add("b.yml", Position(1, 1), "E201", "m")
    report.add("a.yml", Position(9, 1), "W401", "m")
    report.add("a.yml", Position(2, 1), "E201", "m")
    report.add("a.yml", Position(2, 1), "E201", "m")
    assert [(d.path, d.position.line) for d in report.sorted()] == [
        ("a.yml", 2),
        ("a.yml", 9),
        ("b.yml", 1),
    ]
    assert summary_line(report, 2) == "3 errors, 1 warning in 2 files"


def test_suggest_only_close_words() -> None:
    assert suggest("contry", ["country", "city"]) == "did you mean 'country'?"
    assert suggest("zzz", ["country"]) == ""


@pytest.mark.parametrize(
    ("word", "choices", "hint"),
    [
        ("LoI", ["mou", "loi", "contract"], "did you mean 'loi'?"),
        ("delegation visit", ["meeting", "delegation-visit"], "did you mean 'delegation-visit'?"),
        ("acmee", ["acme", "globex"], "did you mean 'acme'?"),
        (
            "icbc-henan-cooperaton-mou",
            ["icbc-henan-cooperation-mou"],
            "did you mean 'icbc-henan-cooperation-mou'?",
        ),
        # Different people and organisations that merely share parts of their ids.
        ("kim-kwan-young", ["kim-young-hwan"], ""),
        ("jeollabuk-do-provincial-government", ["chungcheongbuk-do-provincial-government"], ""),
        ("henan-industry", ["hunan-industry-department"], ""),
    ],
)
def test_suggest_offers_near_typos_only(word: str, choices: list[str], hint: str) -> None:
    assert suggest(word, choices) == hint


def test_every_code_is_documented_with_an_example() -> None:
    used = set(re.findall(r'"([EW]\d{3})"', _source_text()))
    docs = (ROOT / "docs" / "diagnostics.md").read_text("utf-8")
    for code in sorted(used):
        assert f"## {code}" in docs, f"{code} is not in docs/diagnostics.md"
        example = re.search(rf"\S+:\d+:\d+: (error|warning)\[{code}\] ", docs)
        assert example, f"{code} has no example line in docs/diagnostics.md"


def _source_text() -> str:
    return "".join(p.read_text("utf-8") for p in (ROOT / "generator").rglob("*.py"))
