"""A time limit for the analysis of one document in batch work (`sayso analyze` over many inputs, `sayso ingest`).

A watchdog thread raises `DocumentTimeout` in the thread doing the work once the limit has passed (CPython's
`PyThreadState_SetAsyncExc`). It works in any thread, so the same limit holds inline, in local worker processes and
on Dask workers, whose tasks run in threads where signals (SIGALRM) cannot reach. The exception arrives at the
next Python instruction: a call into compiled code (a parse of one piece of text, a few seconds at most:
sayso.nlp.pieces) finishes first.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIME_LIMIT_S = 300.0  # an ordinary article takes well under a second; the worst hostile text measured, ~60 s


class DocumentTimeout(Exception):
    """The analysis of one document ran past its time limit."""


def _raise_in(thread_id: int, error: type[BaseException] | None) -> None:
    # (None clears an exception that was set and not yet raised)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(error) if error else None)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raises DocumentTimeout in the calling thread if the block runs longer than `seconds` (None or 0: no limit)."""
    if not seconds or seconds <= 0:
        yield
        return
    target = threading.get_ident()
    lock = threading.Lock()
    done = threading.Event()
    state = {"running": True, "fired": False}

    def watch() -> None:
        if done.wait(seconds):
            return
        with lock:
            if state["running"]:
                state["fired"] = True
                _raise_in(target, DocumentTimeout)

    watcher = threading.Thread(target=watch, daemon=True, name="sayso-time-limit")
    watcher.start()
    try:
        yield
    finally:
        with lock:
            state["running"] = False
            fired = state["fired"]
            if fired:
                _raise_in(target, None)  # not delivered yet: it must not surface after the block
        done.set()
    if fired:  # the block finished (or swallowed the exception) just as the limit passed: it still ran too long
        raise DocumentTimeout()


def timeout_message(seconds: float) -> str:
    """The one-line reason recorded for a document past its limit."""
    return f"analysis stopped after {seconds:g} s (the per-document time limit, --time-limit)"
