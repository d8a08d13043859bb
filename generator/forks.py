"""Work in forked processes that inherit everything it reads: only arguments and results are
pickled, never the graph or the rendered site behind them."""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

R = TypeVar("R")


def can_fork() -> bool:
    """Whether this system starts processes by forking (not Windows, for one)."""
    return "fork" in multiprocessing.get_all_start_methods()


def forked_call(job: Callable[..., R], *args: Any) -> Future[R]:
    """`job(*args)` in a forked process of its own; its result (or error) in the future.

    The process ends as soon as the job does. A worker reading the parent's objects copies
    every page of memory their reference counts sit on, so a process kept alive would hold
    those copies until the whole build ends. The child freezes the collector first, so no
    collection there scans (and copies) what it inherited. Only `can_fork()` systems have
    one.
    """
    future: Future[R] = Future()
    receive, send = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(
        target=_call_and_send, args=(send, job, args), daemon=True
    )
    process.start()
    send.close()  # the child holds the only sending end: its exit means end of file here
    threading.Thread(target=_receive, args=(process, receive, future), daemon=True).start()
    return future


@contextmanager
def frozen_collector() -> Iterator[None]:
    """No collection scans the objects that exist now, until the context ends.

    For a large build's graph and pages, which live until the end anyway: scanning them
    again and again costs seconds.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _call_and_send(send: Connection, job: Callable[..., Any], args: tuple[Any, ...]) -> None:
    gc.freeze()  # moves lists, touches no object: cheap, and nothing inherited is scanned
    try:
        outcome: tuple[bool, Any] = (True, job(*args))
    except BaseException as err:  # every failure goes back to the parent
        outcome = (False, RuntimeError(f"in a forked process:\n{traceback.format_exc()}"))
        outcome = (False, err) if _picklable(err) else outcome
    send.send(outcome)
    send.close()


def _picklable(value: object) -> bool:
    try:
        pickle.dumps(value)
    except Exception:  # any failure: send a description instead
        return False
    return True


def _receive(process: BaseProcess, receive: Connection, future: Future[Any]) -> None:
    try:
        ok, value = receive.recv()
    except (EOFError, OSError):
        process.join()
        future.set_exception(
            RuntimeError(f"a forked process ended with exit code {process.exitcode}")
        )
        return
    process.join()
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)
