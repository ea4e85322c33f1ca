"""Acts from the content as well as the cue, denials in other words, and denial links by what is denied: tables of
sentences written for these tests, each asserting the act (and certainty) or the links sayso gives them."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.language import Language
from test_denials import links
from test_resolve import Spec, make_attributions

from sayso.resolve import source_kind_of
from sayso.stance.certainty import classify
from sayso.stance.denials import is_denial


def act_of(nlp: Language, text: str, spec: Spec) -> tuple[str, str]:
    """The act and certainty sayso gives an attribution, its source kind set as the analysis sets it."""
    doc = nlp(text)
    atts = [dataclasses.replace(a, source_kind=source_kind_of(doc, a.source)) for a in make_attributions(text, spec)]
    (out,) = classify(doc, atts)
    return out.act, out.certainty


# (sentence, (source, cue, content[, act the cue's lexicon gives]), expected act)
ACT_CASES: list[tuple[str, Spec, str]] = [
    # denials in other words
    ("The aide said the meeting never took place.", ("The aide", "said", "the meeting never took place"), "denial"),
    (
        "Her publicist said there is no truth to the rumours.",
        ("Her publicist", "said", "there is no truth to the rumours"),
        "denial",
    ),
    ("The agent told reporters it was not true.", ("The agent", "told", "it was not true"), "denial"),
    (
        "The club said that the transfer did not happen.",
        ("The club", "said", "the transfer did not happen"),
        "denial",
    ),
    (
        "A police spokeswoman said the claims were without foundation.",
        ("A police spokeswoman", "said", "the claims were without foundation"),
        "denial",
    ),
    (
        "The singer's representatives confirmed that he is still alive and well.",
        ("The singer's representatives", "confirmed", "he is still alive and well"),
        "denial",
    ),
    (
        "The scientist said the new data raised doubts over the earlier study.",
        ("The scientist", "said", "the new data raised doubts over the earlier study"),
        "denial",
    ),
    (
        "The minister said he never accepted any bribes.",
        ("The minister", "said", "he never accepted any bribes"),
        "denial",
    ),
    (
        "The spokesman said that the two men had never met.",
        ("The spokesman", "said", "the two men had never met"),
        "denial",
    ),
    # not denials
    (
        "A video posted online showed that the claims were false.",
        ("A video posted online", "showed", "the claims were false"),
        "report",
    ),
    (
        "The fans said he had been victimized by a cruel hoax.",
        ("The fans", "said", "he had been victimized by a cruel hoax"),
        "report",
    ),
    ("She said the report was not false.", ("She", "said", "the report was not false"), "report"),
    # accusations from the content
    (
        "It has been claimed that the official took bribes.",
        ("", "has been claimed", "the official took bribes", "assertion"),
        "accusation",
    ),
    (
        "Prosecutors said the mayor embezzled city funds.",
        ("Prosecutors", "said", "the mayor embezzled city funds"),
        "accusation",
    ),
    (
        "The coach told reporters that the rival team had cheated.",
        ("The coach", "told", "the rival team had cheated"),
        "accusation",
    ),
    (
        "The host said the golfer did not test positive for steroids but for something else.",
        ("The host", "said", "the golfer did not test positive for steroids but for something else"),
        "accusation",
    ),
    # a fact stated is a report, whoever states it
    ("The mayor said the bridge opened in 1998.", ("The mayor", "said", "the bridge opened in 1998"), "report"),
    (
        "The police said the suspect was arrested on Tuesday.",
        ("The police", "said", "the suspect was arrested on Tuesday"),
        "report",
    ),
    (
        "The governor's office said 40 people had been evacuated.",
        ("The governor's office", "said", "40 people had been evacuated"),
        "report",
    ),
    # an opinion, a judgement or a prediction is an assertion, whoever states it
    (
        "The company said the merger would be a great success.",
        ("The company", "said", "the merger would be a great success"),
        "assertion",
    ),
    ("The union said the agreement was historic.", ("The union", "said", "the agreement was historic"), "assertion"),
    ("The bank said prices will rise sharply.", ("The bank", "said", "prices will rise sharply"), "assertion"),
    (
        "Officials said the economy grew faster than anyone expected.",
        ("Officials", "said", "the economy grew faster than anyone expected"),
        "assertion",
    ),
    # a prediction with a date or a price is a plan or a fact stated
    (
        "The site claims that the watch will start shipping by Valentine's Day 2015.",
        ("The site", "claims", "the watch will start shipping by Valentine's Day 2015", "assertion"),
        "report",
    ),
    # a comparison is a judgement
    (
        "The union said the governor has been a leader far more than the mayor.",
        ("The union", "said", "the governor has been a leader far more than the mayor"),
        "assertion",
    ),
    # a court's words are its assessment
    (
        "The judge said that the file should remain sealed.",
        ("The judge", "said", "the file should remain sealed"),
        "assessment",
    ),
    ("A judge rejected the request.", ("A judge", "rejected", "the request", "denial"), "assessment"),
    # an order is a demand
    (
        "The space agency warned the public to stay calm.",
        ("The space agency", "warned", "the public to stay calm", "assertion"),
        "demand",
    ),
    (
        "Stop believing everything you read online, the agent said.",
        ("the agent", "said", "Stop believing everything you read online"),
        "demand",
    ),
]


@pytest.mark.parametrize(("text", "spec", "expected"), ACT_CASES, ids=[c[0] for c in ACT_CASES])
def test_act_from_content_table(nlp: Language, text: str, spec: Spec, expected: str) -> None:
    assert act_of(nlp, text, spec)[0] == expected


CERTAINTY_CASES: list[tuple[str, Spec, str]] = [
    (
        "The widow accused the government of attempting to intimidate the families.",
        ("The widow", "accused", "the government of attempting to intimidate the families", "accusation"),
        "certain",
    ),
    (
        "The senator has accused the agency of hiding the report.",
        ("The senator", "has accused", "the agency of hiding the report", "accusation"),
        "certain",
    ),
]


@pytest.mark.parametrize(("text", "spec", "expected"), CERTAINTY_CASES, ids=[c[0] for c in CERTAINTY_CASES])
def test_an_accuser_named_is_sure_table(nlp: Language, text: str, spec: Spec, expected: str) -> None:
    doc = nlp(text)
    (att,) = make_attributions(text, spec)
    att = dataclasses.replace(att, certainty="probable", source_kind=source_kind_of(doc, att.source))
    (out,) = classify(doc, [att])
    assert out.certainty == expected


def test_an_accusation_in_the_passive_stays_probable(nlp: Language) -> None:
    text = "The unit has been blamed for a series of attacks."
    (att,) = make_attributions(text, ("The unit", "has been blamed", "for a series of attacks", "accusation"))
    doc = nlp(text)
    (out,) = classify(doc, [dataclasses.replace(att, certainty="probable")])
    assert out.certainty == "probable"


def test_denial_keeps_its_certainty_where_it_calls_the_claim_unverified(nlp: Language) -> None:
    text = "The agent said these claims are unverified and completely false."
    spec = ("The agent", "said", "these claims are unverified and completely false")
    assert act_of(nlp, text, spec) == ("denial", "certain")


# (name, text, attributions, nested, expected links)
LINK_CASES: list[tuple[str, str, list[Spec], dict[str, str], dict[str, list[str]]]] = [
    (
        "the denial comes before the claim",
        "The agent said these claims are completely false. The claims came from a radio host, who said that the "
        "golfer was suspended for doping.",
        [
            ("The agent", "said", "these claims are completely false", "denial"),
            ("a radio host", "said", "the golfer was suspended for doping"),
        ],
        {},
        {"a1": ["a2"]},
    ),
    (
        "no truth to the rumours takes up the claim before it",
        "A tabloid reported that the singer had married in secret. Her publicist said that there was no truth to "
        "the rumours.",
        [
            ("A tabloid", "reported", "the singer had married in secret"),
            ("Her publicist", "said", "there was no truth to the rumours", "denial"),
        ],
        {},
        {"a2": ["a1"]},
    ),
    (
        "it never happened",
        "A former aide claimed that the minister met the lobbyist in Paris. The minister's office said it never "
        "happened.",
        [
            ("A former aide", "claimed", "the minister met the lobbyist in Paris", "assertion"),
            ("The minister's office", "said", "it never happened", "denial"),
        ],
        {},
        {"a2": ["a1"]},
    ),
    (
        "a negated restatement",
        "Fans wrote online that the singer was dead. His manager said that the singer is not dead.",
        [
            ("Fans", "wrote", "the singer was dead"),
            ("His manager", "said", "the singer is not dead", "denial"),
        ],
        {},
        {"a2": ["a1"]},
    ),
    (
        "every claim carrying the rumour, before and after",
        "The agent said the story is a hoax. A blog reported that the actor had died in a car crash. Several fans "
        "wrote that the actor had died in a crash.",
        [
            ("The agent", "said", "the story is a hoax", "denial"),
            ("A blog", "reported", "the actor had died in a car crash"),
            ("Several fans", "wrote", "the actor had died in a crash"),
        ],
        {},
        {"a1": ["a2", "a3"]},
    ),
    (
        "what a video showed is no denial",
        "Prosecutors accused the mayor of taking bribes. A video showed that the allegations were false.",
        [
            ("Prosecutors", "accused", "the mayor of taking bribes", "accusation"),
            ("A video", "showed", "the allegations were false"),
        ],
        {},
        {},
    ),
    (
        "the report denied above the report, with its nested claims",
        "The agent denied the report. The Sun reported that police said the striker was arrested.",
        [
            ("The agent", "denied", "the report", "denial"),
            ("The Sun", "reported", "police said the striker was arrested"),
            ("police", "said", "the striker was arrested"),
        ],
        {"a3": "a2"},
        {"a1": ["a2", "a3"]},
    ),
]


LINK_CASES += [
    (
        "that argument takes up what was argued",
        "The newspaper argued that the court files should be made public. A lawyer said the hearing was delayed "
        "by a week. The judge rejected that argument.",
        [
            ("The newspaper", "argued", "the court files should be made public", "assertion"),
            ("A lawyer", "said", "the hearing was delayed by a week"),
            ("The judge", "rejected", "that argument", "denial"),
        ],
        {},
        {"a3": ["a1"]},
    ),
    (
        "the report the denial names inside its content",
        "Johnson disputed a Golf.com report saying he was suspended for doping.",
        [
            ("Johnson", "disputed", "a Golf.com report saying he was suspended for doping", "denial"),
            ("a Golf.com report", "saying", "he was suspended for doping"),
        ],
        {"a2": "a1"},
        {"a1": ["a2"]},
    ),
    (
        "these claims: the author's other claims too",
        "A radio host claimed the golfer was suspended for doping. The host also said the golfer had failed a "
        "drug test. The golfer's agent said these claims were false.",
        [
            ("A radio host", "claimed", "the golfer was suspended for doping", "assertion"),
            ("The host", "said", "the golfer had failed a drug test", "assertion"),
            ("The golfer's agent", "said", "these claims were false", "denial"),
        ],
        {},
        {"a3": ["a1", "a2"]},
    ),
]

LINK_CASES += [
    (
        "denies them: the claims taken up and their author's others",
        "A radio host claimed the golfer was suspended for doping. The host also said the golfer had failed a "
        "drug test. The tour categorically denies them.",
        [
            ("A radio host", "claimed", "the golfer was suspended for doping", "accusation"),
            ("The host", "said", "the golfer had failed a drug test", "accusation"),
            ("The tour", "categorically denies", "them", "denial"),
        ],
        {},
        {"a3": ["a1", "a2"]},
    ),
]

NOT_DENIALS: list[tuple[str, Spec]] = [
    ("The judge rejected the request.", ("The judge", "rejected", "the request", "denial")),
    ("The company refused to close his account.", ("The company", "refused", "to close his account", "denial")),
]


@pytest.mark.parametrize(("text", "spec"), NOT_DENIALS, ids=[c[0] for c in NOT_DENIALS])
def test_rejecting_a_request_or_refusing_to_act_denies_no_claim(nlp: Language, text: str, spec: Spec) -> None:
    (att,) = make_attributions(text, spec)
    assert is_denial(nlp(text), att) is False


@pytest.mark.parametrize(
    ("text", "specs", "nested", "expected"), [c[1:] for c in LINK_CASES], ids=[c[0] for c in LINK_CASES]
)
def test_denial_links_by_what_is_denied_table(
    nlp: Language, text: str, specs: list[Spec], nested: dict[str, str], expected: dict[str, list[str]]
) -> None:
    assert links(nlp, text, specs, nested) == expected


def test_stance_word_lists_load_clean() -> None:
    from sayso.lexicons.stance import stance_words

    words = stance_words()
    assert ("no", "truth") in words.denial_phrases and words.denial_phrases[("raised", "doubts")] == "doubt"
    assert all(w == w.lower() and " " not in w for w in words.act_words)
    assert words.act_words["bribe"] == ("accusation", "any") and words.act_words["obviously"] == ("assertion", "adv")
