"""What a claim is: a proposition, a clause that says something of something, told from its words without a parse.

A text is a proposition when it has a finite verb with something before it (its subject: "officials *said*",
"Scalia *died*", "the program *runs* from November"), is no question, and has at least `MIN_WORDS` words. Bare
noun phrases ("political risk insurance", "city officials"), infinitive or gerund fragments ("to ban all Muslims",
"temporarily barring all Muslims"), embedded questions ("who would be its next president"), labels and questions
are not claims.

A word reads as a finite verb when it is an auxiliary or modal ("is", "has", "will", "can't"), an irregular verb
form ("said", "took", "left"), a regular past form of any verb ("announced", "denied", "stopped"), or the base or
-s form of a word that is only a verb ("agree", "resigns"; not "plans" or "issues", which are nouns as often:
`lexicons/data/verb_forms.tsv`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sayso.lexicons import verb_forms

MIN_WORDS = 3
MAX_WORDS = 120
AUXILIARIES = frozenset(
    """
    is are was were am be been has have had do does did will would can could shall should may might must
    ain't isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't cannot
    couldn't shan't shouldn't mightn't mustn't 're 've 'd 'll 'm
    """.split()
)
# The words around a verb that make its -s or base form no verb: "the (plans)", "his (claims)", "a (ban)".
DETERMINERS = frozenset("a an the his her its their our my your this that these those every each no".split())
PREPOSITIONS = frozenset("of in on at for with by from about into over under after before".split())
# An embedded question or an infinitive is no claim: "who would be its next president", "to bring back the 1990s"
FRAGMENT_OPENERS = frozenset("to who whom whose what which whether how why when where if".split())
PRONOUN_IS = frozenset("it's that's he's she's there's here's what's who's".split())  # not possessors
# Words that follow a verb and not a noun's plural: prepositions, determiners, object pronouns, "that", "to".
FOLLOWERS = frozenset(
    """
    a an the his her its their our my your this that these those to from into on in at by with for about over
    him them us me it up out down off back more than no some all any every
    """.split()
)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*")


def words(text: str) -> list[str]:
    """Lower-case words and numbers, apostrophes unified ("can’t" -> "can't")."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str | None:
    """The verb lemma of `word` when it reads as a finite verb (see the module), else None."""
    if word in AUXILIARIES:
        return word
    if "'" in word:
        # "it's", "they're", "we've", "won't" hold a verb; "Trump's" is a possessive
        tail = word.partition("'")[2]
        if word in PRONOUN_IS or tail in {"re", "m"}:
            return "be"
        if tail in {"ve", "d", "ll"} or word.endswith("n't"):
            return tail
        return None
    forms = verb_forms()
    known = forms.get(word)
    if known is not None and known[1] in {"irregular", "verb"}:
        return known[0]
    if word.endswith("ed") and len(word) > 3:
        for base in (word[:-2], word[:-1], word[:-3], word[:-3] + "y"):
            if base in forms and forms[base][1] != "irregular":
                return base
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        for base in (word[:-1], word[:-2], word[:-3] + "y"):
            if base in forms and forms[base][1] == "verb":
                return base
    return None


@lru_cache(maxsize=65536)
def ambiguous_verb(word: str) -> str | None:
    """The lemma of an -s form of a word that is a noun as often as a verb ("runs", "plans", "forecasts")."""
    if not word.endswith("s") or word.endswith("ss") or len(word) <= 3:
        return None
    forms = verb_forms()
    for base in (word[:-1], word[:-2], word[:-3] + "y"):
        if base in forms and forms[base][1] == "noun_verb":
            return base
    return None


def verbs(text: str) -> list[tuple[int, str]]:
    """(word index, lemma) of the words that read as finite verbs, in order. An -s form that is a noun as often
    (`ambiguous_verb`) is a verb when a function word or a number follows it ("the program runs from", "BMO
    forecasts 19M"), not when one of the determiners precedes it."""
    ws = words(text)
    out = []
    for i, w in enumerate(ws):
        if i > 0 and (ws[i - 1] in DETERMINERS or ws[i - 1] == "to"):
            continue  # "the plans", "to win": a noun, an infinitive
        lemma = verb_lemma(w)
        possessor = i > 0 and ((ws[i - 1].endswith("'s") and ws[i - 1] not in PRONOUN_IS) or ws[i - 1] in PREPOSITIONS)
        if lemma is None and not possessor and i + 1 < len(ws) and (ws[i + 1] in FOLLOWERS or ws[i + 1][0].isdigit()):
            lemma = ambiguous_verb(w)
        if lemma is not None:
            out.append((i, lemma))
    return out


def is_proposition(text: str) -> bool:
    """Whether `text` says something of something (see the module)."""
    stripped = text.strip().rstrip("\"”’'")
    if not stripped or stripped.endswith("?"):
        return False
    n = len(words(text))
    if not MIN_WORDS <= n <= MAX_WORDS:
        return False
    ws = words(text)
    if ws[0] in FRAGMENT_OPENERS:
        return False
    # a verb with a word before it (its subject), or a contraction that holds both ("It's a win")
    return any(i > 0 or "'" in ws[i] for i, _ in verbs(text))
