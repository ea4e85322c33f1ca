"""Content candidates for one cue, and their features: the learned choice of where a content starts and ends.

The rules give one content per cue; PolNeAR's contents often run further (an object with all its modifiers, the
rest of the sentence, the next sentence of the same paragraph) or stop earlier. Each candidate is a parse-derived
alternative; the content model scores them and the best replaces the rules' choice.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from sayso.attribution.cues import LEARNED_CLASS, Cue, verb_frame
from sayso.attribution.spans import pieces, trimmed_char_pieces
from sayso.lexicons import load

Pieces = list[tuple[int, int]]
SKIP_RIGHT = {"punct", "cc", "conj", "mark", "appos"}


def _ids(pieces_: Pieces, doc: Doc) -> set[int]:
    """The tokens under character pieces."""
    out: set[int] = set()
    for a, b in pieces_:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _paragraph_end(doc: Doc, i: int) -> int:
    """The token index where the paragraph holding token i ends."""
    while i < len(doc) - 1 and "\n" not in doc[i].whitespace_ and "\n" not in doc[i + 1].text:
        i += 1
    return i + 1


def candidates(doc: Doc, cue: Cue, source: tuple[int, int] | None, rule: Pieces) -> list[tuple[str, Pieces]]:
    """Named content candidates for a verb cue, the rules' own first; duplicates dropped."""
    head: Token = cue.head
    frame = set(range(cue.start, cue.end)) | (set(range(*source)) if source else set())
    sent = head.sent
    out: list[tuple[str, Pieces]] = [("rule", rule)]

    def add(name: str, ids: set[int]) -> None:
        ids -= frame
        if ids:
            out.append((name, trimmed_char_pieces(doc, pieces(ids))))

    right = {t.i for c in head.rights if c.i >= cue.end and c.dep_ not in SKIP_RIGHT for t in c.subtree}
    add("right", right)
    if right:
        add("right_span", set(range(cue.end, max(right) + 1)))
    add("to_sent_end", set(range(cue.end, sent.end)))
    obj = next((c for c in head.rights if c.dep_ == "dobj"), None)
    if obj is not None:
        add("object", {t.i for t in obj.subtree})
    # an agentless passive's subject is what the claim is about, not the claim ("Unit 29155 … has been blamed
    # [for …]", "is believed [to …]"), in sayso's format as in the reference example's gold
    after_passive = cue.passive and bool(rule) and rule[0][0] > doc[cue.start].idx
    if cue.start > sent.start and not after_passive:
        add("sent_before", set(range(sent.start, cue.start)))
    if rule:
        ids = _ids(rule, doc)
        first, last = min(ids), max(ids)
        if last < sent.end - 1 and first > cue.start:
            add("rule_to_sent_end", set(range(first, sent.end)))
        para_end = _paragraph_end(doc, last)
        if sent.end < para_end and last >= sent.end - 2:
            nxt = doc[sent.end].sent
            add("rule_next_sent", ids | set(range(nxt.start, nxt.end)))
        if first > sent.start and first < cue.start:
            add("rule_from_sent_start", set(range(sent.start, last + 1)))
        out.extend(_reshaped(doc, ids - frame))
    seen: set[tuple[tuple[int, int], ...]] = set()
    unique = []
    for name, p in out:
        key = tuple(p)
        if p and key not in seen:
            seen.add(key)
            unique.append((name, p))
    return unique or [("rule", rule)]


INNER_DEPS = {"dobj", "ccomp", "xcomp", "pcomp", "attr", "oprd", "acl"}
LEAD_WORDS = {"but", "and", "so", "yet"}  # a bare "that" stays out: sayso's contents drop the complementizer


def _subtree(tok: Token, within: set[int]) -> set[int]:
    return {t.i for t in tok.subtree if t.i in within}


def _reshaped(doc: Doc, ids: set[int]) -> list[tuple[str, Pieces]]:
    """The rules' content with its first or last constituent dropped, cut down to its main complement, or with
    the conjunction or "that," before it kept: where PolNeAR's content boundaries most often differ from the
    rules' ("[Congress] to leave the program intact", "to discuss [the polls]", "[But] the plan is tilted")."""
    if not ids:
        return []
    out: list[tuple[str, Pieces]] = []

    def add(name: str, keep: set[int], lead: bool = False) -> None:
        if keep and keep != ids:
            out.append((name, trimmed_char_pieces(doc, pieces(keep), keep_leading_word=lead)))

    tops = sorted(i for i in ids if doc[i].head.i not in ids or doc[i].head.i == i)
    tops = [i for i in tops if not doc[i].is_punct]
    if len(tops) > 1:
        add("drop_first_top", ids - _subtree(doc[tops[0]], ids))
        add("drop_last_top", ids - _subtree(doc[tops[-1]], ids))
    main = max((doc[i] for i in tops), key=lambda t: len(_subtree(t, ids)), default=None)
    if main is None:
        return out
    lefts = [c for c in main.lefts if c.i in ids and not c.is_punct and c.dep_ not in ("aux", "neg", "nsubj")]
    if lefts:
        add("drop_first", ids - {i for i in _subtree(lefts[0], ids)})
    rights = [c for c in main.rights if c.i in ids and not c.is_punct and c.dep_ not in ("cc",)]
    if len(rights) > 1:
        add("drop_last", ids - _subtree(rights[-1], ids))
    inner = next((c for c in main.rights if c.i in ids and c.dep_ in INNER_DEPS | {"prep"}), None)
    if inner is not None and inner.dep_ == "prep":
        inner = next((g for g in inner.children if g.dep_ in ("pobj", "pcomp") and g.i in ids), None)
    if inner is not None:
        add("inner", _subtree(inner, ids))
    first = min(ids)
    if first > 0 and doc[first - 1].lower_ in LEAD_WORDS and doc[first - 1].dep_ in ("cc", "mark"):
        add("with_lead", ids | {first - 1}, lead=True)
    elif first > 1 and doc[first - 1].text == "," and doc[first - 2].lower_ == "that":
        add("with_lead", ids | {first - 1, first - 2}, lead=True)
    return out


def length_bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16-31" if n < 32 else "32+"


def _shape(doc: Doc, toks: list[Token], text: str, a: int) -> list[str]:
    """Length, first word, end and quotation of a content."""
    if not toks:
        return ["empty"]
    first, end = toks[0], toks[-1]
    quoted = a > 0 and text[a - 1] in "“\"'‘"
    # sentence starts read from the tokens' flags: Token.sent builds a Span each time, too slow per candidate
    ends_sentence = any(j >= len(doc) or doc[j].is_sent_start for j in (end.i + 1, end.i + 2))
    sentences = 1 + sum(1 for t in toks[1:] if t.is_sent_start)
    return [
        f"len={length_bucket(len(toks))}", f"first={first.lower_ if first.is_stop else first.pos_}", f"quoted={quoted}",
        f"end={'sent' if ends_sentence else 'mid'}", f"sents={min(sentences, 3)}",
    ]


def _attached(doc: Doc, ids: set[int]) -> set[str]:
    """How a set of tokens hangs from the rest of the sentence: each top token's dependency label, alone and with
    the word its phrase starts with ("advcl|because", "relcl|which", "prep|during")."""
    out: set[str] = set()
    for i in ids:
        tok = doc[i]
        if tok.head.i not in ids or tok.head.i == i:
            first = tok.left_edge if tok.left_edge.i in ids else tok
            word = first.lower_ if first.is_stop or first.is_punct else first.pos_
            out.update((tok.dep_, f"{tok.dep_}|{word}"))
    return out


def candidate_features(doc: Doc, cue: Cue, name: str, cand: Pieces, rule: Pieces, text: str) -> list[str]:
    """Features of replacing the rules' content by `cand`: what the candidate is, what the rules' content is, and
    what the replacement adds or drops."""
    mine, theirs = _ids(cand, doc), _ids(rule, doc)
    toks = [doc[i] for i in sorted(mine)]
    rule_toks = [doc[i] for i in sorted(theirs)]
    relation = (
        "none" if not theirs else "super" if theirs < mine else "sub" if mine < theirs
        else "disjoint" if not mine & theirs else "overlap"
    )
    feats = ["bias", f"c={name}", f"c|rel={name}|{relation}", f"c|lemma={name}|{cue.lemma}",
             f"c|frame={name}|{verb_frame(cue.head)}", f"c|kind={name}|{cue.kind}",
             f"c|learned={name}|{cue.cls is LEARNED_CLASS}", f"c|dep={name}|{cue.head.dep_}",
             f"c|after={name}|{bool(toks) and toks[0].i >= cue.head.i}", f"c|pieces={name}|{min(len(cand), 3)}"]
    feats += [f"c|{f}={name}" for f in _shape(doc, toks, text, cand[0][0] if cand else 0)]
    feats += [f"r|{f}" for f in _shape(doc, rule_toks, text, rule[0][0] if rule else 0)]
    feats += [f"c|r|{name}|{f}" for f in _shape(doc, rule_toks, text, rule[0][0] if rule else 0)]
    for dep in _attached(doc, mine - theirs):
        feats += [f"c|adds={name}|{dep}", f"adds={dep}", f"lemma|adds={cue.lemma}|{dep}"]
    for dep in _attached(doc, theirs - mine):
        feats += [f"c|drops={name}|{dep}", f"drops={dep}"]
    extra = len(mine - theirs)
    feats.append(f"c|extra={name}|{length_bucket(extra)}")
    feats += _edges(doc, cue, name, mine, theirs)
    return feats


def word_shape(tok: Token | None) -> str:
    """A word as the models see it: stop words and punctuation as written, other words by their part of speech."""
    if tok is None:
        return "<>"
    return tok.lower_ if tok.is_stop or tok.is_punct else tok.pos_


def _edges(doc: Doc, cue: Cue, name: str, mine: set[int], theirs: set[int]) -> list[str]:
    """Where the candidate starts and stops (the words on either side of each edge) and what it takes in or
    leaves out beyond the rules' content: another reporting verb with its own subject ("…, and [he said …]") is
    where PolNeAR's contents stop; quotation marks and how much is dropped tell a quote's reach."""
    if not mine:
        return []
    first, last = min(mine), max(mine)
    after = doc[last + 1] if last + 1 < len(doc) else None
    before = doc[first - 1] if first > 0 else None
    verbs = load().verbs
    added = mine - theirs
    cues = [doc[i] for i in added if doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in verbs]
    relation = "super" if theirs < mine else "sub" if mine < theirs else "other"
    top = doc[first].head
    return [
        f"c|first={name}|{word_shape(doc[first])}", f"c|last={name}|{word_shape(doc[last])}",
        f"c|before={name}|{word_shape(before)}", f"c|after={name}|{word_shape(after)}",
        f"c|last|after={name}|{word_shape(doc[last])}|{word_shape(after)}",
        f"c|adds_cue={name}|{bool(cues)}",
        f"c|adds_said={name}|{any(c.dep_ != 'ccomp' and any(d.dep_ == 'nsubj' for d in c.children) for c in cues)}",
        f"c|drops={name}|{length_bucket(len(theirs - mine))}",
        f"c|adds_quotes={name}|{min(sum(1 for i in added if doc[i].is_quote), 2)}",
        f"c|lemma|rel={name}|{cue.lemma}|{relation}",
        f"c|hangs={name}|{top.dep_ if top.i not in mine else 'root'}",
    ]


Chooser = Callable[[Doc, Cue, tuple[int, int] | None, Pieces], Pieces]
