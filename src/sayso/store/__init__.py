"""The corpus store: analysed documents in an embedded DuckDB file, one table per kind of finding (docs/store.md).

Never imports spaCy: a store is read, queried and exported without loading a model.
"""

from sayso.store.claims import assertion_sentences, normalise_claim
from sayso.store.db import EXPORT_FORMATS, ErrorRecord, Store, StoreError
from sayso.store.rows import DocumentRows, copy_row, document_hash, document_rows
from sayso.store.schema import STORE_VERSION, TABLES

__all__ = [
    "EXPORT_FORMATS",
    "STORE_VERSION",
    "TABLES",
    "DocumentRows",
    "ErrorRecord",
    "Store",
    "StoreError",
    "assertion_sentences",
    "copy_row",
    "document_hash",
    "document_rows",
    "normalise_claim",
]
