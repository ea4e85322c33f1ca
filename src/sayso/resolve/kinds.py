"""What kind of source a source mention is: person, organization, government, document, anonymous_officials.

`source_kind_of` reads the mention's head word, the named-entity label over it, the known outlets and institutions,
and the `source_words` lexicon; a pronoun takes the kind of the nearest earlier subject it can stand for.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sayso.lexicons import load as load_lexicons
from sayso.model import Span
from sayso.resolve.index import doc_index
from sayso.resolve.names import (
    bodies,
    country_named,
    country_of_demonym,
    gender_of_name,
    is_title,
    outlet_exact,
    outlet_fuzzy,
    role_gender,
)

PERSON, ORGANIZATION, GOVERNMENT = "person", "organization", "government"
DOCUMENT, ANONYMOUS, UNSPECIFIED = "document", "anonymous_officials", "unspecified"

QUANTIFIERS = frozenset(
    {"some", "one", "two", "three", "four", "five", "several", "many", "most", "all", "none", "few", "each", "both"}
)
PRONOUN_KINDS = {"he": PERSON, "him": PERSON, "his": PERSON, "she": PERSON, "her": PERSON, "i": PERSON, "me": PERSON}
THING_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
LOOKBACK_SENTENCES = 2


def tokens_of(doc: Doc, span: Span) -> SpacySpan | None:
    """The tokens a character span covers (expanded to whole tokens); None when it covers none."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return None
    return toks


def head_of(toks: SpacySpan) -> Token:
    """The head noun of a mention: its syntactic root, or the noun after 'of' in 'some of the officials'."""
    root = toks.root
    if root.lower_ in QUANTIFIERS or root.pos_ == "NUM":
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [g for g in child.children if g.dep_ == "pobj" and g.i < toks.end]
                if objs:
                    return objs[0]
    return root


def lemma_of(tok: Token) -> str:
    """A token's lower-case lemma. The lemmatizer leaves capitalised plurals alone ('Embassies'): these are made
    singular when the singular is a word the lexicons know, or when the tagger says the word is plural."""
    lemma = tok.lemma_.lower()
    if tok.tag_ in {"NNP", "NNPS"} and lemma == tok.lower_ and lemma.endswith("s") and not lemma.endswith("ss"):
        if lemma.endswith("ies") and len(lemma) > 4:
            single = lemma[:-3] + "y"
        elif lemma.endswith(("ches", "shes", "sses", "xes")):
            single = lemma[:-2]
        else:
            single = lemma[:-1]
        if tok.tag_ == "NNPS" or word_kind(single) is not None or role_gender(single) is not None:
            return single
    return lemma


def ent_label(tok: Token) -> str:
    """The named-entity label over a token ('' outside entities)."""
    return tok.ent_type_


def word_kind(word: str) -> str | None:
    """The kind a head word or known name gives: source_words lexicon first, then the known institutions."""
    w = word.lower()
    lex = load_lexicons().source_words
    if w in lex:
        return lex[w]
    return bodies().get(w)


def _named_kind(toks: SpacySpan) -> str | None:
    """Kind from a known institution's name ('the White House', 'FBI'); written with capitals, so 'who' is not WHO."""
    text = " ".join(t.text for t in toks if t.pos_ != "DET" and t.tag_ != "POS")
    if any(c.isupper() for c in text):
        return bodies().get(text.lower())
    return None


def kind_of_tokens(toks: SpacySpan, head: Token | None = None) -> str:
    """The source kind of a mention given as tokens (and its head, when the caller knows it)."""
    head = head if head is not None else head_of(toks)
    low = head.lower_
    if head.tag_ in {"PRP", "PRP$"}:
        return _pronoun_kind(head)
    if head.pos_ == "PRON":  # 'anybody', 'someone', 'who'
        return UNSPECIFIED
    label = ent_label(head)
    if label == "PERSON" or _earlier_surname(head, toks):
        return PERSON
    kind = word_kind(lemma_of(head)) or word_kind(low)
    if kind == ANONYMOUS:
        # a named official is a person ("official John Smith"); the rest are anonymous ("US officials")
        if any(t.ent_type_ == "PERSON" for t in toks):
            return PERSON
        return ANONYMOUS
    text = toks.text
    if outlet_exact(text, single_word_ok=label == "ORG") or (label in {"ORG", ""} and outlet_fuzzy(text)):
        return ORGANIZATION
    named = _named_kind(toks)
    if named:
        return named
    if label == "GPE" or (label == "NORP" and (country_named(text) or _the_people(toks, head))):
        return GOVERNMENT
    if label == "NORP":  # 'many Mexicans': people, not their government; 'Democrats': the party's people
        return kind or UNSPECIFIED
    if kind is not None:
        return kind
    if role_gender(lemma_of(head)) is not None or role_gender(low) is not None:
        return PERSON
    if any(is_title(t.text) for t in toks[:-1]) and head.tag_ == "NNP":
        return PERSON
    if label == "ORG":
        return ORGANIZATION
    if label in {"FAC", "LOC"}:
        return GOVERNMENT if word_kind(head.text) == GOVERNMENT else ORGANIZATION
    if head.tag_ in {"NNP", "NNPS"}:
        first = toks[0] if toks[0].pos_ != "DET" else toks[min(1, len(toks) - 1)]
        if gender_of_name(first.text) != "-" and len(toks) >= 2:
            return PERSON
        return ORGANIZATION
    return UNSPECIFIED


def _the_people(toks: SpacySpan, head: Token) -> bool:
    """'the Russians': a people standing for its country."""
    return head.tag_ in {"NNPS", "NNS"} and toks[0].lower_ == "the" and country_of_demonym(head.text) is not None


def _earlier_surname(head: Token, toks: SpacySpan) -> bool:
    """A lone capitalised name that an earlier person's name ends with ('Tanner' after 'Michael Tanner'), or, where
    none does, a later one ('Lynch: …' in a headline above 'Attorney General Loretta Lynch said')."""
    words = [t for t in toks if t.pos_ not in ("DET", "PUNCT", "NUM")]  # "Schiff, 56": the age is no name
    if len(words) != 1 or not head.text[:1].isupper():
        return False
    if any(ent.start < toks.start for ent in doc_index(head.doc).full_names.get(head.text, ())):
        return True
    return later_full_name(head) is not None


def later_full_name(word: Token) -> list[str] | None:
    """The words of the first person named in full after `word` whose name ends with it."""
    ent = next((e for e in doc_index(word.doc).full_names.get(word.text, ()) if e.start > word.i), None)
    return [t.text for t in ent] if ent is not None else None


def _pronoun_kind(pron: Token) -> str:
    low = pron.lower_
    if low in PRONOUN_KINDS:
        return PRONOUN_KINDS[low]
    if low in {"you", "your", "one"}:
        return UNSPECIFIED
    antecedent = _antecedent_subject(pron, person_ok=low in GROUP_PRONOUNS)
    if antecedent is not None:
        return antecedent
    return ORGANIZATION if low in THING_PRONOUNS else UNSPECIFIED


def _antecedent_subject(pron: Token, *, person_ok: bool) -> str | None:
    """The kind of the nearest earlier subject a pronoun can refer to ('it' -> an organisation, a government or a
    document; 'they' -> also a group of officials), looking back at most `LOOKBACK_SENTENCES` sentences."""
    doc = pron.doc
    sent_starts = [s for s in doc_index(doc).sent_starts if s <= pron.i]
    first = sent_starts[-1 - LOOKBACK_SENTENCES] if len(sent_starts) > LOOKBACK_SENTENCES else 0
    for i in range(pron.i - 1, first - 1, -1):
        tok = doc[i]
        if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.tag_ in {"PRP", "WP", "WDT", "EX"} or tok.pos_ == "PRON":
            continue
        left = tok.left_edge.i
        kind = kind_of_tokens(doc[left : tok.i + 1])
        plural = tok.tag_ in {"NNS", "NNPS"}
        if kind == PERSON and not person_ok:
            continue
        if pron.lower_ in THING_PRONOUNS and (plural or kind == ANONYMOUS):
            continue
        if kind != UNSPECIFIED:
            return kind
    return None


def source_kind_of(doc: Doc, span: Span | None) -> str:
    """The kind of source a mention is: 'Russia' -> government, 'the embassy' -> government, 'NYT' -> organization,
    'the report' -> document, 'US officials' -> anonymous_officials, 'Sen. John Smith' -> person, None -> unspecified.
    A pronoun ('It said') takes the kind of the nearest earlier subject it can stand for."""
    if span is None:
        return UNSPECIFIED
    toks = tokens_of(doc, span)
    if toks is None:
        return UNSPECIFIED
    return kind_of_tokens(toks)
