"""Source entities: every source mention, and the document's other named mentions, resolved to one canonical entity.

No trained coreference model is used. The resolver walks the document's mentions in text order (attribution
sources, named entities, institution, official and document nouns, web names) and links each to an entity met
earlier, or opens a new one, by these rules, tried in order:

- no one: 'you', 'one', 'someone', a bare 'this' (never an entity); a coordinated source ("the league and the
  player's agent") refers to no one entity;
- pronoun (a source only; `pronouns.py`): 'I' / 'we' / 'my' inside a quotation -> its speaker; he / she -> the
  subject of the sentence before where it agrees ("… said widow Terry Strada. She continued"); otherwise the most
  recent earlier *source* it agrees with: it -> organisation, government or document; he / she -> one person of
  that gender (from a title, a first name or a role noun); they -> a group; then recent mentions that agree;
- a description with a name in apposition ("The agency's spokeswoman, Maria Lopez") -> that name, given the role;
- proper name: the same name met earlier; an initialism of an earlier name or a bracketed one ("NSC", "(DOJ)"); a
  short form of an earlier organisation ("The Post" after "The New York Post"); a known outlet (`outlets.tsv`:
  aliases, initialisms, web names); a country, its capital used as an actor, or 'the' + a demonym ("the
  Russians"); a person, by surname ("Trump" after "President Donald Trump"); a misspelt or truncated outlet or
  earlier name (`difflib`);
- document noun (`nominals.py`): the outlet or organisation named with it ("a Reuters report", "the report by
  CNN", "a Bloomberg poll"); else, for a publication ("the report", "the article", "the story"), the publisher
  whose report it is: the most recent outlet that reported; the issuer the sentence gives ("In a statement, X
  called …" -> X) and 'the statement' after it;
- person or official noun: a definite role ("the senator") -> the most recent person given that role ("Sen.
  Elizabeth Warren"); a definite or modified one ("the intelligence officials", "US officials", "the source") ->
  the most recent mention with the same head and no modifiers it lacks; a definite description of one person ("The
  judge", "The man") -> the named person whose sentence gives its role, else the named person of its sentence or
  the one before; an indefinite one ("A former PGA Tour player", "A man") -> the name the next sentences give it
  where that name's sentence repeats its role or two of its words ("a man known as Conal"), else it is new;
- institution noun: with a proper modifier it is named ("the Russian embassy" -> Russian Embassy; "the Russian
  government" -> Russia); a definite one ("the embassy") takes an earlier one with the same head, else a
  nationality in the same sentence or the nearest earlier country ("Russian" -> "Russian Embassy"), else the
  nearest earlier entity of its kind; an indefinite one ("a company") is new.

Canonical names: outlets and countries take the data file's name; people their fullest name without titles;
organisations their fullest name without "the"; anonymous sources their first full mention.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sayso.model import Attribution
from sayso.resolve.data import Outlet, bare_pronoun, key
from sayso.resolve.index import doc_index
from sayso.resolve.kinds import (
    DOCUMENT,
    GOVERNMENT,
    ORGANIZATION,
    PERSON,
    UNSPECIFIED,
    head_of,
    kind_of_tokens,
    later_full_name,
    lemma_of,
    tokens_of,
    word_kind,
)
from sayso.resolve.mentions import (
    DEFINITE,
    JOINERS,
    NAMED_LABELS,
    PRONOUNS,
    THINGS,
    Mention,
    Resolution,
    _actor,
    _Cand,
    _capitalised,
    _coordinated,
    _country_people,
    _Entity,
    _generic,
    _join,
    _looks_like_person,
    _numbered_name,
    _org_name,
    _org_name_text,
    _person_name,
    _roles,
    _trackable_nominal,
    _trim,
    _web_name,
    _with_titles,
)
from sayso.resolve.names import (
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
    role_word,
    similar,
    title_gender,
)
from sayso.resolve.nominals import NominalRules
from sayso.resolve.pronouns import PronounRules


class _Resolver(NominalRules, PronounRules):
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
        if _generic(c):  # 'you', 'one', 'this': no one the article names
            return None
        if head.lower_ in PRONOUNS and head.tag_ in {"PRP", "PRP$"}:
            return self._pronoun(c) if c.is_source else None
        if c.is_source:
            group = self._group(c)
            if group is not None:
                return group
            own = self.index.ent_of.get(head.i)
            if _coordinated(c) and not (own is not None and own.end >= c.toks.end):
                return None  # one attribution for several sources ('the league and the agent'): no one entity
        if head.pos_ == "NOUN":
            apposed = self._apposed_name(c)  # 'the agency's spokeswoman, Maria Lopez': Maria Lopez
            if apposed is not None:
                return apposed
        named = head.tag_ in {"NNP", "NNPS"} or c.label in NAMED_LABELS or _capitalised(head) or _web_name(head)
        if len(c.toks) == 1 and c.label != "PERSON" and role_word(head.text) is not None and head.text != "I":
            named = False  # 'Judge rejects …' in a headline: a role noun written with a capital, no name
        if named or outlet_exact(c.text):
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
        """ "Obama and Clinton said …": a source naming several speakers is the group of them, each also an entity of
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

    # ---- proper names -----------------------------------------------------------------------------------------
    def _proper(self, c: _Cand) -> _Entity | None:
        name_toks = self._name_tokens(c)
        # no article before the name; one inside it stays ('Committee for a Responsible Federal Budget')
        inside = [n for n, t in enumerate(name_toks) if t.pos_ != "DET"][:1]
        words = [
            t
            for n, t in enumerate(name_toks)
            if ((t.pos_ != "DET" or (inside and n > inside[0])) and t.tag_ != "POS" and not t.is_punct)
            or t.text in JOINERS
        ]
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
                if self.doc[start - 1].is_lower and self.doc[start - 1].tag_ in {"NN", "NNS"}:
                    break  # 'French website iGen.fr': the name is what follows the common noun
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
        # (the namesakes picked out before the sort: sorting every entity for each name grew with the square)
        namesakes = [e for e in reversed(self.entities) if e.names and e.names[-1].lower() == surname]
        for e in sorted(namesakes, key=lambda e: -e.last):
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
        if name is not None and bare_pronoun(name):
            name = None  # a source is never a bare pronoun
        out.append(dataclasses.replace(att, source_refers_to=name) if name else att)
    return out, resolution.entities
