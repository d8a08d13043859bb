"""The translators' round trip: export, import, accept, and outdated translations."""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import shutil
from pathlib import Path

import pytest
import yaml
from rules import BASE
from sites import copy_seed_project

from generator.cli import main
from generator.project import Project
from generator.records.check import check_records
from generator.records.translations import MANIFEST_NAME
from generator.render.site import render_site

# Formatting an editor may well write: BOM, CRLF, comments, flow mappings, every quoting
# style, block scalars with blank lines, a text only in Indonesian.
HOSTILE = (
    "\ufeff# A hostile but valid record.\r\n"
    "type: company   # trailing comment\r\n"
    'name: {id: \'Hanya: Indonesia\' , en: "Only \\"Indonesia\\""}\r\n'
    "country: ID\r\n"
    "region:\r\n"
    "  # comment inside a mapping\r\n"
    "  id: Jawa   Tengah\r\n"
    "description:\r\n"
    "  id: >-\r\n"
    "    Teks panjang,\r\n"
    "    dilipat.\r\n"
    "\r\n"
    "    Paragraf kedua: #bukan komentar\r\n"
    "  en: |\r\n"
    "    Long text.\r\n"
    "\r\n"
    "    Second paragraph.\r\n"
    "# closing comment\r\n"
)


def warta(project: Project, *args: str) -> int:
    """Run a command in-process on a project."""
    return main(["-C", str(project.root), *args])


def snapshot(root: Path) -> dict[str, str]:
    """The hash of every file under a folder."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def read_sheet(path: Path) -> list[dict[str, str]]:
    """The rows of an exported sheet."""
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def write_sheet(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> None:
    """Save rows the way a spreadsheet would (here with `delimiter`), UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8-sig"))


@pytest.fixture
def hostile(tmp_path: Path) -> Project:
    """The base corpus plus the hostile record."""
    shutil.copytree(BASE, tmp_path / "p")
    path = tmp_path / "p" / "content" / "organizations" / "hostile.yml"
    path.write_bytes(HOSTILE.encode("utf-8"))
    return Project(tmp_path / "p")


def test_export_writes_a_spreadsheet_csv(hostile: Project, tmp_path: Path) -> None:
    sheet = tmp_path / "todo.csv"
    assert warta(hostile, "translations", "export", str(sheet)) == 0
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfrecord,field,target_language,status,")
    rows = read_sheet(sheet)
    assert [(r["record"], r["field"], r["status"], r["source"]) for r in rows] == [
        ("organization/hostile", "region", "missing", "Jawa   Tengah")
    ]
    assert rows[0]["file"] == "content/organizations/hostile.yml"


def test_export_refuses_to_overwrite(hostile: Project, tmp_path: Path) -> None:
    sheet = tmp_path / "todo.csv"
    sheet.write_text("keep", "utf-8")
    assert warta(hostile, "translations", "export", str(sheet)) == 1
    assert sheet.read_text("utf-8") == "keep"
    assert warta(hostile, "translations", "export", "--force", str(sheet)) == 0


@pytest.mark.parametrize("project_kind", ["seed", "hostile"])
def test_importing_an_unchanged_export_changes_no_byte(
    project_kind: str, hostile: Project, tmp_path: Path
) -> None:
    project = copy_seed_project(tmp_path / "seed") if project_kind == "seed" else hostile
    assert warta(project, "translations", "accept") == 0
    before = snapshot(project.root)
    sheet = tmp_path / "all.csv"
    assert warta(project, "translations", "export", "--only", "all", str(sheet)) == 0
    assert len(read_sheet(sheet)) > 5
    assert warta(project, "translations", "import", str(sheet)) == 0
    assert snapshot(project.root) == before


def test_import_changes_only_the_translated_values(hostile: Project, tmp_path: Path) -> None:
    sheet = tmp_path / "all.csv"
    warta(hostile, "translations", "export", "--only", "all", str(sheet))
    rows = read_sheet(sheet)
    filled = {
        "region": "Central   Java",
        "name": 'It\'s: "quoted", {braces}',
        "description": "New long text.\n\nSecond: # not a comment",
    }
    for row in rows:
        if row["record"] == "organization/hostile":
            row["translation"] = filled[row["field"]]
    write_sheet(sheet, rows, delimiter=";")
    path = hostile.content / "organizations" / "hostile.yml"
    assert warta(hostile, "translations", "import", str(sheet)) == 0
    after = path.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff") and "\n" not in after.replace("\r\n", "")
    data = yaml.safe_load(after.lstrip("\ufeff"))
    assert data["name"]["en"] == filled["name"]
    assert data["region"]["en"] == filled["region"]
    assert data["description"]["en"].strip() == filled["description"]
    changed = [
        line
        for line in difflib.ndiff(HOSTILE.splitlines(), after.splitlines())
        if line.startswith(("- ", "+ "))
    ]
    assert changed == [
        '- name: {id: \'Hanya: Indonesia\' , en: "Only \\"Indonesia\\""}',
        '+ name: {id: \'Hanya: Indonesia\' , en: "It\'s: \\"quoted\\", {braces}"}',
        "+   en: Central   Java",
        "-     Long text.",
        "+     New long text.",
        "-     Second paragraph.",
        "+     Second: # not a comment",
    ]
    assert check_records(hostile).report.sorted() == []


def test_imported_translations_are_tracked_and_turn_outdated(
    hostile: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "todo.csv"
    warta(hostile, "translations", "export", str(sheet))
    rows = read_sheet(sheet)
    rows[0]["translation"] = "Central Java"
    write_sheet(sheet, rows)
    warta(hostile, "translations", "import", str(sheet))
    manifest = yaml.safe_load((hostile.content / MANIFEST_NAME).read_text("utf-8"))
    assert manifest == {"organization/hostile": {"region": {"en": rows[0]["source_hash"]}}}
    path = hostile.content / "organizations" / "hostile.yml"
    path.write_bytes(path.read_bytes().replace(b"Jawa   Tengah", b"Jawa Timur"))
    monkeypatch.chdir(hostile.root)
    result = check_records(hostile)
    assert [d.render() for d in result.report.sorted()] == [
        "content/organizations/hostile.yml:8:7: warning[W402] region: organization 'hostile': "
        "the 'en' text was translated from an earlier version of the source text (update it, "
        "then run `warta translations accept --outdated content/organizations/hostile.yml`; "
        "until then its page says it may be out of date)"
    ]
    assert result.graph is not None and result.graph.outdated == {
        ("organization", "hostile"): {"en"}
    }
    assert warta(hostile, "translations", "accept") == 0
    assert check_records(hostile).report.warnings != []  # plain accept keeps it outdated
    assert warta(hostile, "translations", "accept", "--outdated", str(path)) == 0
    assert check_records(hostile).report.sorted() == []


def test_outdated_page_says_so_in_the_readers_language(tmp_path: Path) -> None:
    shutil.copytree(BASE / "..", tmp_path / "corpus", dirs_exist_ok=True)
    project = Project(tmp_path / "p")
    shutil.copytree(BASE, project.root)
    shutil.copy(
        BASE.parent / "bad" / "w402-outdated-translation" / "content" / MANIFEST_NAME,
        project.content / MANIFEST_NAME,
    )
    result = check_records(project)
    assert result.graph is not None
    site = render_site(result.graph, Path(__file__).parents[1] / "templates")
    pages = {(p.lang, p.path): p.markdown for p in site.pages["en"] + site.pages["id"]}
    english = pages[("en", "events/2024/2024-01-05-acme-visit.md")]
    assert '!!! info "This translation may be out of date"' in english
    assert "warta_outdated: true" in english
    assert "out of date" not in pages[("en", "organizations/acme.md")]
    assert "usang" not in pages[("id", "events/2024/2024-01-05-acme-visit.md")]


def refusal_cases() -> list[pytest.param]:  # type: ignore[valid-type]
    """One sheet row per reason an import refuses it, with its exact diagnostic."""
    ok = {"record": "organization/hostile", "field": "region", "target_language": "en"}
    return [
        pytest.param(
            {**ok, "record": "organization/gone"},
            "sheet.csv:2:1: error[E403] row 2: no record 'organization/gone' (it was renamed "
            "or deleted, or it has errors `warta check` reports)",
            id="E403-record-gone",
        ),
        pytest.param(
            {**ok, "field": "venue"},
            "sheet.csv:2:1: error[E404] venue: row 2: organization 'hostile' has no text at "
            "'venue' (the field was removed or moved; export again)",
            id="E404-field-gone",
        ),
        pytest.param(
            {**ok, "source_hash": "0000000000000000"},
            "sheet.csv:2:1: error[E405] region: row 2: the 'id' text of organization 'hostile' "
            "changed since the export (export again and translate the new text)",
            id="E405-source-changed",
        ),
        pytest.param(
            {**ok, "target_language": "fr"},
            "sheet.csv:2:1: error[E406] row 2: 'fr' is not a language to translate this text "
            "into (use one of: en)",
            id="E406-not-a-target",
        ),
    ]


@pytest.mark.parametrize(("change", "expected"), refusal_cases())
def test_import_refuses_rows_it_cannot_place(
    change: dict[str, str],
    expected: str,
    hostile: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    warta(hostile, "translations", "export", "sheet.csv")
    [row] = read_sheet(tmp_path / "sheet.csv")
    write_sheet(tmp_path / "sheet.csv", [{**row, "translation": "Central Java", **change}])
    before = snapshot(hostile.root)
    capsys.readouterr()
    assert warta(hostile, "translations", "import", "sheet.csv") == 1
    assert capsys.readouterr().out.splitlines()[0] == expected
    assert snapshot(hostile.root) == before


def test_import_refuses_two_rows_for_one_text(
    hostile: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    warta(hostile, "translations", "export", "sheet.csv")
    [row] = read_sheet(tmp_path / "sheet.csv")
    rows = [{**row, "translation": "Central Java"}, {**row, "translation": "Java Tengah"}]
    write_sheet(tmp_path / "sheet.csv", rows)
    capsys.readouterr()
    assert warta(hostile, "translations", "import", "sheet.csv") == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "sheet.csv:3:1: error[E407] region: row 3: gives another 'en' text for region of "
        "organization 'hostile' than row 2 (keep one of the two rows)"
    )
    assert "Central" not in (hostile.content / "organizations" / "hostile.yml").read_text("utf-8")


def test_import_refuses_a_file_it_cannot_edit_safely(
    hostile: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # An anchor and alias: the two texts are one node, so setting one would change both.
    path = hostile.content / "organizations" / "aliased.yml"
    path.write_text("name: &n {id: Sama}\ndescription: *n\ntype: company\ncountry: ID\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    warta(hostile, "translations", "export", "sheet.csv")
    rows = [r for r in read_sheet(tmp_path / "sheet.csv") if r["record"] == "organization/aliased"]
    write_sheet(tmp_path / "sheet.csv", [{**rows[0], "translation": "Same"}])
    capsys.readouterr()
    assert warta(hostile, "translations", "import", "sheet.csv") == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "sheet.csv:2:1: error[E408] name: row 2: cannot write into aliased.yml: the edit "
        "would change more than the translation (nothing was written to this file; check it "
        "with `warta check`)"
    )
    assert path.read_text("utf-8").startswith("name: &n {id: Sama}\n")


def test_import_refuses_a_file_that_is_not_an_export(
    hostile: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sheet.csv").write_bytes("nama,terjemahan\nx,y\n".encode("cp1252"))
    assert warta(hostile, "translations", "import", "sheet.csv") == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        "sheet.csv:1:1: error[E409] cannot import: the header row lacks the column(s) record, "
        "field, target_language, translation, source_hash (import the CSV file `warta "
        "translations export` wrote, saved as CSV UTF-8)"
    )
