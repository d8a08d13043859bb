"""Memos on disk: reused across opens, pruned to what a build used, never trusted blindly."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from pathlib import Path

import pytest

from generator.diagnostics import Position
from generator.memo import MAGIC, DiskMemo, MemoStore, digest_of


def counting(value: str, calls: list[str]) -> str:
    calls.append(value)
    return value.upper()


def test_a_saved_result_is_reused_by_the_next_open(tmp_path: Path) -> None:
    store, calls = MemoStore(tmp_path, "stamp"), []
    first: DiskMemo[str] = store.open("m")
    assert first.get("k", lambda: counting("a", calls)) == "A"
    first.save()
    again: DiskMemo[str] = store.open("m")
    assert again.get("k", lambda: counting("b", calls)) == "A"
    assert calls == ["a"]


def test_only_the_entries_used_since_the_last_save_are_kept(tmp_path: Path) -> None:
    memo: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    memo.get("old", lambda: "1")
    memo.save()
    reopened: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    reopened.get("new", lambda: "2")
    reopened.save()
    assert len(MemoStore(tmp_path, "s").open("m")) == 1  # "old" was not used: dropped


def test_a_memo_that_did_not_change_is_not_written_again(tmp_path: Path) -> None:
    memo: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    memo.get("k", lambda: "v")
    memo.save()
    [path] = (tmp_path / "m").iterdir()
    os.utime(path, ns=(0, 0))
    reopened: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    reopened.get("k", lambda: "other")
    reopened.save()
    assert path.stat().st_mtime_ns == 0


def test_saving_after_one_new_entry_rewrites_only_its_file(tmp_path: Path) -> None:
    memo: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    for key in ("0a", "1b", "2c"):
        memo.get(key, lambda: "v")
    memo.save()
    for path in (tmp_path / "m").iterdir():
        os.utime(path, ns=(0, 0))
    reopened: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    for key in ("0a", "1b", "2c", "1d"):
        reopened.get(key, lambda: "v")
    reopened.save()
    touched = sorted(p.name for p in (tmp_path / "m").iterdir() if p.stat().st_mtime_ns)
    assert touched == ["1.pickle"]
    assert len(MemoStore(tmp_path, "s").open("m")) == 4


def test_values_with_dates_and_positions_round_trip(tmp_path: Path) -> None:
    value = ({"date": dt.date(2024, 5, 1)}, {("date",): Position(3, 7)})
    memo: DiskMemo[object] = MemoStore(tmp_path, "s").open("m")
    memo.get("k", lambda: value)
    memo.save()
    assert MemoStore(tmp_path, "s").open("m").get("k", lambda: None) == value


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("garbage", b"not a pickle at all"),
        ("truncated", pickle.dumps((MAGIC, "s", {"k": "v"}))[:-5]),
        ("another stamp", pickle.dumps((MAGIC, "another Warta", {"k": "v"}))),
        ("another format", pickle.dumps(("warta-memo-0", "s", {"k": "v"}))),
        ("not a mapping", pickle.dumps((MAGIC, "s", ["k", "v"]))),
        # Unpickling may build only plain values, never a reference to a function.
        ("code", pickle.dumps((MAGIC, "s", {"k": os.getcwd}))),
    ],
)
def test_a_corrupt_foreign_or_unsafe_memo_is_ignored(
    tmp_path: Path, case: str, data: bytes
) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "0.pickle").write_bytes(data)
    memo: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    assert len(memo) == 0, case
    assert memo.get("k", lambda: "computed") == "computed"


def test_equal_values_have_equal_digests_and_unequal_ones_do_not() -> None:
    assert digest_of({"a": [1, "x"]}) == digest_of({"a": [1, "x"]})
    assert digest_of({"a": [1, "x"]}) != digest_of({"a": [1, "y"]})
    assert digest_of(("t", 1)) != digest_of(("t", True, 1))


def test_a_fresh_store_starts_empty_but_still_saves(tmp_path: Path) -> None:
    kept: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    kept.get("k", lambda: "old")
    kept.save()
    fresh: DiskMemo[str] = MemoStore(tmp_path, "s", fresh=True).open("m")
    assert fresh.get("k", lambda: "new") == "new"
    fresh.save()
    assert MemoStore(tmp_path, "s").open("m").get("k", lambda: "none") == "new"


def test_a_memo_that_cannot_be_saved_is_reported_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "m").write_text("a file where the memo's folder should be", "utf-8")
    memo: DiskMemo[str] = MemoStore(tmp_path, "s").open("m")
    assert memo.get("k", lambda: "v") == "v"
    memo.save()
    err = capsys.readouterr().err
    assert f"warta build: cannot save the memo {tmp_path / 'm'}" in err
    assert "the next build will redo its work" in err
