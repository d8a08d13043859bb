"""One build at a time per project: an advisory lock on `build/.warta.lock`.

The lock is an `flock(2)` lock, which the kernel drops when its holder exits in any way,
SIGKILL included, so a lock left by a dead build is simply taken over. The file also holds
the holder's process id and start time, for the message a second build prints, and tells
the next holder whether the last one ended without cleaning up.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

LOCK_NAME = ".warta.lock"


class LockBusy(Exception):
    """Another live process holds the lock and the caller chose not to wait."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{path} is held by {holder}")
        self.path, self.holder = path, holder


@dataclass(frozen=True)
class Held:
    """A lock this process holds; `previous` describes a holder that died holding it."""

    path: Path
    previous: str


@contextmanager
def build_lock(
    folder: Path, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[Held]:
    """Hold the project's build lock; wait for it (telling `on_wait` who holds it) or raise
    `LockBusy` when `wait` is False."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            holder = describe(_read(fd))
            if not wait:
                raise LockBusy(path, holder)
            if on_wait:
                on_wait(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        previous = _read(fd)
        _write(fd, f"{os.getpid()} {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M:%S} UTC\n")
        yield Held(path, describe(previous) if previous else "")
        _write(fd, "")  # a clean end: the next holder has nothing to take over
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 200).decode("utf-8", "replace").strip()


def _write(fd: int, text: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, text.encode("utf-8"), 0)


def describe(content: str) -> str:
    """`process 1234 (since 2026-11-23 21:40:02 UTC)` from the lock file's text."""
    pid, _, since = content.partition(" ")
    if not pid.isdigit():
        return "another process"
    return f"process {pid} (since {since})" if since else f"process {pid}"
