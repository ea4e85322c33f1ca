"""Corpus ingest: many documents analysed in parallel (local worker processes or a Dask cluster) into the store,
idempotent and resumable."""

from sayso.corpus.ingest import DEFAULT_BATCH_SIZE, ENGINES, Event, IngestOptions, IngestReport, WorkerStats, ingest
from sayso.corpus.jobs import IngestError
from sayso.modes import DEFAULT_MODE, MODES

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_MODE",
    "ENGINES",
    "MODES",
    "Event",
    "IngestError",
    "IngestOptions",
    "IngestReport",
    "WorkerStats",
    "ingest",
]
