"""`warta check`, `warta build` and `warta serve` only read content/: every file's bytes,
mode and modification time, and the list of files, are the same afterwards."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from factories import TEMPLATES, minimal_records, write_project

from generator.project import Project

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1717200000"}


def fingerprint(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every path below a folder (links not followed) → content hash, mode, mtime."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        found[path.relative_to(folder).as_posix()] = (
            hashlib.sha256(data).hexdigest(),
            info.st_mode,
            info.st_mtime_ns,
        )
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A small project whose content includes a draft, a link inside content/ and a
    translation that is missing (so `check` has something to report)."""
    records = minimal_records()
    records["events/2024/2024-03-01-draft.yml"] = (
        records["events/2024/2024-01-05-acme-visit.yml"].replace("Acme visit", "Draft visit")
        + "draft: true\n"
    )
    root = tmp_path_factory.mktemp("untouched") / "project"
    project = write_project(root, records)
    shutil.copytree(TEMPLATES, project.templates)
    os.symlink("acme.yml", project.content / "organizations" / "acme-link.yml")
    return project


def run(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    """A `warta` command in the project's folder."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=project.root,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "args", [("check",), ("check", "--strict", "--format", "json"), ("build",)], ids=" ".join
)
def test_a_command_leaves_content_untouched(project: Project, args: tuple[str, ...]) -> None:
    before = fingerprint(project.content)
    result = run(project, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert fingerprint(project.content) == before


def test_serve_leaves_content_untouched(project: Project) -> None:
    before = fingerprint(project.content)
    serve = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", "0"],
        cwd=project.root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert serve.stdout is not None
        line = ""
        while not line.startswith("serving "):
            line = serve.stdout.readline()
            assert line, "warta serve ended early"
        url = line.split()[1]
        with urllib.request.urlopen(url + "en/", timeout=30) as response:  # 127.0.0.1 only
            assert response.status == 200
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.communicate()
    assert fingerprint(project.content) == before
