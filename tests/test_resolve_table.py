"""Resolution across the article (issue 21 part 5, issue 20 part 4): descriptions tied to the names the article
gives them before or after, the issuer of a statement, coordinated sources, generic and bare pronouns. Sentences
written for these tests; each row asserts every source's `source_refers_to`."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_resolve import Spec, refers

CASES: list[tuple[str, str, list[Spec], list[str | None]]] = [
    (
        "a description named in the next sentence",
        "A former tour player claims that the golfer was suspended for a month. Dan Olsen, who was an exempt tour "
        "player in 2004, made the claim on a radio show. Olsen said that players had told him.",
        [
            ("A former tour player", "claims", "the golfer was suspended for a month"),
            ("Olsen", "said", "players had told him"),
        ],
        ["Dan Olsen", "Dan Olsen"],
    ),
    (
        "a man known as",
        "A man says that the cable company got him fired. The Consumerist reports that a man known as Conal "
        "complained to the company twice.",
        [
            ("A man", "says", "the cable company got him fired"),
            ("The Consumerist", "reports", "a man known as Conal complained to the company twice"),
        ],
        ["Conal", "Consumerist"],
    ),
    (
        "a judge named as a justice, and the judge after",
        "A New York judge has rejected the request. Supreme Court Justice Frank Nervo wrote that the file was "
        "private. The judge said that the parties opposed the motion.",
        [
            ("A New York judge", "has rejected", "the request"),
            ("Supreme Court Justice Frank Nervo", "wrote", "the file was private"),
            ("The judge", "said", "the parties opposed the motion"),
        ],
        ["Frank Nervo", "Frank Nervo", "Frank Nervo"],
    ),
    (
        "a union described, then named",
        "A union representing flight attendants endorsed the senator on Thursday. The Association of Flight "
        "Attendants said that the senator had fought for its members.",
        [
            ("A union representing flight attendants", "endorsed", "the senator"),
            ("The Association of Flight Attendants", "said", "the senator had fought for its members"),
        ],
        ["Association of Flight Attendants", "Association of Flight Attendants"],
    ),
    (
        "a description with nothing in common with the next name stays itself",
        "A witness said that the car was red. Mayor John Smith said that the bridge was safe.",
        [("A witness", "said", "the car was red"), ("Mayor John Smith", "said", "the bridge was safe")],
        ["A witness", "John Smith"],
    ),
    (
        "the issuer of a statement",
        "In a statement announcing the pick, the Association of Flight Attendants called the senator a champion.",
        [("a statement", "announcing", "the pick")],
        ["Association of Flight Attendants"],
    ),
    (
        "the statement after it",
        "In a statement announcing the pick, the Association of Flight Attendants called the senator a champion. "
        "The statement also said that she had fought for workers.",
        [("a statement", "announcing", "the pick"), ("The statement", "said", "she had fought for workers")],
        ["Association of Flight Attendants", "Association of Flight Attendants"],
    ),
    (
        "the host after a radio host",
        "A radio host claimed that the golfer was suspended. The host also said that the tour had hidden it.",
        [
            ("A radio host", "claimed", "the golfer was suspended"),
            ("The host", "said", "the tour had hidden it"),
        ],
        ["A radio host", "A radio host"],
    ),
    (
        "a web name after its description",
        "French website iGen.fr claims that the watch will cost $500.",
        [("French website iGen.fr", "claims", "the watch will cost $500")],
        ["iGen.fr"],
    ),
    (
        "coordinated sources refer to no one entity",
        "The league and the player's agent denied the report.",
        [("The league and the player's agent", "denied", "the report")],
        [None],
    ),
    (
        "the man after his name",
        "Oliver Ilic, 22, was told that he was no good in bed, a tabloid reports. The man told reporters that he "
        "regretted it.",
        [
            ("a tabloid", "reports", "Oliver Ilic, 22, was told that he was no good in bed"),
            ("The man", "told", "he regretted it"),
        ],
        ["a tabloid", "Oliver Ilic"],
    ),
    (
        "a headline's bare role noun, named below",
        "Judge rejects request to unseal divorce file.\n\nSupreme Court Justice Frank Nervo wrote that the file "
        "was private.",
        [
            ("Judge", "rejects", "request to unseal divorce file"),
            ("Supreme Court Justice Frank Nervo", "wrote", "the file was private"),
        ],
        ["Frank Nervo", "Frank Nervo"],
    ),
    (
        "one person with two roles",
        "Hillary Clinton spoke in Ohio on Monday. The former first lady and U.S. senator said that the plan was a "
        "mistake.",
        [("The former first lady and U.S. senator", "said", "the plan was a mistake")],
        ["Hillary Clinton"],
    ),
    (
        "an article inside a name",
        "The Committee for a Responsible Federal Budget reported that the plan would cost $150 billion.",
        [
            (
                "The Committee for a Responsible Federal Budget",
                "reported",
                "the plan would cost $150 billion",
            )
        ],
        ["Committee for a Responsible Federal Budget"],
    ),
    (
        "she after the subject of the sentence before",
        "A spokesman, Jesse Lehrich, said that the bill was flawed. The families disagree. \u201cThe veto is "
        "wrong,\u201d said widow Mary Strada. She continued, \u201cWe will fight on.\u201d",
        [
            ("A spokesman, Jesse Lehrich", "said", "the bill was flawed"),
            ("She", "continued", "We will fight on."),
        ],
        ["Jesse Lehrich", "Mary Strada"],
    ),
    (
        "he for a man the tagger took for an organisation",
        "A man says that the cable company got him fired. The Consumerist reports that a man known as Conal "
        "complained to the company twice. He says that he had only received praise for his work.",
        [
            ("A man", "says", "the cable company got him fired"),
            ("He", "says", "he had only received praise for his work"),
        ],
        ["Conal", "Conal"],
    ),
    (
        "a title in apposition, and the surname two paragraphs later",
        "The agency's spokeswoman, Maria Lopez, said that the report was accurate.\n\nThe minister spoke on "
        "Tuesday.\n\nLopez added that more data would follow.",
        [
            ("The agency's spokeswoman, Maria Lopez", "said", "the report was accurate"),
            ("Lopez", "added", "more data would follow"),
        ],
        ["Maria Lopez", "Maria Lopez"],
    ),
    (
        "a description is not the person named in its own sentence",
        "The seemingly endless stream of online hoaxes reporting the death of Axl Rose claimed that the singer "
        "was found dead.",
        [("The seemingly endless stream of online hoaxes", "claimed", "the singer was found dead")],
        ["seemingly endless stream of online hoaxes"],
    ),
    ("generic you", "You could say that the plan failed.", [("You", "could say", "the plan failed")], [None]),
    ("generic one", "One might argue that the plan failed.", [("One", "might argue", "the plan failed")], [None]),
    (
        "a bare demonstrative",
        "Others say this shows his popularity across the globe.",
        [("Others", "say", "this shows his popularity across the globe"), ("this", "shows", "his popularity")],
        ["Others", None],
    ),
]


@pytest.mark.parametrize(("text", "specs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_resolution_across_the_article_table(
    nlp: Language, text: str, specs: list[Spec], expected: list[str | None]
) -> None:
    assert refers(nlp, text, *specs) == expected


BARE = [
    "He said that the plan had failed.",
    "She told reporters that the plan had failed.",
    "They said that the plan had failed.",
]


@pytest.mark.parametrize("text", BARE)
def test_no_source_in_the_claims_is_a_bare_pronoun(nlp: Language, text: str) -> None:
    """An unresolved 'he' or 'they': the attribution keeps its source text, its claim no pronoun as source."""
    from sayso.analysis import analyze_doc
    from sayso.claims.extract import claims_of

    document = analyze_doc(nlp(text))
    assert document.attributions, text
    assert all(a.source_refers_to is None for a in document.attributions)
    claims = [c for c in claims_of(document, "d") if c.kind == "attributed"]
    assert claims and all(c.source is None for c in claims), [c.source for c in claims]
