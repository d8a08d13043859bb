"""Assemble the staging folder from the last published site plus what changed.

MkDocs writes its output files in place, so the published site never shares a file with
MkDocs' output folder: changed files are copied. Unchanged files are hard links to the
published site's own files, which Warta never writes in place either (it only renames and
unlinks them), so the last good site stays intact until the swap.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from generator.files import link_or_copy


def seed_from(site_dir: Path, staging: Path) -> None:
    """Fill the empty `staging` with hard links to every file of the published site."""
    if shutil.which("cp") and os.name == "posix":
        # GNU cp links a tree of tens of thousands of files far faster than Python can.
        done = subprocess.run(
            ["cp", "-al", f"{site_dir}/.", str(staging)], capture_output=True, check=False
        )
        if done.returncode == 0:
            return
        shutil.rmtree(staging)
        staging.mkdir()
    shutil.copytree(site_dir, staging, copy_function=link_or_copy, dirs_exist_ok=True)


def copy_files(source: Path, dest: Path, names: Iterable[str]) -> None:
    """Copy files (relative paths) from `source` to `dest`, replacing what is there."""
    for name in sorted(names):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # never write through a hard link
        shutil.copyfile(source / name, target)


def move_files(source: Path, dest: Path, names: Iterable[str]) -> None:
    """Move files from `source` into `dest`, replacing (not overwriting) what is there."""
    for name in sorted(names):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source / name, target)  # a new file; a hard link there is only unlinked


def remove_files(root: Path, names: Iterable[str]) -> None:
    """Remove files and the folders they leave empty."""
    for name in sorted(names):
        path = root / name
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent


def replace_tree(source: Path, dest: Path) -> None:
    """Make `dest` a linked copy of `source` (a finished search bundle), or remove it."""
    shutil.rmtree(dest, ignore_errors=True)
    if source.is_dir():
        shutil.copytree(source, dest, copy_function=link_or_copy)
