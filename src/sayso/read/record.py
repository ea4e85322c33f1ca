"""The unit the reader hands on: an article's text and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass

from sayso.model import Metadata
from sayso.read.published import normalise_published

META_FIELDS = ("published", "outlet", "url", "title")


@dataclass(frozen=True)
class Record:
    """One article to analyse: its text exactly as analysed (spans index it) and what is known about it."""

    text: str
    meta: Metadata


def make_meta(name: str, fields: dict[str, str | None]) -> Metadata:
    """Metadata from the known fields (`META_FIELDS`), the published date normalised to YYYY-MM-DD where it can be."""
    published = fields.get("published")
    return Metadata(
        name=name,
        published=normalise_published(published) if published is not None else None,
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        title=fields.get("title"),
    )


def read_text(text: str, name: str = "-", **meta: str | None) -> Record:
    """A Record from text in hand (the Python API); the text is kept exactly as given.

    `meta` takes `published`, `outlet`, `url` and `title`; anything else is a TypeError.
    """
    if not isinstance(text, str):
        raise TypeError(f"read_text() needs the article as a str, not {type(text).__name__}")
    unknown = sorted(set(meta) - set(META_FIELDS))
    if unknown:
        raise TypeError(f"read_text() got unknown metadata {', '.join(unknown)}; it knows {', '.join(META_FIELDS)}")
    return Record(text, make_meta(name, meta))
