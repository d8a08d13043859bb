"""Results of pure functions kept between builds, keyed by a digest of everything they read.

A memo never decides whether a result is still right: its key is a digest of the whole
input, so a changed input is a new key. What a memo can get wrong is only its file, and a
file that is corrupt, from another Warta (`stamp`), or holds anything but plain values is
ignored: the memo starts empty and the work is done again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import pickle
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from generator.files import write_atomic

MAGIC = "warta-memo-1"
V = TypeVar("V")

# Only these classes may be rebuilt from a memo file: loading one can run no other code.
_ALLOWED = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timezone"),
    ("datetime", "timedelta"),
    ("generator.diagnostics", "Position"),
}


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a memo")


def digest_of(value: object) -> str:
    """A digest of a value's pickled form: equal digests mean equal values.

    The pickle is made without its memo, so that two equal values pickle alike whether or
    not they share objects. Unequal pickles of equal values (a set's order) only cost a
    miss, never a wrong hit.
    """
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=5)
    pickler.fast = True  # no memo: identity-blind, and faster (values here hold no cycles)
    try:
        pickler.dump(value)
    except ValueError:  # a cycle after all: pickled with the memo, as usual
        return hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=16).hexdigest()
    return hashlib.blake2b(stream.getbuffer(), digest_size=16).hexdigest()


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    # Unpickling makes a million young objects and no cycles: collecting meanwhile is waste
    # (it tripled the time to read the parses of 10,000 records).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class DiskMemo(Generic[V]):
    """Results by key, kept in a folder between builds; only the keys used are kept.

    The entries are spread over files by their key's first digit, so that saving after a
    small change rewrites a few of them, not all.
    """

    def __init__(self, folder: Path | None = None, stamp: str = "") -> None:
        self.folder, self.stamp = folder, stamp
        self._old: dict[str, V] = {}
        self._used: dict[str, V] = {}
        self._added: set[str] = set()

    @classmethod
    def open(cls, folder: Path, stamp: str) -> DiskMemo[V]:
        """The memo stored in `folder`; a missing, corrupt or foreign file adds nothing."""
        memo: DiskMemo[V] = cls(folder, stamp)
        for path in sorted(folder.glob("*.pickle")):
            memo._old.update(read_shard(path, stamp))
        return memo

    def get(self, key: str, compute: Callable[[], V]) -> V:
        """The result for `key`, computed (and remembered) when it is not known."""
        if key in self._used:
            return self._used[key]
        if key in self._old:
            value = self._old.pop(key)
        else:
            value = compute()
            self._added.add(shard_of(key))
        self._used[key] = value
        return value

    @property
    def changed(self) -> bool:
        """Whether saving would write something new (an entry added or one left unused)."""
        return bool(self._added or self._old)

    def save(self) -> None:
        """Keep only the entries used since the last save; rewrite (atomically) the files
        whose entries changed, if the memo has a folder."""
        if self.folder is not None:
            try:
                for shard in sorted(self._added | {shard_of(key) for key in self._old}):
                    entries = {k: v for k, v in self._used.items() if shard_of(k) == shard}
                    data = pickle.dumps((MAGIC, self.stamp, entries), protocol=5)
                    write_atomic(self.folder / f"{shard}.pickle", data)
            except OSError as err:  # a memo only saves work: the build goes on without it
                print(
                    f"warta build: cannot save the memo {self.folder} ({err.strerror or err}); "
                    "the next build will redo its work",
                    file=sys.stderr,
                )
        self._old, self._used, self._added = self._used, {}, set()

    def __len__(self) -> int:
        return len(self._used) + len(self._old)


def shard_of(key: str) -> str:
    """Which of a memo's files holds a key: its first character (keys are hex digests)."""
    return key[:1] if key[:1] in "0123456789abcdef" else "_"


def read_shard(path: Path, stamp: str) -> dict[str, Any]:
    """The entries of one memo file; none if it is unreadable or another Warta wrote it."""
    try:
        with path.open("rb") as stream, _no_gc():
            head, found, entries = _PlainUnpickler(stream).load()
    except Exception:  # any unreadable file is just an empty one
        return {}
    ok = head == MAGIC and found == stamp and isinstance(entries, dict)
    return entries if ok else {}


@dataclass(frozen=True)
class MemoStore:
    """A folder of memos, each trusted only by the Warta that wrote it (`stamp`)."""

    folder: Path
    stamp: str
    fresh: bool = False
    """Start every memo empty (`warta build --full`); what is computed is still saved."""

    def open(self, name: str) -> DiskMemo[V]:
        """The memo called `name`, empty if its file is missing, corrupt or foreign."""
        folder = self.folder / name
        return DiskMemo(folder, self.stamp) if self.fresh else DiskMemo.open(folder, self.stamp)
