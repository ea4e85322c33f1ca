"""Features of a whole extracted attribution, for the keep model: is this cue, with this source and this content,
an attribution the way the training data marks them?

The cue model judges one token; here the judgement sees the finished frame: whether a source was found and on
which side, how long the content is and where it lies, its quotation, whether other attributions nest in it, and
the cue model's own probability. Its main use is to drop the attributions whose content went wrong or whose cue is
doubtful once everything around it is known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from sayso.attribution.cues import DASHES, verb_frame
from sayso.learn.spans import length_bucket, word_shape
from sayso.lexicons import Lexicons
from sayso.model import Attribution, Span

SIGNING_DASHES = {*DASHES, "--"}


def _tokens(doc: Doc, span: Span) -> list[Token]:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return list(found) if found is not None else []


def _root(tokens: list[Token]) -> Token | None:
    """The token of a span whose head lies outside it (the first such)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[0] if tokens else None)


def attribution_features(
    doc: Doc, att: Attribution, siblings: Sequence[Attribution], probs: Mapping[int, float], lex: Lexicons
) -> list[str]:
    """Feature strings of one attribution among the document's others (`siblings`, nesting already set)."""
    cue = _root(_tokens(doc, att.cue))
    if cue is None:
        return ["bias"]
    lemma, frame = cue.lemma_.lower(), verb_frame(cue)
    feats = [
        "bias", f"cue={att.cue.text.lower()}", f"lemma={lemma}", f"pos={cue.pos_}", f"dep={cue.dep_}",
        f"frame={frame}", f"lemma|frame={lemma}|{frame}", f"act={att.act}", f"certainty={att.certainty}",
        f"quote={att.quote}",
        f"lex={lemma in lex.verbs}|{lemma in lex.weak_verbs}|{lemma in lex.nouns}|{(lemma, frame) in lex.verb_frames}",
    ]
    if att.source is not None:
        source = _tokens(doc, att.source)
        head = _root(source)
        side = "before" if att.source.start < att.cue.start else "after"
        kind = (head.ent_type_ or head.pos_) if head is not None else "none"
        feats += [f"source={kind}", f"source_side={side}", f"lemma|source={lemma}|yes",
                  f"source_len={length_bucket(len(source))}"]
    else:
        feats += ["source=none", f"lemma|source={lemma}|no"]
    content = _tokens(doc, att.content)
    side = "after" if att.content.start >= att.cue.end else "before" if att.content.end <= att.cue.start else "around"
    length = length_bucket(len(content))
    feats += [f"content_len={length}", f"content_side={side}", f"pieces={min(len(att.content.pieces), 3)}",
              f"lemma|side={lemma}|{side}", f"pos|len={cue.pos_}|{length}", f"quote|side={att.quote}|{side}"]
    if content:
        starts = sum(1 for t in content[1:] if t.is_sent_start)
        feats += [f"content_first={word_shape(content[0])}", f"content_last={word_shape(content[-1])}",
                  f"content_sents={min(starts + 1, 3)}"]
    feats.append(f"nested={att.nested_in is not None}")
    feats.append(f"children={min(sum(1 for other in siblings if other.nested_in == att.id), 2)}")
    prob = probs.get(cue.i)
    feats.append(f"prob={None if prob is None else round(prob * 10)}")
    return feats


def protected(doc: Doc, att: Attribution, siblings: Sequence[Attribution], lex: Lexicons) -> bool:
    """Attributions the keep model may not drop, because sayso's format asks for them where PolNeAR's marking
    differs: one that holds others (dropping it would turn its nested attributions into outermost ones), and an
    agentless passive of a reporting verb ("is believed to …": source null, kind unspecified). And a quote signed
    with a dash and a name (“…” ― Name), which is an attribution under any convention and which the keep model
    cannot judge: PolNeAR's training articles hold none."""
    if any(other.nested_in == att.id for other in siblings):
        return True
    if att.quote == "direct" and att.cue.text.strip("”\"' ") in SIGNING_DASHES:
        return True
    cue = _root(_tokens(doc, att.cue))
    passive = cue is not None and any(c.dep_ == "auxpass" for c in cue.children)
    return att.source is None and passive and cue is not None and cue.lemma_.lower() in lex.verbs
