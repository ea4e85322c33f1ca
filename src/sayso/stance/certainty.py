"""Certainty and act: how sure the source is of the content, and what the source does with it.

The cue's lexicon class is the starting point ("believe": probable belief; "suggest": possible speculation).
Hedges inside the content ("may", "reportedly") lower the certainty; for plain speech cues ("said",
"reported") the content and the source decide the act: a statement calling a claim baseless or false is a
denial, "we demand …" a demand, a document or a news outlet reports, a party speaking for itself asserts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from sayso.lexicons import Lexicons, load
from sayso.model import CERTAINTIES, Attribution, Span

REPORTING_KINDS = {"document", "organization", "anonymous_officials", "unspecified"}
# verbs that only say that something was said: the speaker decides whether it is a report or a position
PLAIN_SPEECH = {"say", "tell", "add", "state", "write", "note", "comment", "remark", "tweet", "post", "declare"}
FIRST_PERSON = {"we", "i"}


def _content_tokens(doc: Doc, content: Span) -> list[TokenSpan]:
    out = []
    for a, b in content.pieces:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def _lower(a: str, b: str) -> str:
    return a if CERTAINTIES.index(a) >= CERTAINTIES.index(b) else b


def _hedged(tokens: list[TokenSpan], lex: Lexicons, skip: set[int]) -> str:
    """The lowest certainty any hedge in the content allows (words outside nested attributions' contents)."""
    level = "certain"
    for span in tokens:
        words = [t for t in span if t.i not in skip]
        lowered = [t.lower_ for t in words]
        for n, tok in enumerate(words):
            cap = lex.hedges.get(tok.lower_)
            if cap is None and n + 2 < len(words):
                cap = lex.hedges.get(" ".join(lowered[n : n + 3]))
            if cap is not None:
                level = _lower(level, cap)
    return level


def _is_denial(tokens: list[TokenSpan], lex: Lexicons) -> bool:
    return any(t.lower_ in lex.denial_words or t.lemma_.lower() in lex.denial_words for s in tokens for t in s)


def _is_demand(tokens: list[TokenSpan], lex: Lexicons) -> bool:
    """"We demand …", "I urge …": a first-person demand verb heads the content."""
    for span in tokens:
        for tok in span:
            cls = lex.verbs.get(tok.lemma_.lower())
            if cls and cls.act == "demand" and tok.pos_ == "VERB":
                if any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in tok.children):
                    return True
    return False


def _plain_speech(doc: Doc, a: Attribution) -> bool:
    span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    return span is not None and span[-1].lemma_.lower() in PLAIN_SPEECH


def classify(doc: Doc, attributions: Sequence[Attribution], lexicons: Lexicons | None = None) -> list[Attribution]:
    """Certainty and act for each attribution (its source kind must already be set)."""
    lex = lexicons or load()
    out = []
    for a in attributions:
        tokens = _content_tokens(doc, a.content)
        nested = {
            t.i
            for b in attributions
            if b.nested_in == a.id
            for s in _content_tokens(doc, b.content)
            for t in s
        }
        certainty = _lower(a.certainty, _hedged(tokens, lex, nested))
        act = a.act
        if act in ("report", "assertion"):
            if _is_denial(tokens, lex):
                act = "denial"
            elif _is_demand(tokens, lex):
                act = "demand"
            elif act == "report" and a.source_kind not in REPORTING_KINDS and _plain_speech(doc, a):
                act = "assertion"
        out.append(replace(a, certainty=certainty, act=act))
    return out
