"""A claim's words as the matcher sees them: case-folded, without function words, reporting framing or inflection.

"Apple denies it's shutting down Beats Music" -> ['apple', 'deny', 'shut', 'beat', 'music']. Two outlets' wordings
of one claim then share most of their words; the IDF weighting (`index.py`) decides which shared words count.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Function words, reporting and framing words ("says", "report", "claims", "new"), and words that change the
# stance but not the topic ("not", "no", "hoax"): a denial must fall into the cluster of the claim it denies.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren around as at be because been before being
    below between both but by can cannot could couldn did didn do does doesn doing don down during each even ever
    every few for from further had hadn has hasn have haven having he her here hers herself him himself his how i
    if in into is isn it its itself just let ll me might more most much must mustn my myself no nor not now of off
    on once only or other ought our ours ourselves out over own re same shall shan she should shouldn so some such
    than that the their theirs them themselves then there these they this those through to too under until up upon
    us very via was wasn we were weren what when where which while who whom whose why will with won would wouldn
    ve you your yours yourself yourselves yet s t d m o y
    say says said saying tell tells told claim claims claimed claiming report reports reported reporting reportedly
    according accord news new latest update updated updates breaking exclusive watch video photo photos pics
    allegedly alleged apparently rumor rumors rumour rumours hoax fake false true really actually still
    million millions billion billions thousand one two three first get gets got make makes made may maybe
    """.split()
)
_APOSTROPHE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s\b|s'\B|'(?=\s|$)")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Suffixes taken off, longest first, when at least MIN_STEM letters remain: inflection, not derivation.
_AMOUNT = re.compile(r"(\d+)(?:m|bn|k|b)")
_SUFFIXES = ("ies", "ing", "ed", "es", "s")
MIN_STEM = 3


def normalize(text: str) -> str:
    """NFKC, case-folded, apostrophes unified, every run of space and punctuation one space."""
    s = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHE)
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)?", s))


@lru_cache(maxsize=262144)
def stem(word: str) -> str:
    """A light, inflection-only stem: 'watches' -> 'watch', 'shutting' -> 'shutt' -> 'shut', 'studies' -> 'study',
    'beats' -> 'beat'. Two inflections of one word meet; derived words ('reporter') stay apart."""
    if word.isdigit() or len(word) <= MIN_STEM:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if suffix == "es" and not base.endswith(("sh", "ch", "x", "z", "ss")):
                return base + "e"
            if suffix in {"ing", "ed"} and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
                return base[:-1]
            return base
    return word


def tokens(text: str) -> list[str]:
    """The matching words of a claim, in order: stems of its content words, numbers kept ('19M' and '19 million'
    both give '19'), possessives dropped, function and framing words (`STOPWORDS`) left out."""
    s = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHE)
    s = _POSSESSIVE.sub(" ", s)
    out: list[str] = []
    for word in _WORD.findall(s):
        word = word.replace("'", "")
        if (m := _AMOUNT.fullmatch(word)) is not None:
            word = m.group(1)
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        out.append(stem(word))
    return out
