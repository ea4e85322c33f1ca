"""Word lists for what a statement does with a claim: denials in other words (`denial_phrases.tsv`) and the words
that tell a plain statement's act from its content (`act_words.tsv`). Data files, read once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sayso.lexicons import _rows

DENIAL_KINDS = ("denial", "doubt")
CONTENT_ACTS = ("accusation", "assertion", "assessment")
WORD_POS = ("any", "adj", "adv", "verb", "noun", "source")


@dataclass(frozen=True)
class StanceWords:
    # lower-case word sequence -> denial or doubt ("not true", "never happened", "raised doubts")
    denial_phrases: dict[tuple[str, ...], str]
    # lemma -> (act, part of speech it must have): "bribe" -> accusation, "obviously" -> assertion (adv); pos
    # "source": the head of the source, not a word of the content ("judge" -> assessment)
    act_words: dict[str, tuple[str, str]]

    @property
    def longest_phrase(self) -> int:
        return max((len(p) for p in self.denial_phrases), default=0)


def _check(name: str, column: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"lexicon {name}: {column} {value!r} is not one of {', '.join(allowed)}")
    return value


@lru_cache(maxsize=1)
def stance_words() -> StanceWords:
    phrases = {
        tuple(r["phrase"].lower().split()): _check("denial_phrases.tsv", "kind", r["kind"], DENIAL_KINDS)
        for r in _rows("denial_phrases.tsv")
    }
    acts = {
        r["word"].lower(): (
            _check("act_words.tsv", "act", r["act"], CONTENT_ACTS),
            _check("act_words.tsv", "pos", r["pos"], WORD_POS),
        )
        for r in _rows("act_words.tsv")
    }
    return StanceWords(phrases, acts)
