"""Writing files whole or not at all, and deleting trees without waiting for it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace a file's bytes in one step: a crash leaves the old file or the new one.

    Text is written as UTF-8. A replaced file keeps its permissions; a new one gets the
    usual ones (0666 less the umask), not the temporary file's private 0600.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else _new_file_mode())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def discard_tree(path: Path, trash: Path | None = None) -> None:
    """Delete a folder tree; moved into `trash` first, in a process of its own.

    Unlinking the tens of thousands of files of a large site takes seconds, which a build
    need not wait for. When `trash` is not on the tree's filesystem, the tree is deleted here.
    """
    if trash is not None:
        try:
            trash.mkdir(parents=True, exist_ok=True)
            path.rename(Path(tempfile.mkdtemp(dir=trash)) / path.name)
        except OSError:
            pass
        else:
            empty_trash(trash)
            return
    shutil.rmtree(path, ignore_errors=True)


def empty_trash(trash: Path) -> None:
    """Delete everything in `trash` in a detached process (a later one finishes its work)."""
    subprocess.Popen(
        [sys.executable, "-c", _EMPTY, str(trash)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


# Deletes the trash's entries, not the folder: another build may be moving a tree into it.
_EMPTY = (
    "import pathlib, shutil, sys\n"
    "for entry in pathlib.Path(sys.argv[1]).iterdir():\n"
    "    shutil.rmtree(entry, ignore_errors=True)\n"
)


def link_or_copy(src: str, dst: str) -> str:
    """Hard-link a file, copying it when links are not possible."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst
