"""What a claim of a document is, in one place (the store's `claims` table and `claims_of` both follow it).

A claim is a proposition (`proposition.is_proposition`: a clause that says something of something, not a bare
noun phrase, a fragment, a question or a label), taken from
- what a source states: an attribution's content (`claim_attributions`);
- what the article asserts on its own authority (`assertion_sentences`): a sentence that no attribution's source,
  cue or content touches, with no quotation, question, hedge ("may", "reportedly", "is believed to") or first or
  second person, that looks like a statement (starts with a capital or digit, ends with a full stop, 6 to 80
  words). Sentence boundaries come from the parse when the caller has them, else from punctuation;
- its headline (`title_claim`): the document's title, when it is a proposition.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from sayso.claims.proposition import is_proposition
from sayso.lexicons import load as load_lexicons
from sayso.model import Attribution, Document, Span

MIN_WORDS = 6
MAX_WORDS = 80
_PUNCT = re.compile(r"[^\w\s]+")
_WORD = re.compile(r"[\w'’-]+")
_QUOTES = frozenset('"“”«»„')
_PERSONAL = frozenset("i me my mine we us our ours you your yours".split())
# A sentence ends at . ! ? (and closing quotes or brackets after them) before a space and a capital, digit or
# opening quote; or at a line break. "U.S. officials" is split wrongly; the parse's sentences are used where known.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*[ \t]+(?=[A-Z0-9\"“‘(])|\n+")


def normalise_claim(text: str) -> str:
    """The claim's text for matching: NFKC, case-folded, apostrophes dropped (`won't` -> `wont`), other
    punctuation to spaces, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "").replace("'", "")
    return " ".join(_PUNCT.sub(" ", folded).split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets from punctuation alone, for documents whose parse is not at hand."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        spans.append((start, m.start() if m.group().startswith("\n") else m.start() + len(m.group().rstrip())))
        start = m.end()
    spans.append((start, len(text)))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def _hedges() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    hedges = load_lexicons().hedges
    words = frozenset(h for h in hedges if " " not in h)
    phrases = frozenset(tuple(h.split()) for h in hedges if " " in h)
    return words, phrases


def _hedged(words: list[str]) -> bool:
    singles, phrases = _hedges()
    if any(w in singles for w in words):
        return True
    lengths = {len(p) for p in phrases}
    return any(tuple(words[i : i + n]) in phrases for n in lengths for i in range(len(words) - n + 1))


def is_assertion(sentence: str) -> bool:
    """Whether a sentence with no attribution in it reads as the article's own statement of fact."""
    s = sentence.strip()
    if not s or not (s[0].isupper() or s[0].isdigit()) or not s.endswith("."):
        return False
    if "?" in s or any(ch in _QUOTES for ch in s) or s.startswith(("‘", "'")):
        return False
    raw = _WORD.findall(s)
    if not MIN_WORDS <= len(raw) <= MAX_WORDS:
        return False
    words = [w.lower().strip("'’-") for w in raw]
    # a capitalised word inside the sentence is a name ("in May", "Will Smith"), not a hedge
    common = [w for i, (w, r) in enumerate(zip(words, raw, strict=True)) if i == 0 or not r[0].isupper()]
    return not (any(w in _PERSONAL for w in words) or _hedged(common)) and is_proposition(s)


def claim_attributions(document: Document) -> list[Attribution]:
    """The attributions whose content is a claim (a proposition), in the document's order; and the denials linked
    to the claims they deny ("the mayor denied *it*"), which carry their targets' claim, not their words'."""
    linked = {d.by for d in document.denials if d.targets}
    return [a for a in document.attributions if a.id in linked or is_proposition(a.content.text)]


def title_claim(document: Document) -> str | None:
    """The document's headline when it states a claim (a proposition), else None."""
    title = (document.meta.title or "").strip()
    return title if title and is_proposition(title) else None


def assertion_sentences(
    document: Document, sentences: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """(sentence number, start, end) of the document's unattributed assertions; `sentences` are its sentence
    offsets (from the parse), else they are found from punctuation."""
    bounds = list(sentences) if sentences is not None else split_sentences(document.text)
    taken = [s for a in document.attributions for s in (a.source, a.cue, a.content) if s is not None]
    found = []
    for n, (start, end) in enumerate(bounds):
        # page furniture is no claim: a sentence after a label ("UPDATE: The city said …") starts past it
        start = max([start] + [f.end for f in document.furniture if f.start <= start < f.end])
        start, end = _strip(document.text, start, end)
        if end <= start:
            continue
        sentence = Span(document.text[start:end], start, end)
        if any(sentence.overlaps(t) for t in taken) or any(sentence.overlaps(f) for f in document.furniture):
            continue
        if is_assertion(sentence.text):
            found.append((n, start, end))
    return found
