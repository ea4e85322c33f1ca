"""The resolver's data: mentions and entities, the resolution it returns, and what it reads off a mention's
words (roles, names, modifiers, canonical names). The rules that link mentions are in `resolver.py` and
`nominals.py`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sayso.model import Attribution
from sayso.resolve.index import doc_index
from sayso.resolve.kinds import (
    ANONYMOUS,
    DOCUMENT,
    GOVERNMENT,
    ORGANIZATION,
    PERSON,
    QUANTIFIERS,
    lemma_of,
    word_kind,
)
from sayso.resolve.names import (
    FUNCTION_WORDS,
    country_named,
    country_of_demonym,
    gender_of_name,
    is_title,
    role_word,
)

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})
THINGS = frozenset({"EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})  # named entities that do not speak or act
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "said"})
INDEFINITE = frozenset({"a", "an", "another", "other", "some", "any", "several", "many", "few", "more", "one"})
NO_TRACK_ANONYMOUS = frozenset({"people", "person"})  # too common to follow unless a source
COUNTRY_HEADS = frozenset({"government", "authorities", "authority", "forces", "regime", "military", "army"})
NATIONAL_HEADS = frozenset({"embassy", "ministry", "consulate", "government", "authorities", "forces", "military"})
PUBLICATIONS = frozenset(
    {"report", "article", "story", "piece", "investigation", "reporting", "coverage", "expose", "exposé", "scoop"}
)  # documents that stand for the outlet that published them, when the text does not name their author
OUTLET_HEADS = frozenset({"newspaper", "paper", "outlet", "network", "broadcaster", "publication", "magazine"})
PLACE_PREPS = frozenset({"in", "at", "near", "to", "into", "from", "outside", "across", "throughout", "around", "via"})
PUBLISHER_PREPS = frozenset({"by", "from", "in", "of"})
PRONOUNS = frozenset(
    {"it", "its", "he", "him", "his", "she", "her", "they", "them", "their", "we", "us", "our", "i", "me", "my"}
)
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
PRONOUN_WINDOW = 4  # sentences a pronoun looks back for a source before any earlier mention
JOINERS = frozenset({"-", "&"})  # punctuation that belongs to a name


@dataclass(frozen=True)
class Mention:
    """One mention in the text and the entity it resolved to (None when nothing could be found)."""

    text: str
    start: int
    end: int
    refers_to: str | None
    kind: str
    is_source: bool = False


@dataclass
class _Entity:
    name: str
    kind: str
    category: str  # outlet, country, person, org, anonymous, nominal, document, place, thing
    head: str = ""
    modifiers: frozenset[str] = frozenset()
    plural: bool = False
    gender: str = "-"
    names: list[str] = field(default_factory=list)  # person name tokens of the fullest name
    roles: set[str] = field(default_factory=set)  # roles a person is given ('senator', 'spokesman', 'nominee')
    keys: set[str] = field(default_factory=set)
    mentions: list[tuple[int, str]] = field(default_factory=list)
    source_at: list[int] = field(default_factory=list)
    fixed: bool = False  # canonical name comes from a data file: never upgraded

    @property
    def last(self) -> int:
        return self.mentions[-1][0] if self.mentions else -1


@dataclass
class _Cand:
    toks: SpacySpan
    head: Token
    start: int
    end: int
    text: str
    label: str
    sources: list[Attribution] = field(default_factory=list)

    @property
    def is_source(self) -> bool:
        return bool(self.sources)


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving a document: every mention with its entity, and the entities map."""

    mentions: tuple[Mention, ...]
    entities: dict[str, tuple[str, ...]]
    kinds: dict[str, str]  # canonical name -> source kind of the entity (for a sources panel)
    outlets: frozenset[str]  # canonical names that are known outlets
    reports: tuple[tuple[int, str], ...]  # (cue offset, canonical name) of each report by an outlet or organisation

    def refers_to(self, start: int, end: int) -> str | None:
        """The entity of the mention over `[start, end)`, or of the first mention inside it."""
        inside = self.mentions_in(start, end)
        exact = [m for m in inside if m.start == start and m.end == end]
        for m in exact or inside:
            if m.refers_to:
                return m.refers_to
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions inside `[start, end)`, in the order of `mentions`."""
        # (found by position: asked for every attribution, a walk over every mention grew with the square of the text)
        order, starts = self._by_start
        found = sorted(order[bisect_left(starts, start) : bisect_right(starts, end)])
        return [self.mentions[i] for i in found if self.mentions[i].end <= end]

    @cached_property
    def _by_start(self) -> tuple[list[int], list[int]]:
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        return order, [self.mentions[i].start for i in order]

    def publisher_before(self, offset: int) -> str | None:
        """The outlet (or organisation) whose report is the most recent before `offset`."""
        before = [(pos, name) for pos, name in self.reports if pos < offset]
        outlets_first = [b for b in before if b[1] in self.outlets] or before
        return outlets_first[-1][1] if outlets_first else None


GENERIC = frozenset({"you", "one", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "this", "that"})


def _web_name(tok: Token) -> bool:
    """A site named by its address ('iGen.fr', 'Mediaite.com'), which the tagger may take for a common noun."""
    name, dot, ending = tok.text.rpartition(".")
    return bool(dot) and len(name) >= 2 and " " not in name and ending.isalpha() and 2 <= len(ending) <= 4


def _coordinated(c: _Cand) -> bool:
    """'the league and the player's agent': a source naming several speakers, not all of them names (those are a
    group: `_Resolver._group`)."""
    others = [t for t in c.head.conjuncts if t.i > c.head.i and c.toks.start <= t.i < c.toks.end]
    # 'the former first lady and U.S. senator': one person with two roles (no article of its own on the second)
    return any(t.pos_ == "PROPN" or any(ch.dep_ in {"det", "poss"} for ch in t.children) for t in others)


def _generic(c: _Cand) -> bool:
    """A mention that names no one: generic 'you' and 'one', an indefinite pronoun, a bare demonstrative."""
    words = [t for t in c.toks if not t.is_punct]
    return len(words) == 1 and words[0].lower_ in GENERIC and words[0].pos_ in {"PRON", "NUM", "DET"}


def _roles(c: _Cand) -> set[str]:
    """The roles a mention gives a person: its titles, role nouns before the name and in an apposition ('Sen.',
    'Republican nominee Donald Trump', 'Chad Bown, an expert on trade')."""
    found = {r for t in c.toks if t.i != c.head.i and (r := role_word(t.lemma_ or t.text)) is not None}
    stack = [ch for ch in c.head.children if ch.dep_ in {"compound", "appos", "amod", "nmod"}]
    while stack:
        t = stack.pop()
        r = role_word(t.lemma_) or role_word(t.text)
        if r is not None:
            found.add(r)
        stack.extend(ch for ch in t.children if ch.dep_ in {"compound", "amod", "nmod"})
    return found


# How far back a pronoun or description looks for its entity: further than the longest news article (PolNeAR's
# longest is 34,309 characters), so an article resolves as before; in a longer text the search per mention stops
# growing with it (the resolution of 300 KB of joined articles took half the analysis).
RESOLVE_REACH = 40_000


def _latest_first(
    entities: Iterable[_Entity], offset: int, positions: Callable[[_Entity], Iterable[int]]
) -> list[tuple[int, _Entity]]:
    """Entities with a position before `offset`, the one with the latest such position first; only those mentioned
    within RESOLVE_REACH characters before it (a bound on the work per mention in a text of any length)."""
    out = []
    for e in entities:
        if e.last < offset - RESOLVE_REACH:
            continue
        before = [p for p in positions(e) if p < offset]
        if before:
            out.append((max(before), e))
    return sorted(out, key=lambda pe: -pe[0])


def _agrees(pronoun: str, e: _Entity) -> bool:
    if e.category == "thing":
        return False
    if pronoun in {"it", "its"}:
        return e.kind in {ORGANIZATION, GOVERNMENT, DOCUMENT} and not e.plural
    one_person = e.kind in {PERSON, ANONYMOUS} and not e.plural  # 'a senior official' is one person too
    if pronoun in {"he", "him", "his"}:
        return one_person and e.gender != "f"
    if pronoun in {"she", "her"}:
        return one_person and e.gender != "m"
    if pronoun in {"i", "me"}:
        return one_person
    return e.plural or e.kind in {ORGANIZATION, GOVERNMENT, ANONYMOUS}


def _with_titles(ent: SpacySpan) -> SpacySpan:
    """An entity with the titles and article just before it: 'President Donald Trump', 'The Post'."""
    doc, start = ent.doc, ent.start
    while start > 0 and ent.label_ == "PERSON" and is_title(doc[start - 1].text):
        start -= 1
    if start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].dep_ == "det":
        start -= 1
    return doc[start : ent.end]


def _country_people(tok: Token) -> bool:
    """'the Russians' (a people standing for its country), not 'Russian' used as an adjective, 'Americans' (people)
    or 'the two Americans'."""
    children = list(tok.children)
    return (
        tok.tag_ in {"NNPS", "NNS"}
        and any(ch.lower_ == "the" and ch.dep_ == "det" for ch in children)
        and not any(ch.dep_ == "nummod" or ch.like_num for ch in children)
    )


def _trackable_nominal(chunk: SpacySpan, head: Token) -> bool:
    """Noun phrases worth following as mentions: officials, sources, institutions, definite documents."""
    lemma = lemma_of(head)
    kind = word_kind(lemma) or word_kind(head.lower_)
    if kind is None or head.tag_ not in {"NN", "NNS"}:
        return False
    if kind == ANONYMOUS:
        return lemma not in NO_TRACK_ANONYMOUS
    if kind == DOCUMENT:
        return chunk[0].lower_ in DEFINITE or any(ch.dep_ in {"poss", "compound"} for ch in head.children)
    if {lemma, head.lower_} & {"forces", "troops", "coalition", "office", "court", "authorities", "military"}:
        return any(t.ent_type_ in {"NORP", "GPE", "ORG"} for t in chunk) and len(chunk) <= 3
    return chunk[0].lower_ in DEFINITE or any(t.ent_type_ in {"NORP", "GPE", "ORG"} for t in chunk)


def _trim(chunk: SpacySpan) -> SpacySpan:
    """A noun chunk without leading quotation marks or punctuation."""
    start = chunk.start
    while start < chunk.end - 1 and (chunk.doc[start].is_punct or chunk.doc[start].is_quote):
        start += 1
    return chunk.doc[start : chunk.end]


def _numbered_name(tok: Token) -> bool:
    """'Unit 29155', 'Flight 370': a capitalised noun followed by a number of two or more digits."""
    if tok.i + 1 >= len(tok.doc) or tok.tag_ != "NNP" or tok.ent_type_ in {"DATE", "PERSON", "GPE"}:
        return False
    nxt = tok.doc[tok.i + 1]
    months = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october"}
    months |= {"november", "december"}
    return nxt.text.isdigit() and len(nxt.text) >= 2 and tok.lower_ not in months


def _person_name(c: _Cand) -> list[str]:
    """The words of a person's name in a mention: the PERSON entity over its head, else the run of capitalised
    words ending at its head, without titles ('Kremlin spokesman Dmitry Peskov' -> Dmitry Peskov)."""
    head = c.head
    if head.ent_type_ == "PERSON":
        tokens = list(doc_index(head.doc).ent_of[head.i])
    else:
        tokens = []
        i = head.i
        while i >= c.toks.start and (_name_word(head.doc[i]) or head.doc[i].text in {"-", "."} or i == head.i):
            tokens.insert(0, head.doc[i])
            i -= 1
    named = tokens
    while tokens and (is_title(tokens[0].text) or tokens[0].pos_ == "DET" or tokens[0].is_punct):
        tokens = tokens[1:]
    if not tokens and head.ent_type_ == "PERSON" and named:
        tokens = named[-1:]  # a name that is a title word too is the surname: "Mr. King", "Ms. Bishop"
    tokens = [t for t in tokens if t.tag_ != "POS" and t.text not in {"'s", "’s"} and (not t.is_punct or t.text == "-")]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    # an epithet before a first name is not part of the name ('Crooked Hillary Clinton')
    firsts = [n for n, t in enumerate(tokens[:-1]) if gender_of_name(t.text) != "-"]
    if firsts and firsts[0] > 0:
        tokens = tokens[firsts[0] :]
    # words joined by hyphens stay joined ('Park Geun-hye', 'Holtz-Eakin')
    names: list[str] = []
    for n, t in enumerate(tokens):
        glued = n > 0 and (t.text == "-" or tokens[n - 1].text == "-") and not tokens[n - 1].whitespace_
        if glued and names:
            names[-1] += t.text
        else:
            names.append(t.text)
    return names


def _name_word(tok: Token) -> bool:
    return tok.tag_ in {"NNP", "NNPS"} or (tok.pos_ == "PROPN" and tok.text[:1].isupper())


def _capitalised(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for a common noun ('Trump later said')."""
    return tok.text[:1].isupper() and not tok.is_sent_start and tok.tag_ in {"NN", "NNS"} and not tok.is_stop


def _prefixed(tok: Token) -> bool:
    """'pro-Syrian', 'anti-American': a demonym that does not name its country's side."""
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ in {"pro", "anti", "non"}


def _actor(tok: Token) -> bool:
    """A place name used as an actor ('Moscow denied', 'accusations of Moscow'), not as a place ('in London')."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "compound":
        return False
    return not (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS)


def _looks_like_person(toks: SpacySpan) -> bool:
    """A title before a proper noun ('Sen. Smith') when the tagger gave no entity label."""
    words = [t for t in toks if t.pos_ != "DET"]
    return len(words) >= 2 and is_title(words[0].text) and words[-1].tag_ == "NNP"


def _modifiers(toks: SpacySpan, head: Token) -> tuple[frozenset[str], frozenset[str]]:
    """The words before a nominal's head (countries normalised: 'U.S.' = 'US'), and those that are proper."""
    mods: set[str] = set()
    proper: set[str] = set()
    for t in toks:
        if t.i >= head.i or t.pos_ in {"DET", "PUNCT", "NUM"} or t.lower_ in QUANTIFIERS or t.tag_ == "POS":
            continue
        country = country_named(t.text) or (country_of_demonym(t.text) if t.text[:1].isupper() else None)
        word = country.name.lower() if country else t.lemma_.lower()
        mods.add(word)
        if t.tag_ in {"NNP", "NNPS"} or t.ent_type_ in {"NORP", "GPE", "ORG"}:
            proper.add(word)
    return frozenset(mods), frozenset(proper)


def _join(words: list[Token]) -> str:
    """Words as written, with the spacing the text gives them ('Holtz-Eakin', 'Washington D.C.')."""
    return "".join(t.text_with_ws for t in words[:-1]) + words[-1].text if words else ""


def _org_name(words: list[Token]) -> str:
    """An organisation's canonical name: its words without 'the', a plural head made singular when the head is an
    institution noun ('the Russian Embassies' -> 'Russian Embassy')."""
    parts = _join(words).split()
    last = words[-1]
    lemma = lemma_of(last)
    if lemma != last.lower_ and last.tag_ in {"NNP", "NNPS", "NNS"} and word_kind(lemma) in {GOVERNMENT, ORGANIZATION}:
        parts[-1] = lemma.title()
    if last.is_lower and word_kind(lemma) in {GOVERNMENT, ORGANIZATION}:
        # an institution named with a common-noun head: 'the Chinese foreign ministry' -> Chinese Foreign Ministry
        parts = [p if not p.islower() or p in FUNCTION_WORDS else p.title() for p in parts]
    return _org_name_text(" ".join(parts))


def _org_name_text(text: str) -> str:
    words = text.split()
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words).removesuffix("'s").removesuffix("’s")


def _nominal_name(c: _Cand) -> str:
    """An anonymous or common-noun source's name: its first full mention, without a leading 'the'."""
    text = c.text.strip(" \"'“”,.;:")
    if text.lower().startswith("the ") and len(text) > 4:
        text = text[4:]
    return text
