"""sayso.store: the schema, add/has, idempotency, errors, copies, claims and the export round trip, on real DuckDB
files, with Documents built by hand (no model: the store never needs one)."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

from sayso.model import Attribution, DateMention, Denial, Document, Hypothesis, Metadata, OriginalSource, Span
from sayso.store import (
    EXPORT_FORMATS,
    STORE_VERSION,
    TABLES,
    Store,
    StoreError,
    assertion_sentences,
    document_hash,
    document_rows,
    normalise_claim,
)
from sayso.store.claims import is_assertion, split_sentences

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Officials said the plant will close, and the mayor denied it.\n"
    "“It is over,” the minister said, “for good.”\n"
    "The plant employs 400 people in the town of Riverton.\n"
    "The closure may cost the region dearly.\n"
    "Residents met on Friday."
)


def _span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(piece, start, start + len(piece))


def make_document(text: str = TEXT, name: str = "plant.txt", **meta: Any) -> Document:
    quote_parts = [(text.index("“It is over") + 1, text.index(",” the")), (text.index("for good"), text.index(".”"))]
    return Document(
        text=text,
        meta=Metadata(name=name, published=meta.get("published", "2021-03-05"), outlet=meta.get("outlet", "Ledger")),
        attributions=(
            Attribution(
                "a1",
                cue=_span(text, "said"),
                content=_span(text, "the plant will close"),
                source=_span(text, "Officials"),
                source_kind="anonymous_officials",
                source_refers_to="Officials",
            ),
            Attribution(
                "a2",
                cue=_span(text, "denied"),
                content=_span(text, "it"),
                source=_span(text, "the mayor"),
                source_kind="person",
                act="denial",
                source_refers_to="mayor",
            ),
            Attribution(
                "a3",
                cue=_span(text, "said", 1),
                content=Span.joined(text, quote_parts),
                source=_span(text, "the minister"),
                source_kind="person",
                quote="direct",
                source_refers_to="minister",
            ),
        ),
        denials=(Denial("a2", ("a1",)),),
        entities={"Officials": ("Officials",), "mayor": ("the mayor",), "minister": ("the minister",)},
        original_sources=(OriginalSource("Officials", ("a1",), "one source"),),
        hypotheses=(Hypothesis("a1", "the plant will close"),),
        dates=(DateMention("Friday", text.index("Friday"), text.index("Friday") + 6, "2021-03-05"),),
        warnings=("a warning",),
    )


def rows_of(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {t.name: sorted(store.query(f"SELECT * FROM {t.name}"), key=repr) for t in TABLES}


# ---------------------------------------------------------------------------------------------------- schema


def test_store_creates_every_table_and_column(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        for table in TABLES:
            got = store.query(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position",
                [table.name],
            )
            assert [c for c, _ in got] == list(table.column_names), table.name
        assert dict(store.query("SELECT key, value FROM store_info"))["store_version"] == STORE_VERSION
        assert store.table_names() == [t.name for t in TABLES]


def test_store_doc_names_every_table_and_column() -> None:
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"### `{table.name}`" in doc, table.name
        section = doc.split(f"### `{table.name}`", 1)[1].split("\n### ", 1)[0]
        for column in table.columns:
            assert f"| `{column.name}` | {column.type} |" in section, f"{table.name}.{column.name}"


def test_store_never_imports_spacy() -> None:
    code = (
        "import sys, sayso.store, sayso.corpus, sayso.corpus.engines, sayso.cli.ingest; "
        "bad = [m for m in ('spacy', 'thinc', 'sayso.analysis', 'sayso.nlp') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# ---------------------------------------------------------------------------------------------------- add / has


def test_store_add_has_and_every_row(tmp_path: Path) -> None:
    doc = make_document()
    h = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert document_hash(TEXT) == h
    with Store(tmp_path / "s.duckdb") as store:
        assert not store.has(h)
        assert store.add(doc)
        assert store.has(h) and store.existing([h, "0" * 64]) == {h}
        counts = store.counts()
        assert {t: counts[t] for t in ("documents", "copies", "attributions", "denials", "dates")} == {
            "documents": 1,
            "copies": 1,
            "attributions": 3,
            "denials": 1,
            "dates": 1,
        }
        assert (counts["entities"], counts["mentions"], counts["original_sources"], counts["hypotheses"]) == (
            3,
            3,
            1,
            1,
        )
        (d,) = store.query(
            "SELECT hash, name, outlet, published, published_date::VARCHAR, n_words, warnings FROM documents"
        )
        assert d == (h, "plant.txt", "Ledger", "2021-03-05", "2021-03-05", len(TEXT.split()), '["a warning"]')
        a3 = store.query(
            "SELECT content_text, content_start, content_end, content_parts, quote FROM attributions WHERE id = 'a3'"
        )
        parts = doc.attributions[2].content.parts
        assert a3 == [("It is over for good", parts[0][0], parts[1][1], json.dumps([list(p) for p in parts]), "direct")]
        assert store.query("SELECT by_id, target_id FROM denials") == [("a2", "a1")]
        assert store.query("SELECT name, is_source FROM entities ORDER BY n") == [
            ("Officials", True),
            ("mayor", True),
            ("minister", True),
        ]
        # claims: the three contents, and the one sentence stated as fact without attribution, hedge or quote
        claims = store.query("SELECT claim_id, kind, text, norm_text, source_kind, act FROM claims ORDER BY start_char")
        assert [c[1] for c in claims] == ["attributed", "attributed", "attributed", "assertion"]
        assert claims[3][0] == f"{h}:s2"
        assert claims[3][2:] == (
            "The plant employs 400 people in the town of Riverton.",
            "the plant employs 400 people in the town of riverton",
            "outlet",
            "assertion",
        )
        assert claims[0][0] == f"{h}:a1"


def test_store_adding_again_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.add(make_document())
        before = rows_of(store)
        assert not store.add(make_document())
        assert store.add_rows([document_rows(make_document())]) == 0
        assert rows_of(store) == before
    with Store(path) as store:  # and after reopening the file
        assert not store.add(make_document())
        assert rows_of(store) == before


def test_store_same_text_elsewhere_is_one_document_and_two_copies(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        first = document_rows(make_document(name="a.txt", outlet="Ledger"))
        second = document_rows(make_document(name="b.txt", outlet="Star"))
        assert store.add_rows([first, second]) == 1
        assert store.query("SELECT name FROM documents") == [("a.txt",)]
        assert sorted(store.query("SELECT name, outlet FROM copies")) == [("a.txt", "Ledger"), ("b.txt", "Star")]
        assert store.counts()["attributions"] == 3


def test_store_batch_is_one_transaction(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        good = document_rows(make_document())
        bad = document_rows(make_document(text=TEXT + " More."))
        bad.tables["attributions"].append(("x",))  # a row of the wrong width: the insert fails
        with pytest.raises(ValueError):
            store.add_rows([good, bad])
        assert store.counts()["documents"] == 0 and store.counts()["attributions"] == 0


def test_store_errors_are_kept_once_per_source_and_reason(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_error("a.txt", "empty file")
        store.add_error("a.txt", "empty file")
        store.add_error("a.txt", "binary file,\nnot text")
        store.add_error("b.txt", "analysis failed: boom", stage="analyse", doc_hash=document_hash(TEXT))
        assert sorted(store.query("SELECT source, reason, stage FROM errors")) == [
            ("a.txt", "binary file, not text", "read"),
            ("a.txt", "empty file", "read"),
            ("b.txt", "analysis failed: boom", "analyse"),
        ]
        store.add(make_document())  # the document that failed now went through: its analysis error goes
        assert store.query("SELECT source FROM errors WHERE stage = 'analyse'") == []


def test_store_refuses_what_is_not_a_sayso_store(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(StoreError, match="not a sayso store"):
        Store(other)
    text = tmp_path / "notes.duckdb"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError):
        Store(text)
    old = tmp_path / "old.duckdb"
    Store(old).close()
    with duckdb.connect(str(old)) as con:
        con.execute("UPDATE store_info SET value = '0' WHERE key = 'store_version'")
    with pytest.raises(StoreError, match="store version 0"):
        Store(old)
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_in_use_by_another_process_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    code = f"import duckdb, sys; c = duckdb.connect({str(path)!r}); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="cannot open the store"):
            Store(path)
    finally:
        holder.communicate("", timeout=30)


# ---------------------------------------------------------------------------------------------------- export


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    store = Store(tmp_path / "s.duckdb")
    store.add(make_document())
    store.add(make_document(text=TEXT.replace("400", "500"), name="b.txt", outlet='Star, "the" Evening'))
    store.add_error("c.txt", "empty file")
    return store


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_store_export_round_trip(filled: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out-{fmt}"
    with filled as store:
        counts = store.counts()
        written = store.export(fmt, out)
        texts = sorted(r[0] for r in store.query("SELECT text FROM documents"))
    assert sorted(p.name for p in written) == sorted(f"{t.name}.{fmt}" for t in TABLES)
    for path in written:
        rows = _read(path, fmt)
        assert len(rows) == counts[path.stem], path.name
    # the texts (quotes, curly quotes, newlines) come back exactly
    assert sorted(r["text"] for r in _read(out / f"documents.{fmt}", fmt)) == texts


def _read(path: Path, fmt: str) -> list[dict[str, Any]]:
    if fmt == "parquet":
        with duckdb.connect() as con:
            cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_store_export_keeps_only_the_given_types(tmp_path: Path) -> None:
    doc = make_document()
    # the officials' claim becomes a belief: with --type statement it, its denial and its hypothesis stay out
    believed = replace(doc, attributions=(replace(doc.attributions[0], type="belief"), *doc.attributions[1:]))
    with Store(tmp_path / "s.duckdb") as store:
        store.add(believed)
        written = store.export("jsonl", tmp_path / "out", ("statement",))
        every = store.export("jsonl", tmp_path / "all")
    rows = {p.stem: _read(p, "jsonl") for p in written}
    assert [(r["id"], r["type"]) for r in rows["attributions"]] == [("a2", "statement"), ("a3", "statement")]
    assert rows["denials"] == [] and rows["hypotheses"] == []
    assert {r["type"] for r in rows["claims"]} == {"statement"}
    assert all(r["attribution_id"] != "a1" for r in rows["claims"])
    assert {p.stem: n for p, n in written.items()}["attributions"] == 2
    assert {p.stem: n for p, n in every.items()}["attributions"] == 3


def test_store_export_unknown_format(filled: Store, tmp_path: Path) -> None:
    with filled as store, pytest.raises(StoreError, match="unknown export format"):
        store.export("xml", tmp_path)


# ---------------------------------------------------------------------------------------------------- claims


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The plant employs 400 people in the town of Riverton.", True),
        ("Unemployment fell to 4 percent in the spring.", True),
        ("The closure may cost the region dearly next year.", False),  # hedge
        ("The talks are believed to have stalled last week.", False),  # hedge phrase
        ("It remains unclear who ordered the strike on the town.", False),  # hedge phrase
        ("We will publish the full figures next week.", False),  # first person
        ("Did the council approve the budget last night?", False),  # question
        ("“We lost,” the coach said after the game.", False),  # quotation
        ("Residents met on Friday.", False),  # too short
        ("the plant employs 400 people in the town.", False),  # not a sentence start
        ("Reportedly, the plant employs 400 people in the town.", False),
    ],
)
def test_claims_is_assertion(sentence: str, expected: bool) -> None:
    assert is_assertion(sentence) is expected


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("The U.S. “won’t” pay $4.5bn!", "the u s wont pay 4 5bn"),
        ("Russia's army, Russia’s army", "russias army russias army"),
        ("  Ａｐｐｌｅ  said   so  ", "apple said so"),
        ("Crème brûlée—good", "crème brûlée good"),
    ],
)
def test_claims_normalise(text: str, normal: str) -> None:
    assert normalise_claim(text) == normal


def test_claims_sentences_from_punctuation_and_from_the_parse() -> None:
    text = "Prices rose sharply in March across the country. “Fine,” he said.\nThe bank raised rates again in May."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Prices rose sharply in March across the country.",
        "“Fine,” he said.",
        "The bank raised rates again in May.",
    ]
    doc = Document(text=text)
    assert [n for n, _, _ in assertion_sentences(doc)] == [0, 2]
    # sentence offsets given (from the parse) are used as they are
    assert assertion_sentences(doc, [(0, len(text))]) == []
