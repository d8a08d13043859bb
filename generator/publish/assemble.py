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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.files import link_or_copy


class Seeding:
    """The empty `staging` being filled with hard links to every file of the published site.

    GNU cp links a tree of tens of thousands of files far faster than Python can, and in a
    process of its own it does so while the build's first stages run.
    """

    def __init__(self, site_dir: Path, staging: Path) -> None:
        self.site_dir, self.staging = site_dir, staging
        self._cp: subprocess.Popen[bytes] | None = None
        self._linked = False
        if shutil.which("cp") and os.name == "posix":
            self._cp = subprocess.Popen(
                ["cp", "-al", f"{site_dir}/.", str(staging)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def wait(self) -> None:
        """Return when `staging` holds the whole published site."""
        cp, self._cp = self._cp, None
        if self._linked or (cp is not None and cp.wait() == 0):
            self._linked = True
            return
        if cp is not None:  # cp failed (not GNU, or no hard links): Python does it
            shutil.rmtree(self.staging)
            self.staging.mkdir()
        shutil.copytree(self.site_dir, self.staging, copy_function=link_or_copy, dirs_exist_ok=True)
        self._linked = True

    def cancel(self) -> None:
        """Stop linking (the build failed); `staging` is left to be removed."""
        cp, self._cp = self._cp, None
        if cp is not None and cp.poll() is None:
            cp.kill()
        if cp is not None:
            cp.wait()


@contextmanager
def seeding(site_dir: Path, staging: Path, wanted: bool) -> Iterator[Seeding | None]:
    """Start seeding `staging` (if `wanted`); linking stops if the build ends first."""
    seed = Seeding(site_dir, staging) if wanted else None
    try:
        yield seed
    finally:
        if seed is not None:
            seed.cancel()


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
