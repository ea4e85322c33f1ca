"""Source entities: every source mention, and the document's other named mentions, resolved to one canonical entity.

No trained coreference model is used. The resolver walks the document's mentions in text order (attribution
sources, named entities, institution, official and document nouns, web names) and links each to an entity met
earlier, or opens a new one, by these rules, tried in order:

- pronoun (a source only): 'I' / 'we' inside a quotation -> its speaker; otherwise the most recent earlier
  *source* it agrees with: it -> organisation, government or document; he / she -> one person of that gender
  (from a title, a first name or a role noun); they -> a group; then recent mentions that agree;
- proper name: the same name met earlier; an initialism of an earlier name or a bracketed one ("NSC", "(DOJ)"); a
  short form of an earlier organisation ("The Post" after "The New York Post"); a known outlet (`outlets.tsv`:
  aliases, initialisms, web names); a country, its capital used as an actor, or 'the' + a demonym ("the
  Russians"); a person, by surname ("Trump" after "President Donald Trump"); a misspelt or truncated outlet or
  earlier name (`difflib`);
- document noun: the outlet or organisation named with it ("a Reuters report", "the report by CNN", "a Bloomberg
  poll"); else, for a publication ("the report", "the article", "the story"), the publisher whose report it is: the
  most recent outlet that reported;
- person or official noun: a definite role ("the senator") -> the most recent person given that role ("Sen.
  Elizabeth Warren"); a definite or modified one ("the intelligence officials", "US officials", "the source") ->
  the most recent mention with the same head and no modifiers it lacks; an indefinite one ("another source") is new;
- institution noun: with a proper modifier it is named ("the Russian embassy" -> Russian Embassy; "the Russian
  government" -> Russia); a definite one ("the embassy") takes an earlier one with the same head, else a
  nationality in the same sentence or the nearest earlier country ("Russian" -> "Russian Embassy"), else the
  nearest earlier entity of its kind; an indefinite one ("a company") is new.

Canonical names: outlets and countries take the data file's name; people their fullest name without titles;
organisations their fullest name without "the"; anonymous sources their first full mention.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sayso.model import Attribution
from sayso.resolve.data import Country, Outlet, key
from sayso.resolve.index import doc_index
from sayso.resolve.kinds import (
    ANONYMOUS,
    DOCUMENT,
    GOVERNMENT,
    ORGANIZATION,
    PERSON,
    QUANTIFIERS,
    UNSPECIFIED,
    head_of,
    kind_of_tokens,
    later_full_name,
    lemma_of,
    tokens_of,
    word_kind,
)
from sayso.resolve.names import (
    FUNCTION_WORDS,
    bodies,
    country_named,
    country_of_capital,
    country_of_demonym,
    gender_of_name,
    initialism_key,
    initialisms,
    is_initialism,
    is_title,
    outlet_exact,
    outlet_fuzzy,
    outlet_word,
    role_gender,
    role_word,
    similar,
    title_gender,
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
    {"it", "its", "he", "him", "his", "she", "her", "they", "them", "their", "we", "us", "our", "i", "me"}
)
FIRST_PERSON = frozenset({"i", "me", "we", "us", "our"})
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
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        exact = [m for m in inside if m.start == start and m.end == end]
        for m in exact or inside:
            if m.refers_to:
                return m.refers_to
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def publisher_before(self, offset: int) -> str | None:
        """The outlet (or organisation) whose report is the most recent before `offset`."""
        before = [(pos, name) for pos, name in self.reports if pos < offset]
        outlets_first = [b for b in before if b[1] in self.outlets] or before
        return outlets_first[-1][1] if outlets_first else None


class _Resolver:
    def __init__(self, doc: Doc, attributions: Sequence[Attribution]) -> None:
        self.doc = doc
        self.attributions = attributions
        self.entities: list[_Entity] = []
        self.by_key: dict[str, _Entity] = {}
        self.cands: dict[int, _Cand] = {}
        self.done: dict[int, _Entity | None] = {}
        self.reports: list[tuple[int, _Entity]] = []
        self.index = doc_index(doc)

    # ---- candidates -------------------------------------------------------------------------------------------
    def collect(self) -> None:
        doc = self.doc
        for att in self.attributions:
            if att.source is None:
                continue
            toks = tokens_of(doc, att.source)
            if toks is None:
                continue
            head = head_of(toks)
            cand = self.cands.get(head.i)
            if cand is None:
                cand = _Cand(toks, head, att.source.start, att.source.end, att.source.text, head.ent_type_)
                self.cands[head.i] = cand
            cand.sources.append(att)
        for ent in self.index.ents:
            if ent.label_ not in NAMED_LABELS or ent.root.i in self.cands:
                continue
            if ent.label_ == "NORP" and not _country_people(ent.root):
                continue
            toks = _with_titles(ent)
            self._add(toks, ent.root, ent.label_)
        for chunk in doc.noun_chunks:
            head = head_of(chunk)
            if head.i in self.cands or head.ent_type_ in NAMED_LABELS or head.tag_ in {"PRP", "PRP$", "WP", "WDT"}:
                continue
            if _trackable_nominal(chunk, head):
                self._add(_trim(chunk), head, "")
        for tok in doc:
            if tok.i in self.cands or tok.is_punct or tok.is_space:
                continue
            if tok.tag_ in {"NN", "NNS"} and word_kind(lemma_of(tok)) == DOCUMENT and tok.i > 0:
                # a document noun the chunker folded into another phrase ("called the report fake news")
                if doc[tok.i - 1].lower_ in DEFINITE:
                    self._add(doc[tok.i - 1 : tok.i + 1], tok, "")
                continue
            if (tok.like_url or tok.is_lower) and outlet_word(tok.text) and outlet_exact(tok.text):
                self._add(doc[tok.i : tok.i + 1], tok, "ORG")
            elif _numbered_name(tok):
                self._add(doc[tok.i : tok.i + 2], tok, "ORG")

    def _add(self, toks: SpacySpan, head: Token, label: str) -> None:
        self.cands[head.i] = _Cand(toks, head, toks.start_char, toks.end_char, toks.text, label)

    # ---- the walk ---------------------------------------------------------------------------------------------
    def run(self) -> Resolution:
        self.collect()
        for i in sorted(self.cands):
            self.resolve(self.cands[i])
        mentions = []
        for i in sorted(self.cands):
            c = self.cands[i]
            e = self.done.get(i)
            kind = e.kind if e else kind_of_tokens(c.toks, c.head)
            mentions.append(Mention(c.text, c.start, c.end, e.name if e else None, kind, c.is_source))
        ordered = sorted((e for e in self.entities if e.mentions), key=lambda e: e.mentions[0][0])
        entities: dict[str, tuple[str, ...]] = {}
        for e in ordered:
            texts = entities.get(e.name, ())
            for _, t in sorted(e.mentions):
                if t not in texts:
                    texts = (*texts, t)
            entities[e.name] = texts
        return Resolution(
            tuple(mentions),
            entities,
            {e.name: e.kind for e in ordered},
            frozenset(e.name for e in ordered if e.category == "outlet"),
            tuple((pos, e.name) for pos, e in sorted(self.reports, key=lambda r: r[0])),
        )

    def resolve(self, c: _Cand) -> _Entity | None:
        if c.head.i in self.done:
            return self.done[c.head.i]
        self.done[c.head.i] = None  # guards against cycles while resolving
        e = self._resolve(c)
        self.done[c.head.i] = e
        if e is not None and e.category == "person":
            e.roles |= _roles(c)
        if e is not None:
            e.mentions.append((c.start, c.text))
            if c.is_source:
                e.source_at.append(c.start)
                for att in c.sources:
                    if att.act == "report" and e.kind in {ORGANIZATION, GOVERNMENT} and e.category != "country":
                        self.reports.append((att.cue.start, e))
            self._bracketed_alias(c, e)
        return e

    def _resolve(self, c: _Cand) -> _Entity | None:
        head = c.head
        if head.lower_ in PRONOUNS and head.tag_ in {"PRP", "PRP$"}:
            return self._pronoun(c) if c.is_source else None
        if c.is_source:
            group = self._group(c)
            if group is not None:
                return group
        if head.tag_ in {"NNP", "NNPS"} or c.label in NAMED_LABELS or _capitalised(head) or outlet_exact(c.text):
            e = self._proper(c)
            if e is not None:
                return e
        elif head.text[:1].isupper():
            # a capitalised word the tagger took for a common noun at the start of a sentence ('Trump said')
            e = self.by_key.get(key(c.text)) or self._person(c, earlier_only=True)
            if e is not None:
                return e
        return self._nominal(c)

    def _group(self, c: _Cand) -> _Entity | None:
        """"Obama and Clinton said …": a source naming several speakers is the group of them, each also an entity of
        its own, not its first name alone (and "they" can stand for it)."""
        conjuncts = [t for t in c.head.conjuncts if c.toks.start <= t.i < c.toks.end and t.i > c.head.i]
        if not conjuncts or c.head.pos_ != "PROPN" or any(t.pos_ != "PROPN" for t in conjuncts):
            return None
        own = self.index.ent_of.get(c.head.i)
        if own is not None and any(own.start <= t.i < own.end for t in conjuncts):
            return None  # one name with "and" in it: "Procter and Gamble"
        members = []
        for tok in [c.head, *conjuncts]:
            if tok.i not in self.cands:
                self._add(self.doc[tok.i : tok.i + 1], tok, tok.ent_type_)
            cand = self.cands[tok.i]
            member = self.resolve(cand) if cand is not c else self._proper(cand)
            if member is None:
                return None
            if cand is c:  # the group's own head: a mention of its first member too
                member.mentions.append((tok.idx, tok.text))
            members.append(member)
        if len({id(m) for m in members}) == 1:
            return members[0]
        names = [m.name for m in members]
        kind = members[0].kind if len({m.kind for m in members}) == 1 else ORGANIZATION
        e = self._entity(", ".join(names[:-1]) + " and " + names[-1], kind, "group")
        e.plural = True
        return e

    # ---- pronouns ---------------------------------------------------------------------------------------------
    def _pronoun(self, c: _Cand) -> _Entity | None:
        """'I' / 'we' inside a quotation: its speaker, and no one outside one. Otherwise the most recent agreeing
        source within `PRONOUN_WINDOW` sentences; else an agreeing mention in this or the previous sentence; else
        any earlier agreeing source; else an agreeing mention within the window."""
        low = c.head.lower_
        if low in FIRST_PERSON:
            # outside every attributed content, "I" and "we" are the writer (an op-ed's "we recognize the danger"),
            # whom no entity of the article stands for
            return self._speaker_around(c)
        here = self._sent_index(c.head)
        sourced = _latest_first(self.entities, c.start, lambda e: e.source_at)
        mentioned = _latest_first(self.entities, c.start, lambda e: [s for s, _ in e.mentions])
        # "he" or "she" may stand for the article's main person however far back it was last a source; "it" is as
        # often a thing the text just named ("the tweets … it underscores"), so it looks no further than the window
        anywhere = [] if low in {"it", "its"} else [e for _, e in sourced]
        passes = (
            [e for p, e in sourced if here - self._sent_index_at(p) <= PRONOUN_WINDOW],
            [e for p, e in mentioned if here - self._sent_index_at(p) <= 1],
            anywhere,
            [e for p, e in mentioned if here - self._sent_index_at(p) <= PRONOUN_WINDOW],
        )
        for entities in passes:
            for e in entities:
                if _agrees(low, e):
                    return e
        return None

    def _speaker_around(self, c: _Cand) -> _Entity | None:
        """The source of the innermost attribution whose content holds this mention."""
        holding = [a for a in self.attributions if a.source is not None and a.content.start <= c.start < a.content.end]
        holding = [a for a in holding if a.source is not None and not (a.source.start <= c.start < a.source.end)]
        if not holding:
            return None
        inner = min(holding, key=lambda a: a.content.end - a.content.start)
        assert inner.source is not None
        toks = tokens_of(self.doc, inner.source)
        cand = self.cands.get(head_of(toks).i) if toks is not None else None
        return self.resolve(cand) if cand is not None and cand is not c else None

    def _sent_index(self, tok: Token) -> int:
        return self.index.sent_of[tok.i]

    def _sent_index_at(self, offset: int) -> int:
        return self.index.sentence_at(offset)

    # ---- proper names -----------------------------------------------------------------------------------------
    def _proper(self, c: _Cand) -> _Entity | None:
        name_toks = self._name_tokens(c)
        words = [t for t in name_toks if (t.pos_ != "DET" and t.tag_ != "POS" and not t.is_punct) or t.text in JOINERS]
        if not words:
            return None
        text = _join(words)
        k = key(text)
        if c.label == "PERSON" or (c.label == "" and _looks_like_person(c.toks)):
            e = self._person(c, earlier_only=True)
            if e is not None:
                return e
        if k in self.by_key:
            return self.by_key[k]
        if is_initialism(text):
            e = self.by_key.get("#" + initialism_key(text))
            if e is not None:
                return e
        e = self._short_form(k, c)
        if e is not None:
            return e
        outlet = outlet_exact(_join(name_toks), single_word_ok=c.label == "ORG" or c.is_source)
        if outlet is not None:
            return self._outlet(outlet)
        country = self._country(c, text)
        if country is not None:
            return country
        if c.label == "PERSON":
            return self._person(c, earlier_only=False)
        if c.label in {"ORG", ""} or c.is_source:
            fuzzy = outlet_fuzzy(text)
            if fuzzy is not None:
                return self._outlet(fuzzy)
        for e in reversed(self.entities):
            if e.category in {"org", "outlet"} and any(" " in kk and similar(kk, k) for kk in e.keys):
                return e
        if len(words) == 1 and (words[0].tag_ in {"NNP", "NNPS"} or _capitalised(words[0])):
            person = self._person(c, earlier_only=True)
            if person is not None:
                return person
        if len(words) == 1 and words[0].tag_ in {"NNP", "NNPS"} | {"NN", "NNS"} and words[0].text[:1].isupper():
            full = later_full_name(words[0])
            if full is not None:  # "Lynch: …" in a headline above "Attorney General Loretta Lynch said …"
                e = self._entity(" ".join(full), PERSON, "person")
                e.names, e.gender = full, gender_of_name(full[0])
                return e
        if initial := self._initialism_owner(text):
            return initial
        kind = kind_of_tokens(c.toks, c.head)
        name = _org_name(words)
        category = "place" if c.label in {"GPE", "LOC", "FAC"} and kind == GOVERNMENT else "org"
        if c.label in THINGS and not c.is_source:
            category = "thing"  # "the War on Terror", "the Affordable Care Act": named, but no one a pronoun stands for
        return self._entity(name, kind if kind != UNSPECIFIED else ORGANIZATION, category, head=lemma_of(c.head))

    def _name_tokens(self, c: _Cand) -> list[Token]:
        """The words of the name in a mention: the named entity over its head, else the head and the compound
        words before it. A source mention can be long ('Chad Bown, an expert on trade at the Peterson Institute')."""
        if not c.is_source or len(c.toks) == 1:
            return list(c.toks)
        ent = self.index.ent_of.get(c.head.i)
        if ent is not None:
            start, end = ent.start, ent.end
        else:
            start, end = c.head.i, c.head.i + 1
            while start - 1 >= c.toks.start and self.doc[start - 1].dep_ in {"compound", "amod", "nmod"}:
                start -= 1
        if start - 1 >= c.toks.start and self.doc[start - 1].lower_ == "the":
            start -= 1
        return [t for t in self.doc[start:end] if not t.is_punct or t.text in JOINERS]

    def _initialism_owner(self, text: str) -> _Entity | None:
        """An entity first met as an initialism ("the NSC") that this full name ("National Security Council") spells."""
        for ini in initialisms(text):
            e = self.by_key.get(key(ini))
            if e is not None and is_initialism(e.name):
                e.name = _org_name_text(text)
                self._index(e, [text])
                return e
        return None

    def _short_form(self, k: str, c: _Cand) -> _Entity | None:
        """'the Post' after 'The New York Post': the last word(s) of an earlier organisation's name."""
        if len(k.split()) > 2:
            return None
        if not any(t.text[:1].isupper() for t in c.toks if t.pos_ != "DET"):
            return None
        for e in reversed(self.entities):
            if e.category not in {"org", "outlet"} or e.name.lower().removeprefix("the ") in bodies():
                continue
            for name in [e.name, *[kk for kk in e.keys if " " in kk]]:
                nk = key(name)
                if nk != k and nk.endswith(" " + k):
                    return e
        return None

    def _country(self, c: _Cand, text: str) -> _Entity | None:
        country = country_named(text)
        if country is None and c.label == "GPE" and _actor(c.head):
            country = country_of_capital(text)
        if country is None and c.label == "NORP" and _country_people(c.head):
            country = country_of_demonym(c.head.text)
        if country is None:
            return None
        keys = [country.name, *country.aliases]
        return self._entity(country.name, GOVERNMENT, "country", keys=keys, fixed=True)

    def _person(self, c: _Cand, *, earlier_only: bool) -> _Entity | None:
        names = _person_name(c)
        if not names:
            return None
        surname = names[-1].lower()
        # of two people with the surname, the one mentioned last ("Clinton" in a passage about Bill, after Hillary)
        for e in sorted(reversed(self.entities), key=lambda e: -e.last):
            if e.category != "person" or not e.names or e.names[-1].lower() != surname:
                continue
            tail = [n.lower() for n in e.names[-len(names) :]] == [n.lower() for n in names]  # "bin Laden"
            if len(names) == 1 or len(e.names) == 1 or e.names[0].lower() == names[0].lower() or tail:
                if len(names) > len(e.names):
                    e.names = names
                    e.name = " ".join(names)
                    self._index(e, [e.name])
                    if e.gender == "-":
                        e.gender = gender_of_name(names[0])
                return e
        if earlier_only:
            return None
        gender = "-"
        for t in c.toks:
            if is_title(t.text) and title_gender(t.text) != "-":
                gender = title_gender(t.text)
        if gender == "-" and len(names) > 1:
            gender = gender_of_name(names[0])
        e = self._entity(" ".join(names), PERSON, "person")
        e.names, e.gender = names, gender
        return e

    # ---- nominals ---------------------------------------------------------------------------------------------
    def _nominal(self, c: _Cand) -> _Entity | None:
        head = c.head
        kind = kind_of_tokens(c.toks, head)
        mods, proper_mods = _modifiers(c.toks, head)
        first = c.toks[0].lower_
        definite = first in DEFINITE or any(ch.dep_ == "poss" for ch in head.children)
        indefinite = first in INDEFINITE or first in QUANTIFIERS or any(ch.dep_ == "nummod" for ch in head.children)
        lemma = lemma_of(head)
        if kind == DOCUMENT:
            publisher = self._explicit_publisher(head)
            if publisher is None and (definite or c.is_source) and not indefinite and lemma in PUBLICATIONS:
                name = self.publisher_before(c.start)
                publisher = self._by_name(name) if name else None
            if publisher is not None:
                return publisher
            if not c.is_source:
                return None
            return self._entity(_nominal_name(c), DOCUMENT, "document", head=lemma)
        if kind in {ANONYMOUS, PERSON} or role_gender(lemma) is not None:
            role = role_word(lemma)
            if definite and role is not None and head.tag_ == "NN":
                # 'the senator' after 'Sen. Elizabeth Warren'; 'the Republican nominee' after 'nominee Donald Trump'
                people = _latest_first(self.entities, c.start, lambda e: [s for s, _ in e.mentions])
                for _, e in people:
                    if e.category == "person" and role in e.roles:
                        return e
            if not indefinite and (definite or mods):
                # 'the intelligence officials' after 'US intelligence officials'; 'US officials' too
                for e in reversed(self.entities):
                    if e.category in {"anonymous", "nominal"} and e.head == lemma and mods <= e.modifiers:
                        return e
            if lemma in NO_TRACK_ANONYMOUS and not c.is_source:
                return None
            category = "anonymous" if kind == ANONYMOUS else "nominal"
            e = self._entity(_nominal_name(c), kind if kind != UNSPECIFIED else PERSON, category, head=lemma)
            e.modifiers, e.plural = mods, head.tag_ in {"NNS", "NNPS"}
            e.gender = role_gender(lemma) or "-"
            return e
        if kind in {GOVERNMENT, ORGANIZATION}:
            if proper_mods:
                return self._named_body(c, head, lemma, kind)
            if not definite:  # 'a company', 'companies', 'small groups of protesters': someone new
                return self._entity(_nominal_name(c), kind, "nominal", head=lemma) if c.is_source else None
            for e in reversed(self.entities):
                if e.head == lemma and e.category in {"org", "nominal"}:
                    return e
            national = self._nationality_near(head) if lemma in NATIONAL_HEADS or kind == GOVERNMENT else None
            if national is None and lemma in NATIONAL_HEADS:
                country = self._nearest_of_kind(c.start, GOVERNMENT, outlet=False)
                if country is not None and country.category == "country":
                    national = country_named(country.name)
            if national is not None:
                if lemma in COUNTRY_HEADS:
                    return self._entity(national.name, GOVERNMENT, "country", keys=[national.name], fixed=True)
                return self._entity(f"{national.demonym} {lemma.title()}", kind, "org", head=lemma)
            nearest = self._nearest_of_kind(c.start, kind, outlet=lemma in OUTLET_HEADS)
            if nearest is not None:
                return nearest
            if not c.is_source:
                return None
            return self._entity(_nominal_name(c), kind, "nominal", head=lemma)
        if not c.is_source:
            return None
        return self._entity(_nominal_name(c), kind, "nominal", head=lemma)

    def _named_body(self, c: _Cand, head: Token, lemma: str, kind: str) -> _Entity:
        """An institution noun with a proper modifier: 'the Russian embassy' -> Russian Embassy; 'the Russian
        government', 'Russian forces' -> Russia; 'NATO forces' -> NATO; "Russia's GRU intelligence agency" -> GRU."""
        pre = [t for t in c.toks if t.i < head.i and t.pos_ != "DET" and t.tag_ != "POS" and not t.is_punct]
        pre = [t for t in pre if t.dep_ != "poss" and not any(a.dep_ == "poss" for a in t.ancestors if a.i < head.i)]
        proper = [t for t in pre if t.text[:1].isupper()]
        if lemma in COUNTRY_HEADS or head.lower_ in COUNTRY_HEADS:
            for t in proper:
                if _prefixed(t):
                    continue
                country = country_named(t.text) or country_of_demonym(t.text)
                if country is not None:
                    return self._entity(country.name, GOVERNMENT, "country", keys=[country.name], fixed=True)
                cand = self.cands.get(t.i)
                named = self.resolve(cand) if cand is not None and cand is not c else None
                if named is not None and named.category in {"org", "outlet"}:
                    return named
        for t in proper:
            if is_initialism(t.text) and not country_named(t.text):
                return self._entity(t.text, kind, "org", head=lemma)
        if proper:
            words = [t.text if t.text[:1].isupper() else t.text.title() for t in pre[pre.index(proper[0]) :]]
            name = " ".join([*words, lemma.title()]).replace(" - ", "-")
        else:
            name = _nominal_name(c)
        k = key(name)
        if k in self.by_key:
            return self.by_key[k]
        return self._entity(name, kind, "org", head=lemma)

    def _explicit_publisher(self, head: Token) -> _Entity | None:
        """The outlet or organisation named with a document noun: 'NYT's report', 'a Reuters report', 'the report by
        CNN', 'an article in the Post', 'the report published by nytimes'."""
        found: list[Token] = []
        for ch in head.children:
            if ch.dep_ in {"poss", "compound"} and (ch.tag_ in {"NNP", "NNPS"} or ch.ent_type_):
                found.append(ch)
            elif ch.dep_ == "prep" and ch.lower_ in PUBLISHER_PREPS:
                found.extend(g for g in ch.children if g.dep_ == "pobj")
            elif ch.dep_ == "acl":
                for agent in ch.children:
                    if agent.dep_ in {"agent", "prep"} and agent.lower_ in {"by", "in"}:
                        found.extend(g for g in agent.children if g.dep_ == "pobj")
        for tok in found:
            ent = self.index.ent_of.get(tok.i)
            outlet = outlet_exact(ent.text if ent is not None else tok.text)
            if outlet is not None:  # 'a Bloomberg poll': the outlet, though the name is also a surname
                return self._outlet(outlet)
            cand = self.cands.get(tok.i)
            if cand is None:
                continue
            e = self.resolve(cand)
            if e is not None and e.kind in {ORGANIZATION, GOVERNMENT, PERSON}:
                return e
        return None

    def publisher_before(self, offset: int) -> str | None:
        before = [(pos, e) for pos, e in self.reports if pos < offset]
        outlets_first = [b for b in before if b[1].category == "outlet"] or before
        if outlets_first:
            return max(outlets_first, key=lambda b: b[0])[1].name
        outlets = [e for e in self.entities if e.category == "outlet" and any(s < offset for s, _ in e.mentions)]
        if outlets:
            return max(outlets, key=lambda e: max(s for s, _ in e.mentions if s < offset)).name
        return None

    def _nationality_near(self, head: Token) -> Country | None:
        """A country named or implied in the same sentence as a nominal, nearest first, earlier words first."""
        n = self.index.sent_of[head.i]
        first = self.index.sent_starts[n]
        last = self.index.sent_starts[n + 1] if n + 1 < len(self.index.sent_starts) else len(self.doc)
        before = [self.doc[i] for i in range(head.i - 1, first - 1, -1)]
        after = [self.doc[i] for i in range(head.i + 1, last)]
        for t in [*before, *after]:
            if not t.text[:1].isupper() or _prefixed(t):
                continue
            country = country_of_demonym(t.text) or (country_named(t.text) if t.ent_type_ == "GPE" else None)
            if country is None and t.ent_type_ == "GPE":
                ent = self.index.ent_of.get(t.i)
                country = country_named(ent.text) if ent is not None else None
            if country is not None:
                return country
        return None

    def _nearest_of_kind(self, offset: int, kind: str, *, outlet: bool) -> _Entity | None:
        best: tuple[int, _Entity] | None = None
        for e in self.entities:
            if (outlet and e.category != "outlet") or (not outlet and (e.kind != kind or e.category == "outlet")):
                continue
            if e.category not in {"org", "outlet", "country"}:
                continue
            earlier = [s for s, _ in e.mentions if s < offset]
            if earlier and (best is None or max(earlier) > best[0]):
                best = (max(earlier), e)
        return best[1] if best else None

    # ---- entities ---------------------------------------------------------------------------------------------
    def _entity(
        self,
        name: str,
        kind: str,
        category: str,
        *,
        keys: Iterable[str] = (),
        head: str = "",
        fixed: bool = False,
    ) -> _Entity:
        k = key(name)
        existing = self.by_key.get(k)
        if existing is not None and (existing.category == category or fixed):
            return existing
        e = _Entity(name, kind, category, head=head, fixed=fixed)
        self.entities.append(e)
        self._index(e, [name, *keys])
        return e

    def _outlet(self, outlet: Outlet) -> _Entity:
        return self._entity(outlet.name, ORGANIZATION, "outlet", keys=[outlet.name, *outlet.aliases], fixed=True)

    def _index(self, e: _Entity, names: Iterable[str]) -> None:
        for n in names:
            k = key(n)
            if not k:
                continue
            e.keys.add(k)
            if e.category not in {"anonymous", "nominal", "document"}:
                self.by_key[k] = e
                if is_initialism(n):
                    self.by_key["#" + initialism_key(n)] = e
                for ini in initialisms(n) if e.category in {"org", "outlet"} else ():
                    self.by_key.setdefault("#" + ini, e)

    def _by_name(self, name: str) -> _Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def _bracketed_alias(self, c: _Cand, e: _Entity) -> None:
        """'the Department of Justice (DOJ)': the bracketed initialism becomes a name of the entity."""
        doc, i = self.doc, c.toks.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            alias = doc[i + 1].text
            if is_initialism(alias):
                self._index(e, [alias])
                self.by_key["#" + initialism_key(alias)] = e


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


def _latest_first(
    entities: Iterable[_Entity], offset: int, positions: Callable[[_Entity], Iterable[int]]
) -> list[tuple[int, _Entity]]:
    """Entities with a position before `offset`, the one with the latest such position first."""
    out = []
    for e in entities:
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


_CACHE = "sayso.resolve.resolution"


def resolve_mentions(doc: Doc, attributions: Sequence[Attribution]) -> Resolution:
    """Every source mention and named mention of `doc`, resolved to canonical entities. The last resolution is kept
    in `doc.user_data`, so later stages (denials) asking again for the same attributions do not redo it."""
    stamp = tuple((a.id, a.source, a.cue, a.content, a.act) for a in attributions)
    cached = doc.user_data.get(_CACHE)
    if cached is not None and cached[0] == stamp:
        resolution: Resolution = cached[1]
        return resolution
    resolution = _Resolver(doc, attributions).run()
    doc.user_data[_CACHE] = (stamp, resolution)
    return resolution


def resolve_sources(
    doc: Doc, attributions: Sequence[Attribution]
) -> tuple[list[Attribution], dict[str, tuple[str, ...]]]:
    """Sets `source_refers_to` on every attribution with a source and returns the entities map (canonical name ->
    mention texts, in text order, without repeats) over the sources and the other named entities of `doc`."""
    resolution = resolve_mentions(doc, attributions)
    by_span = {(m.start, m.end): m.refers_to for m in resolution.mentions}
    out = []
    for att in attributions:
        if att.source is None:
            out.append(att)
            continue
        name = by_span.get((att.source.start, att.source.end)) or resolution.refers_to(att.source.start, att.source.end)
        out.append(dataclasses.replace(att, source_refers_to=name) if name else att)
    return out, resolution.entities
