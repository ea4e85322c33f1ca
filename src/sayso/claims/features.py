"""What matching needs of a claim besides its words: the names and numbers it speaks of, its verbs, its negation.

Two claims say the same thing of the same things (`agree`) when
- they share at least `MIN_SHARED` matching words (`text.tokens`), one of them no name or number: something is
  said of the things, not only the things named;
- where both give numbers, they share one ("19M Apple Watch sales" / "19 million Apple Watches");
- where both name things, the names of the one that names fewer all appear in the other ("Clinton won the
  primary in Arkansas" / "Clinton won the primary in North Carolina" are two claims);
- they say the same of the things they name and share an anchor (`covers`): the words they share, names
  aside, carry at least `COVERAGE` of each one's weight; a shared name, number or (Title Case) word that is no
  verb; a claim that opens with a personal pronoun only with one that opens with the same.
Negation is kept aside on purpose: a denial must land with what it denies.

Names are the capitalised words that do not open a sentence; in a text set in Title Case (`TITLE_CASE_SHARE` of
the words of four letters or more that do not open a sentence capitalised, at least 3 of them) they cannot be
told from other words, and the name test is skipped for it. A short sentence dense with names passes for Title
Case ("Hillary Clinton won the primary in Arkansas": 2 of 3): its names go unchecked (a known gap).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sayso.claims.denials import negated
from sayso.claims.proposition import verbs
from sayso.claims.text import tokens
from sayso.lexicons import verb_forms

MIN_SHARED = 2
PRONOUN_COVERAGE = 0.7  # a claim about 'he' or 'they' matches only one that says nearly all it says
COVERAGE = 0.35  # chosen on the tuning half of Emergent among PolNeAR's claims (docs/accuracy.md)
NAME_SHARE = 1.0
TITLE_CASE_SHARE = 0.6
_RAW = re.compile(r"[^\W\d_][\w'’.-]*|\d[\d,.]*\w*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_PRONOUN_OPENING = re.compile(r"\s*(he|she|they|we|i|you)\b", re.IGNORECASE)  # not "it": "It takes 2,383 …"
_LOWER_WORD = re.compile(r"[a-z]+")
NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"}
_SENTENCE_END = re.compile(r"[.!?:;\"“”‘(\[—–-]$")


@dataclass(frozen=True)
class ClaimForm:
    """A claim's matching words, names (None: not known, Title Case), numbers, verb lemmas and negation."""

    words: frozenset[str]
    names: frozenset[str] | None
    numbers: frozenset[str]
    predicates: frozenset[str]
    negated: bool
    pronoun_subject: str = ""  # the personal pronoun it opens with: whom it speaks of is not in its words


def _names(text: str) -> frozenset[str] | None:
    capital: list[str] = []
    inner_long = capitalised_long = 0
    for i, m in enumerate(_RAW.finditer(text)):
        word = m.group()
        opens = i == 0 or bool(_SENTENCE_END.search(text[max(0, m.start() - 3) : m.start()].rstrip()))
        if opens:
            continue
        if len(word) >= 4:
            inner_long += 1
            capitalised_long += word[0].isupper()
        if word[0].isupper():
            capital.append(word)
    if inner_long >= 3 and capitalised_long / inner_long >= TITLE_CASE_SHARE:
        return None
    return frozenset(t for word in capital for t in tokens(word))


def numbers_of(text: str) -> frozenset[str]:
    """The numbers a text gives, whole ("3.4", "2383" for "2,383", "19" for "19M") and in words ("three" -> "3")."""
    found = {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}
    found |= {NUMBER_WORDS[w] for w in _LOWER_WORD.findall(text.casefold()) if w in NUMBER_WORDS}
    return frozenset(found)


def form_of(text: str) -> ClaimForm:
    words = frozenset(tokens(text))
    return ClaimForm(
        words=words,
        names=_names(text),
        numbers=numbers_of(text),
        predicates=frozenset(lemma for _, lemma in verbs(text)),
        negated=negated(text),
        pronoun_subject=m.group(1).casefold() if (m := _PRONOUN_OPENING.match(text)) else "",
    )


def agree(a: ClaimForm, b: ClaimForm) -> bool:
    """Whether two claims can say the same thing of the same things (see the module)."""
    shared = a.words & b.words
    if len(shared) < MIN_SHARED:
        return False
    if a.numbers and b.numbers and not (a.numbers & b.numbers):
        return False
    if a.names is None or b.names is None:
        return True
    if a.names and b.names:
        common = a.names & b.names
        if len(common) < NAME_SHARE * min(len(a.names), len(b.names)):
            return False
    return bool(shared - a.names - b.names - a.numbers - b.numbers)


def covers(a: ClaimForm, b: ClaimForm, idf: Mapping[str, float], share: float = COVERAGE) -> bool:
    """Whether two claims share most of what they say and are anchored to the same things:
    - the words they share, names aside, carry at least `share` of the weight (IDF over the corpus) of each
      one's words, names aside: a long sentence that shares one phrase with another says something else, and two
      sentences that name the same people say the same only when they say the same of them;
    - they share a name or a number, or (where names are not known: Title Case) a word that is no verb (a name
      or a noun): "she's going to win" and "you're going to win" share every word and no anchor;
    - a claim that opens with a personal pronoun ("he will vote for Clinton") speaks of someone its words do not
      name: it matches only a claim that opens with the same pronoun and shares `PRONOUN_COVERAGE` of what it
      says."""
    if a.pronoun_subject or b.pronoun_subject:
        if a.pronoun_subject != b.pronoun_subject:
            return False  # "he might back Trump" / "they would back Trump": not one subject
        share = max(share, PRONOUN_COVERAGE)
    names = (a.names or frozenset()) | (b.names or frozenset())
    said_a, said_b = a.words - names, b.words - names
    common = sum(idf.get(w, 0.0) for w in said_a & said_b)
    if common < share * sum(idf.get(w, 0.0) for w in said_a) or common < share * sum(idf.get(w, 0.0) for w in said_b):
        return False
    if a.numbers & b.numbers:
        return True
    if a.names is not None and b.names is not None:
        return bool(a.names & b.names)
    return any(w not in verb_forms() for w in a.words & b.words)


def forms_of(texts: Sequence[str]) -> list[ClaimForm]:
    return [form_of(t) for t in texts]
