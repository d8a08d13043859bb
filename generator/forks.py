"""Work in forked processes that inherit everything it reads: only arguments and results are
pickled, never the graph or the rendered site behind them."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

R = TypeVar("R")

_JOB: Callable[..., Any] | None = None  # what the forked workers inherit


def can_fork() -> bool:
    """Whether this system starts processes by forking (not Windows, for one)."""
    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def forked_pool(job: Callable[..., R], workers: int) -> Iterator[Callable[..., Future[R]]]:
    """`submit(*args)` runs `job(*args)` in one of `workers` forked processes; leaving the
    context waits for them. Only `can_fork()` systems have one.

    The collector is frozen meanwhile: what the workers inherit lives on in the parent, no
    collection need scan it, and one in a worker would copy every page of memory it sits on.
    """
    global _JOB
    assert _JOB is None, "one forked pool at a time"
    _JOB = job
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield lambda *args: pool.submit(_run_job, *args)
    finally:
        _JOB = None
        gc.unfreeze()


def _run_job(*args: Any) -> Any:
    assert _JOB is not None, "set before the fork"
    return _JOB(*args)
