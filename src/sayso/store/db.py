"""The corpus store: one DuckDB file, one writer.

    with Store("corpus.duckdb") as store:
        if not store.has(h):
            store.add(document, h)

Documents are keyed by their text's hash and written whole, in one transaction with their rows in every other
table, so a document is in the store completely or not at all, and adding it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from sayso.errors import SaysoError
from sayso.model import Document
from sayso.store import schema
from sayso.store.rows import DocumentRows, Row, document_rows

EXPORT_FORMATS = ("parquet", "csv", "jsonl")
MAX_REASON = 500


class StoreError(SaysoError):
    """The store cannot be opened or written: in use, not a sayso store, another store version, a full disk."""


@dataclass(frozen=True)
class ErrorRecord:
    """An input that could not be read or analysed."""

    source: str
    reason: str
    stage: str = "read"
    doc_hash: str | None = None


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A sayso corpus in a DuckDB file (created with its tables when missing). Not shared between processes:
    DuckDB lets one process write a file; open it `read_only` to query while nothing writes."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        try:
            self.connection = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as e:
            raise StoreError(f"{self.path}: cannot open the store ({_first_line(e)})") from None
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: not a DuckDB store ({_first_line(e)})") from None
        try:
            self._check_or_create(read_only)
        except BaseException:
            self.connection.close()
            raise

    # ----------------------------------------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def _check_or_create(self, read_only: bool) -> None:
        found = {r[0] for r in self.connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "store_info" in found:
            version = self.connection.execute("SELECT value FROM store_info WHERE key = 'store_version'").fetchone()
            if version is None or version[0] != schema.STORE_VERSION:
                got = version[0] if version else "none"
                raise StoreError(
                    f"{self.path}: made by store version {got}, this sayso writes version {schema.STORE_VERSION}; "
                    "ingest into a new file"
                )
        elif found:
            raise StoreError(f"{self.path}: a DuckDB file but not a sayso store (it has no store_info table)")
        elif read_only:
            raise StoreError(f"{self.path}: an empty file, not a sayso store")
        else:
            with self.transaction():
                for table in schema.TABLES:
                    self.connection.execute(table.ddl())
                self.connection.execute(
                    "INSERT INTO store_info VALUES ('store_version', ?), ('created_at', ?)",
                    [schema.STORE_VERSION, utc_now().isoformat(timespec="seconds")],
                )

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Statements inside commit together or not at all."""
        self.connection.execute("BEGIN TRANSACTION")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # ----------------------------------------------------------------------------------------------- reading

    def has(self, doc_hash: str) -> bool:
        """Whether the document with this hash is stored."""
        row = self.connection.execute("SELECT 1 FROM documents WHERE hash = ? LIMIT 1", [doc_hash]).fetchone()
        return row is not None

    def existing(self, hashes: Iterable[str]) -> set[str]:
        """The hashes among `hashes` already stored."""
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return set()
        rows = self.connection.execute(
            "SELECT hash FROM documents WHERE hash IN (SELECT unnest(CAST(? AS VARCHAR[])))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def counts(self) -> dict[str, int]:
        """Rows in each table of the store (the other tools' tables too)."""
        out: dict[str, int] = {}
        for name in self.table_names():
            row = self.connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            out[name] = int(row[0]) if row else 0
        return out

    def table_names(self) -> list[str]:
        """Every table in the store, sayso's first in schema order, then any others by name."""
        found = [
            r[0]
            for r in self.connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        ours = [t.name for t in schema.TABLES if t.name in found]
        return ours + [t for t in found if t not in ours]

    def modes(self) -> set[str]:
        """The analysis modes of the stored documents (`documents.mode`): none, or one when only `ingest` wrote."""
        return {r[0] for r in self.connection.execute("SELECT DISTINCT mode FROM documents").fetchall()}

    def hashes(self) -> list[str]:
        return [r[0] for r in self.connection.execute("SELECT hash FROM documents ORDER BY hash").fetchall()]

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Rows of a SQL query over the store."""
        return self.connection.execute(sql, params or []).fetchall()

    # ----------------------------------------------------------------------------------------------- writing

    def add(
        self,
        document: Document,
        doc_hash: str | None = None,
        *,
        sentences: Sequence[tuple[int, int]] | None = None,
        mode: str = "fast",
    ) -> bool:
        """Stores an analysed document (keyed by `doc_hash`, default its text's hash) with every row it makes;
        `mode` is the analysis mode that made it. False, and nothing changes, when it is already stored."""
        rows = document_rows(document, doc_hash, sentences=sentences, mode=mode)
        return self.add_rows([rows]) == 1

    def add_rows(
        self,
        documents: Sequence[DocumentRows],
        *,
        errors: Sequence[ErrorRecord] = (),
        copies: Sequence[Row] = (),
        at: datetime | None = None,
    ) -> int:
        """One transaction: the documents not yet stored (each with its rows in every table), the errors not yet
        recorded and the copies (`copies` rows) not yet known. Returns how many documents were new."""
        at = at or utc_now()
        with self.transaction():
            stored = self.existing(d.hash for d in documents)
            new: dict[str, DocumentRows] = {}
            for d in documents:
                if d.hash not in stored and d.hash not in new:
                    new[d.hash] = d
            for table in schema.DOCUMENT_TABLES:
                rows = [r for d in new.values() for r in d.tables.get(table.name, ())]
                if table.name == "documents":
                    rows = [(*r[:-1], at) for r in rows]
                if table.name == "copies":  # every copy is noted, those of texts already stored too
                    every = [r for d in documents for r in d.tables.get("copies", ())]
                    rows = _unique([*every, *copies], key=lambda r: (r[0], r[1]))
                    self._insert(table, rows, ignore=True)
                else:
                    self._insert(table, rows)
            if new:  # a document that failed before and now went through: its old analysis error no longer holds
                self.connection.execute(
                    "DELETE FROM errors WHERE stage = 'analyse' AND doc_hash IN (SELECT unnest(CAST(? AS VARCHAR[])))",
                    [list(new)],
                )
            self._insert_errors(errors, at)
        return len(new)

    def add_error(self, source: str, reason: str, *, stage: str = "read", doc_hash: str | None = None) -> None:
        """Records an input that could not be read or analysed (once per source and reason)."""
        with self.transaction():
            self._insert_errors([ErrorRecord(source, reason, stage, doc_hash)], utc_now())

    def _insert_errors(self, errors: Sequence[ErrorRecord], at: datetime) -> None:
        rows = [(e.source, _one_line(e.reason), e.stage, e.doc_hash, at) for e in errors]
        self._insert(schema.ERRORS, _unique(rows, key=lambda r: (r[0], r[1])), ignore=True)

    def _insert(self, table: schema.Table, rows: Sequence[Row], *, ignore: bool = False) -> None:
        """Many rows in one statement: each column goes in as one list and is unnested (DuckDB's executemany
        binds row by row, ~300x slower)."""
        if not rows:
            return
        columns = list(zip(*rows, strict=True))
        select = ", ".join(f"unnest(CAST(${i + 1} AS {c.type}[]))" for i, c in enumerate(table.columns))
        verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
        sql = f"{verb} {table.name} ({', '.join(table.column_names)}) SELECT {select}"
        self.connection.execute(sql, [list(c) for c in columns])

    # ----------------------------------------------------------------------------------------------- export

    def export(self, fmt: str, out_dir: str | Path, types: Sequence[str] | None = None) -> dict[Path, int]:
        """Writes every table to OUT_DIR/TABLE.parquet, .csv (with a header) or .jsonl (one JSON object a line);
        returns the files written with their row counts. With `types` ("statement", ...) the attributions and
        claims of other types are left out, and so are the denials and hypotheses that rest on them."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{out}: cannot create the folder ({e.strerror or e})") from None
        options = {"parquet": "FORMAT parquet", "csv": "FORMAT csv, HEADER true", "jsonl": "FORMAT json"}[fmt]
        written = {}
        for name in self.table_names():
            target = out / f"{name}.{fmt}"
            order = ", ".join(schema.TABLE_BY_NAME[name].key) if name in schema.TABLE_BY_NAME else "ALL"
            query = f'SELECT * FROM "{name}" {_type_filter(name, types)} ORDER BY {order}'
            literal = str(target).replace("'", "''")
            try:
                self.connection.execute(f"COPY ({query}) TO '{literal}' ({options})")
                (count,) = self.connection.execute(f"SELECT count(*) FROM ({query})").fetchone() or (0,)
            except duckdb.Error as e:
                raise StoreError(f"{target}: cannot write it ({_first_line(e)})") from None
            written[target] = int(count)
        return written


def _type_filter(table: str, types: Sequence[str] | None) -> str:
    """The WHERE clause that keeps `table`'s rows of those types of attribution ('' for all of them)."""
    if types is None:
        return ""
    wanted = "[" + ", ".join("'" + t.replace("'", "''") + "'" for t in types) + "]"
    kept = f"(SELECT doc_hash, id FROM attributions WHERE list_contains({wanted}, type))"
    return {
        "attributions": f"WHERE list_contains({wanted}, type)",
        "claims": f"WHERE list_contains({wanted}, type)",
        "denials": f"WHERE (doc_hash, by_id) IN {kept} AND (doc_hash, target_id) IN {kept}",
        "hypotheses": f"WHERE (doc_hash, from_id) IN {kept}",
    }.get(table, "")


def _unique(rows: Sequence[Row], *, key: Any) -> list[Row]:
    seen: dict[Any, Row] = {}
    for r in rows:
        seen.setdefault(key(r), r)
    return list(seen.values())


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
