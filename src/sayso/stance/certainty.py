"""Certainty and act: how sure the source is of the content, and what the source does with it.

The cue's lexicon class is the starting point ("believe": probable belief; "suggest": possible speculation).
Hedges inside the content ("may", "reportedly") lower the certainty. For cues of saying (lexicon act report or
assertion) the content decides the act as well (`sayso.stance.wording`): a content that calls a claim false, says it
never happened or casts doubt on it is a denial (never one a video or a search 'showed'); "we demand …" or an order
a demand; one that imputes wrongdoing an accusation; and for plain speech ("said", "told", "wrote") an opinion, a
judgement or a prediction is an assertion and a fact stated a report, whoever states it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as TokenSpan

from sayso.lexicons import Lexicons, load
from sayso.lexicons.stance import stance_words
from sayso.model import CERTAINTIES, Attribution
from sayso.resolve.names import outlet_exact
from sayso.stance.wording import (
    claim_words,
    content_act,
    content_spans,
    denial_kind,
    directive,
    finding_cue,
    negated_predicate,
)

# verbs that only say that something was said: the content decides whether it is a report or a position
PLAIN_SPEECH = {"say", "tell", "add", "state", "write", "note", "comment", "remark", "tweet", "post", "declare"}
# cues of saying on which a negated restatement of a claim is a denial ('confirmed he is not dead')
RESTATING = PLAIN_SPEECH | {"confirm", "insist", "stress", "explain", "reply", "respond", "clarify", "assure"}
# hedges that describe the denied claim, not the denier's doubt ('these claims are unverified and false')
# cues that claim: what is claimed decides the act ('claimed the disease had arrived' is a report)
CLAIMING = frozenset({"claim", "maintain", "insist", "contend", "assert", "point"})
# cues that tell someone to do something, when an infinitive follows ('warned the public to stay calm')
DIRECTING = frozenset({"warn", "urge", "ask", "tell", "order", "instruct", "advise", "call", "appeal", "beg",
                       "encourage", "motion", "file", "petition", "demand", "request"})  # fmt: skip
CONFESSING = frozenset({"admit", "confess", "acknowledge", "concede", "apologize", "apologise"})  # own wrongdoing
RESTATED = 3  # content words a negated restatement shares with the claim it restates …
RESTATED_SHARE = 0.5  # … as a share of the shorter of the two
CLAIM_HEDGES = frozenset({"alleged", "allegedly", "unverified", "unconfirmed", "rumored", "rumoured", "purported",
                          "supposedly", "reportedly", "questionable", "doubtful"})  # fmt: skip
FIRST_PERSON = {"we", "i"}


def _lower(a: str, b: str) -> str:
    return a if CERTAINTIES.index(a) >= CERTAINTIES.index(b) else b


def _hedged(tokens: list[TokenSpan], lex: Lexicons, skip: set[int], *, denial: bool = False) -> str:
    """The lowest certainty any hedge in the content allows (words outside nested attributions' contents). In a
    denial the words that describe the denied claim ('unverified') are no hedge of the denier's."""
    level = "certain"
    for span in tokens:
        words = [t for t in span if t.i not in skip]
        lowered = [t.lower_ for t in words]
        for n, tok in enumerate(words):
            if denial and tok.lower_ in CLAIM_HEDGES:
                continue
            cap = lex.hedges.get(tok.lower_)
            if cap is None and n + 2 < len(words):
                cap = lex.hedges.get(" ".join(lowered[n : n + 3]))
            if cap is not None:
                level = _lower(level, cap)
    return level


def _is_demand(tokens: list[TokenSpan], lex: Lexicons) -> bool:
    """ "We demand …", "I urge …": a first-person demand verb heads the content."""
    for span in tokens:
        for tok in span:
            cls = lex.verbs.get(tok.lemma_.lower())
            if cls and cls.act == "demand" and tok.pos_ == "VERB":
                if any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in tok.children):
                    return True
    return False


def _cue_lemma(doc: Doc, a: Attribution) -> str:
    span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    return span[-1].lemma_.lower() if span is not None else ""


def _imperative(tokens: list[TokenSpan]) -> bool:
    """A content that is an order: its first clause opens with a bare verb and has no subject ('stop believing …')."""
    for span in tokens[:1]:
        words = [t for t in span if not t.is_punct and not t.is_quote]
        if not words:
            return False
        first = words[0]
        return (
            first.tag_ == "VB"
            and first.dep_ in {"ROOT", "ccomp", "parataxis"}
            and first.lower_ not in {"be", "have", "do"}
            and not any(ch.dep_ in {"nsubj", "nsubjpass", "expl"} for ch in first.children)
        )
    return False


def content_driven_act(
    doc: Doc, a: Attribution, tokens: list[TokenSpan], lex: Lexicons, nested: set[int], restates: bool = False
) -> str:
    """The act of an attribution whose cue says only that something was said or claimed (lexicon act report or
    assertion), read from its content. `restates`: its content restates, negated, a claim another attribution
    carries ('the reps confirmed Willie Nelson is not dead' after fans said he was dead)."""
    cue = _cue_lemma(doc, a)
    skip = frozenset(nested)
    if not (a.type == "finding" or finding_cue(doc, a.cue)):
        if denial_kind(tokens, skip) is not None or (restates and cue in RESTATING):
            return "denial"
    if _is_demand(tokens, lex) or (cue in PLAIN_SPEECH and _imperative(tokens)):
        return "demand"
    if cue in DIRECTING and directive(tokens):  # 'warned the public to stay calm', 'filed a motion to unseal'
        return "demand"
    reporter = a.source_kind == "document" or (a.source is not None and outlet_exact(a.source.text) is not None)
    act = content_act(tokens, skip)
    if act == "denial" and cue in RESTATING:  # 'he said he never took bribes'
        return act
    if act == "accusation" and not reporter and cue not in CONFESSING:
        return act
    if act == "demand" and cue in PLAIN_SPEECH:
        return act
    if cue in PLAIN_SPEECH or cue in CLAIMING:
        if act == "demand":  # 'contended that she should not have to': an argument
            return "assertion"
        return "report" if act in {"accusation", "denial"} else act
    return a.act


def _passive(doc: Doc, a: Attribution) -> bool:
    """A cue in the passive ('has been blamed', 'is alleged'), whose source is no accuser who stands by it."""
    span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    be = {"be", "been", "being", "is", "are", "was", "were"}
    return span is not None and any(t.dep_ == "auxpass" or t.lower_ in be for t in span)


def _assessor(doc: Doc, a: Attribution) -> bool:
    """A source whose words are a ruling ('the judge', 'a federal court'): its head word is listed as such."""
    if a.source is None:
        return False
    span = doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
    if span is None:
        return False
    entry = stance_words().act_words.get(span.root.lemma_.lower())
    return entry is not None and entry == ("assessment", "source")


def _restatements(doc: Doc, atts: Sequence[Attribution], spans: dict[str, list[TokenSpan]]) -> set[str]:
    """Attributions whose negated content restates a claim another attribution carries unnegated: they share at
    least `RESTATED` content words ('Woods is not serving a suspension' / 'he is serving a month's suspension')."""
    negated = {a.id for a in atts if negated_predicate(spans[a.id])}
    if not negated:
        return set()
    words = {a.id: claim_words(spans[a.id]) for a in atts}
    related = {(a.id, a.nested_in) for a in atts} | {(a.nested_in, a.id) for a in atts}
    out = set()
    for a in atts:
        if a.id not in negated:
            continue
        for b in atts:
            if b.id == a.id or b.id in negated or (a.id, b.id) in related:
                continue
            shared = len(words[a.id] & words[b.id])
            if shared >= RESTATED and shared >= RESTATED_SHARE * min(len(words[a.id]), len(words[b.id])):
                out.add(a.id)
                break
    return out


def _rejects_a_claim(act: str, tokens: Sequence[TokenSpan], lex: Lexicons) -> bool:
    """A court's denial whose content names a claim ('his claim that …', 'the allegations') stays a denial: it rejects
    what someone said, not a request ('rejected the appeal' is a ruling)."""
    return act == "denial" and any(
        lex.nouns[t.lemma_.lower()].act != "demand"  # a request or an appeal asks for something: no claim
        for span in tokens
        for t in span
        if t.pos_ == "NOUN" and t.lemma_.lower() in lex.nouns
    )


def classify(doc: Doc, attributions: Sequence[Attribution], lexicons: Lexicons | None = None) -> list[Attribution]:
    """Certainty and act for each attribution (its source kind must already be set)."""
    lex = lexicons or load()
    spans = {a.id: content_spans(doc, a.content) for a in attributions}
    restated = _restatements(doc, attributions, spans)
    out = []
    children: dict[str, list[Attribution]] = {}  # (gathered once: a search per attribution grew with the square)
    for b in attributions:
        if b.nested_in:
            children.setdefault(b.nested_in, []).append(b)
    for a in attributions:
        tokens = spans[a.id]
        nested = {t.i for b in children.get(a.id, ()) for s in content_spans(doc, b.content) for t in s}
        act = a.act
        if act in ("report", "assertion"):
            act = content_driven_act(doc, a, tokens, lex, nested, a.id in restated)
        ruling = _assessor(doc, a) and not _rejects_a_claim(act, tokens, lex)
        if act in ("report", "assertion", "denial", "demand") and ruling:
            act = "assessment"  # a court rules: what it says, rejects or orders is its assessment
        start = a.certainty
        if a.act == "accusation" and start == "probable" and a.source is not None and not _passive(doc, a):
            start = "certain"  # 'Strada accused the government of …': the accuser is sure; 'has been blamed' is not
        certainty = _lower(start, _hedged(tokens, lex, nested, denial=act == "denial"))
        out.append(replace(a, certainty=certainty, act=act))
    return out
