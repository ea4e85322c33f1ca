"""Gold attributions in sayso's JSON format (PolNeAR as ../shared/eval/polnear ships it), read for training."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sayso.nlp.text import parse_pairs


@dataclass(frozen=True)
class GoldArticle:
    """One article's text, its gold analysis, and the characters its gold cues and contents cover."""

    name: str
    text: str
    gold: Mapping[str, Any]

    @property
    def cue_chars(self) -> set[int]:
        return {i for a in self.gold["attributions"] for i in span_chars(a.get("cue"))}

    @property
    def content_chars(self) -> set[int]:
        return {i for a in self.gold["attributions"] for i in span_chars(a.get("content"))}


def span_chars(span: Mapping[str, Any] | None) -> set[int]:
    if not span:
        return set()
    return {i for a, b in (span.get("parts") or [span["span"]]) for i in range(a, b)}


def read_gold_folder(folder: Path, limit: int | None = None) -> list[GoldArticle]:
    """NAME.gold.json with the NAME.txt it names, in name order (the first `limit` of them)."""
    articles = []
    for path in sorted(folder.glob("*.gold.json"))[:limit]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (folder / gold["document"]).read_text(encoding="utf-8")
        articles.append(GoldArticle(path.name.removesuffix(".gold.json"), text, gold))
    return articles


def parse(nlp: Language, articles: Iterable[GoldArticle], batch_size: int = 16) -> Iterator[Doc]:
    for doc, _ in parse_pairs(nlp, ((a.text, None) for a in articles), batch_size):
        yield doc
