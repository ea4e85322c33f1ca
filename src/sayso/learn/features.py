"""Candidate cue tokens and their features: what the parse, the lexicons and the rules say about each.

A candidate is any token that could head a cue: a verb, a noun, a predicate adjective, a preposition that
introduces sources ("according", "in"), a colon or a dash. Features are strings (hashed by the model), in the
manner of a feature-based tagger: the word, its frame of dependents, its subject and object, the words around
it, whether it sits inside a quotation, and what the rule pipeline made of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.attribution.cues import verb_frame
from sayso.attribution.quotes import Quote, find_quotes, quote_at
from sayso.lexicons import Lexicons
from sayso.model import Attribution
from sayso.nlp.text import doc_text

CANDIDATE_PREPS = {"according", "in", "as", "by"}
CANDIDATE_MARKS = {":", "—", "―", "–", "--"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "prep", "prt", "agent", "xcomp", "ccomp", "mark", "aux", "neg",
                 "auxpass", "advmod", "acomp", "dative", "attr", "oprd", "acl", "advcl", "pobj"}


def is_candidate(tok: Token) -> bool:
    if tok.pos_ in ("VERB", "NOUN"):
        return True
    if tok.pos_ == "ADJ":
        return tok.dep_ == "acomp"
    if tok.pos_ == "AUX":
        return tok.dep_ in ("ROOT", "ccomp", "conj") and not any(c.pos_ == "VERB" for c in tok.children)
    return tok.lower_ in CANDIDATE_PREPS or tok.text in CANDIDATE_MARKS


@dataclass(frozen=True)
class Context:
    """What features need from the whole document, computed once: its quotations and the rules' cues."""

    quotes: list[Quote]
    rule_cues: dict[int, Attribution]  # token index -> the rule attribution whose cue covers it
    in_rule_content: frozenset[int]  # tokens inside some rule attribution's content
    rule_sentences: frozenset[int]  # the first token of each sentence that holds a rule cue
    sentence_start: tuple[int, ...]  # token index -> the first token of its sentence (Token.sent is slow)
    quoted_sentences: frozenset[int]  # the first token of each sentence with a quotation mark

    @classmethod
    def of(cls, doc: Doc, rule_attributions: Sequence[Attribution]) -> Context:
        quotes, _ = find_quotes(doc_text(doc))
        by_char: dict[int, Attribution] = {}
        content_chars: set[int] = set()
        for att in rule_attributions:
            for a, b in att.cue.pieces:
                for i in range(a, b):
                    by_char[i] = att
            for a, b in att.content.pieces:
                content_chars.update(range(a, b))
        rule_cues = {t.i: by_char[t.idx] for t in doc if t.idx in by_char}
        inside = frozenset(t.i for t in doc if t.idx in content_chars)
        starts: list[int] = []
        quoted: set[int] = set()
        for sent in doc.sents:
            starts += [sent.start] * (sent.end - sent.start)
            if any(t.is_quote for t in sent):
                quoted.add(sent.start)
        sentences = frozenset(starts[i] for i in rule_cues)
        return cls(quotes, rule_cues, inside, sentences, tuple(starts), frozenset(quoted))


def _word(tok: Token) -> str:
    return tok.lemma_.lower() if tok.pos_ not in ("PROPN", "NUM") else tok.pos_


def _role(tok: Token, lex: Lexicons) -> str:
    """What kind of speaker a dependent could be: a named entity type, a source word's kind, or its POS."""
    if tok.ent_type_:
        return tok.ent_type_
    kind = lex.source_words.get(tok.lemma_.lower())
    return kind or ("PRON" if tok.pos_ == "PRON" else tok.pos_)


def token_features(tok: Token, ctx: Context, lex: Lexicons) -> list[str]:
    doc = tok.doc
    w = _word(tok)
    deps = sorted({c.dep_ for c in tok.children if c.dep_ in ARGUMENT_DEPS})
    frame = "+".join(deps)
    vframe = verb_frame(tok)
    feats = [
        "bias", f"w={w}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"dep={tok.dep_}", f"w|dep={w}|{tok.dep_}",
        f"w|tag={w}|{tok.tag_}", f"frame={frame}", f"w|frame={w}|{frame}", f"vframe={vframe}",
        f"w|vframe={w}|{vframe}", f"head={_word(tok.head)}", f"head|dep={tok.head.pos_}|{tok.dep_}",
        f"w|head={w}|{_word(tok.head)}",
    ]
    for d in deps:
        feats += [f"has={d}", f"w|has={w}|{d}"]
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "agent", "dobj", "dative"):
            role = _role(c if c.dep_ != "agent" else next(iter(c.children), c), lex)
            feats += [f"{c.dep_}={role}", f"w|{c.dep_}={w}|{role}", f"{c.dep_}.w={_word(c)}"]
        elif c.dep_ in ("prep", "prt", "mark", "aux", "neg", "advmod"):
            feats += [f"{c.dep_}.w={c.lower_}", f"w|{c.dep_}.w={w}|{c.lower_}"]
        elif c.dep_ in ("ccomp", "xcomp"):
            first = next(iter(c.subtree))
            feats += [f"{c.dep_}.first={first.lower_ if first.is_stop else first.pos_}", f"{c.dep_}.w={_word(c)}"]
            feats.append(f"{c.dep_}.side={'R' if c.i > tok.i else 'L'}")
    for off in (-2, -1, 1, 2):
        j = tok.i + off
        feats.append(f"w{off:+d}={doc[j].lower_ if 0 <= j < len(doc) else '<>'}")
    feats.append(f"w-1|w={doc[tok.i - 1].lower_ if tok.i else '<>'}|{w}")
    inside = quote_at(ctx.quotes, tok.idx, tok.idx + len(tok.text)) is not None
    feats += [f"inq={inside}", f"w|inq={w}|{inside}"]
    start = ctx.sentence_start[tok.i]
    feats.append(f"sent_quote={start in ctx.quoted_sentences}")
    feats.append(f"sent_pos={'first' if tok.i == start else 'early' if tok.i - start < 4 else 'late'}")
    lemma = tok.lemma_.lower()
    for name, table in (("verb", lex.verbs), ("weak", lex.weak_verbs), ("noun", lex.nouns), ("adj", lex.adjectives)):
        cls = table.get(lemma)
        if cls is not None:
            feats += [f"lex={name}", f"lex={name}|{cls.act}", f"lex={name}|{tok.pos_}"]
    share = lex.verb_frames.get((lemma, vframe))
    if share is not None:
        feats.append(f"share={round(share * 10)}")
    if tok.head.lemma_.lower() in lex.verbs and tok.head.i != tok.i:
        feats.append(f"under_cue={tok.dep_}")
    feats.append(f"in_rule_content={tok.i in ctx.in_rule_content}")
    feats.append(f"rule_sentence={start in ctx.rule_sentences}")
    rule = ctx.rule_cues.get(tok.i)
    feats.append(f"rule={rule.act if rule else None}")
    if rule is not None:
        feats += [f"rule_quote={rule.quote}", f"rule_src={rule.source is not None}", f"w|rule={w}"]
    return feats
