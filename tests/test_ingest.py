"""`sayso ingest` and `sayso export` end to end: the real CLI in subprocesses, a real DuckDB file, real SIGKILLs.

The corpus is 40 short news-like articles written here (`write_corpus`): 33 .txt files, a .jsonl feed of 6
records with their own metadata and one .html page. Module fixtures run the CLI a few times and each test checks
one outcome of those runs:

- a clean ingest of the folder (`--workers 1`): every document stored once, with its attributions and claims;
- the same ingest again: nothing in any table changes, and the model is not even loaded;
- a folder of good and bad inputs (binary, empty, not UTF-8, a malformed JSON line, a line without text, a text
  whose analysis runs past `--time-limit`): one `errors` row for each, the good ones stored, exit 0;
- kill and resume: `--workers 2 --batch-size 2` killed with SIGKILL right after its first commit, then run
  again: every document exactly once, and every table equal to the clean run's.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from sayso.read import Record, read_inputs
from sayso.store import TABLES

_SCRIPT = Path(sys.executable).with_name("sayso")
SAYSO = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "sayso"]
TIMEOUT = 300
N_DOCS = 40
PUBLISHED = "2021-03-04"

# -------------------------------------------------------------------------------------------- the corpus

_PLACES = ["Riverton", "Lakeside", "Port Ellis", "Northfield", "Graymoor", "Eastbrook", "Kingsford", "Marlow"]
_PEOPLE = [
    ("Mayor Ana Ruiz", "Ruiz"),
    ("Governor Tom Hale", "Hale"),
    ("Senator Priya Nair", "Nair"),
    ("Police Chief Dan Ortiz", "Ortiz"),
    ("Minister Elena Petrova", "Petrova"),
]
_STORIES = [
    "{person} said on {day} that the {place} water plant would close for repairs. "
    "The plant serves about {n},000 homes. "
    "Engineers found cracks in two pipes last month, according to a city report. "
    "“We will not take risks with public health,” {short} told reporters. "
    "Residents have been advised to boil tap water, officials said.",
    "Police in {place} arrested {n} people after a protest turned violent, {outlet} reported. "
    "{person} denied that officers used excessive force. "
    "“The claims are baseless,” {short} said in a statement. "
    "Witnesses told local media that tear gas was fired into the crowd. "
    "The city council will meet on {day} to discuss the events.",
    "The {place} school board voted to cut the budget by {n} percent. "
    "Teachers fear the cuts will mean larger classes, a union spokesman said. "
    "{person} argued that the district had no other choice. "
    "Critics say the board may have overstated the deficit. "
    "A final vote is scheduled for {day}.",
    "A fire destroyed a warehouse in {place} overnight, the fire department said. "
    "No one was injured. "
    "Investigators believe faulty wiring caused the blaze, according to {outlet}. "
    "{person} said the city would help the {n} workers who lost their jobs. "
    "The owner could not be reached for comment on {day}.",
    "Unemployment in {place} fell to {n} percent in the spring, the statistics office reported. "
    "The drop was the largest in a decade. "
    "{person} claimed credit for the recovery. "
    "Economists warned that the gains might not last, {outlet} reported. "
    "The next figures will be published on {day}.",
    "{outlet} reported that the {place} hospital had run short of beds. "
    "Hospital officials said {n} patients were waiting for admission on {day}. "
    "{person} rejected the report as exaggerated. "
    "“Our hospitals are coping,” {short} said. "
    "Nurses said that staff had worked double shifts for weeks.",
    "The {place} bridge will reopen after {n} months of repairs, {person} announced on {day}. "
    "Traffic on the old route doubled during the closure. "
    "Local businesses said that sales had fallen sharply. "
    "According to the transport agency, the repairs cost twice the original estimate. "
    "{short} said the overrun would be investigated.",
    "Flooding forced {n} families from their homes in {place}, the Red Cross said. "
    "Heavy rain fell for three days. "
    "{person} said the levees held but that pumps had failed. "
    "An engineer told {outlet} that the pumps were decades old. "
    "Officials expect the water to recede by {day}.",
]
_OUTLETS = ["the Daily Courier", "the Evening Star", "Metro News", "the Ledger", "Channel 9"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> str:
    person, short = _PEOPLE[i % len(_PEOPLE)]
    return _STORIES[i % len(_STORIES)].format(
        person=person,
        short=short,
        place=_PLACES[(i // len(_STORIES)) % len(_PLACES)],
        n=3 + i,
        outlet=_OUTLETS[(i * 3) % len(_OUTLETS)],
        day=_DAYS[(i * 7) % len(_DAYS)],
    )


def write_corpus(folder: Path, n: int = N_DOCS) -> Path:
    """`n` articles in `folder`: a .txt file each, except 6 records in feed.jsonl and one page.html."""
    folder.mkdir(parents=True, exist_ok=True)
    feed = []
    for i in range(n):
        text = article(i)
        if i % 7 == 3 and len(feed) < 6:
            feed.append(
                {
                    "id": f"r{i}",
                    "text": text,
                    "outlet": _OUTLETS[i % 5].removeprefix("the "),
                    "published": "2021-02-0" + str(1 + len(feed)),
                }
            )
        elif i == n - 1:
            paragraphs = "".join(f"<p>{s}.</p>" for s in text.rstrip(".").split(". "))
            (folder / "page.html").write_text(
                f"<!DOCTYPE html><html><head><title>Story {i}</title></head>"
                f"<body><article><h1>Story {i}</h1>{paragraphs}</article></body></html>",
                encoding="utf-8",
            )
        else:
            (folder / f"story{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as f:
        for record in feed:
            f.write(json.dumps(record) + "\n")
    return folder


def expected_hashes(*paths: Path) -> set[str]:
    """The sha256 of every text the reader makes of `paths` (no model needed)."""
    out = set()
    for item in read_inputs([str(p) for p in paths]):
        assert isinstance(item, Record), item
        out.add(hashlib.sha256(item.text.encode("utf-8")).hexdigest())
    return out


# -------------------------------------------------------------------------------------------- running the CLI


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def summary(self) -> str:
        lines = [line for line in self.err.splitlines() if line.startswith("ingested ")]
        assert len(lines) == 1, self.err
        return lines[0]


def sayso(*args: str, cwd: Path | None = None) -> Run:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [*SAYSO, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=TIMEOUT, cwd=cwd
    )
    return Run(done.returncode, done.stdout, done.stderr)


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted (opened read-only: nothing else may hold the file)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t.name: sorted(con.execute(f"SELECT * FROM {t.name}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def analysed(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The tables a document's analysis fills, sorted, without the time each document was stored."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in TABLES:
            if t.name in ("errors", "store_info"):
                continue
            columns = "* EXCLUDE (ingested_at)" if t.name == "documents" else "*"
            out[t.name] = sorted(con.execute(f"SELECT {columns} FROM {t.name}").fetchall(), key=repr)
        return out
    finally:
        con.close()


def scalar(db: Path, sql: str) -> Any:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(sql).fetchone()
        return row[0] if row else None
    finally:
        con.close()


# -------------------------------------------------------------------------------------------- the runs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news")


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    db = tmp_path_factory.mktemp("clean") / "corpus.duckdb"
    return sayso("ingest", str(corpus), "--db", str(db), "--published", PUBLISHED, "--json"), db


@pytest.fixture(scope="module")
def again(clean: tuple[Run, Path], corpus: Path) -> tuple[Run, dict[str, Any], dict[str, Any]]:
    """The clean run's store before and after ingesting the same folder again."""
    _, db = clean
    before = snapshot(db)
    result = sayso("ingest", str(corpus), "--db", str(db), "--published", PUBLISHED, "--json")
    return result, before, snapshot(db)


BAD_FEED = (
    '{"id": "ok1", "text": "The mayor said the bridge would reopen on Friday."}\n'
    '{"id": "broken", "text": unquoted}\n'
    '{"id": "notext", "title": "A record without text"}\n'
    '{"id": "ok2", "text": "Officials said the vote was postponed until June."}\n'
)


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path, Path]:
    folder = tmp_path_factory.mktemp("bad") / "inputs"
    write_corpus(folder, 5)
    (folder / "feed.jsonl").write_text(BAD_FEED, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("The café owner said business was slow.\n".encode("latin-1"))
    # reports nested in reports, 7,500 words without a full stop: its analysis takes far longer than the limit below
    # (texts longer than spaCy's max_length are parsed in pieces: tests/test_long_text.py)
    (folder / "huge.txt").write_text("He said that " * 2_500, encoding="utf-8")
    db = folder.parent / "bad.duckdb"
    return sayso("ingest", str(folder), "--db", str(db), "--batch-size", "8", "--time-limit", "3"), db, folder


# -------------------------------------------------------------------------------------------- a clean ingest


def test_ingest_stores_every_document_once(clean: tuple[Run, Path], corpus: Path) -> None:
    result, db = clean
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert (report["ingested"], report["already_stored"], report["errors"]) == (N_DOCS, 0, 0)
    assert result.summary.startswith(f"ingested {N_DOCS} documents (0 already stored, 0 errors) in ")
    assert result.summary.endswith(" docs/s")
    con = duckdb.connect(str(db), read_only=True)
    try:
        hashes = [r[0] for r in con.execute("SELECT hash FROM documents").fetchall()]
        assert sorted(hashes) == sorted(expected_hashes(corpus))
        assert len(hashes) == N_DOCS
        assert con.execute("SELECT count(*) FROM copies").fetchone() == (N_DOCS,)
        # every document's attribution count is its rows in attributions; all but a few have some
        per_doc = con.execute(
            "SELECT d.n_attributions, count(a.id) FROM documents d LEFT JOIN attributions a ON a.doc_hash = d.hash "
            "GROUP BY d.hash, d.n_attributions"
        ).fetchall()
        assert all(n == m for n, m in per_doc)
        assert sum(1 for n, _ in per_doc if n > 0) >= N_DOCS - 2
        # each attribution's content that is a claim (a proposition: sayso.claims.definition) is one, its text
        # the content's; most contents are
        (joined,) = con.execute(
            "SELECT count(*) FROM attributions a JOIN claims c ON c.doc_hash = a.doc_hash "
            "AND c.attribution_id = a.id AND c.text = a.content_text"
        ).fetchone()  # type: ignore[misc]
        (attributed,) = con.execute("SELECT count(*) FROM claims WHERE kind = 'attributed'").fetchone()  # type: ignore[misc]
        (attributions,) = con.execute("SELECT count(*) FROM attributions").fetchone()  # type: ignore[misc]
        assert joined == attributed and attributed >= 0.5 * attributions
        assert con.execute(
            "SELECT count(*) FROM claims c JOIN documents d ON d.hash = c.doc_hash "
            "WHERE c.kind = 'assertion' AND substr(d.text, c.start_char + 1, c.end_char - c.start_char) != c.text"
        ).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM claims WHERE kind = 'assertion'").fetchone()[0] > 0  # type: ignore[index]
        assert con.execute("SELECT count(*) FROM claims WHERE cluster_id IS NOT NULL").fetchone() == (0,)
        # --published fills the date of documents without one; the feed's records keep their own
        dates = dict(con.execute("SELECT name, published FROM documents").fetchall())
        assert dates["story00.txt"] == PUBLISHED
        assert dates["feed.jsonl#r3"] == "2021-02-01"
        assert con.execute("SELECT count(*) FROM documents WHERE outlet IS NOT NULL").fetchone() == (6,)
        assert con.execute("SELECT count(*) FROM denials").fetchone()[0] > 0  # type: ignore[index]
        assert con.execute("SELECT count(*) FROM errors").fetchone() == (0,)
    finally:
        con.close()


def test_ingest_twice_changes_nothing(again: tuple[Run, dict[str, Any], dict[str, Any]]) -> None:
    result, before, after = again
    assert result.code == 0, result.err
    assert result.summary.startswith(f"ingested 0 documents ({N_DOCS} already stored, 0 errors) in ")
    report = json.loads(result.out)
    assert report["workers"] == []  # nothing to analyse: no model loaded, no worker started
    assert {t: len(rows) for t, rows in after.items()} == {t: len(rows) for t, rows in before.items()}
    assert after == before  # every row of every table, times included


def test_ingest_quoted_glob_reads_the_matching_files(clean: tuple[Run, Path], corpus: Path) -> None:
    _, db = clean
    before = snapshot(db)
    matching = len(list(corpus.glob("story1*.txt")))
    assert matching >= 5
    result = sayso("ingest", str(corpus / "story1*.txt"), "--db", str(db), "--published", PUBLISHED)
    assert result.code == 0, result.err
    assert result.summary.startswith(f"ingested 0 documents ({matching} already stored, 0 errors)")
    assert snapshot(db) == before


# -------------------------------------------------------------------------------------------- bad documents


def test_ingest_records_bad_documents_and_goes_on(bad_run: tuple[Run, Path, Path]) -> None:
    result, db, folder = bad_run
    assert result.code == 0, result.err
    con = duckdb.connect(str(db), read_only=True)
    try:
        errors = con.execute("SELECT source, stage, reason FROM errors").fetchall()
        names = {r[0] for r in con.execute("SELECT name FROM documents").fetchall()}
    finally:
        con.close()

    def reasons(source: str, stage: str = "read") -> list[str]:
        return [r for s, st, r in errors if s == source and st == stage]

    path = str(folder)
    assert len(errors) == 6
    assert "binary file" in reasons(f"{path}/binary.txt")[0]
    assert "empty" in reasons(f"{path}/empty.txt")[0]
    assert "not UTF-8" in reasons(f"{path}/latin1.txt")[0]
    feed = sorted(reasons(f"{path}/feed.jsonl"))
    assert len(feed) == 2 and "line 2" in feed[0] and "not valid JSON" in feed[0] and "line 3" in feed[1]
    (huge,) = reasons("huge.txt", "analyse")
    assert huge.startswith("analysis stopped after 3 s") and "--time-limit" in huge
    # every good input is stored, the huge text's batch-mates too
    assert names == {"feed.jsonl#ok1", "feed.jsonl#ok2", "story00.txt", "story01.txt", "story02.txt", "page.html"}
    assert result.summary.startswith("ingested 6 documents (0 already stored, 6 errors) in ")
    for name in ("binary.txt", "empty.txt", "latin1.txt", "huge.txt"):
        assert sum(1 for line in result.err.splitlines() if line.startswith("sayso: ") and name in line) == 1


def test_ingest_bad_documents_again_adds_no_rows(bad_run: tuple[Run, Path, Path]) -> None:
    _, db, folder = bad_run
    before = snapshot(db)
    # (a document past its time limit is tried again, under the same limit: with no limit it would be stored)
    result = sayso("ingest", str(folder), "--db", str(db), "--batch-size", "8", "--quiet", "--time-limit", "3")
    assert result.code == 0, result.err
    assert result.err == ""  # --quiet
    after = snapshot(db)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    assert after["documents"] == before["documents"] and after["errors"] == before["errors"]


def test_ingest_nothing_readable_fails(tmp_path: Path) -> None:
    result = sayso("ingest", str(tmp_path / "nothing-*.txt"), "--db", str(tmp_path / "x.duckdb"))
    assert result.code == 1
    assert "no files match this pattern" in result.err
    assert result.err.strip().splitlines()[-1] == "sayso: nothing could be read"
    assert "Traceback" not in result.err


# -------------------------------------------------------------------------------------------- kill and resume


def _session_pids(session: int) -> list[int]:
    """Live processes of a session (the killed command's workers, if they outlived it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            pids.append(int(entry.name))
    return pids


def _lines(stream: Any) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:
            lines.put(line)
        lines.put("")

    threading.Thread(target=pump, daemon=True).start()
    return lines


@pytest.fixture(scope="module")
def killed(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int, list[int]]]:
    """`sayso ingest` SIGKILLed right after its first commit: (db, documents it had stored, processes of its
    session still alive 10 s later)."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("needs /proc to watch the worker processes")
    db = tmp_path_factory.mktemp("kill") / "corpus.duckdb"
    args = ["ingest", str(corpus), "--db", str(db), "--published", PUBLISHED, "--workers", "2", "--batch-size", "2"]
    proc = subprocess.Popen(
        [*SAYSO, *args, "--verbose"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        lines = _lines(proc.stderr)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            line = lines.get(timeout=TIMEOUT)
            assert line, "the ingest ended before committing anything"
            if line.startswith("sayso: committed"):
                os.kill(proc.pid, signal.SIGKILL)
                break
        assert proc.wait(timeout=60) == -signal.SIGKILL
        waited = time.monotonic() + 10
        left = _session_pids(proc.pid)
        while left and time.monotonic() < waited:
            time.sleep(0.2)
            left = _session_pids(proc.pid)
        stored = scalar(db, "SELECT count(*) FROM documents")
        yield db, stored, left
    finally:
        for pid in _session_pids(proc.pid):  # clean up whatever outlived the kill
            os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
        if proc.stderr:
            proc.stderr.close()


def test_ingest_kill_leaves_committed_batches_and_no_workers(killed: tuple[Path, int, list[int]]) -> None:
    _, stored, left = killed
    assert 2 <= stored < N_DOCS  # the first batch of 2 is in; the run was cut short
    assert left == []  # the workers noticed their parent was gone and exited


def test_ingest_resume_after_kill_stores_every_document_once(
    killed: tuple[Path, int, list[int]], clean: tuple[Run, Path], corpus: Path
) -> None:
    db, stored, _ = killed
    again = sayso("ingest", str(corpus), "--db", str(db), "--published", PUBLISHED, "--workers", "2")
    assert again.code == 0, again.err
    assert again.summary.startswith(f"ingested {N_DOCS - stored} documents ({stored} already stored, 0 errors)")
    assert scalar(db, "SELECT count(*) FROM documents") == N_DOCS
    assert scalar(db, "SELECT count(DISTINCT hash) FROM documents") == N_DOCS
    assert scalar(db, "SELECT count(*) - count(DISTINCT (doc_hash, id)) FROM attributions") == 0
    assert scalar(db, "SELECT count(*) - count(DISTINCT claim_id) FROM claims") == 0
    # and everything the analysis stored equals the clean single-process run's, table by table
    resumed, reference = analysed(db), analysed(clean[1])
    for table, rows in reference.items():
        assert resumed[table] == rows, table


# -------------------------------------------------------------------------------------------- export


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_cli_writes_every_table(fmt: str, clean: tuple[Run, Path], tmp_path: Path) -> None:
    _, db = clean
    result = sayso("export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    counts = {t: len(rows) for t, rows in snapshot(db).items()}
    files = {p.stem: p for p in (tmp_path / "out").iterdir()}
    assert set(files) == set(counts)
    for table, n in counts.items():
        path = files[table]
        if fmt == "parquet":
            with duckdb.connect() as con:
                got = con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchall()[0][0]
        elif fmt == "csv":
            with path.open(encoding="utf-8", newline="") as f:
                got = sum(1 for _ in csv.reader(f)) - 1
        else:
            got = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        assert got == n, table
    assert f"wrote {len(counts)} tables" in result.err


def test_export_missing_store_is_one_line(tmp_path: Path) -> None:
    result = sayso("export", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err.strip() == f"sayso: {tmp_path / 'none.duckdb'}: no such store"
