"""Stage 1, load: find the record files under `content/`, refusing what is unsafe to read.

A checkout may hold anything an outside pull request put there, so the scan never follows
a symbolic link out of `content/` (it could expose `/etc/passwd` or a CI secret on the
published site), never follows linked folders (they can loop), reports names that differ
only by case (they collide on macOS and Windows checkouts) and stops at a file count far
beyond any real newsroom instead of grinding through a flood of files.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.diagnostics import Position, Report

MAX_RECORD_FILES = 15_000
RECORD_SUFFIXES = (".yml", ".yaml")


def scan_content(content_dir: Path, report: Report) -> list[Path]:
    """Every record file below `content_dir` that is safe to read, in a stable order."""
    if not content_dir.is_dir():
        return []
    files = [path for path in walk(content_dir, report) if path.suffix in RECORD_SUFFIXES]
    if len(files) > MAX_RECORD_FILES:
        report.add(
            content_dir,
            Position(),
            "E115",
            f"content/ holds {len(files)} record files, over the limit of {MAX_RECORD_FILES}",
            hint="remove files that are not records; split a larger archive into its own site",
        )
        return []
    report_case_clashes(content_dir, files, report)
    return sorted(files)


def walk(content_dir: Path, report: Report) -> list[Path]:
    """Regular files (and links to files inside `content_dir`), stopping past the limit."""
    root, found = content_dir.resolve(), []
    for folder, dirs, names in os.walk(content_dir):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and vet_folder(base / d, report))
        for name in sorted(names):
            path = base / name
            if not name.startswith(".") and (not path.is_symlink() or vet_link(path, root, report)):
                found.append(path)
        if len(found) > MAX_RECORD_FILES * 2:
            break  # enough to know the limit is passed; counting on costs time only
    return found


def vet_folder(path: Path, report: Report) -> bool:
    """A real folder is walked; a linked one is reported and skipped."""
    if not path.is_symlink():
        return True
    report.add(
        path,
        Position(),
        "E113",
        f"folder is a symbolic link to '{os.readlink(path)}'; linked folders are not read",
        hint="move the folder into content/ instead of linking to it",
    )
    return False


def vet_link(path: Path, root: Path, report: Report) -> bool:
    """A link to a file inside `content/` is read; one leading out of it, or nowhere, is not."""
    target = path.resolve()
    if target.is_file() and root in target.parents:
        return True
    report.add(
        path,
        Position(),
        "E112",
        f"symbolic link to '{os.readlink(path)}' does not lead to a file inside content/",
        hint="copy the file into content/ instead of linking to it",
    )
    return False


def report_case_clashes(content_dir: Path, files: list[Path], report: Report) -> None:
    """Report each file whose path differs from an earlier one only by letter case."""
    first: dict[str, Path] = {}
    for path in sorted(files):
        key = path.relative_to(content_dir).as_posix().casefold()
        if key not in first:
            first[key] = path
            continue
        report.add(
            path,
            Position(),
            "E114",
            f"file name differs only by case from {first[key].relative_to(content_dir.parent)}; "
            "the two collide on macOS and Windows",
            hint="rename or remove one of the two files",
        )
