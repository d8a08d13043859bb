"""The corpus of bad files: each case overlays a valid base project with one mistake."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.project import Project
from generator.records.check import check_records as run

CORPUS = Path(__file__).parent / "corpus"
BASE = CORPUS / "base"
BAD = CORPUS / "bad"


def rule_cases(*prefixes: str) -> list[pytest.param]:  # type: ignore[valid-type]
    """One pytest parameter per corpus case whose name starts with a prefix."""
    names = sorted(p.name for p in BAD.iterdir() if p.name.startswith(prefixes))
    return [pytest.param(name, id=name) for name in names]


def build_case(name: str, dest: Path) -> Project:
    """Copy the base project, lay the case's files over it and remove what it lists."""
    shutil.copytree(BASE, dest)
    case = BAD / name
    for src in case.rglob("*"):
        rel = src.relative_to(case)
        if src.is_file() and rel.parts[0] not in ("expected.txt", "remove.txt"):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest / rel)
    removals = case / "remove.txt"
    if removals.exists():
        for line in removals.read_text("utf-8").split():
            (dest / line).unlink()
    return Project(dest)


def check_lines(project: Project, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The rendered diagnostics of `warta check` on a project, paths relative to it."""
    monkeypatch.chdir(project.root)
    return [d.render() for d in run(project).report.sorted()]


def expected_lines(name: str) -> list[str]:
    """The reviewed diagnostics a case must produce, exactly."""
    return (BAD / name / "expected.txt").read_text("utf-8").splitlines()
