"""`sayso ingest --engine dask --scheduler ADDRESS` on a real Dask cluster: a LocalCluster of 2 worker processes
on 127.0.0.1 started here, the CLI run as a client in a subprocess. The store it writes equals, row for row, the
store of a local single-process run over the same inputs, and the work was done by the cluster's workers."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_ingest import Run, analysed, sayso, scalar, write_corpus

distributed = pytest.importorskip("distributed")

N_DOCS = 16


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A 2-worker cluster of processes with one thread each, the way the README says to start real ones."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("dask") / "news", N_DOCS)


@pytest.fixture(scope="module")
def dask_run(cluster: Any, inputs: Path) -> tuple[Run, Path]:
    db = inputs.parent / "dask.duckdb"
    address = cluster.scheduler_address
    assert address.startswith("tcp://127.0.0.1:")
    return sayso("ingest", str(inputs), "--db", str(db), "--scheduler", address, "--batch-size", "2", "--json"), db


@pytest.fixture(scope="module")
def local_run(inputs: Path) -> tuple[Run, Path]:
    db = inputs.parent / "local.duckdb"
    return sayso("ingest", str(inputs), "--db", str(db), "--workers", "1", "--json"), db


def test_dask_ingest_equals_local_ingest(dask_run: tuple[Run, Path], local_run: tuple[Run, Path]) -> None:
    (dask_result, dask_db), (local_result, local_db) = dask_run, local_run
    assert dask_result.code == 0, dask_result.err
    assert local_result.code == 0, local_result.err
    assert dask_result.summary.startswith(f"ingested {N_DOCS} documents (0 already stored, 0 errors)")
    on_dask, on_local = analysed(dask_db), analysed(local_db)
    assert len(on_local["documents"]) == N_DOCS
    assert len(on_local["attributions"]) > N_DOCS
    # documents and attributions first (the comparison), then every other table the analysis fills
    assert on_dask["documents"] == on_local["documents"]
    assert on_dask["attributions"] == on_local["attributions"]
    for table, rows in on_local.items():
        assert on_dask[table] == rows, table
    assert scalar(dask_db, "SELECT count(*) FROM errors") == 0


def test_dask_ingest_ran_on_the_cluster_workers(dask_run: tuple[Run, Path], cluster: Any) -> None:
    result, _ = dask_run
    report = json.loads(result.out)
    assert report["engine"] == "dask"
    with distributed.Client(cluster) as client:
        worker_pids = set(client.run(os.getpid).values())
    used = {int(w["worker"].rsplit(":", 1)[1]) for w in report["workers"]}
    assert used == worker_pids  # both workers analysed, and nothing ran in the client
    assert sum(w["documents"] for w in report["workers"]) == N_DOCS
    assert all(w["peak_rss_mb"] > 0 for w in report["workers"])


def test_dask_ingest_again_changes_nothing(dask_run: tuple[Run, Path], cluster: Any, inputs: Path) -> None:
    _, db = dask_run
    before = analysed(db)
    result = sayso("ingest", str(inputs), "--db", str(db), "--scheduler", cluster.scheduler_address)
    assert result.code == 0, result.err
    assert result.summary.startswith(f"ingested 0 documents ({N_DOCS} already stored, 0 errors)")
    assert analysed(db) == before


def test_dask_unreachable_scheduler_is_one_line(inputs: Path, tmp_path: Path) -> None:
    result = sayso("ingest", str(inputs), "--db", str(tmp_path / "x.duckdb"), "--scheduler", "tcp://127.0.0.1:9")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert lines[-1].startswith("sayso: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.err
