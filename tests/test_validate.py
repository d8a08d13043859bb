"""Stage 2, validate: one case per rule, asserting the exact message and file:line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rules import BASE, build_case, check_lines, expected_lines, rule_cases

from generator.diagnostics import Report
from generator.records.kinds import KINDS
from generator.records.load import Document, load_documents
from generator.records.models import Agreement, Event
from generator.records.validate import dotted, load_config, validate_document, validate_documents

RECORD_MODELS = {kind.name: kind.model for kind in KINDS}


@pytest.mark.parametrize("case", rule_cases("e2", "w2"))
def test_validate_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_case(case, tmp_path / "project")
    assert check_lines(project, monkeypatch) == expected_lines(case)


def test_base_project_is_valid_and_typed() -> None:
    report = Report()
    config = load_config(BASE, report)
    assert config is not None
    entries = validate_documents(load_documents(BASE / "content", report), config, report)
    assert report.items == []
    by_key = {e.key: e.record for e in entries}
    event = by_key["2024-01-05-acme-visit"]
    assert isinstance(event, Event)
    assert event.date.isoformat() == "2024-01-05"
    assert event.organizations[1].delegation_size == 4
    mou = by_key["acme-globex-mou"]
    assert isinstance(mou, Agreement)
    assert mou.current_status.value == "signed"


def test_every_mistake_is_reported_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "content" / "organizations" / "many.yml"
    doc = Document(path, "organization", {"name": "x", "type": "shop", "country": "xx", "web": 1})
    report = Report()
    assert validate_document(doc, {"languages": ["id", "en"]}, report) is None
    assert sorted(d.code for d in report.items) == ["E202", "E207", "E209", "E212"]


def test_field_paths_read_like_yaml() -> None:
    assert dotted(("organizations", 1, "role")) == "organizations[1].role"
    assert dotted(("terms", "energy", "label", "en")) == "terms.energy.label.en"


json_like: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=15,
)
field_names = st.sampled_from(
    sorted({name for model in RECORD_MODELS.values() for name in model.model_fields} | {"from"})
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(RECORD_MODELS)), st.dictionaries(field_names, json_like))
def test_arbitrary_data_gives_only_diagnostics(kind: str, data: dict[str, Any]) -> None:
    doc = Document(Path(f"content/x/{kind}-fuzz.yml"), kind, data)
    report = Report()
    record = validate_document(doc, {"languages": ["id", "en"]}, report)
    assert (record is None) == bool(report.errors)
    assert all(d.code[0] in "EW" and d.message for d in report.items)
