"""Denials that stand alone: a statement that calls a claim false without a denying cue ("Willie Nelson death
hoax", "Report that Apple is closing Beats is untrue", "No, Putin was not pooped on by a bird").

An attribution is a denial by sayso's own analysis (act `denial`, or `stance.denials.is_denial` over the parse);
this module adds, for claims read back from the store or written as an article's own assertion, the check that
needs no parse: a word of the denial lexicon (`lexicons/data/denial_words.tsv`), one of `NO_TRUTH`'s phrases, a
debunking word ("debunked", "hoax"), or a flat "No," / "Nope" that opens the sentence.

Across documents one more rule needs the claim matching: a claim that is negated ("Tiger Woods is *not*
suspended") in a cluster where most other claims are not (`NEGATED_SHARE`) denies what its cluster says
(`against_cluster`). The share was chosen on the tuning half of Emergent's claims (docs/accuracy.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from sayso.lexicons import load as load_lexicons

NO_TRUTH = ("no truth", "not true", "untrue", "fake news", "no basis", "no evidence")
DEBUNKING = frozenset({"hoax", "hoaxes", "debunk", "debunked", "debunks", "denies", "denied"})
DENYING_ACTS = frozenset({"denial"})
_OPENING_NO = re.compile(r"^\s*(?:no|nope|not so|wrong)\s*[,:!.—–-]", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
_NEGATION = re.compile(r"\b(?:not|never|no|nor|neither|cannot)\b|n't\b|\b(?:isnt|wasnt|didnt|doesnt|wont|cant)\b")
NEGATED_SHARE = 0.5  # a negated claim denies its cluster when fewer than this share of the others are negated


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    return load_lexicons().denial_words | DEBUNKING


def states_denial(text: str) -> bool:
    """Whether a sentence says, on its own, that a claim is false (see the module)."""
    low = text.casefold().replace("’", "'")
    if any(p in low for p in NO_TRUTH) or _OPENING_NO.match(low):
        return True
    return any(w in _words() for w in _WORD.findall(low))


def negated(text: str) -> bool:
    """Whether a sentence carries a negation ('not', "n't", 'never', 'no')."""
    return _NEGATION.search(text.casefold().replace("’", "'")) is not None


def against_cluster(negations: Sequence[bool], labels: Sequence[int]) -> list[bool]:
    """For each claim, whether it is negated while fewer than `NEGATED_SHARE` of the other claims of its cluster
    are (a claim alone in its cluster denies nothing by this rule)."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)
    out = []
    for i, label in enumerate(labels):
        others = len(members[label]) - 1
        if not negations[i] or others == 0:
            out.append(False)
            continue
        negated_others = sum(negations[j] for j in members[label]) - 1
        out.append(negated_others / others < NEGATED_SHARE)
    return out
