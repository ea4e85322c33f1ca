"""Nominal mentions: documents standing for their publisher, people and officials by role or by their head noun,
institutions named by a proper modifier or a nearby nationality (see `resolver.py` for the whole walk)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from sayso.resolve.data import Country, Outlet, key
from sayso.resolve.index import DocIndex
from sayso.resolve.kinds import (
    ANONYMOUS,
    DOCUMENT,
    GOVERNMENT,
    ORGANIZATION,
    PERSON,
    QUANTIFIERS,
    UNSPECIFIED,
    kind_of_tokens,
    lemma_of,
)
from sayso.resolve.mentions import (
    COUNTRY_HEADS,
    DEFINITE,
    INDEFINITE,
    NATIONAL_HEADS,
    NO_TRACK_ANONYMOUS,
    OUTLET_HEADS,
    PUBLICATIONS,
    PUBLISHER_PREPS,
    _Cand,
    _Entity,
    _latest_first,
    _modifiers,
    _nominal_name,
    _prefixed,
)
from sayso.resolve.names import (
    country_named,
    country_of_demonym,
    is_initialism,
    outlet_exact,
    role_gender,
    role_word,
)

LOOKAHEAD = 4  # sentences a description looks ahead for the name the article gives it


class NominalRules:
    """The resolver's rules for common-noun mentions (mixed into `resolver._Resolver`, which holds the state)."""

    doc: Doc
    entities: list[_Entity]
    by_key: dict[str, _Entity]
    cands: dict[int, _Cand]
    done: dict[int, _Entity | None]
    reports: list[tuple[int, _Entity]]
    index: DocIndex

    def resolve(self, c: _Cand) -> _Entity | None:
        raise NotImplementedError

    def _entity(
        self,
        name: str,
        kind: str,
        category: str,
        *,
        keys: tuple[str, ...] | list[str] = (),
        head: str = "",
        fixed: bool = False,
    ) -> _Entity:
        raise NotImplementedError

    def _outlet(self, outlet: Outlet) -> _Entity:
        raise NotImplementedError

    def _by_name(self, name: str) -> _Entity | None:
        raise NotImplementedError

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
            if publisher is None:
                publisher = self._issuer(head) or (self._same_document(head, lemma) if definite else None)
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
            one = c.is_source and kind != ANONYMOUS and not head.tag_.endswith("S")
            if definite and one:
                # 'The judge' after 'Justice Frank Nervo'; else 'The Apple chief' after 'Apple CEO Tim Cook'
                named = self._named_earlier(c) or self._recent_person(c, role_gender(lemma) or "-")
                if named is not None:
                    return named
            if one and not definite:
                named = self._named_later(c, "PERSON")  # 'A former PGA Tour player claims …', named below
                if named is not None:
                    if named.category == "org" and not named.fixed and len(named.name.split()) <= 3:
                        # 'a man known as Conal', which the tagger took for an organisation: a person
                        named.category, named.kind, named.names = "person", PERSON, named.name.split()
                        named.gender = role_gender(lemma) or "-"
                    if role is not None:
                        named.roles.add(role)
                    return named
            category = "anonymous" if kind == ANONYMOUS else "nominal"
            e = self._entity(_nominal_name(c), kind if kind != UNSPECIFIED else PERSON, category, head=lemma)
            e.modifiers, e.plural = mods, head.tag_ in {"NNS", "NNPS"}
            e.gender = role_gender(lemma) or "-"
            return e
        if kind in {GOVERNMENT, ORGANIZATION}:
            if proper_mods:
                return self._named_body(c, head, lemma, kind)
            if not definite:  # 'a company', 'companies', 'small groups of protesters': someone new
                if c.is_source and not head.tag_.endswith("S"):
                    named = self._named_later(c, "ORG")  # 'A union representing flight attendants', named below
                    if named is not None:
                        return named
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
        if indefinite and not head.tag_.endswith("S"):  # 'A former PGA Tour player claims …', named below
            named = self._named_later(c, "PERSON") or self._named_later(c, "ORG")
            if named is not None:
                return named
        if definite:  # 'the host' after 'a radio host'
            for e in reversed(self.entities):
                if e.category in {"anonymous", "nominal"} and e.head == lemma and mods <= e.modifiers:
                    return e
            if not head.tag_.endswith("S") and role_word(lemma) is not None:
                named = self._named_earlier(c)  # 'the anchor' after 'NBC anchor Brian Williams'
                if named is not None:
                    return named
        e = self._entity(_nominal_name(c), kind, "nominal", head=lemma)
        e.modifiers = e.modifiers or mods
        return e

    def _named_later(self, c: _Cand, label: str) -> _Entity | None:
        """A description that the article names a little later: the first named mention of its label (PERSON or
        ORG) within `LOOKAHEAD` sentences whose sentence repeats a word of the description, or the role it names
        ('A former PGA Tour player claims …' / 'Dan Olsen, who has made 35 PGA Tour starts'; 'A man says …' / 'a
        man known as Conal'; 'A New York judge' / 'Justice Frank Nervo'; 'A union representing flight attendants'
        / 'the Association of Flight Attendants')."""
        described = _words(c.toks)
        common = _words(t for t in c.toks if t.pos_ != "PROPN")
        head = _words([c.head])
        here = self.index.sent_of[c.head.i]
        for i in sorted(self.cands):
            if i <= c.head.i or not (c.toks.start > i or i >= c.toks.end):
                continue
            if self.index.sent_of[i] - here > LOOKAHEAD:
                return None
            later = self.cands[i]
            if _known_as(later.head, head):  # 'a man known as Conal', 'a group called Justice Now'
                return self.resolve(later)
            if later.label != label or self.index.sent_of[i] == here:
                continue
            n = self.index.sent_of[i]
            end = self.index.sent_starts[n + 1] if n + 1 < len(self.index.sent_starts) else len(self.doc)
            sentence = self.doc[self.index.sent_starts[n] : end]  # its first named mention of the label takes it
            shared = described & _words(sentence)
            if shared & head or len(shared & common) >= 2:  # the role it names, or two of its common words
                return self.resolve(later)
        return None

    def _named_earlier(self, c: _Cand) -> _Entity | None:
        """A definite description of someone the article has named: the latest named person within `LOOKAHEAD`
        sentences before it whose sentence gives the role or head it names ('the judge' after 'Justice Frank
        Nervo'; 'The Michigan-based pro' after 'pro golfer Dan Olsen')."""
        head = _words([c.head])
        here = self.index.sent_of[c.head.i]
        for i in sorted(self.done, reverse=True):
            e = self.done[i]
            if i >= c.toks.start or e is None or e.category != "person":
                continue
            if here - self.index.sent_of[i] > LOOKAHEAD:
                return None
            n = self.index.sent_of[i]
            end = self.index.sent_starts[n + 1] if n + 1 < len(self.index.sent_starts) else len(self.doc)
            around = [t for t in self.doc[self.index.sent_starts[n] : end] if not c.toks.start <= t.i < c.toks.end]
            if head & _words(around) and not head & _words([self.doc[i]]):  # not the description's own words
                return e
        return None

    def _recent_person(self, c: _Cand, gender: str) -> _Entity | None:
        """A definite description of one person ('The man told Metro', 'The Apple chief commented') where nothing
        ties it to a name: the named person mentioned last, in its sentence or the one before, of its gender."""
        here = self.index.sent_of[c.head.i]
        for i in sorted(self.done, reverse=True):
            e = self.done[i]
            if i >= c.toks.start or e is None or e.category != "person" or not e.names:
                continue
            if here - self.index.sent_of[i] > 1:
                return None
            if gender == "-" or e.gender in {"-", gender}:
                return e
        return None

    def _issuer(self, head: Token) -> _Entity | None:
        """Who issued a document the text gives as the frame of their words: 'In a statement announcing the pick,
        the Association of Flight Attendants called …' -> the association."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ not in {"in", "through", "via"} or prep.head.pos_ not in {"VERB", "AUX"}:
            return None
        for subj in prep.head.children:
            if subj.dep_ in {"nsubj", "nsubjpass"}:
                cand = self.cands.get(subj.i)
                if cand is not None and subj.pos_ == "PROPN":
                    return self.resolve(cand)
        return None

    def _same_document(self, head: Token, lemma: str) -> _Entity | None:
        """'The statement' after 'a statement' that stood for its issuer: the same issuer."""
        for i in sorted(self.done, reverse=True):
            e = self.done[i]
            if i < head.i and e is not None and e.category != "document" and lemma_of(self.doc[i]) == lemma:
                return e
        return None

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


def _words(toks: Iterable[Token]) -> set[str]:
    """The content words of a stretch, as lemmas and as the roles they name ('Justice' -> judge)."""
    out = set()
    for t in toks:
        if t.is_stop or not t.is_alpha or t.pos_ in {"DET", "ADP", "PRON"}:
            continue
        word = lemma_of(t)
        out.add(word)
        role = role_word(word)
        if role is not None:
            out.add(role)
    return out


def _known_as(tok: Token, head: set[str]) -> bool:
    """A name the text gives a description's head word: 'a man known as Conal', 'a group called X', 'a man named X'."""
    verb = tok.head.head if tok.head.lower_ == "as" else tok.head
    if lemma_of(verb) not in {"know", "call", "name", "identify"} or verb.dep_ != "acl":
        return False
    return bool(head & _words([verb.head]))
