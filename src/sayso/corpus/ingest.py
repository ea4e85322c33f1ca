"""A corpus into the store: read -> skip what is stored -> analyse (inline, worker processes or Dask) -> write.

This process alone reads the inputs and writes the store. Each document is keyed by its text's hash; those
already stored (or already on their way in this run) are not analysed again. Workers analyse units of
`batch_size` documents, and each finished unit is committed in one transaction with the errors and copies met
since the last one, so a run killed at any moment keeps every unit committed before it, and running the same
command again analyses only what is missing: every document ends up stored exactly once.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sayso.corpus.engines import make_engine
from sayso.corpus.inputs import estimate_documents, expand, records
from sayso.corpus.jobs import IngestError, Job, Unit, UnitResult, peak_rss_mb
from sayso.deadline import DEFAULT_TIME_LIMIT_S
from sayso.errors import InputError
from sayso.modes import DEFAULT_MODE, MODES
from sayso.read import DEFAULT_MAX_BYTES
from sayso.store import ErrorRecord, Store, copy_row, document_hash
from sayso.store.rows import Row

DEFAULT_BATCH_SIZE = 8
ENGINES = ("local", "dask")
# Copies and read errors of documents that need no analysis are written in between units once this many wait.
_FLUSH_EVERY = 1000


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    engine: str = "local"
    scheduler: str | None = None
    published: str | None = None
    model: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    mode: str = DEFAULT_MODE
    time_limit: float | None = DEFAULT_TIME_LIMIT_S  # seconds per document's analysis; None or 0: no limit


@dataclass(frozen=True)
class Event:
    """Progress: `total` (estimated documents), `stored`, `skipped` (already stored), `error` (with the input's
    name and reason) and `commit` (a unit written: `count` documents, `stored` in the store so far this run)."""

    kind: Literal["total", "stored", "skipped", "error", "commit"]
    count: int = 0
    name: str = ""
    reason: str = ""
    stored: int = 0


@dataclass
class WorkerStats:
    worker: str
    documents: int = 0
    units: int = 0
    busy_seconds: float = 0.0
    peak_rss_mb: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "worker": self.worker,
            "documents": self.documents,
            "units": self.units,
            "busy_seconds": round(self.busy_seconds, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


@dataclass
class IngestReport:
    ingested: int = 0
    already_stored: int = 0
    errors: int = 0
    seconds: float = 0.0
    engine: str = "local"
    mode: str = DEFAULT_MODE
    workers: dict[str, WorkerStats] = field(default_factory=dict)
    parent_peak_rss_mb: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.ingested / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        """One line: `ingested 118 documents (2 already stored, 1 error) in 12.3 s · 9.6 docs/s`."""
        return (
            f"ingested {_plural(self.ingested, 'document')} ({self.already_stored:,} already stored, "
            f"{_plural(self.errors, 'error')}) in {self.seconds:.1f} s · {self.docs_per_s:.1f} docs/s"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "already_stored": self.already_stored,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "docs_per_s": round(self.docs_per_s, 3),
            "engine": self.engine,
            "mode": self.mode,
            "workers": [w.to_json() for w in self.workers.values()],
            "parent_peak_rss_mb": round(self.parent_peak_rss_mb, 1),
        }


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


Observer = Callable[[Event], None]


def ingest(
    paths: Sequence[str], store: Store, options: IngestOptions | None = None, on_event: Observer | None = None
) -> IngestReport:
    """Reads, analyses and stores every document under `paths` (files, folders, quoted globs, "-" for stdin)
    that the store does not hold yet; a bad input or a failed analysis is recorded in `errors` and the run goes
    on. Raises IngestError when it cannot go on (what was committed stays)."""
    options = options or IngestOptions()
    if options.batch_size < 1:
        raise IngestError(f"the batch size must be at least 1, not {options.batch_size}")
    if options.workers < 1:
        raise IngestError(f"the number of workers must be at least 1, not {options.workers}")
    if options.mode not in MODES:
        raise IngestError(f"unknown mode {options.mode!r}: choose one of {', '.join(MODES)}")
    _check_mode_matches(store, options.mode)
    run = _Run(store, options, on_event or (lambda event: None))
    return run.go(paths)


def _check_mode_matches(store: Store, mode: str) -> None:
    """One store, one mode: documents already stored are never analysed again, so adding documents in another mode
    would leave the store's analyses silently mixed."""
    other = sorted(store.modes() - {mode})
    if other:
        raise IngestError(
            f"{store.path} holds documents analysed in {' and '.join(other)} mode: ingest into it with --mode "
            f"{other[0]}, or in {mode} mode into a new file"
        )


class _Run:
    def __init__(self, store: Store, options: IngestOptions, on_event: Observer) -> None:
        self.store = store
        self.options = options
        self.emit = on_event
        self.report = IngestReport(engine=options.engine, mode=options.mode)
        self.errors: list[ErrorRecord] = []  # met since the last commit
        self.copies: list[Row] = []
        self.in_flight: set[str] = set()  # hashes sent for analysis and not yet committed

    def go(self, paths: Sequence[str]) -> IngestReport:
        started = time.perf_counter()
        expanded, bad = expand(paths)
        self.emit(Event("total", estimate_documents(expanded) or 0))
        for error in bad:
            self._read_error(error)
        units = self._units(expanded)
        first = next(units, None)
        if first is not None:  # the model is loaded only when something needs analysing
            o = self.options
            engine = make_engine(o.model, o.workers, o.engine, o.scheduler, o.mode, o.time_limit)
            try:
                for result in engine.map(itertools.chain([first], units)):
                    self._commit(result)
            finally:
                engine.close()
        self._flush()
        self.report.seconds = time.perf_counter() - started
        self.report.parent_peak_rss_mb = peak_rss_mb()
        return self.report

    def _units(self, paths: Sequence[str]) -> Iterator[Unit]:
        """Units of documents to analyse, in input order; stored ones and duplicates are counted and left out.
        Records are read and checked against the store a batch at a time."""
        size = self.options.batch_size
        unit: Unit = []
        chunk: list[Job] = []
        source = records(paths, max_bytes=self.options.max_bytes, published=self.options.published)
        for item in itertools.chain(source, [None]):
            if isinstance(item, InputError):
                self._read_error(item)
                continue
            if item is not None:
                chunk.append(Job(document_hash(item.text), item))
                if len(chunk) < size:
                    continue
            unit.extend(self._new(chunk))
            chunk = []
            while len(unit) >= size or (item is None and unit):
                yield unit[:size]
                unit = unit[size:]

    def _new(self, chunk: list[Job]) -> Iterator[Job]:
        stored = self.store.existing(j.hash for j in chunk) if chunk else set()
        for job in chunk:
            if job.hash in stored or job.hash in self.in_flight:
                self.copies.append(copy_row(job.hash, job.record.meta))
                self.report.already_stored += 1
                self.emit(Event("skipped", 1, job.record.meta.name))
                continue
            self.in_flight.add(job.hash)
            yield job
        if len(self.copies) + len(self.errors) >= _FLUSH_EVERY:
            self._flush()

    def _read_error(self, error: InputError) -> None:
        self.errors.append(ErrorRecord(error.name, error.problem, "read"))
        self.report.errors += 1
        self.emit(Event("error", 1, error.name, error.problem))

    def _commit(self, result: UnitResult) -> None:
        failures = [ErrorRecord(f.name, f.reason, "analyse", f.hash) for f in result.failures]
        new = self.store.add_rows(result.analysed, errors=[*self.errors, *failures], copies=self.copies)
        self.errors, self.copies = [], []
        self.in_flight.difference_update(d.hash for d in result.analysed)
        self.in_flight.difference_update(f.hash for f in result.failures)
        # a document stored meanwhile by another writer of the same text counts as already stored
        self.report.already_stored += len(result.analysed) - new
        self.report.ingested += new
        self.report.errors += len(failures)
        stats = self.report.workers.setdefault(result.worker, WorkerStats(result.worker))
        stats.documents += len(result.analysed) + len(result.failures)
        stats.units += 1
        stats.busy_seconds += result.seconds
        stats.peak_rss_mb = max(stats.peak_rss_mb, result.peak_rss_mb)
        for f in result.failures:
            self.emit(Event("error", 1, f.name, f.reason))
        self.emit(Event("stored", new))
        self.emit(Event("commit", len(result.analysed) + len(result.failures), stored=self.report.ingested))

    def _flush(self) -> None:
        if self.errors or self.copies:
            self.store.add_rows([], errors=self.errors, copies=self.copies)
            self.errors, self.copies = [], []
