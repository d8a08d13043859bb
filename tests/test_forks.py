"""Forked work: results and errors come back, and the process is gone once its job is done."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading

import pytest

from generator.forks import can_fork, forked_call, frozen_collector

pytestmark = pytest.mark.skipif(not can_fork(), reason="this system cannot fork")


def _pages(count: int) -> list[str]:
    return [f"page {i}" for i in range(count)]


def _fail(message: str) -> None:
    raise ValueError(message)


def _fail_with_a_lock() -> None:
    raise _Unpicklable()


class _Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("holds a lock")
        self.lock = threading.Lock()


def _die() -> None:
    os._exit(3)


def test_the_result_comes_back_and_the_process_has_ended() -> None:
    inherited = {"big": "value"}  # read by the child without being pickled
    future = forked_call(lambda n: [*_pages(n), inherited["big"]], 3)
    assert future.result(timeout=60) == ["page 0", "page 1", "page 2", "value"]
    assert multiprocessing.active_children() == []


def test_an_error_is_raised_in_the_parent() -> None:
    with pytest.raises(ValueError, match="no such template"):
        forked_call(_fail, "no such template").result(timeout=60)


def test_an_error_that_cannot_be_pickled_comes_back_as_its_traceback() -> None:
    with pytest.raises(RuntimeError, match=r"(?s)in a forked process:.*_Unpicklable"):
        forked_call(_fail_with_a_lock).result(timeout=60)


def test_a_process_that_dies_reports_its_exit_code() -> None:
    with pytest.raises(RuntimeError, match="ended with exit code 3"):
        forked_call(_die).result(timeout=60)


def test_the_frozen_collector_is_thawed_afterwards() -> None:
    with frozen_collector():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
