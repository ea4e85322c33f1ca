"""Lookups over a parsed Doc that the resolver needs many times (entities by token, sentence numbers, tokens by
character offset), built once per Doc and kept in `doc.user_data`."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

_KEY = "sayso.resolve.index"


@dataclass(frozen=True)
class DocIndex:
    ents: tuple[SpacySpan, ...]
    ent_of: dict[int, SpacySpan]  # token index -> the entity over it
    sent_of: tuple[int, ...]  # token index -> sentence number
    sent_starts: tuple[int, ...]  # sentence number -> its first token index
    tok_starts: tuple[int, ...]  # token index -> character offset
    full_names: dict[str, tuple[SpacySpan, ...]]  # a surname -> the multiword PERSON entities ending with it, in order

    def token_at(self, offset: int) -> int:
        """The index of the token holding character `offset` (or the nearest token before it)."""
        return max(0, bisect_right(self.tok_starts, offset) - 1)

    def sentence_at(self, offset: int) -> int:
        return self.sent_of[self.token_at(offset)] if self.sent_of else 0


def doc_index(doc: Doc) -> DocIndex:
    """The index of `doc`, built on first use."""
    stamp = len(doc)
    cached = doc.user_data.get(_KEY)
    if cached is not None and cached[0] == stamp:
        index: DocIndex = cached[1]
        return index
    ents = tuple(doc.ents)
    ent_of = {i: e for e in ents for i in range(e.start, e.end)}
    sent_of: list[int] = []
    starts: list[int] = []
    for n, sent in enumerate(doc.sents):
        starts.append(sent.start)
        sent_of.extend([n] * (sent.end - sent.start))
    full_names: dict[str, list[SpacySpan]] = {}
    for e in ents:
        if e.label_ == "PERSON" and len(e) > 1:
            full_names.setdefault(e[-1].text, []).append(e)
    index = DocIndex(ents, ent_of, tuple(sent_of), tuple(starts), tuple(t.idx for t in doc),
                     {k: tuple(v) for k, v in full_names.items()})
    doc.user_data[_KEY] = (stamp, index)
    return index
