"""Stage 1, load: the scan of content/ and the resource limits; each refusal is one
diagnostic with its file and line, never a traceback or a hang."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rules import BASE, check_lines

from generator.project import Project
from generator.records.load import MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_LIST_ITEMS
from generator.records.scan import MAX_RECORD_FILES

ORG = "name: {id: Kasus, en: Case}\ntype: company\ncountry: ID\n"


def outside_link(root: Path) -> None:
    (root / "secret.yml").write_text(ORG, "utf-8")
    os.symlink(root / "secret.yml", root / "content/organizations/leak.yml")


def relative_outside_link(root: Path) -> None:
    os.symlink("../../../../etc/passwd", root / "content/organizations/passwd.yml")


def broken_link(root: Path) -> None:
    os.symlink("gone.yml", root / "content/organizations/broken.yml")


def folder_link(root: Path) -> None:
    (root / "elsewhere").mkdir()
    (root / "elsewhere/x.yml").write_text(ORG, "utf-8")
    os.symlink(root / "elsewhere", root / "content/organizations/more", target_is_directory=True)


def case_clash(root: Path) -> None:
    (root / "content/organizations/ACME.yml").write_text(ORG, "utf-8")


def many_files(root: Path) -> None:
    folder = root / "content/organizations/flood"
    folder.mkdir()
    for number in range(20_000):
        (folder / f"org-{number}.yml").touch()


def long_list(root: Path) -> None:
    items = "".join("  - energy\n" for _ in range(10_000))
    (root / "content/organizations/listy.yml").write_text(f"{ORG}sectors:\n{items}", "utf-8")


def long_line(root: Path) -> None:
    text = f"{ORG}description: {{en: {'x' * (MAX_FILE_BYTES - 200)}}}\n"
    assert len(text.encode()) < MAX_FILE_BYTES  # within the file limit; only the line is long
    (root / "content/organizations/wordy.yml").write_text(text, "utf-8")


def link_inside(root: Path) -> None:
    os.symlink("acme.yml", root / "content/organizations/acme-alias.yml")


CASES: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "e112-link-outside": (
        outside_link,
        [
            "content/organizations/leak.yml:1:1: error[E112] symbolic link to '{root}/secret.yml' "
            "does not lead to a file inside content/ (copy the file into content/ instead of "
            "linking to it)"
        ],
    ),
    "e112-relative-link-outside": (
        relative_outside_link,
        [
            "content/organizations/passwd.yml:1:1: error[E112] symbolic link to "
            "'../../../../etc/passwd' does not lead to a file inside content/ (copy the file "
            "into content/ instead of linking to it)"
        ],
    ),
    "e112-broken-link": (
        broken_link,
        [
            "content/organizations/broken.yml:1:1: error[E112] symbolic link to 'gone.yml' does "
            "not lead to a file inside content/ (copy the file into content/ instead of linking "
            "to it)"
        ],
    ),
    "e113-folder-link": (
        folder_link,
        [
            "content/organizations/more:1:1: error[E113] folder is a symbolic link to "
            "'{root}/elsewhere'; linked folders are not read (move the folder into content/ "
            "instead of linking to it)"
        ],
    ),
    "e114-case-clash": (
        case_clash,
        [
            "content/organizations/ACME.yml:1:1: error[E205] file name 'ACME' is not a valid id "
            "(use lowercase letters, digits and single hyphens)",
            "content/organizations/acme.yml:1:1: error[E114] file name differs only by case "
            "from content/organizations/ACME.yml; the two collide on macOS and Windows (rename "
            "or remove one of the two files)",
        ],
    ),
    "e115-too-many-files": (
        many_files,
        [
            f"content:1:1: error[E115] content/ holds 20007 record files, over the limit of "
            f"{MAX_RECORD_FILES} (remove files that are not records; split a larger archive "
            "into its own site)"
        ],
    ),
    "e116-long-list": (
        long_list,
        [
            f"content/organizations/listy.yml:5:3: error[E116] list has 10000 items, over the "
            f"limit of {MAX_LIST_ITEMS} (split the record; no field needs this many entries)"
        ],
    ),
    "e117-long-line": (
        long_line,
        [
            f"content/organizations/wordy.yml:4:{MAX_LINE_CHARS + 1}: error[E117] line is "
            f"{MAX_FILE_BYTES - 200 + 19} characters long, over the limit of {MAX_LINE_CHARS} "
            "(break long text into paragraphs in a `|` block)"
        ],
    ),
}


@pytest.mark.parametrize(("make", "expected"), CASES.values(), ids=CASES.keys())
def test_scan_rule(
    make: Callable[[Path], None],
    expected: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = copy_base(tmp_path / "project")
    make(project.root)
    lines = [
        line.replace(str(project.root), "{root}") for line in check_lines(project, monkeypatch)
    ]
    assert lines == expected


def test_a_link_to_a_file_inside_content_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_base(tmp_path / "project")
    link_inside(project.root)
    assert check_lines(project, monkeypatch) == []


def copy_base(dest: Path) -> Project:
    """The valid base project of the rule corpus."""
    shutil.copytree(BASE, dest)
    return Project(dest)
