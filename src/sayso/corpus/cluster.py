"""The Dask engine: parsing and extraction on a Dask cluster's workers, the store written here by the client.

Workers need sayso and the spaCy pipeline installed; a worker plugin loads the pipeline on each worker when it
joins, and `analyse_unit` keeps it per process. Start workers with one thread each (`--nthreads 1`) and as many
worker processes as cores: the parse holds the GIL.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from sayso.corpus.jobs import IngestError, Unit, UnitResult
from sayso.corpus.worker import analyse_unit, load_model
from sayso.modes import DEFAULT_MODE

CONNECT_TIMEOUT_S = 30


class LoadModel(WorkerPlugin):
    """Loads the spaCy pipeline (and in the accurate mode the cue model) on each worker as it starts (and on workers
    that join later)."""

    name = "sayso-load-model"
    idempotent = True

    def __init__(self, model: str | None, mode: str = DEFAULT_MODE) -> None:
        self.model = model
        self.mode = mode

    def setup(self, worker: Any) -> None:
        try:
            load_model(self.model, self.mode)
        except IngestError:
            pass  # raised again, with its message, by the first unit this worker runs


def _check_reachable(address: str) -> None:
    """Fails at once on a tcp:// address nothing listens at (the client would retry until its timeout)."""
    found = re.fullmatch(r"tcp://\[?([^\]]+?)\]?:(\d+)", address)
    if found:
        with socket.create_connection((found.group(1), int(found.group(2))), timeout=CONNECT_TIMEOUT_S):
            pass


class DaskEngine:
    """Runs units on the cluster at `scheduler` (tcp://host:port), or on a local cluster of `workers` processes
    when no scheduler is given."""

    name = "dask"

    def __init__(
        self,
        model: str | None,
        scheduler: str | None,
        workers: int,
        mode: str = DEFAULT_MODE,
        time_limit: float | None = None,
    ) -> None:
        self.model = model
        self.mode = mode
        self.time_limit = time_limit  # per document, enforced on the worker (sayso.deadline works in its threads)
        self.cluster: LocalCluster | None = None
        try:
            if scheduler:
                _check_reachable(scheduler)
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)  # type: ignore[no-untyped-call]
            else:
                self.cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
                )
                self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as e:
            self._close_cluster()
            raise IngestError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        try:
            self.client.register_plugin(LoadModel(model, mode))
        except Exception:
            self.close()
            raise

    @property
    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))  # type: ignore[no-untyped-call]

    def map(self, units: Iterable[Unit]) -> Iterator[UnitResult]:
        todo = iter(units)
        running = as_completed()  # type: ignore[no-untyped-call]

        def submit() -> bool:
            unit = next(todo, None)
            if unit is None:
                return False
            running.add(self.client.submit(analyse_unit, unit, self.model, self.mode, self.time_limit, pure=False))  # type: ignore[no-untyped-call]
            return True

        for _ in range(2 * self.threads):
            if not submit():
                break
        for future in running:
            try:
                result: UnitResult = future.result()
            except IngestError:
                raise
            except Exception as e:  # a worker lost mid-task (KilledWorker), a cancelled future, ...
                raise IngestError(f"the Dask cluster failed a unit: {type(e).__name__}: {e}") from None
            future.release()
            yield result
            submit()

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
