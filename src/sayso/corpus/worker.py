"""The worker's side of an ingest: parse and analyse a unit of documents, return their rows.

The same function runs inline, in a local worker process and on a Dask worker. The spaCy pipeline (and, in the
accurate mode, the cue model) is loaded once per process (the first unit, or the process initialiser / the Dask
worker plugin beforehand) and kept.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sayso import deadline
from sayso.corpus.jobs import Failure, IngestError, Job, UnitResult, peak_rss_mb, worker_id
from sayso.errors import SaysoError
from sayso.modes import DEFAULT_MODE
from sayso.store import DocumentRows, document_rows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# One unit at a time per process: a Dask worker started with several threads shares one pipeline between them.
_LOCK = threading.Lock()
_PARENT_POLL_S = 0.5


def load_model(model: str | None, mode: str = DEFAULT_MODE) -> Language:
    """The pipeline (and in the accurate mode the cue model), loaded once per process; an IngestError (picklable,
    one line) when it cannot be."""
    from sayso.modes import check_mode
    from sayso.nlp import load_nlp

    try:
        check_mode(mode)
    except ValueError as e:
        raise IngestError(str(e)) from None
    try:
        nlp = load_nlp(model) if model else load_nlp()
    except SaysoError as e:
        raise IngestError(f"{worker_id()}: {e}") from None
    if mode == "accurate":
        from sayso.learn import load_cue_model

        try:
            load_cue_model()
        except (OSError, ValueError, KeyError) as e:
            raise IngestError(f"{worker_id()}: cannot load the accurate mode's cue model ({e})") from None
    return nlp


def analyse_unit(
    jobs: Sequence[Job], model: str | None = None, mode: str = DEFAULT_MODE, time_limit: float | None = None
) -> UnitResult:
    """Every job's rows, or a Failure for a document whose analysis raised or ran past `time_limit` seconds after
    its parse (sayso.deadline); the others go on."""
    started = time.perf_counter()
    nlp = load_model(model, mode)
    with _LOCK:
        analysed, failures = _analyse(nlp, jobs, mode, time_limit)
    return UnitResult(tuple(analysed), tuple(failures), worker_id(), peak_rss_mb(), time.perf_counter() - started)


def _analyse(
    nlp: Language, jobs: Sequence[Job], mode: str, time_limit: float | None = None
) -> tuple[list[DocumentRows], list[Failure]]:
    from sayso.analysis import BATCH_SIZE
    from sayso.nlp.text import parse, parse_pairs

    analysed: list[DocumentRows] = []
    failures: list[Failure] = []
    done = 0
    try:
        pairs = ((job.record.text, job) for job in jobs)
        for doc, job in parse_pairs(nlp, pairs, max(1, min(len(jobs), BATCH_SIZE))):
            done += 1
            _finish(doc, job, analysed, failures, mode, time_limit)
    except Exception:  # the parse failed on some text of the batch: parse the rest one by one to single it out
        for job in jobs[done:]:
            try:
                doc = parse(nlp, job.record.text)
            except Exception as e:
                failures.append(Failure(job.record.meta.name, job.hash, _reason("parse", e)))
                continue
            _finish(doc, job, analysed, failures, mode, time_limit)
    return analysed, failures


def _finish(
    doc: Doc, job: Job, analysed: list[DocumentRows], failures: list[Failure], mode: str, time_limit: float | None
) -> None:
    from sayso.analysis import analyze_doc

    try:
        with deadline.time_limit(time_limit):
            document = analyze_doc(doc, job.record.meta, mode)
            sentences = [(s.start_char, s.end_char) for s in doc.sents]
            rows = document_rows(document, job.hash, sentences=sentences, mode=mode)
        analysed.append(rows)
    except deadline.DocumentTimeout:  # a document past its time: recorded, and the run goes on
        failures.append(Failure(job.record.meta.name, job.hash, deadline.timeout_message(time_limit or 0)))
    except Exception as e:  # one document's bug must not stop a corpus: it is recorded and the run goes on
        failures.append(Failure(job.record.meta.name, job.hash, _reason("analysis", e)))


def _reason(stage: str, error: Exception) -> str:
    return f"{stage} failed: {type(error).__name__}: {error}"


# ---------------------------------------------------------------------------------------- local worker processes


def init_process_worker(model: str | None, mode: str = DEFAULT_MODE) -> None:
    """Initialiser of a local worker process: leave Ctrl-C to the parent, exit when the parent is gone (a killed
    parent cannot shut its pool down), and load the pipeline now so the first unit does not wait for it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="sayso-parent-watch").start()
    try:
        load_model(model, mode)
    except IngestError:
        pass  # raised again, with its message, by the first unit


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_S)
    os._exit(1)
