"""The text of a parsed Doc, read once per document."""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy rebuilds `doc.text` from every token on each access (bench/ measured
    this as most of the extraction's time)."""
    text = doc.user_data.get("sayso.text")
    if not isinstance(text, str):
        text = doc.user_data["sayso.text"] = doc.text
    return text
