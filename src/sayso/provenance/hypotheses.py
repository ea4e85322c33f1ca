"""Hypotheses: explanations an article offers as speculation, with the attribution they come from.

An attribution is a hypothesis when its act is speculation or its certainty only 'possible'. Its text is the
explanatory core of the content: what follows the hedge ("may", "might", "could"), without auxiliaries and
verbs of trying ("may have been trying to derail …" -> "derail …"), and without trailing relative or
parenthetical clauses ("… battle in Syria in which …" -> "… battle in Syria").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sayso.model import Attribution, Hypothesis

HYPOTHESIS_ACTS = frozenset({"speculation"})
NOT_HYPOTHESES = frozenset({"denial", "demand", "accusation"})
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|probably|likely to|maybe)\b\s+", re.IGNORECASE)
_AUX = re.compile(r"^(?:(?:have|has|had|be|been|being|is|are|was|were|also|still|now|even|well|not)\s+)+", re.I)
_TRYING = re.compile(
    r"^(?:seeking|trying|attempting|hoping|looking|aiming|wanting|planning|intending|working|seeing|"
    r"seek|try|attempt|hope|look|aim|want|plan|intend)\s+(?:to\s+)?",
    re.IGNORECASE,
)
_CUT = re.compile(
    r"\s+(?:in which|of which|which|who|whom|whose|where|as they|as it|while|although|though)\b"
    r"|,\s*(?:including|which|who|as|but|although|though)\b|\s*[;:—–(]",
    re.IGNORECASE,
)
_EDGE = " \t\n\"'“”‘’.,;:"


def explanatory_core(content: str) -> str:
    """The explanation in a speculative content: 'the Russians may be seeking revenge on NATO forces for a battle
    in Syria in which …' -> 'revenge on NATO forces for a battle in Syria'."""
    text = content.strip(_EDGE)
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)
    hedge = _HEDGE.search(text)
    if hedge is not None:
        rest = _TRYING.sub("", _AUX.sub("", text[hedge.end() :]), count=1)
        if rest.strip(_EDGE):
            text = rest
    cut = _CUT.search(text)
    if cut is not None and cut.start() > 0:
        text = text[: cut.start()]
    return text.strip(_EDGE)


def hypotheses(attributions: Sequence[Attribution]) -> list[Hypothesis]:
    """The hypotheses among `attributions`, in text order."""
    out = []
    for a in attributions:
        if a.act in NOT_HYPOTHESES:
            continue
        if a.act in HYPOTHESIS_ACTS or a.certainty == "possible":
            core = explanatory_core(a.content.text)
            if core:
                out.append(Hypothesis(a.id, core))
    return out
