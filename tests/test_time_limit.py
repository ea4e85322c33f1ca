"""A per-document time limit in batch work: a document past it is reported (ingest: its `errors` table, one line)
and the run goes on. The slow document is a generated text of reports nested in reports (no public data)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from spacy.language import Language

from sayso.analysis import Analyzer
from sayso.cli.main import cli
from sayso.corpus import IngestOptions, ingest
from sayso.corpus.jobs import Job, UnitResult
from sayso.corpus.worker import analyse_unit
from sayso.deadline import DocumentTimeout, time_limit
from sayso.errors import AnalysisFailed
from sayso.model import Document, Metadata
from sayso.read import Record
from sayso.store import Store

SLOW = "He said that " * 1_500  # 4,500 words without a full stop: many seconds of analysis
QUICK = "The mayor said the bridge would reopen in May. “We are on schedule,” she told reporters.\n"


def _spin_until(seconds: float) -> int:
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        n += sum(range(100))
    return n


def test_a_block_past_its_limit_is_stopped() -> None:
    started = time.perf_counter()
    with pytest.raises(DocumentTimeout), time_limit(0.2):
        _spin_until(10)
    assert time.perf_counter() - started < 2


def test_a_block_within_its_limit_runs_and_leaves_nothing_behind() -> None:
    with time_limit(5):
        _spin_until(0.01)
    with time_limit(0), time_limit(None):  # no limit
        _spin_until(0.01)
    # blocks that end right at their limit: a timeout is raised inside the block or not at all, never after it
    for _ in range(100):
        try:
            with time_limit(0.001):
                _spin_until(0.001)
        except DocumentTimeout:
            pass
        _spin_until(0.002)


def test_the_limit_holds_in_a_worker_thread() -> None:
    stopped: list[bool] = []

    def work() -> None:
        try:
            with time_limit(0.2):
                _spin_until(10)
        except DocumentTimeout:
            stopped.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    assert stopped == [True]


def test_analyze_batch_reports_the_slow_document_and_goes_on(nlp: Language) -> None:
    records = [Record(SLOW, Metadata(name="slow.txt")), Record(QUICK, Metadata(name="quick.txt"))]
    started = time.perf_counter()
    results = list(Analyzer(nlp=nlp).analyze_batch(records, time_limit=1.0))
    assert time.perf_counter() - started < 30
    (slow, failed), (quick, document) = results
    assert slow.meta.name == "slow.txt" and isinstance(failed, AnalysisFailed)
    assert str(failed).startswith("slow.txt: analysis stopped after 1 s") and "\n" not in str(failed)
    assert quick.meta.name == "quick.txt" and isinstance(document, Document)
    assert [a.cue.text for a in document.attributions] == ["said", "told"]


def test_ingest_records_the_slow_document_in_errors(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "slow.txt").write_text(SLOW, encoding="utf-8")
    (tmp_path / "quick.txt").write_text(QUICK, encoding="utf-8")
    db = tmp_path / "corpus.duckdb"
    with Store(db) as store:
        report = ingest([str(tmp_path / "slow.txt"), str(tmp_path / "quick.txt")], store, IngestOptions(time_limit=1))
    assert (report.ingested, report.errors) == (1, 1)
    con = duckdb.connect(str(db), read_only=True)
    try:
        errors = con.execute("SELECT source, stage, reason FROM errors").fetchall()
        names = [r[0] for r in con.execute("SELECT name FROM documents").fetchall()]
    finally:
        con.close()
    assert names == ["quick.txt"]
    ((source, stage, reason),) = errors
    assert (source, stage) == ("slow.txt", "analyse")
    assert reason.startswith("analysis stopped after 1 s") and "--time-limit" in reason


@pytest.mark.parametrize("value", ["soon", "-1", "inf"])
def test_a_bad_time_limit_is_one_line(value: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(QUICK, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", "--time-limit", value, str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert result.output.strip() == f"sayso: --time-limit must be a number of seconds (0: no limit), not {value!r}"


def test_a_worker_unit_in_a_thread_reports_the_slow_document(nlp: Language) -> None:
    """What a Dask worker runs (its tasks run in threads, where no signal reaches): the limit still holds."""
    jobs = [Job("h-slow", Record(SLOW, Metadata(name="slow.txt"))), Job("h-quick", Record(QUICK, Metadata(name="q")))]
    results: list[UnitResult] = []
    thread = threading.Thread(target=lambda: results.append(analyse_unit(jobs, None, "fast", 1.0)))
    thread.start()
    thread.join(120)
    ((failure,),) = [r.failures for r in results]
    assert (failure.name, failure.hash) == ("slow.txt", "h-slow")
    assert failure.reason.startswith("analysis stopped after 1 s")
    assert [rows.name for rows in results[0].analysed] == ["q"]
