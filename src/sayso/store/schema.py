"""The store's tables: every column with its DuckDB type and meaning, in one place.

The DDL, the rows `rows.py` builds and docs/store.md all follow these definitions (a test checks the doc names
every column). Offsets are `[start, end)` character offsets into `documents.text`, as in the JSON output.
"""

from __future__ import annotations

from dataclasses import dataclass

# Bumped when a table or column changes meaning; a store made with another version is refused, not migrated.
STORE_VERSION = "3"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    note: str
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    """A table; `key` is its unique key, enforced as a PRIMARY KEY only where `enforced` (an index costs memory
    on every row, so the per-document tables leave it to the writer, which stores a document's rows once)."""

    name: str
    note: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    enforced: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def ddl(self) -> str:
        cols = [f"{c.name} {c.type}{'' if c.nullable else ' NOT NULL'}" for c in self.columns]
        if self.enforced:
            cols.append(f"PRIMARY KEY ({', '.join(self.key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n  " + ",\n  ".join(cols) + "\n)"


def _c(name: str, type_: str, note: str, nullable: bool = True) -> Column:
    return Column(name, type_, note, nullable)


_DOC = _c("doc_hash", "VARCHAR", "the document (`documents.hash`)", False)

DOCUMENTS = Table(
    "documents",
    "one row per distinct article text",
    (
        _c("hash", "VARCHAR", "sha256 of the text (UTF-8), 64 hex digits: the document's identity", False),
        _c("name", "VARCHAR", "input it was first read from: file name, `feed.jsonl:7`, `feed.jsonl#id`", False),
        _c("outlet", "VARCHAR", "publisher, from the record or the page"),
        _c("published", "VARCHAR", "publication date as read (YYYY-MM-DD where it parses), or `--published`"),
        _c("published_date", "DATE", "`published` as a date; NULL when it is not one"),
        _c("url", "VARCHAR", "address of the article"),
        _c("title", "VARCHAR", "headline"),
        _c("text", "VARCHAR", "the article text exactly as analysed; every offset indexes it", False),
        _c("n_chars", "INTEGER", "characters in `text`", False),
        _c("n_words", "INTEGER", "whitespace-separated words in `text`", False),
        _c("n_attributions", "INTEGER", "attributions found", False),
        _c("warnings", "JSON", "the analysis' warnings, a list of strings"),
        _c("schema_version", "VARCHAR", "version of sayso's document model (docs/schema.md) the rows follow", False),
        _c("sayso_version", "VARCHAR", "sayso version that analysed it", False),
        _c("mode", "VARCHAR", "analysis mode: `fast` (the rules) or `accurate` (rules and cue model)", False),
        _c("ingested_at", "TIMESTAMP", "when it was stored (UTC)", False),
    ),
    ("hash",),
    enforced=True,
)

COPIES = Table(
    "copies",
    "every input whose text has this hash, the first one included: a wire story run word for word by several "
    "outlets is analysed once and has a row here per outlet",
    (
        _DOC,
        _c("name", "VARCHAR", "input name", False),
        _c("outlet", "VARCHAR", "publisher of this copy"),
        _c("published", "VARCHAR", "publication date of this copy"),
        _c("url", "VARCHAR", "address of this copy"),
        _c("title", "VARCHAR", "headline of this copy"),
    ),
    ("doc_hash", "name"),
    enforced=True,
)


def _span(prefix: str, what: str, nullable: bool) -> tuple[Column, ...]:
    return (
        _c(f"{prefix}_text", "VARCHAR", f"{what} text (pieces joined by a space when discontinuous)", nullable),
        _c(f"{prefix}_start", "INTEGER", f"{what} start offset", nullable),
        _c(f"{prefix}_end", "INTEGER", f"{what} end offset", nullable),
        _c(f"{prefix}_parts", "JSON", f"{what} pieces `[[start, end], …]` when discontinuous, else NULL"),
    )


ATTRIBUTIONS = Table(
    "attributions",
    "who says what: one row per attribution",
    (
        _DOC,
        _c("id", "VARCHAR", "attribution id within the document (`a1`, `a2`, … in order of appearance)", False),
        _c("n", "INTEGER", "position in the document's list, from 0", False),
        *_span("source", "source", True),
        *_span("cue", "cue", False),
        *_span("content", "content", False),
        _c("source_kind", "VARCHAR", "person, organization, government, document, anonymous_officials, unspecified"),
        _c("source_refers_to", "VARCHAR", "the entity the source resolves to (`entities.name`)"),
        _c("quote", "VARCHAR", "direct, indirect or mixed", False),
        _c("certainty", "VARCHAR", "certain, probable or possible", False),
        _c("act", "VARCHAR", "report, assessment, belief, speculation, accusation, denial, assertion, demand", False),
        _c("nested_in", "VARCHAR", "id of the attribution this one is reported inside"),
        _c("type", "VARCHAR", "statement, belief, knowledge, finding or intention (docs/schema.md)", False),
    ),
    ("doc_hash", "id"),
)

ENTITIES = Table(
    "entities",
    "resolved entities of a document: sources and other named mentions",
    (
        _DOC,
        _c("name", "VARCHAR", "canonical name", False),
        _c("n", "INTEGER", "order of first mention, from 0", False),
        _c("n_mentions", "INTEGER", "distinct mention texts", False),
        _c("is_source", "BOOLEAN", "some attribution's source refers to it", False),
    ),
    ("doc_hash", "name"),
)

MENTIONS = Table(
    "mentions",
    "the distinct texts by which a document mentions an entity",
    (
        _DOC,
        _c("entity", "VARCHAR", "`entities.name`", False),
        _c("n", "INTEGER", "order among the entity's mentions, from 0", False),
        _c("text", "VARCHAR", "the mention as written", False),
    ),
    ("doc_hash", "entity", "n"),
)

DENIALS = Table(
    "denials",
    "one row per (denial, denied attribution) pair",
    (
        _DOC,
        _c("by_id", "VARCHAR", "the denying attribution (`attributions.id`)", False),
        _c("target_id", "VARCHAR", "an attribution whose claim it rejects", False),
    ),
    ("doc_hash", "by_id", "target_id"),
)

DATES = Table(
    "dates",
    "temporal expressions and their values",
    (
        _DOC,
        _c("n", "INTEGER", "order in the document, from 0", False),
        _c("text", "VARCHAR", "the expression as written", False),
        _c("start_char", "INTEGER", "start offset", False),
        _c("end_char", "INTEGER", "end offset", False),
        _c("value", "VARCHAR", "ISO 8601 value to the precision the text gives; NULL when unresolved"),
        _c("needs", "VARCHAR", "what would resolve it (e.g. `publication date`)"),
    ),
    ("doc_hash", "n"),
)

ORIGINAL_SOURCES = Table(
    "original_sources",
    "within one document, the claims that trace back to one original source",
    (
        _DOC,
        _c("n", "INTEGER", "order in the document's list, from 0 (0 is the main one)", False),
        _c("name", "VARCHAR", "the original source", False),
        _c("claims", "JSON", "ids of the attributions that trace to it, a list", False),
        _c("n_claims", "INTEGER", "how many", False),
        _c("note", "VARCHAR", "why they count as one source"),
    ),
    ("doc_hash", "n"),
)

HYPOTHESES = Table(
    "hypotheses",
    "explanations a document offers as speculation",
    (
        _DOC,
        _c("n", "INTEGER", "order, from 0", False),
        _c("from_id", "VARCHAR", "the attribution it comes from", False),
        _c("text", "VARCHAR", "the explanation", False),
    ),
    ("doc_hash", "n"),
)

FURNITURE = Table(
    "furniture",
    "page furniture of a document (labels, READ MORE lines, captions, credits, bylines, ad markers, embeds, scraper "
    "debris): kept in `documents.text`, left out of the analysis",
    (
        _DOC,
        _c("n", "INTEGER", "order in the document, from 0", False),
        _c("start_char", "INTEGER", "start offset", False),
        _c("end_char", "INTEGER", "end offset", False),
        _c("text", "VARCHAR", "the furniture as written", False),
    ),
    ("doc_hash", "n"),
)

CLAIMS = Table(
    "claims",
    "what is claimed (sayso.claims.definition): each attribution's content that is a proposition, each sentence "
    "the article states as fact on its own authority (no attribution in or over it, no quotation, hedge, question "
    "or first person), and the headline when it is a proposition",
    (
        _c(
            "claim_id",
            "VARCHAR",
            "`HASH:aN` for an attribution's content, `HASH:sN` for sentence N, `HASH:t` for the headline",
            False,
        ),
        _DOC,
        _c("kind", "VARCHAR", "`attributed`, `assertion` (the article's own) or `headline` (offsets 0, 0)", False),
        _c("attribution_id", "VARCHAR", "the attribution (`attributions.id`); NULL for an assertion"),
        _c("start_char", "INTEGER", "start offset", False),
        _c("end_char", "INTEGER", "end offset", False),
        _c("text", "VARCHAR", "the claim as written", False),
        _c(
            "norm_text",
            "VARCHAR",
            "NFKC, case-folded, apostrophes dropped, other punctuation to spaces, spaces collapsed",
            False,
        ),
        _c("n_words", "INTEGER", "words in `norm_text`", False),
        _c("source_text", "VARCHAR", "who claims it; NULL for an assertion (the outlet itself)"),
        _c("source_kind", "VARCHAR", "as in `attributions`; `outlet` for an assertion", False),
        _c("source_refers_to", "VARCHAR", "entity the source resolves to"),
        _c("certainty", "VARCHAR", "as in `attributions`; `certain` for an assertion", False),
        _c("act", "VARCHAR", "as in `attributions`; `assertion` for an assertion", False),
        _c("type", "VARCHAR", "as in `attributions`; `statement` for an assertion (the outlet states it)", False),
        _c("cluster_id", "BIGINT", "claim cluster across documents; NULL until claim matching fills it"),
    ),
    ("claim_id",),
)

ERRORS = Table(
    "errors",
    "inputs that could not be read or analysed; one row per (source, reason), kept from the first time seen",
    (
        _c("source", "VARCHAR", "the input as named: path, `feed.jsonl` line, record name", False),
        _c("reason", "VARCHAR", "what was wrong, one line", False),
        _c(
            "stage", "VARCHAR",
            "`read` (never became a document) or `analyse` (the analysis raised or ran past `--time-limit`)", False,
        ),
        _c("doc_hash", "VARCHAR", "hash of the text when there was one"),
        _c("seen_at", "TIMESTAMP", "when it was first met (UTC)", False),
    ),
    ("source", "reason"),
    enforced=True,
)

STORE_INFO = Table(
    "store_info",
    "facts about the store itself: `store_version`, `created_at`",
    (_c("key", "VARCHAR", "name", False), _c("value", "VARCHAR", "value", False)),
    ("key",),
    enforced=True,
)

# Tables filled from each analysed document, in insertion order.
DOCUMENT_TABLES: tuple[Table, ...] = (
    DOCUMENTS,
    COPIES,
    ATTRIBUTIONS,
    ENTITIES,
    MENTIONS,
    DENIALS,
    DATES,
    ORIGINAL_SOURCES,
    HYPOTHESES,
    FURNITURE,
    CLAIMS,
)
TABLES: tuple[Table, ...] = (*DOCUMENT_TABLES, ERRORS, STORE_INFO)
TABLE_BY_NAME = {t.name: t for t in TABLES}
