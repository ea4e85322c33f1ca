"""Attribution types, case by case: hand-written news-style sentences and the type of each attribution a careful
annotator marks in them (docs/annotation.md, "type": statement, belief, knowledge, finding, intention).

Each case is `(text, [(cue, type), ...])`: every attribution sayso finds, in the order of their cues, by its cue's
text and its type; a sentence with no attribution at all expects `[]`. The whole list is compared, so a surplus
attribution fails a case as much as a wrong type. The sentences are the project's own; none comes from an
evaluation data set.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from sayso.analysis import Analyzer
from sayso.attribution.actions import action_reason
from sayso.lexicons import load
from sayso.model import TYPES

Case = tuple[str, list[tuple[str, str]]]
S, B, K, F, IN = "statement", "belief", "knowledge", "finding", "intention"

# ------------------------------------------------------------------------------------------------ the table

STATEMENTS: list[Case] = [
    ("The mayor said the bridge will reopen in June.", [("said", S)]),
    ("Ms. Ortiz told investigators that she left the office before noon.", [("told", S)]),
    ("“We will not back down,” the union leader vowed on Friday.", [("vowed", S)]),
    ("The ministry announced that fuel prices would rise by five percent.", [("announced", S)]),
    ("A spokeswoman for the airline confirmed that two flights were cancelled.", [("confirmed", S)]),
    ("The lawsuit alleges that the company hid the defect for years.", [("alleges", S)]),
    ("According to the coach, the striker will miss three weeks.", [("According to", S)]),
    ("The senator urged colleagues to reject the nomination.", [("urged", S)]),
    ("The school board denied that any teacher had been suspended.", [("denied", S)]),
    ("The singer revealed in an interview that she had quit drinking two years ago.", [("revealed", S)]),
    ("The pop star tweeted that her new album would be out in May.", [("tweeted", S)]),
    ("The club declined to comment on the transfer.", [("declined", S)]),
    ("Court papers filed by the owners oppose the sale of the land.", [("oppose", S)]),
    ("The judge agreed with the prosecutors that the evidence was weak.", [("agreed with", S)]),
    ("The governor warned that the storm could cut power to thousands of homes.", [("warned", S)]),
    ("Residents complained that the buses never come on time.", [("complained", S)]),
    ("The chairman promised to publish the full accounts by March.", [("promised", S)]),
    ("The ruling party accused the opposition of stirring up unrest.", [("accused", S)]),
]

BELIEFS: list[Case] = [
    ("Many economists believe the recession is already over.", [("believe", B)]),
    ("Fans fear the club will be relegated for the first time.", [("fear", B)]),
    ("The director hopes that the festival will draw bigger crowds next year.", [("hopes", B)]),
    ("The defendant is believed to have fled the country.", [("is believed", B)]),
    ("The new bridge is expected to open before the winter.", [("is expected", B)]),
    ("Most voters think the council wastes money.", [("think", B)]),
    ("Officials are confident that the vaccine supply will last.", [("are confident", B)]),
    ("Some parents worry that the new curriculum is too demanding.", [("worry", B)]),
    ("In the view of the regulator, the merger will hurt small shops.", [("In the view of", B)]),
    ("The manager doubts that the stadium will be ready in time.", [("doubts", B)]),
    ("Critics view the new tax as a betrayal of working families.", [("view", B)]),
]

KNOWLEDGE: list[Case] = [
    ("The landlord knew that the boiler was broken.", [("knew", K)]),
    ("Investigators later learned that the fire had started in the kitchen.", [("learned", K)]),
    ("The coach realized that his team was exhausted.", [("realized", K)]),
    ("The tenants were aware that the building had failed an inspection.", [("were aware", K)]),
]

FINDINGS: list[Case] = [
    ("A new study found that teenagers sleep less than a decade ago.", [("found", F)]),
    ("The video showed the officer striking a protester.", [("showed", F)]),
    ("Security footage revealed that the thief entered through a side door.", [("revealed", F)]),
    ("The survey suggests that most drivers ignore the speed limit.", [("suggests", F)]),
    ("Tests confirmed that the water was contaminated with lead.", [("confirmed", F)]),
    ("Investigators concluded that the crash was caused by pilot error.", [("concluded", F)]),
    ("Researchers estimate that the disease kills 40,000 people a year.", [("estimate", F)]),
    ("Officers observed that the driver could barely stand.", [("observed", F)]),
    ("The autopsy determined that the victim died of a heart attack.", [("determined", F)]),
    ("In the latest poll, the mayor leads her rival by ten points.", [("In", F)]),
    ("According to the survey, most commuters drive alone.", [("According to", F)]),
]

INTENTIONS: list[Case] = [
    ("The company plans to open twelve new stores this year.", [("plans", IN)]),
    ("The striker wants to finish his career in Brazil.", [("wants", IN)]),
    ("The director hopes to start filming in the spring.", [("hopes", IN)]),
    ("The club aims to double its membership by 2030.", [("aims", IN)]),
    ("The senator expects to win the primary easily.", [("expects", IN)]),
    ("The board is eager to sell the loss-making division.", [("is eager", IN)]),
    ("The lawyer is considering filing suit against the company.", [("is considering", IN)]),
    # inside a quotation the marks are the outer speaker's: what the cue inside says keeps its own type
    ("“It seems the rebels wanted to burn everything,” a farmer said.",
     [("seems", B), ("wanted", IN), ("said", S)]),
    ("She describes her brother as a dreamer who “always believes the best in people.”",
     [("describes", S), ("believes", B)]),
]

# actions, idioms and generic addresses: nobody says, believes or finds anything (attribution/actions.py); each
# of these found an attribution before that module
NOT_SAID: list[Case] = [
    ("You can thank the director for the film's success.", []),
    ("You'd think the council would have fixed the road by now.", []),
    ("One might argue that the league has too many teams.", []),
    ("Remember when the stadium was full every Sunday?", []),
    ("Speaking of money, the club lost ten million last year.", []),
    ("The singer appeared on a late-night talk show on Tuesday.", []),
    ("The airline has been pumping money into its new terminal.", []),
    ("He has been trading stocks since he was a teenager.", []),
    ("The rebels pounded the airport with rockets.", []),
    ("Thank God the rain stopped before the final.", []),
    ("Neighbours called the police after the shouting began.", []),
    ("The prime minister called a snap election for June.", []),
    ("The council voted to send a letter to the minister.", []),
    ("The striker decided to leave the club after one season.", []),
    ("Most users charge their phones overnight.", []),
    ("The gallery will charge visitors for the new exhibition.", []),
    ("Police offered a reward for information about the attack.", []),
    ("The government released two prisoners on Friday.", []),
    ("The actress declined the role.", []),
    ("The company will show off its new phones at the fair.", []),
    ("The goalkeeper showed great courage in the final.", []),
    ("Dozens of fans were out showing their support for the coach.", []),
    ("Militants attacked two villages near the border.", []),
    ("Kurdish fighters are defending the city.", []),
    ("The mayor pushed a cart of food through the crowd.", []),
    ("The agency issued new passports to the refugees.", []),
    ("Do not believe every rumour you read online.", []),
    ("Police were called to the house shortly after midnight.", []),
    ("The customer called to try to cancel his contract.", []),
    ("The bank refused to reverse the charges.", []),
    ("The new service is reportedly called Project Rainbow.", []),
    ("Detectives were questioning the driver on Sunday.", []),
    ("Efforts to discuss the budget in private have failed.", []),
    ("Militants attacking remote communities have burned crops.", []),
    ("The student filmed the lesson to document the incident.", []),
    ("The senator flew to Brussels to discuss the trade deal.", []),
    ("Rose was found dead after police were called around 3:30 pm.", []),
    ("Considering even the bank admits its fees are too high, the reform is overdue.", [("admits", S)]),
    ("Let me ask you a simple question.", []),
    ("The campaign released a new ad on Tuesday.", []),
    # … and what stays said beside them
    ("The club offered its condolences to the family.", [("offered", S)]),
    ("The senator called the report a disgrace.", [("called", S)]),
    ("One of the witnesses said the driver was speeding.", [("said", S)]),
    ("The ministry released a statement on Monday.", [("released", S)]),
    ("The campaign released an ad attacking the senator's record.", [("released", S), ("attacking", S)]),
    ("The hoax spread through a story titled “Scientists Confirm the Moon Is Hollow.”",
     [("titled", S), ("Confirm", S)]),
    ("The agency reported the arrests, citing a security official.", [("reported", S)]),
    ("The mayor took the opportunity to remind voters that taxes had fallen.", [("to remind", S)]),
    ("The hospital declined to comment on the case.", [("declined", S)]),
    ("Her agent called this morning to say the tour was off.", [("called", S)]),
]

CASES: list[Case] = [*STATEMENTS, *BELIEFS, *KNOWLEDGE, *FINDINGS, *INTENTIONS, *NOT_SAID]


# ------------------------------------------------------------------------------------------------ the test


def _case_id(n: int, text: str) -> str:
    words = re.sub(r"[^A-Za-z0-9 ]+", "", text).split()[:6]
    return f"{n:03d}-" + "-".join(words).lower()


@pytest.fixture(scope="module")
def analyzer(nlp: Language) -> Analyzer:
    return Analyzer(nlp=nlp)


def test_table_covers_every_type() -> None:
    assert len(CASES) >= 60 and len(NOT_SAID) >= 20
    assert {t for _, expected in CASES for _, t in expected} == set(TYPES)
    assert len({text for text, _ in CASES}) == len(CASES), "a sentence appears twice in the table"


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=_case_id(n, t)) for n, (t, e) in
                                                 enumerate(CASES, 1)])
def test_types_table(analyzer: Analyzer, text: str, expected: list[tuple[str, str]]) -> None:
    doc = analyzer.analyze(text)
    found = [(a.cue.text, a.type) for a in sorted(doc.attributions, key=lambda a: (a.cue.start, a.cue.end))]
    assert found == expected


def test_cue_types_lexicon_types_every_cue_with_a_known_type() -> None:
    """cue_types.tsv: every row's types are valid, and the rows that matter hold."""
    lex = load()
    assert all({c.type, c.with_infinitive, c.of_evidence} <= set(TYPES) for c in lex.cue_types.values())
    assert lex.cue_types[("verb", "hope")].with_infinitive == "intention"
    assert lex.cue_types[("verb", "reveal")].of_evidence == "finding"
    assert ("verb", "say") not in lex.cue_types  # a cue not listed is a statement
    assert {"study", "footage", "poll"} <= lex.evidence_words


def test_action_words_lexicon_has_every_role() -> None:
    """action_words.tsv: every role the rules read has words, and the words that matter hold."""
    words = load().action_words
    assert all(words[role] for role in ("object_verb", "speech_object", "physical_verb", "target", "armed",
                                        "naming_verb", "vote_verb", "motion_verb", "idiom"))
    assert "offer" in words["object_verb"] and "condolences" in words["speech_object"]
    assert "bounties" not in words["speech_object"]
    assert "speaking of" in words["idiom"]


def test_verbs_of_motion_are_no_cue_whatever_a_model_votes(nlp: Language) -> None:
    """The learned cue model (accurate mode) may admit any verb; a verb of motion is turned away all the same."""
    doc = nlp("The protesters marched to city hall and then flew home.")
    marched, flew = doc[2], doc[8]
    assert (marched.lemma_, flew.lemma_) == ("march", "fly")
    assert action_reason(marched, load()) == action_reason(flew, load()) == "a motion"
    said = nlp("The protesters said the march would go on.")
    assert action_reason(said[2], load()) is None
