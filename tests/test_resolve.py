"""Source resolution: aliases, initialisms, typos, web names, short forms, anaphora, nominals, pronouns, documents
standing for their publisher, people; and source kinds. Tables of sentences, each asserting the resolved value."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language

from sayso.model import Attribution, Span
from sayso.resolve import resolve_mentions, resolve_sources, source_kind_of

GOLD = Path(__file__).resolve().parents[2] / "shared" / "examples" / "bounties.gold.json"

Spec = tuple[str, str, str] | tuple[str, str, str, str]


def _occurrences(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]


def _nearest(text: str, needle: str, anchor: int) -> int:
    found = _occurrences(text, needle)
    assert found, f"{needle!r} is not in {text!r}"
    return min(found, key=lambda i: abs(i - anchor))


def make_attributions(text: str, *specs: Spec) -> list[Attribution]:
    """Attributions from (source, cue, content[, act]) strings found in `text`: each cue is the first occurrence after
    the previous cue; its source and content are the occurrences nearest to it. An empty source means none."""
    out, cursor = [], 0
    for n, spec in enumerate(specs, 1):
        source, cue, content = spec[:3]
        act = spec[3] if len(spec) == 4 else "report"
        c = text.index(cue, cursor)
        cursor = c + len(cue)
        b = _nearest(text, content, c)
        src = None
        if source:
            a = _nearest(text, source, c)
            src = Span.of(text, a, a + len(source))
        out.append(
            Attribution(
                id=f"a{n}",
                cue=Span.of(text, c, c + len(cue)),
                content=Span.of(text, b, b + len(content)),
                source=src,
                act=act,
            )
        )
    return out


def refers(nlp: Language, text: str, *specs: Spec) -> list[str | None]:
    resolved, _ = resolve_sources(nlp(text), make_attributions(text, *specs))
    return [a.source_refers_to for a in resolved]


RESOLVE_CASES: list[tuple[str, str, list[Spec], list[str | None]]] = [
    # known outlets: names, initialisms, web names
    (
        "initialism",
        "The Washington Post reported that the plan failed. WaPo said that officials knew.",
        [("The Washington Post", "reported", "the plan failed"), ("WaPo", "said", "officials knew")],
        ["The Washington Post", "The Washington Post"],
    ),
    (
        "web domain",
        "According to nytimes.com, the talks collapsed.",
        [("nytimes.com", "According to", "the talks collapsed")],
        ["The New York Times"],
    ),
    (
        "web stem",
        "The talks collapsed, nytimes reported.",
        [("nytimes", "reported", "The talks collapsed")],
        ["The New York Times"],
    ),
    (
        "wire initialism",
        "The Associated Press reported that the vote was delayed. AP said that it would resume.",
        [("The Associated Press", "reported", "the vote was delayed"), ("AP", "said", "it would resume")],
        ["Associated Press", "Associated Press"],
    ),
    (
        "wire name",
        "The deal is dead, Reuters reported.",
        [("Reuters", "reported", "The deal is dead")],
        ["Reuters"],
    ),
    (
        "agency and initialism",
        "Agence France-Presse reported that the port was shut. AFP added that ships waited.",
        [("Agence France-Presse", "reported", "the port was shut"), ("AFP", "added", "ships waited")],
        ["Agence France-Presse", "Agence France-Presse"],
    ),
    (
        "broadcaster",
        "The BBC reported that the minister resigned.",
        [("The BBC", "reported", "the minister resigned")],
        ["BBC"],
    ),
    # misspellings and truncations
    (
        "truncation",
        "The army moved north, the New York Time reported on Friday.",
        [("the New York Time", "reported", "The army moved north")],
        ["The New York Times"],
    ),
    (
        "misspelling",
        "The Wall Street Jounral reported that the merger was off.",
        [("The Wall Street Jounral", "reported", "the merger was off")],
        ["The Wall Street Journal"],
    ),
    (
        "dropped letter",
        "The Washinton Post reported that the senator would retire.",
        [("The Washinton Post", "reported", "the senator would retire")],
        ["The Washington Post"],
    ),
    # short forms introduced earlier
    (
        "short form",
        "The New York Post reported that the mayor lied. The Post said that aides knew.",
        [("The New York Post", "reported", "the mayor lied"), ("The Post", "said", "aides knew")],
        ["New York Post", "New York Post"],
    ),
    (
        "short form beats the data file",
        "The Los Angeles Times reported that fires spread. The Times said that crews were short.",
        [("The Los Angeles Times", "reported", "fires spread"), ("The Times", "said", "crews were short")],
        ["Los Angeles Times", "Los Angeles Times"],
    ),
    (
        "ambiguous short form alone",
        "The Times said that the minister would resign.",
        [("The Times", "said", "the minister would resign")],
        ["The Times"],
    ),
    # initialisms computed from the document
    (
        "initialism of an earlier name",
        "The National Security Council said that plans existed. The NSC added that talks would follow.",
        [("The National Security Council", "said", "plans existed"), ("The NSC", "added", "talks would follow")],
        ["National Security Council", "National Security Council"],
    ),
    (
        "initialism before the full name",
        "The NSC said that plans existed. The National Security Council later added that talks would follow.",
        [("The NSC", "said", "plans existed"), ("The National Security Council", "added", "talks would follow")],
        ["National Security Council", "National Security Council"],
    ),
    (
        "bracketed initialism",
        "The Federal Security Service (FSB) said that it had arrested a spy. The FSB added that he confessed.",
        [("The Federal Security Service", "said", "it had arrested a spy"), ("The FSB", "added", "he confessed")],
        ["Federal Security Service", "Federal Security Service"],
    ),
    # people
    (
        "surname",
        "President Donald Trump said that he was not briefed. Trump later said that the story was false.",
        [("President Donald Trump", "said", "he was not briefed"), ("Trump", "said", "the story was false")],
        ["Donald Trump", "Donald Trump"],
    ),
    (
        "surname in a headline before the full name",
        "Lynch: No outside influence on the inquiry.\n\nAttorney General Loretta Lynch said on Tuesday that no one "
        "had influenced it.",
        [("Lynch", ":", "No outside influence on the inquiry"),
         ("Attorney General Loretta Lynch", "said", "no one had influenced it")],
        ["Loretta Lynch", "Loretta Lynch"],
    ),
    (
        "first person outside any quotation: the writer",
        "The FBI said that it had opened an inquiry. We recognize the danger that the bill creates.",
        [("The FBI", "said", "it had opened an inquiry"), ("We", "recognize", "the danger that the bill creates")],
        ["FBI", None],
    ),
    (
        "a named event is no one a pronoun stands for",
        "The War on Terror began in 2001. They refuse to define the enemy.",
        [("They", "refuse", "to define the enemy")],
        [None],
    ),
    (
        "a surname of two words",
        "Osama bin Laden declared war in 1996. Later bin Laden said that the attack was a success.",
        [("Osama bin Laden", "declared", "war"), ("bin Laden", "said", "the attack was a success")],
        ["Osama bin Laden", "Osama bin Laden"],
    ),
    (
        "coordinated names: the group, and they",
        "President Barack Obama spoke in Ohio. Hillary Clinton spoke in Iowa. Obama and Clinton said the plan would "
        "work. They added that it was fair.",
        [("Obama and Clinton", "said", "the plan would work"), ("They", "added", "it was fair")],
        ["Barack Obama and Hillary Clinton", "Barack Obama and Hillary Clinton"],
    ),
    (
        "one name with and in it",
        "Procter and Gamble said that sales rose.",
        [("Procter and Gamble", "said", "sales rose")],
        ["Procter and Gamble"],
    ),
    (
        "of two people with one surname, the one mentioned last",
        "Bill Clinton said that the law was crazy. Hillary Clinton was not there. He added that premiums were rising. "
        "Clinton said that the system did not work.",
        [("Bill Clinton", "said", "the law was crazy"), ("He", "added", "premiums were rising"),
         ("Clinton", "said", "the system did not work")],
        ["Bill Clinton", "Bill Clinton", "Bill Clinton"],
    ),
    (
        "honorific and surname",
        "President Donald Trump spoke on Monday. Mr. Trump said that the talks went well.",
        [("Mr. Trump", "said", "the talks went well")],
        ["Donald Trump"],
    ),
    (
        "title and pronoun",
        "Sen. Elizabeth Warren said that the bill was weak. She added that she would vote no.",
        [("Sen. Elizabeth Warren", "said", "the bill was weak"), ("She", "added", "she would vote no")],
        ["Elizabeth Warren", "Elizabeth Warren"],
    ),
    (
        "spokesman's surname",
        "Kremlin spokesman Dmitry Peskov said that the claims were absurd. Peskov added that Moscow was calm.",
        [("Kremlin spokesman Dmitry Peskov", "said", "the claims were absurd"), ("Peskov", "added", "Moscow was calm")],
        ["Dmitry Peskov", "Dmitry Peskov"],
    ),
    (
        "pronoun gender from first name",
        "Mary Jones met John Brown in May. Jones said that the meeting was short. He said that it was long.",
        [("Jones", "said", "the meeting was short"), ("He", "said", "it was long")],
        ["Mary Jones", "John Brown"],
    ),
    (
        "role noun after a titled name",
        "Sen. Elizabeth Warren spoke on Tuesday. The senator said that the bank had misled customers.",
        [("The senator", "said", "the bank had misled customers")],
        ["Elizabeth Warren"],
    ),
    (
        "role noun after an appositive",
        "Republican nominee Donald Trump spoke in Ohio. The nominee said that trade deals had failed.",
        [("The nominee", "said", "trade deals had failed")],
        ["Donald Trump"],
    ),
    (
        "epithet is not part of the name",
        "Hillary Clinton spoke on Monday. Crooked Hillary Clinton said that the plan would work, he wrote.",
        [("Crooked Hillary Clinton", "said", "the plan would work")],
        ["Hillary Clinton"],
    ),
    (
        "hyphenated name",
        "Douglas Holtz-Eakin, an economist, said that the plan was costly. Holtz-Eakin added that it would fail.",
        [
            ("Douglas Holtz-Eakin, an economist", "said", "the plan was costly"),
            ("Holtz-Eakin", "added", "it would fail"),
        ],
        ["Douglas Holtz-Eakin", "Douglas Holtz-Eakin"],
    ),
    (
        "first person inside a quotation",
        "The minister spoke after the vote. \u201cWe will not back down,\u201d the Chinese embassy said. We must act, "
        "it said.",
        [("the Chinese embassy", "said", "We will not back down")],
        ["Chinese Embassy"],
    ),
    # definite and plural anaphora; distinct anonymous sources
    (
        "definite plural",
        "US intelligence officials concluded that the unit paid bounties. The intelligence officials believe "
        "that the unit is old.",
        [
            ("US intelligence officials", "concluded", "the unit paid bounties"),
            ("The intelligence officials", "believe", "the unit is old"),
        ],
        ["US intelligence officials", "US intelligence officials"],
    ),
    (
        "bare plural with fewer modifiers",
        "US intelligence officials concluded that the unit paid bounties. US officials said that they knew.",
        [("US intelligence officials", "concluded", "the unit paid bounties"), ("US officials", "said", "they knew")],
        ["US intelligence officials", "US intelligence officials"],
    ),
    (
        "the source versus another source",
        "A source said that the deal was close. The source added that talks continue. Another source said "
        "that it was dead.",
        [
            ("A source", "said", "the deal was close"),
            ("The source", "added", "talks continue"),
            ("Another source", "said", "it was dead"),
        ],
        ["A source", "A source", "Another source"],
    ),
    (
        "some officials are new",
        "US officials said that the plan worked. Some officials said that it failed.",
        [("US officials", "said", "the plan worked"), ("Some officials", "said", "it failed")],
        ["US officials", "Some officials"],
    ),
    (
        "numbered officials",
        "Two officials said that the talks stalled. The officials added that a deal was unlikely.",
        [("Two officials", "said", "the talks stalled"), ("The officials", "added", "a deal was unlikely")],
        ["Two officials", "Two officials"],
    ),
    # nominals
    (
        "nominal after full name",
        "The Russian Embassy said that the claims were false. The embassy added that staff were threatened.",
        [
            ("The Russian Embassy", "said", "the claims were false"),
            ("The embassy", "added", "staff were threatened"),
        ],
        ["Russian Embassy", "Russian Embassy"],
    ),
    (
        "nominal with nationality",
        "The Russian embassy said in a Twitter post that the report was fake.",
        [("The Russian embassy", "said", "the report was fake")],
        ["Russian Embassy"],
    ),
    (
        "nominal with nationality in the sentence",
        "Staff of the Chinese mission were threatened, the embassy said.",
        [("the embassy", "said", "Staff of the Chinese mission were threatened")],
        ["Chinese Embassy"],
    ),
    (
        "nominal after a country",
        "Russia rejected the report. The embassy said that the report was baseless.",
        [("Russia", "rejected", "the report", "denial"), ("The embassy", "said", "the report was baseless")],
        ["Russia", "Russian Embassy"],
    ),
    (
        "ministry",
        "The Chinese foreign ministry said that the visit was a provocation. The ministry added that it would respond.",
        [
            ("The Chinese foreign ministry", "said", "the visit was a provocation"),
            ("The ministry", "added", "it would respond"),
        ],
        ["Chinese Foreign Ministry", "Chinese Foreign Ministry"],
    ),
    (
        "company",
        "Acme Corp. was sold on Monday to a rival. The company said that jobs were safe.",
        [("The company", "said", "jobs were safe")],
        ["Acme Corp."],
    ),
    (
        "country government",
        "The Russian government said that the sanctions were illegal.",
        [("The Russian government", "said", "the sanctions were illegal")],
        ["Russia"],
    ),
    # pronouns
    (
        "it after a nominal",
        "The embassy of Russia said that the claims were false. It said that the authors lacked information.",
        [("The embassy of Russia", "said", "the claims were false"), ("It", "said", "the authors lacked information")],
        ["Russian Embassy", "Russian Embassy"],
    ),
    (
        "it skips a person",
        "The Pentagon said that troops would stay. Spokesman John Kirby said that they were safe. It added "
        "that plans were ready.",
        [
            ("The Pentagon", "said", "troops would stay"),
            ("Spokesman John Kirby", "said", "they were safe"),
            ("It", "added", "plans were ready"),
        ],
        ["Pentagon", "John Kirby", "Pentagon"],
    ),
    (
        "they for a group",
        "Officials said that the bridge was unsafe. They added that it would close.",
        [("Officials", "said", "the bridge was unsafe"), ("They", "added", "it would close")],
        ["Officials", "Officials"],
    ),
    (
        "she after a role noun",
        "A spokeswoman for the company said that sales rose. She added that costs fell.",
        [("A spokeswoman for the company", "said", "sales rose"), ("She", "added", "costs fell")],
        ["A spokeswoman for the company", "A spokeswoman for the company"],
    ),
    (
        "a company is someone new",
        "Acme Corp. was sold on Monday. A company in Ohio said that it would buy the plant.",
        [("A company in Ohio", "said", "it would buy the plant")],
        ["A company in Ohio"],
    ),
    (
        "people of a country are not its government",
        "Americans said in a poll that the economy was weak.",
        [("Americans", "said", "the economy was weak")],
        ["Americans"],
    ),
    # countries, capitals as actors
    (
        "capital as actor",
        "Moscow denied that it was involved.",
        [("Moscow", "denied", "it was involved", "denial")],
        ["Russia"],
    ),
    (
        "country alias",
        "The U.S. said that the strike was lawful. The United States added that it was over.",
        [("The U.S.", "said", "the strike was lawful"), ("The United States", "added", "it was over")],
        ["United States", "United States"],
    ),
    # documents standing for their publisher
    (
        "the report",
        "The New York Times reported that the unit paid bounties. The report said that the president was briefed.",
        [("The New York Times", "reported", "the unit paid bounties"), ("The report", "said", "the president was")],
        ["The New York Times", "The New York Times"],
    ),
    (
        "the article",
        "CNN reported that the talks failed. The article said that both sides walked out.",
        [("CNN", "reported", "the talks failed"), ("The article", "said", "both sides walked out")],
        ["CNN", "CNN"],
    ),
    (
        "named publisher by",
        "According to a report by Reuters, the mine closed.",
        [("a report by Reuters", "According to", "the mine closed")],
        ["Reuters"],
    ),
    (
        "named publisher compound",
        "A CNN report said that the border was closed.",
        [("A CNN report", "said", "the border was closed")],
        ["CNN"],
    ),
    (
        "outlet named with a poll",
        "A Bloomberg poll found that voters were split.",
        [("A Bloomberg poll", "found", "voters were split")],
        ["Bloomberg News"],
    ),
    (
        "a poll is not the last outlet's report",
        "CNN reported that the race was close. A new poll found that voters were split.",
        [("CNN", "reported", "the race was close"), ("A new poll", "found", "voters were split")],
        ["CNN", "A new poll"],
    ),
    (
        "most recent reporting outlet",
        "Reuters reported that the mine closed. The Guardian reported that miners protested. The report said "
        "that police came.",
        [
            ("Reuters", "reported", "the mine closed"),
            ("The Guardian", "reported", "miners protested"),
            ("The report", "said", "police came"),
        ],
        ["Reuters", "The Guardian", "The Guardian"],
    ),
    (
        "'it' looks back a few sentences, not to an organisation many sources ago",
        "The commission said the audio failed. Hillary Clinton said the tweets were cruel. Donald Trump said he "
        "slept well. Mike Pence said the debate went fine. Tim Kaine said the night was long. Paul Ryan said the "
        "party was calm. Clinton said it shows that he is unfit.",
        [("The commission", "said", "the audio failed"), ("Hillary Clinton", "said", "the tweets were cruel"),
         ("Donald Trump", "said", "he slept well"), ("Mike Pence", "said", "the debate went fine"),
         ("Tim Kaine", "said", "the night was long"), ("Paul Ryan", "said", "the party was calm"),
         ("it", "shows", "he is unfit")],
        ["commission", "Hillary Clinton", "Donald Trump", "Mike Pence", "Tim Kaine", "Paul Ryan", None],
    ),
    (
        "'it' two sources after its organisation",
        "The commission said the audio failed. Hillary Clinton said the tweets were cruel. It added that the "
        "microphone worked.",
        [("The commission", "said", "the audio failed"), ("Hillary Clinton", "said", "the tweets were cruel"),
         ("It", "added", "the microphone worked")],
        ["commission", "Hillary Clinton", "commission"],
    ),
    (
        "a surname that is also a title word",
        "Larry King hosts a show. Both Mr. King and Mr. Schultz say the managers never interfered. Mr. King said "
        "that he was never edited.",
        [("Both Mr. King and Mr. Schultz", "say", "the managers never interfered"),
         ("Mr. King", "said", "he was never edited")],
        ["Larry King and Schultz", "Larry King"],
    ),
]


@pytest.mark.parametrize(
    ("text", "specs", "expected"), [c[1:] for c in RESOLVE_CASES], ids=[c[0] for c in RESOLVE_CASES]
)
def test_resolve_sources_table(nlp: Language, text: str, specs: list[Spec], expected: list[str | None]) -> None:
    assert refers(nlp, text, *specs) == expected


KIND_CASES: list[tuple[str, str | None, str]] = [
    ("Russia rejected the report.", "Russia", "government"),
    ("Moscow denied the claims.", "Moscow", "government"),
    ("The embassy said that the claims were false.", "The embassy", "government"),
    ("The talks failed, NYT reported.", "NYT", "organization"),
    ("The talks failed, Reuters reported.", "Reuters", "organization"),
    ("The report said that the talks failed.", "The report", "document"),
    ("A new study says that sleep matters.", "A new study", "document"),
    ("US officials said that the talks failed.", "US officials", "anonymous_officials"),
    ("Some officials have theorized that it was revenge.", "Some officials", "anonymous_officials"),
    ("The deal is close, sources said.", "sources", "anonymous_officials"),
    (
        "People familiar with the matter said that the deal was close.",
        "People familiar with the matter",
        "anonymous_officials",
    ),
    ("Some of the officials said that it was late.", "Some of the officials", "anonymous_officials"),
    ("Sen. John Smith said that the bill would pass.", "Sen. John Smith", "person"),
    ("Kremlin spokesman Dmitry Peskov said that the claims were absurd.", "Kremlin spokesman Dmitry Peskov", "person"),
    ("A spokeswoman said that the store would close.", "A spokeswoman", "anonymous_officials"),
    ("The minister said that the border would reopen.", "The minister", "person"),
    ("The governor told reporters the roads were closed.", "The governor", "person"),
    ("The senator spoke on Monday. She said that the bill would pass.", "She", "person"),
    ("The ministry denied the report. It said that the report was false.", "It", "government"),
    ("The White House said that the president was briefed.", "The White House", "government"),
    ("The Kremlin said that the claims were absurd.", "The Kremlin", "government"),
    ("The FBI said that it had opened an inquiry.", "The FBI", "government"),
    ("The National Security Council said that plans existed.", "The National Security Council", "government"),
    ("Apple said that sales rose.", "Apple", "organization"),
    ("Lynch: No outside influence.\n\nAttorney General Loretta Lynch said that no one interfered.", "Lynch", "person"),
    ("Rep. Adam Schiff spoke first. Schiff, 56, told reporters that the hacking was clear.", "Schiff, 56", "person"),
    ("A House panel voted to hold the aide in contempt.", "A House panel", "organization"),
    ("Democrats called the citation a political ploy.", "Democrats", "person"),
    ("The computer specialist would assert his rights.", "The computer specialist", "person"),
    ("Many Mexicans say that the wall is an insult.", "Many Mexicans", "unspecified"),
    ("The talks failed.", None, "unspecified"),
]


@pytest.mark.parametrize(("text", "source", "kind"), KIND_CASES, ids=[f"{c[1]}" for c in KIND_CASES])
def test_source_kind_of_table(nlp: Language, text: str, source: str | None, kind: str) -> None:
    span = None
    if source is not None:
        start = text.index(source) if source != "It" else text.index(" It ") + 1
        span = Span.of(text, start, start + len(source))
    assert source_kind_of(nlp(text), span) == kind


def test_resolve_entities_map_lists_mentions_in_order(nlp: Language) -> None:
    text = (
        "The New York Times reported that the unit paid bounties. NYT said that officials knew. "
        "Russia rejected the report, and Moscow said that the story was fake."
    )
    atts = make_attributions(
        text,
        ("The New York Times", "reported", "the unit paid bounties"),
        ("NYT", "said", "officials knew"),
        ("Russia", "rejected", "the report", "denial"),
        ("Moscow", "said", "the story was fake"),
    )
    resolved, entities = resolve_sources(nlp(text), atts)
    assert [a.source_refers_to for a in resolved] == ["The New York Times", "The New York Times", "Russia", "Russia"]
    assert entities["The New York Times"] == ("The New York Times", "NYT", "the report", "the story")
    assert entities["Russia"] == ("Russia", "Moscow")


def test_resolve_capital_as_place_stays_a_place(nlp: Language) -> None:
    text = "Protesters gathered in Moscow on Sunday, the Kremlin said."
    atts = make_attributions(text, ("the Kremlin", "said", "Protesters gathered in Moscow on Sunday"))
    resolved, entities = resolve_sources(nlp(text), atts)
    assert resolved[0].source_refers_to == "Kremlin"
    assert "Russia" not in entities
    assert entities["Moscow"] == ("Moscow",)


def test_resolve_mentions_resolves_documents_inside_contents(nlp: Language) -> None:
    text = "CNN reported that the talks failed. The government called the report fake news."
    atts = make_attributions(
        text,
        ("CNN", "reported", "the talks failed"),
        ("The government", "called", "the report fake news", "denial"),
    )
    resolution = resolve_mentions(nlp(text), atts)
    start = text.index("the report")
    assert resolution.refers_to(start, start + len("the report")) == "CNN"
    assert resolution.publisher_before(start) == "CNN"


def test_resolve_leaves_attributions_without_source_alone(nlp: Language) -> None:
    text = "The unit is believed to be old."
    atts = make_attributions(text, ("", "is believed", "to be old"))
    resolved, _ = resolve_sources(nlp(text), atts)
    assert resolved[0].source_refers_to is None and resolved[0].source is None


# ---- the example article, with its gold attributions as input ------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> dict[str, object]:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent")
    data: dict[str, object] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


def _gold_attributions(gold: dict[str, object]) -> list[Attribution]:
    items = gold["attributions"]
    assert isinstance(items, list)
    return [Attribution.from_json(a) for a in items]


def test_resolve_example_matches_gold(nlp: Language, gold: dict[str, object]) -> None:
    text = (GOLD.parent / "bounties.txt").read_text(encoding="utf-8")
    expected = _gold_attributions(gold)
    stripped = [Attribution.from_json({**a.to_json(), "source_refers_to": None}) for a in expected]
    resolved, entities = resolve_sources(nlp(text), stripped)
    scored = [
        (e.source_refers_to, r.source_refers_to) for e, r in zip(expected, resolved, strict=True) if e.source_refers_to
    ]
    correct = sum(1 for want, got in scored if want == got)
    assert correct / len(scored) >= 0.9, scored
    for name in ("The New York Times", "US intelligence officials", "Russian Embassy", "Russia", "Donald Trump"):
        assert name in entities
    assert {"the New York Time", "NYT", "nytimes", "the report"} <= set(entities["The New York Times"])
    assert entities["Russian Embassy"][-2:] == ("the embassy", "It")
    assert "Moscow" in entities["Russia"]


def test_source_kind_of_example_matches_gold(nlp: Language, gold: dict[str, object]) -> None:
    text = (GOLD.parent / "bounties.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    atts = _gold_attributions(gold)
    kinds = [(a.source_kind, source_kind_of(doc, a.source)) for a in atts]
    assert sum(1 for want, got in kinds if want == got) == len(kinds), kinds
