"""The `warta` command line: check, new, schema; help and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rules import BASE, build_case

from generator.cli import COMMANDS, main
from generator.commands.schema import project_context
from generator.project import Project
from generator.records.schemas import SchemaContext, render_schemas, stale_schemas

ROOT = Path(__file__).parents[1]


def warta(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


# Options each command's help must mention, beyond its usage line.
HELP_MENTIONS = {
    "build": ["--lang", "--strict", "--site-dir", "--full"],
    "merge": ["PART", "--site-dir"],
    "serve": ["--port", "127.0.0.1"],
    "translations": ["export", "import", "accept"],
}
SUBCOMMANDS = {
    "translations export": ["--lang", "--only", "--force"],
    "translations import": ["row number"],
    "translations accept": ["--outdated", "--lang"],
}


@pytest.mark.parametrize("command", [m.__name__.rsplit(".", 1)[1].rstrip("_") for m in COMMANDS])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usage: warta" in out
    for option in HELP_MENTIONS.get(command, []):
        assert option in out, f"`warta {command} --help` does not mention {option}"


@pytest.mark.parametrize("command", sorted(SUBCOMMANDS))
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command.split(), "--help"])
    assert exit_info.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith(f"usage: warta {command}")
    for option in SUBCOMMANDS[command]:
        assert option in out, f"`warta {command} --help` does not mention {option}"


def test_check_passes_on_seed_content_in_strict_mode() -> None:
    result = warta("check", "--strict", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[0].startswith("0 errors, 0 warnings in ")
    assert "translation coverage: id 100.0%" in result.stdout


def test_check_reports_all_mistakes_and_fails(tmp_path: Path) -> None:
    project = build_case("e301-unknown-reference", tmp_path / "p")
    result = warta("check", cwd=project.root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "content/events/2024/2024-04-01-typo-ref.yml:7:20: error[E301] "
        "organizations[0].organization: no organization with id 'acme-corp' "
        "(did you mean 'acme'?)",
        "content/events/2024/2024-04-01-typo-ref.yml:8:11: error[E301] sectors[0]: "
        "no sector with id 'energi' (did you mean 'energy'?)",
    ]
    assert lines[2] == "2 errors, 0 warnings in 9 files"


def test_check_json_and_github_formats(tmp_path: Path) -> None:
    project = build_case("e209-invalid-choice", tmp_path / "p")
    data = json.loads(warta("check", "--format", "json", cwd=project.root).stdout)
    rows = data["diagnostics"]
    assert [(r["code"], r["line"], r["field"]) for r in rows] == [("E209", 2, "type")]
    github = warta("check", "--format", "github", cwd=project.root).stdout.splitlines()[0]
    assert github.startswith("::error file=content/organizations/choice.yml,line=2,col=7,")


def test_check_json_carries_coverage_figures(tmp_path: Path) -> None:
    project = build_case("e402-coverage-below-minimum", tmp_path / "p")
    result = warta("check", "--format", "json", cwd=project.root)
    assert result.returncode == 1
    coverage = json.loads(result.stdout)["coverage"]
    assert coverage["total"] == 14
    assert coverage["languages"]["en"] == {
        "present": 13,
        "missing": 1,
        "outdated": 0,
        "untracked": 13,
        "current": 13,
        "percent": 92.9,
        "minimum": 95.0,
        "passes": False,
    }
    assert coverage["languages"]["id"]["passes"] is True
    text = warta("check", cwd=project.root).stdout
    assert text.splitlines()[-1] == (
        "translation coverage: id 100.0% (14/14), "
        "en 92.9% (13/14; 1 missing, 0 outdated; 13 untracked; minimum 95%, below)"
    )


def test_strict_fails_on_missing_translation(tmp_path: Path) -> None:
    project = build_case("w401-missing-translation", tmp_path / "p")
    assert warta("check", cwd=project.root).returncode == 0
    assert warta("check", "--strict", cwd=project.root).returncode == 1


def test_new_writes_a_skeleton_that_names_its_schema(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    result = warta("new", "event", "2025-03-04-trade-fair", cwd=tmp_path / "p")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "p" / "content" / "events" / "2025" / "2025-03-04-trade-fair.yml"
    text = path.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/event.schema.json")
    assert "  id: " in text and "  en: " in text


@pytest.mark.parametrize(
    "kind", ["organization", "person", "event", "agreement", "partnership", "taxonomy"]
)
def test_new_skeletons_load_and_point_at_what_to_fill(kind: str, tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    assert warta("new", kind, f"fresh-{kind}", cwd=tmp_path / "p").returncode == 0
    out = warta("check", cwd=tmp_path / "p").stdout
    assert "E1" not in out and "E2" not in out, out


@pytest.mark.parametrize(
    ("args", "path", "dated"),
    [
        (
            ["event", "2023-02-17-padang-loi"],
            "events/2023/2023-02-17-padang-loi.yml",
            "date: 2023-02-17",
        ),
        (
            ["event", "padang-fair", "--date", "2022-06-01"],
            "events/2022/padang-fair.yml",
            "date: 2022-06-01",
        ),
        (
            ["agreement", "sumbar-jeonbuk-loi", "--date", "2023-02-17"],
            "agreements/2023/sumbar-jeonbuk-loi.yml",
            "date: 2023-02-17",
        ),
        (
            ["agreement", "2021-09-30-old-mou"],
            "agreements/2021/2021-09-30-old-mou.yml",
            "date: 2021-09-30",
        ),
        (
            ["partnership", "sumbar-jeonbuk", "--date", "1995-10-01"],
            "partnerships/sumbar-jeonbuk.yml",
            "since: 1995",
        ),
    ],
)
def test_new_takes_the_date_from_the_id_or_date_and_files_it_by_year(
    args: list[str], path: str, dated: str, tmp_path: Path
) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    result = warta("new", *args, cwd=tmp_path / "p")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "p" / "content" / path).read_text("utf-8")
    assert dated in text
    assert "\ndraft: true" in text


@pytest.mark.parametrize("kind", ["organization", "person", "event", "agreement", "partnership"])
def test_every_skeleton_is_a_draft_and_its_examples_fail_once_published(
    kind: str, tmp_path: Path
) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    assert (
        warta("new", kind, f"fresh-{kind}", "--date", "2024-05-01", cwd=tmp_path / "p").returncode
        == 0
    )
    [path] = (tmp_path / "p" / "content").rglob(f"fresh-{kind}.yml")
    assert "E216" not in warta("check", cwd=tmp_path / "p").stdout
    text = path.read_text("utf-8").replace("\ndraft: true", "\ndraft: false")
    path.write_text(text, "utf-8")
    out = warta("check", cwd=tmp_path / "p").stdout
    assert "error[E216]" in out and "is still the example text from `warta new`" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["event", "2023-02-17-x", "--date", "2023-03-01"],
            "the id says 2023-02-17 but --date says 2023-03-01",
        ),
        (["event", "2023-02-30-x"], "'2023-02-30' at the start of the id is not a real date"),
        (["event", "x", "--date", "17/02/2023"], "'17/02/2023' is not a date (write YYYY-MM-DD)"),
    ],
)
def test_new_refuses_a_date_it_cannot_trust(args: list[str], message: str, tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    result = warta("new", *args, cwd=tmp_path / "p")
    assert result.returncode == 2
    assert message in result.stderr
    assert not list((tmp_path / "p" / "content").rglob("x.yml"))


def test_new_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    target = tmp_path / "p" / "content" / "organizations" / "acme.yml"
    before = target.read_bytes()
    result = warta("new", "organization", "acme", cwd=tmp_path / "p")
    assert result.returncode == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_bytes() == before
    assert warta("new", "organization", "acme", "--force", cwd=tmp_path / "p").returncode == 0
    assert target.read_bytes() != before


def test_new_refuses_an_id_used_in_another_year(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path / "p")
    result = warta("new", "agreement", "acme-globex-mou", cwd=tmp_path / "p")
    assert result.returncode == 1 and "already exists" in result.stderr


def test_new_rejects_a_bad_id(tmp_path: Path) -> None:
    result = warta("new", "person", "Bad_Id", cwd=tmp_path)
    assert result.returncode == 2 and "not a valid id" in result.stderr


def test_committed_schemas_are_current() -> None:
    assert stale_schemas(ROOT / "schemas", project_context(Project(ROOT))) == [], (
        "run `warta schema`, commit schemas/"
    )


def test_schema_check_reports_stale_files(tmp_path: Path) -> None:
    (tmp_path / "site_config.yml").write_text("")
    assert warta("schema", "--check", cwd=tmp_path).returncode == 1
    assert warta("schema", cwd=tmp_path).returncode == 0
    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert written == sorted(render_schemas(SchemaContext()))
    assert warta("schema", "--check", cwd=tmp_path).returncode == 0
