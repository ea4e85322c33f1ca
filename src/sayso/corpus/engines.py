"""Where units of documents are analysed: in this process, in local worker processes, or on a Dask cluster.

Each engine maps units to UnitResults as they finish (not in order), with a bounded number in flight so a large
corpus is read only as fast as it is analysed. The Dask engine lives in `cluster.py` (imported only when asked for:
it needs `distributed`); both modules take `Unit` from `jobs.py`, so neither imports the other at load time.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Protocol

from sayso.corpus.jobs import IngestError, Unit, UnitResult
from sayso.corpus.worker import analyse_unit, init_process_worker, load_model
from sayso.modes import DEFAULT_MODE


class Engine(Protocol):
    name: str

    def map(self, units: Iterable[Unit]) -> Iterator[UnitResult]: ...

    def close(self) -> None: ...


class _Closing:
    def close(self) -> None:
        pass

    def __enter__(self) -> _Closing:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


class InlineEngine(_Closing):
    """Analyses in this process, one unit after another (`--workers 1`)."""

    name = "local"

    def __init__(self, model: str | None, mode: str = DEFAULT_MODE, time_limit: float | None = None) -> None:
        self.model = model
        self.mode = mode
        self.time_limit = time_limit
        load_model(model, mode)

    def map(self, units: Iterable[Unit]) -> Iterator[UnitResult]:
        for unit in units:
            yield analyse_unit(unit, self.model, self.mode, self.time_limit)


class ProcessEngine(_Closing):
    """Analyses in `workers` spawned processes, each loading the pipeline once; this process reads and writes."""

    name = "local"

    def __init__(
        self, model: str | None, workers: int, mode: str = DEFAULT_MODE, time_limit: float | None = None
    ) -> None:
        self.model = model
        self.mode = mode
        self.time_limit = time_limit
        self.in_flight = 2 * workers  # one unit running and one queued per worker
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_process_worker,
            initargs=(model, mode),
        )
        self._clean = False

    def map(self, units: Iterable[Unit]) -> Iterator[UnitResult]:
        todo = iter(units)
        running: set[Future[UnitResult]] = set()

        def fill() -> None:
            while len(running) < self.in_flight:
                unit = next(todo, None)
                if unit is None:
                    return
                running.add(self.pool.submit(analyse_unit, unit, self.model, self.mode, self.time_limit))

        fill()
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                running.discard(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    raise IngestError(
                        "a worker process died (out of memory?); what was committed is kept: run again to resume"
                    ) from None
                yield result
            fill()
        self._clean = True

    def close(self) -> None:
        # After an interruption, queued units are dropped; the running ones end and their processes exit.
        self.pool.shutdown(wait=self._clean, cancel_futures=not self._clean)


def make_engine(
    model: str | None,
    workers: int,
    engine: str,
    scheduler: str | None,
    mode: str = DEFAULT_MODE,
    time_limit: float | None = None,
) -> Engine:
    """`time_limit`: seconds for each document's analysis after its parse (sayso.deadline); None: no limit."""
    if engine == "dask":
        from sayso.corpus.cluster import DaskEngine

        return DaskEngine(model, scheduler, workers, mode, time_limit)
    if engine != "local":
        raise IngestError(f"unknown engine {engine!r}: use local or dask")
    if workers == 1:
        return InlineEngine(model, mode, time_limit)
    return ProcessEngine(model, workers, mode, time_limit)
