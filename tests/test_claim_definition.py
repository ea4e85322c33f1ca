"""What a claim is (sayso.claims.proposition, sayso.claims.definition) and when two claims can match
(sayso.claims.features): tables of varied texts -> expected outcomes."""

from __future__ import annotations

import pytest

from sayso.claims.definition import claim_attributions, title_claim
from sayso.claims.extract import claims_of
from sayso.claims.features import agree, covers, form_of, numbers_of
from sayso.claims.match import MatchSettings, cluster_texts
from sayso.claims.proposition import is_proposition, verb_lemma
from sayso.claims.sources import canonical_sources
from sayso.lexicons import verb_forms
from sayso.model import Attribution, Denial, Document, Metadata, Span


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # propositions: a finite verb with something before it
        ("the plant will close", True),
        ("Scalia died suddenly", True),
        ("the program runs from November to April", True),  # an -s form of a noun-verb before a preposition
        ("BMO forecasts 19M Apple Watch sales in 2015", True),  # ... before a number
        ("Germany's DAX added 0.1 per cent", True),
        ("It's a win for Hillary Clinton in American Samoa.", True),  # the contraction holds subject and verb
        ("they had no problem with the comments", True),
        ("ISIS fighters beheaded a journalist", True),
        # no claims: noun phrases, fragments, questions, labels
        ("political risk insurance", False),
        ("city officials in the area", False),
        ("issues", False),
        ("the agency's plans for the year", False),  # a possessor before the noun
        ("a victory of sorts in South Carolina", False),  # a preposition before the noun
        ("to ban all Muslims", False),  # infinitive
        ("to bring back the 1990s", False),
        ("temporarily barring all Muslims from entering the United States", False),  # gerund
        ("who would be its next president", False),  # embedded question
        ("Will Trump win the nomination?", False),
        ("World's oldest burger", False),  # headline label
        ("Trump's campaign manager", False),  # a possessive is no verb
    ],
)
def test_claim_is_a_proposition(text: str, expected: bool) -> None:
    assert is_proposition(text) is expected


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("said", "say"), ("announced", "announce"), ("denied", "deny"), ("stopped", "stop"), ("won't", "won't")],
)
def test_verb_forms(word: str, lemma: str) -> None:
    assert verb_lemma(word) == lemma


def test_verb_forms_lexicon_kinds() -> None:
    forms = verb_forms()
    assert forms["announce"] == ("announce", "verb")
    assert forms["plan"][1] == "noun_verb"  # a noun as often: its -s form is no verb on its own
    assert forms["took"] == ("take", "irregular")


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("plus or minus 3.4 percentage points", {"3.4"}),
        ("It takes 2,383 delegates to win.", {"2383"}),
        ("three points, 19M watches in 2015", {"3", "19", "2015"}),
        ("no number here", set()),
    ],
)
def test_claim_numbers(text: str, numbers: set[str]) -> None:
    assert numbers_of(text) == numbers


IDF = {w: 8.0 for w in "apple watch sell 19 2015 forecast sale bmo trump win vote clinton go".split()}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the same thing of the same things
        ("Apple will sell 19 million Apple Watches in 2015", "BMO: Apple to sell 19M Apple Watches in 2015", True),
        ("It takes 2,383 delegates to win the nomination.", "A candidate needs 2,383 delegates to win it.", True),
        # different numbers: different claims
        ("The margin of error is plus or minus 3.4 points.", "The margin of error is plus or minus 4.2 points.", False),
        # one shared word is no match
        ("Germany's DAX added 0.1 per cent on Monday", "Britain's FTSE 100 gained 0.6 per cent on Monday", False),
        # the same names, nothing the same said of them
        ("Marco Rubio finished third in the Iowa caucuses.", "He had previously backed Sen. Marco Rubio.", False),
        # every word shared, no anchor: whom "she" and "you" are is not in the words
        ("she's going to win", "you're going to win", False),
        # a pronoun subject is matched only by the same pronoun
        ("he might back Trump", "they would back Trump", False),
        # every name of the one that names fewer must be in the other: two primaries, two claims
        (
            "Hillary Clinton easily won the primary election held in Arkansas, the results showed.",
            "Hillary Clinton easily won the primary election held in North Carolina, the results showed.",
            False,
        ),
    ],
)
def test_claims_agree_and_cover(a: str, b: str, expected: bool) -> None:
    fa, fb = form_of(a), form_of(b)
    idf = {w: IDF.get(w, 4.0) for w in fa.words | fb.words}
    assert (agree(fa, fb) and covers(fa, fb, idf)) is expected


def test_a_denial_lands_with_what_it_denies() -> None:
    texts = [
        "Apple is shutting down Beats Music next year",
        "Apple is shutting down its Beats Music service",
        "Apple is not shutting down Beats Music",
        "The Springfield city council approved a budget for road repairs",
    ]
    labels = cluster_texts(texts, MatchSettings())
    assert labels[0] == labels[1] == labels[2] != labels[3]


def _doc(text: str, title: str | None, contents: list[str], denial: tuple[str, str] | None = None) -> Document:
    attributions = []
    for n, content in enumerate(contents, 1):
        start = text.index(content)
        attributions.append(
            Attribution(f"a{n}", cue=Span("said", 0, 4), content=Span(content, start, start + len(content)))
        )
    denials = (Denial(*denial[:1], (denial[1],)),) if denial else ()
    return Document(text=text, meta=Metadata(title=title), attributions=tuple(attributions), denials=denials)


def test_claims_of_a_document_propositions_headline_and_linked_denials() -> None:
    text = "Officials said the plant will close. The mayor denied it. Critics cited political risk insurance."
    doc = _doc(text, "Riverton plant will close next year", ["the plant will close", "it", "political risk insurance"])
    # "political risk insurance" is no claim; "it" is none either, and no denial links it
    assert [a.id for a in claim_attributions(doc)] == ["a1"]
    linked = _doc(text, None, ["the plant will close", "it", "political risk insurance"], ("a2", "a1"))
    assert [a.id for a in claim_attributions(linked)] == ["a1", "a2"]  # the denial carries what it denies
    claims = claims_of(doc, "d")
    assert [(c.id, c.kind) for c in claims][-1] == ("d:t", "headline")
    assert title_claim(_doc(text, "Live updates", [])) is None  # a label is no claim


def test_sources_across_documents_one_name_per_person() -> None:
    names = [
        "Lopez",
        "the agency's spokeswoman, Maria Lopez",
        "Ms. Maria Lopez",
        "Clinton",
        "Hillary Clinton",
        "Bill Clinton",
        "the spokeswoman",
        "Sen. Bernie Sanders",
        "Sanders",
    ]
    got = canonical_sources(names)
    assert got["Lopez"] == got["the agency's spokeswoman, Maria Lopez"] == got["Ms. Maria Lopez"] == "Maria Lopez"
    assert got["Clinton"] == "Clinton"  # two Clintons in the corpus: a lone surname stays apart from both
    assert got["Hillary Clinton"] != got["Bill Clinton"]
    assert got["the spokeswoman"] == "the spokeswoman"  # a role word names no one across outlets
    assert got["Sanders"] == got["Sen. Bernie Sanders"] == "Bernie Sanders"
