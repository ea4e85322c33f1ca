"""What travels between the ingest's reader-writer and its workers (local processes or Dask): plain, picklable."""

from __future__ import annotations

import os
import resource
import socket
import sys
from dataclasses import dataclass

from sayso.errors import SaysoError
from sayso.read import Record
from sayso.store import DocumentRows


class IngestError(SaysoError):
    """The ingest cannot go on: the model does not load on a worker, a worker died, the cluster is unreachable.
    What was committed stays; running the same command again resumes."""


@dataclass(frozen=True)
class Job:
    """One document to analyse: its text's hash and the record read."""

    hash: str
    record: Record


Unit = list[Job]  # the documents one worker call analyses together


@dataclass(frozen=True)
class Failure:
    """A document whose analysis raised."""

    name: str
    hash: str
    reason: str


@dataclass(frozen=True)
class UnitResult:
    """A worker's answer for one unit of jobs: the rows of each document analysed, the failures, and who did it
    (`worker`: host:pid) with its peak resident memory so far."""

    analysed: tuple[DocumentRows, ...]
    failures: tuple[Failure, ...]
    worker: str
    peak_rss_mb: float
    seconds: float


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1_048_576 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, kilobytes on Linux
