"""Pronouns and a name in apposition: what 'he', 'she', 'it', 'they', 'I' and 'we' stand for, and the name a
description gives in apposition ('The agency's spokeswoman, Maria Lopez'). Mixed into `resolver._Resolver`, which
holds the state and walks the mentions (see its docstring for the order of the rules)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sayso.model import Attribution
from sayso.resolve.index import DocIndex
from sayso.resolve.kinds import head_of, lemma_of, tokens_of
from sayso.resolve.mentions import (
    FIRST_PERSON,
    PRONOUN_WINDOW,
    _agrees,
    _Cand,
    _Entity,
    _latest_first,
    _with_titles,
)
from sayso.resolve.names import role_word


class PronounRules:
    """The resolver's rules for pronouns and apposed names."""

    doc: Doc
    attributions: Sequence[Attribution]
    entities: list[_Entity]
    cands: dict[int, _Cand]
    done: dict[int, _Entity | None]
    index: DocIndex

    def resolve(self, c: _Cand) -> _Entity | None:
        raise NotImplementedError

    def _add(self, toks: SpacySpan, head: Token, label: str) -> None:
        raise NotImplementedError

    # ---- pronouns ---------------------------------------------------------------------------------------------
    def _pronoun(self, c: _Cand) -> _Entity | None:
        """'I' / 'we' inside a quotation: its speaker, and no one outside one. Otherwise the most recent agreeing
        source within `PRONOUN_WINDOW` sentences; else an agreeing mention in this or the previous sentence; else
        any earlier agreeing source; else an agreeing mention within the window."""
        low = c.head.lower_
        if low in FIRST_PERSON:
            # outside every attributed content, "I" and "we" are the writer (an op-ed's "we recognize the danger"),
            # whom no entity of the article stands for
            return self._speaker_around(c)
        here = self._sent_index(c.head)
        if low in {"he", "she"}:
            previous = self._previous_subject(here)  # '… said widow Terry Strada. She continued, …'
            if previous is not None and previous.category == "person" and _agrees(low, previous):
                return previous
        sourced = _latest_first(self.entities, c.start, lambda e: e.source_at)
        mentioned = _latest_first(self.entities, c.start, lambda e: [s for s, _ in e.mentions])
        # "he" or "she" may stand for the article's main person however far back it was last a source; "it" is as
        # often a thing the text just named ("the tweets … it underscores"), so it looks no further than the window
        anywhere = [] if low in {"it", "its"} else [e for _, e in sourced]
        passes = (
            [e for p, e in sourced if here - self._sent_index_at(p) <= PRONOUN_WINDOW],
            [e for p, e in mentioned if here - self._sent_index_at(p) <= 1],
            anywhere,
            [e for p, e in mentioned if here - self._sent_index_at(p) <= PRONOUN_WINDOW],
        )
        for entities in passes:
            for e in entities:
                if _agrees(low, e):
                    return e
        return None

    def _apposed_name(self, c: _Cand) -> _Entity | None:
        """The person or organisation a description names in apposition inside the mention, with the description's
        role given to it: 'A spokesman, Jesse Lehrich' -> Jesse Lehrich (a spokesman)."""
        for ch in c.head.children:
            if ch.dep_ != "appos" or not (c.toks.start <= ch.i < c.toks.end) or ch.pos_ != "PROPN":
                continue
            ent = self.index.ent_of.get(ch.i)
            if ent is None or ent.label_ not in {"PERSON", "ORG"}:
                continue
            if ch.i not in self.cands:
                self._add(_with_titles(ent), ent.root, ent.label_)
            cand = self.cands[ent.root.i] if ent.root.i in self.cands else self.cands[ch.i]
            e = self.resolve(cand) if cand is not c else None
            if e is not None and e.category == "person":
                role = role_word(lemma_of(c.head))
                if role is not None:
                    e.roles.add(role)
            return e
        return None

    def _previous_subject(self, here: int) -> _Entity | None:
        """The entity of the subject of the sentence before sentence `here` (its root's, or the speaker of an
        inverted 'said X'), where a named mention stands there."""
        if here == 0:
            return None
        start = self.index.sent_starts[here - 1]
        end = self.index.sent_starts[here]
        roots = [t for t in self.doc[start:end] if t.dep_ == "ROOT"]
        for root in roots[:1]:
            for ch in root.children:
                if ch.dep_ in {"nsubj", "nsubjpass"} and ch.i in self.done:
                    return self.done[ch.i]
        return None

    def _speaker_around(self, c: _Cand) -> _Entity | None:
        """The source of the innermost attribution whose content holds this mention."""
        holding = [a for a in self.attributions if a.source is not None and a.content.start <= c.start < a.content.end]
        holding = [a for a in holding if a.source is not None and not (a.source.start <= c.start < a.source.end)]
        if not holding:
            return None
        inner = min(holding, key=lambda a: a.content.end - a.content.start)
        assert inner.source is not None
        toks = tokens_of(self.doc, inner.source)
        cand = self.cands.get(head_of(toks).i) if toks is not None else None
        return self.resolve(cand) if cand is not None and cand is not c else None

    def _sent_index(self, tok: Token) -> int:
        return self.index.sent_of[tok.i]

    def _sent_index_at(self, offset: int) -> int:
        return self.index.sentence_at(offset)
