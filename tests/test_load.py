"""Stage 1, load: every refusal is a diagnostic at the right line, never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules import build_case, check_lines, expected_lines, rule_cases

from generator.diagnostics import Report
from generator.records.load import (
    MAX_FILE_BYTES,
    ParseMemo,
    load_document,
    load_documents,
    load_mapping,
)


@pytest.mark.parametrize("case", rule_cases("e1"))
def test_load_rule(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = build_case(case, tmp_path / "project")
    assert check_lines(project, monkeypatch) == expected_lines(case)


BYTE_CASES = {
    "e105-oversized": (
        b"name: {id: A, en: A}\ntype: company\ncountry: ID\n# " + b"x" * MAX_FILE_BYTES,
        f"content/organizations/case.yml:1:1: error[E105] file is {MAX_FILE_BYTES + 49} bytes, "
        f"over the limit of {MAX_FILE_BYTES} (split the record or move long text out of it)",
    ),
    "e106-latin-1": (
        b"name: {id: Caf\xe9, en: Cafe}\ntype: company\ncountry: ID\n",
        "content/organizations/case.yml:1:15: error[E106] file is not valid UTF-8 (byte 0xe9) "
        "(save the file as UTF-8)",
    ),
    "e106-nul-byte": (
        b"name: {id: A, en: A}\x00\n",
        "content/organizations/case.yml:1:1: error[E106] file contains a NUL character "
        "(save as UTF-8 text)",
    ),
}


@pytest.mark.parametrize(("data", "expected"), BYTE_CASES.values(), ids=BYTE_CASES.keys())
def test_load_byte_rule(
    data: bytes, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = build_case("e108-empty-file", tmp_path / "project")
    (project.content / "organizations" / "empty.yml").unlink()
    (project.content / "organizations" / "case.yml").write_bytes(data)
    assert check_lines(project, monkeypatch) == [expected]


def test_unreadable_file_is_e109(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "content" / "organizations" / "locked.yml"
    path.parent.mkdir(parents=True)
    path.write_text("name: x\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.chdir(tmp_path)
    report = Report()
    assert load_document(path, "organization", report) is None
    assert [d.render() for d in report.items] == [
        "content/organizations/locked.yml:1:1: error[E109] cannot read file: Permission denied"
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "content" / "organizations" / "bom.yml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbfname: {id: A, en: B}\r\ntype: company\r\ncountry: ID\r\n")
    report = Report()
    [doc] = load_documents(tmp_path / "content", report)
    assert report.items == []
    assert doc.data == {"name": {"id": "A", "en": "B"}, "type": "company", "country": "ID"}
    assert doc.position_of(("country",)).line == 3


def test_positions_are_kept_for_keys_and_values() -> None:
    data, values, keys = load_mapping("a:\n  b: [1, 2]\n  c: 2023-11-03\n")
    assert data == {"a": {"b": [1, 2], "c": dt.date(2023, 11, 3)}}
    assert (values[("a", "b", 1)].line, values[("a", "b", 1)].column) == (2, 10)
    assert (keys[("a", "c")].line, keys[("a", "c")].column) == (3, 3)


def test_impossible_date_stays_text_for_validation() -> None:
    data, _, _ = load_mapping("date: 2023-02-30\n")
    assert data == {"date": "2023-02-30"}


def test_small_aliases_are_allowed() -> None:
    data, _, _ = load_mapping("a: &x [1, 2]\nb: *x\n")
    assert data == {"a": [1, 2], "b": [1, 2]}


def test_tab_indentation_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "content" / "people" / "tabs.yml"
    path.parent.mkdir(parents=True)
    path.write_text("name: A\npositions:\n\t- title: x\n")
    report = Report()
    load_documents(tmp_path / "content", report)
    [diag] = report.items
    assert (diag.code, diag.position.line, diag.hint) == ("E101", 3, "indent with spaces, not tabs")


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("[\n", "]\n"), ("{a:\n", "}\n"), ("- ", "")],
    ids=["flow-list", "flow-mapping", "block-list"],
)
@pytest.mark.parametrize("depth", [40, 500, 100_000])
def test_any_nesting_depth_ends_in_e111(
    opening: str, closing: str, depth: int, tmp_path: Path
) -> None:
    if opening == "- ":  # block nesting: one more space of indentation per level
        body = "\n" + "".join(" " * i + "- \n" for i in range(1, min(depth, 1400)))
    else:
        body = opening * depth + closing * depth
    path = tmp_path / "content" / "organizations" / "deep.yml"
    path.parent.mkdir(parents=True)
    path.write_text("name: {id: A, en: A}\nsectors: " + body, "utf-8")
    report = Report()
    assert load_documents(tmp_path / "content", report) == []
    assert [(d.code, d.message) for d in report.items] == [
        ("E111", "values are nested more than 32 levels deep")
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_only_diagnostics(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("fuzz") / "organizations"
    folder.mkdir()
    (folder / "fuzz.yml").write_bytes(data)
    report = Report()
    docs = load_documents(folder.parent, report)
    assert len(docs) + len(report.items) == 1


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates().map(str),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(yaml_values)
def test_arbitrary_yaml_round_trips_or_is_refused(value: object) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    try:
        data, _, _ = load_mapping(text)
    except Exception as err:
        assert type(err).__name__ == "LoadError"
        assert not isinstance(value, dict) or value == {}
    else:
        assert isinstance(data, dict)


def test_a_parse_memo_reuses_an_unchanged_file_and_forgets_a_failed_one(tmp_path: Path) -> None:
    path = tmp_path / "events" / "a.yml"
    path.parent.mkdir()
    path.write_text("title: one\n", "utf-8")
    memo = ParseMemo()
    first = load_documents(tmp_path, Report(), memo)
    again = load_documents(tmp_path, Report(), memo)
    assert again[0].data is first[0].data  # not parsed again
    path.write_text("title: two\n", "utf-8")
    assert load_documents(tmp_path, Report(), memo)[0].data == {"title": "two"}
    path.write_text("title: [\n", "utf-8")
    for _ in range(2):  # the error is reported every time, never remembered
        report = Report()
        assert load_documents(tmp_path, report, memo) == []
        assert [item.code for item in report.items] == ["E101"]
