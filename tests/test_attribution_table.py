"""Attribution extraction, case by case: hand-written news-style sentences and what a careful annotator marks in
each (source, cue, content, and quote / certainty / act / nesting where they matter).

Each case is `(text, [expected, ...])`, one expected attribution per tuple, in the order of their cues in the
text: `(source, cue, content)` or `(source, cue, content, extras)`. Conventions (docs: ../shared/examples/FORMAT.md):

- `source` is the whole source noun phrase, or None when the text names none (agentless passive, bare noun cue);
- `cue` is the signalling words with their auxiliaries ("has been blamed"), not the prepositions after them;
- `content` is the attributed clause without its complementizer "that" and without edge punctuation; a direct
  quote's content is the words inside the quotation marks, without edge punctuation; a discontinuous content
  (a quote split by its cue) is its pieces joined by one space, and `parts` lists the pieces;
- `quote` defaults to "indirect" and `nested_in` (the cue text of the enclosing attribution) to None: both are
  always checked; `certainty`, `act` and `parts` are checked where given.

The sentences are the project's own; none comes from an evaluation data set.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from _pytest.mark.structures import ParameterSet
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sayso.analysis import Analyzer
from sayso.attribution import extract_attributions
from sayso.attribution.cues import verb_class, verb_cues
from sayso.lexicons import load as load_lexicons
from sayso.model import Document

Expected = tuple[Any, ...]
Case = tuple[str, list[Expected]]

CERTAIN, PROBABLE, POSSIBLE = "certain", "probable", "possible"
DIRECT, MIXED = {"quote": "direct"}, {"quote": "mixed"}


def x(**fields: Any) -> dict[str, Any]:
    return fields


# ------------------------------------------------------------------------------------------------ the table

REPORTING_VERBS: list[Case] = [
    # tenses, aspects and voices of reporting verbs
    ("The mayor said the bridge will reopen in June.",
     [("The mayor", "said", "the bridge will reopen in June", x(certainty=CERTAIN))]),
    ("The governor says the state has enough ventilators for now.",
     [("The governor", "says", "the state has enough ventilators for now", x(certainty=CERTAIN))]),
    ("The company has said that it will appeal the ruling.",
     [("The company", "has said", "it will appeal the ruling")]),
    ("Ms. Ortiz had told investigators that she left the office before noon.",
     [("Ms. Ortiz", "had told", "she left the office before noon")]),
    ("The prime minister will announce on Monday that elections are to be held in the spring.",
     [("The prime minister", "will announce", "elections are to be held in the spring")]),
    ("Federal investigators have concluded that the fire was set deliberately.",
     [("Federal investigators", "have concluded", "the fire was set deliberately",
       x(certainty=CERTAIN, act="assessment"))]),
    ("Economists have also suggested that the slowdown may last into next year.",
     [("Economists", "have also suggested", "the slowdown may last into next year",
       x(certainty=POSSIBLE, act="speculation"))]),
    ("Reuters has learned that the two banks are in merger talks.",
     [("Reuters", "has learned", "the two banks are in merger talks", x(act="report"))]),
    ("The coach was quoted as saying that the team had lost its nerve.",
     [("The coach", "was quoted as saying", "the team had lost its nerve")]),
    ("Police are saying the suspect fled on foot.",
     [("Police", "are saying", "the suspect fled on foot")]),
    ("The senator was telling reporters that the bill is likely to fail.",
     [("The senator", "was telling", "the bill is likely to fail", x(certainty=PROBABLE))]),
    ("A new study found that teenagers sleep less than they did a decade ago.",
     [("A new study", "found", "teenagers sleep less than they did a decade ago", x(act="report"))]),
    ("Witnesses told the Associated Press that the gunman wore a black mask.",
     [("Witnesses", "told", "the gunman wore a black mask")]),
    ("The airline announced on Tuesday that it is cutting 2,000 jobs.",
     [("The airline", "announced", "it is cutting 2,000 jobs")]),
    ("The two leaders have repeatedly stressed that the alliance is strong.",
     [("The two leaders", "have repeatedly stressed", "the alliance is strong", x(act="assertion"))]),
    ("Prosecutors allege that the defendant laundered money through shell companies.",
     # a named accuser in the active is sure of what it imputes (docs/annotation.md); 'has been blamed' is not
     [("Prosecutors", "allege", "the defendant laundered money through shell companies",
       x(certainty=CERTAIN, act="accusation"))]),
    ("Scientists estimate that the glacier loses 30 metres of ice a year.",
     [("Scientists", "estimate", "the glacier loses 30 metres of ice a year", x(act="assessment"))]),
    ("Many residents fear that the factory will poison the river.",
     [("Many residents", "fear", "the factory will poison the river", x(certainty=PROBABLE, act="belief"))]),
    ("Analysts expect the central bank to raise interest rates next month.",
     [("Analysts", "expect", "the central bank to raise interest rates next month",
       x(certainty=PROBABLE, act="belief"))]),
    ("She wrote in her memoir that the campaign had been chaotic from the start.",
     [("She", "wrote", "the campaign had been chaotic from the start")]),
    ("The minister denied that she had misled parliament.",
     [("The minister", "denied", "she had misled parliament", x(certainty=CERTAIN, act="denial"))]),
    ("The opposition accused the government of rigging the election.",
     [("The opposition", "accused", "the government of rigging the election", x(certainty=CERTAIN, act="accusation"))]),
    ("The union is urging its members to reject the offer.",
     [("The union", "is urging", "its members to reject the offer", x(act="demand"))]),
    ("Officials believe the hackers were working for a foreign government.",
     [("Officials", "believe", "the hackers were working for a foreign government",
       x(certainty=PROBABLE, act="belief"))]),
    ("Doctors warned that the virus could spread quickly in crowded camps.",
     [("Doctors", "warned", "the virus could spread quickly in crowded camps", x(certainty=POSSIBLE))]),
    ("He admitted that mistakes were made during the evacuation.",
     [("He", "admitted", "mistakes were made during the evacuation")]),
    ("Investigators determined that the crash was caused by pilot error.",
     [("Investigators", "determined", "the crash was caused by pilot error", x(act="assessment"))]),
    ("The former aide testified that she had shredded the documents on orders from her boss.",
     [("The former aide", "testified", "she had shredded the documents on orders from her boss")]),
    ("The prime minister vowed to rebuild the damaged towns.",
     [("The prime minister", "vowed", "to rebuild the damaged towns", x(act="assertion"))]),
    ("The World Health Organization recommended that travellers avoid the region.",
     [("The World Health Organization", "recommended", "travellers avoid the region", x(act="demand"))]),
    ("The central bank's governor has hinted that rates could fall in the autumn.",
     [("The central bank's governor", "has hinted", "rates could fall in the autumn",
       x(certainty=POSSIBLE, act="speculation"))]),
    ("Diplomats say privately that the talks are going nowhere.",
     [("Diplomats", "say", "the talks are going nowhere")]),
    ("She told the BBC she had received death threats.",
     [("She", "told", "she had received death threats")]),
    ("Local media reported that at least 12 people died in the floods.",
     [("Local media", "reported", "at least 12 people died in the floods", x(act="report"))]),
    ("Amnesty International has accused both sides of committing war crimes.",
     [("Amnesty International", "has accused", "both sides of committing war crimes", x(act="accusation"))]),
    ("The data show that unemployment fell in every region last year.",
     [("The data", "show", "unemployment fell in every region last year", x(act="report"))]),
    ("Court documents reveal that the firm paid the consultant $4 million.",
     [("Court documents", "reveal", "the firm paid the consultant $4 million")]),
    ("A spokeswoman for the airline confirmed that the flight had been diverted.",
     [("A spokeswoman for the airline", "confirmed", "the flight had been diverted")]),
    ("John Mensah, a spokesman for the ministry, said the border would remain closed.",
     [("John Mensah, a spokesman for the ministry", "said", "the border would remain closed")]),
    ("Two people familiar with the matter said the deal could be announced as soon as Friday.",
     [("Two people familiar with the matter", "said", "the deal could be announced as soon as Friday",
       x(certainty=POSSIBLE))]),
    ("The Kremlin dismissed the allegations as baseless.",
     [("The Kremlin", "dismissed", "the allegations as baseless", x(act="denial"))]),
    ("The White House insisted that the president had acted within the law.",
     # the act comes from the content too: a plain statement of fact, however insistently made, is a report
     [("The White House", "insisted", "the president had acted within the law", x(act="report"))]),
    ("US intelligence officials told lawmakers that the threat was growing.",
     [("US intelligence officials", "told", "the threat was growing")]),
]

MULTIWORD_AND_NOUN_CUES: list[Case] = [
    ("According to the police, the driver was not wearing a seatbelt.",
     [("the police", "According to", "the driver was not wearing a seatbelt", x(certainty=CERTAIN))]),
    ("The driver was not wearing a seatbelt, according to the police report.",
     [("the police report", "according to", "The driver was not wearing a seatbelt")]),
    ("Rebels now control most of the north, according to a United Nations report.",
     [("a United Nations report", "according to", "Rebels now control most of the north", x(act="report"))]),
    ("Inflation will peak this summer, the report said.",
     [("the report", "said", "Inflation will peak this summer", x(act="report"))]),
    ("The report said inflation will peak this summer.",
     [("The report", "said", "inflation will peak this summer", x(act="report"))]),
    ("His claim that the election was stolen has been rejected by the courts.",
     [("His", "claim", "the election was stolen", x(nested_in="has been rejected")),
      ("the courts", "has been rejected", "His claim that the election was stolen", x(act="denial"))]),
    ("The accusations that the mayor took bribes first surfaced in a local newspaper.",
     [(None, "accusations", "the mayor took bribes", x(act="accusation", certainty=PROBABLE))]),
    ("In a statement, the ministry said the talks had been productive.",
     [("the ministry", "said", "the talks had been productive")]),
    ("In a statement, the company denied any wrongdoing.",
     [("the company", "denied", "any wrongdoing", x(act="denial"))]),
    ("There is growing speculation that the prime minister will resign.",
     [(None, "speculation", "the prime minister will resign", x(certainty=POSSIBLE, act="speculation"))]),
    ("The company rejected the allegation that its phones overheat.",
     [("The company", "rejected", "the allegation that its phones overheat", x(act="denial")),
      (None, "allegation", "its phones overheat", x(act="accusation", nested_in="rejected"))]),
    ("The finding that the drug cut deaths by a third surprised researchers.",
     [(None, "finding", "the drug cut deaths by a third", x(act="assessment"))]),
    ("As reported by the BBC, the ship sank in less than an hour.",
     [("the BBC", "As reported by", "the ship sank in less than an hour")]),
    ("In an interview, the actor said he had never met the producer.",
     [("the actor", "said", "he had never met the producer")]),
    ("Moscow's denial that its troops crossed the border convinced no one.",
     [("Moscow", "denial", "its troops crossed the border", x(act="denial"))]),
    ("The report's conclusion that the dam was poorly built was disputed by the contractor.",
     [("The report", "conclusion", "the dam was poorly built", x(act="assessment", nested_in="was disputed")),
      ("the contractor", "was disputed", "The report's conclusion that the dam was poorly built",
       x(act="denial"))]),
    ("The warning that the dam might burst came too late for the villagers.",
     [(None, "warning", "the dam might burst", x(certainty=POSSIBLE))]),
]

PASSIVES: list[Case] = [
    # agentless: no source
    ("It is believed that the suspect fled the country.",
     [(None, "is believed", "the suspect fled the country", x(certainty=PROBABLE, act="belief"))]),
    ("The suspect is believed to have fled the country.",
     [(None, "is believed", "The suspect to have fled the country",
       x(parts=["The suspect", "to have fled the country"], certainty=PROBABLE, act="belief"))]),
    ("It is alleged that the funds were diverted to a private account.",
     [(None, "is alleged", "the funds were diverted to a private account",
       x(certainty=PROBABLE, act="accusation"))]),
    ("The former director has been blamed for the collapse of the bank.",
     [(None, "has been blamed", "for the collapse of the bank", x(certainty=PROBABLE, act="accusation"))]),
    ("The company has been accused of dumping waste in the river.",
     [(None, "has been accused", "of dumping waste in the river", x(act="accusation"))]),
    ("The strike is expected to last at least a week.",
     [(None, "is expected", "The strike to last at least a week",
       x(parts=["The strike", "to last at least a week"], certainty=PROBABLE))]),
    ("It was reported that the tanker had changed course twice.",
     [(None, "was reported", "the tanker had changed course twice")]),
    ("Three people are said to have been injured in the blast.",
     [(None, "are said", "Three people to have been injured in the blast",
       x(parts=["Three people", "to have been injured in the blast"]))]),
    ("The court was told that the defendant had fled to Spain.",
     [(None, "was told", "the defendant had fled to Spain")]),
    ("The bridge, which is thought to date from the 12th century, was damaged in the storm.",
     [(None, "is thought", "to date from the 12th century", x(certainty=PROBABLE, act="belief"))]),
    # with an agent: the agent is the source
    ("The report was denied by the Kremlin.",
     [("the Kremlin", "was denied", "The report", x(act="denial"))]),
    ("The claims were disputed by several independent scientists.",
     [("several independent scientists", "were disputed", "The claims", x(act="denial"))]),
    ("The mayor was accused by his rivals of hiding the true cost of the stadium.",
     [("his rivals", "was accused", "of hiding the true cost of the stadium", x(act="accusation"))]),
]

POSTPOSED: list[Case] = [
    ("The ceasefire is holding, sources said.",
     [("sources", "said", "The ceasefire is holding")]),
    ("“We are not going anywhere,” said Mr. Alvarez.",
     [("Mr. Alvarez", "said", "We are not going anywhere", DIRECT)]),
    ("The economy shrank by 2 percent in the second quarter, the agency reported.",
     [("the agency", "reported", "The economy shrank by 2 percent in the second quarter", x(act="report"))]),
    ("The talks collapsed late on Sunday, two diplomats told Reuters.",
     [("two diplomats", "told", "The talks collapsed late on Sunday")]),
    ("Turnout was the highest in decades, election officials said on Monday.",
     [("election officials", "said", "Turnout was the highest in decades")]),
    ("Prices will keep rising, said Ana Reyes, an economist at the central bank.",
     [("Ana Reyes, an economist at the central bank", "said", "Prices will keep rising")]),
    ("The vote, officials said, will be held in June.",
     [("officials", "said", "The vote will be held in June", x(parts=["The vote", "will be held in June"]))]),
    ("The rebels have reportedly seized the airport, the ministry said.",
     [("the ministry", "said", "The rebels have reportedly seized the airport", x(certainty=PROBABLE))]),
    ("“The market has turned,” says Laura Kim, a broker in Seoul.",
     [("Laura Kim, a broker in Seoul", "says", "The market has turned", DIRECT)]),
]

QUOTES: list[Case] = [
    # quote before the cue, straight and curly marks
    ("“The border is open,” a police spokesman told reporters.",
     [("a police spokesman", "told", "The border is open", DIRECT)]),
    ('"We will not negotiate with terrorists," the president said on Tuesday.',
     [("the president", "said", "We will not negotiate with terrorists", DIRECT)]),
    ("“It was chaos,” he told The Guardian.",
     [("he", "told", "It was chaos", DIRECT)]),
    ("“Who pays for this?” the councillor asked.",
     [("the councillor", "asked", "Who pays for this", DIRECT)]),
    # colon- and dash-introduced quotes
    ("The minister said: “There will be no more delays.”",
     [("The minister", "said", "There will be no more delays", DIRECT)]),
    # the question a bare "asked" puts is an attribution by no one named (PolNeAR marks it)
    ("Asked about the delay, Mr. Hale said: “We are doing everything we can.”",
     [(None, "Asked about", "the delay"), ("Mr. Hale", "said", "We are doing everything we can", DIRECT)]),
    ("Ms. Patel told the committee — “Nobody warned us.”",
     [("Ms. Patel", "told", "Nobody warned us", DIRECT)]),
    ("The coach was asked about his future and replied — “I am staying.”",
     [("The coach", "replied", "I am staying", DIRECT)]),
    ("UN: Famine has been declared in two regions of the country.",
     [("UN", ":", "Famine has been declared in two regions of the country")]),
    # a quote split by its cue: one attribution, two pieces
    ("“We lost,” the coach said, “and we lost badly.”",
     [("the coach", "said", "We lost and we lost badly", x(parts=["We lost", "and we lost badly"], **DIRECT))]),
    ("“I have no regrets,” Mr. Novak said, “none at all.”",
     [("Mr. Novak", "said", "I have no regrets none at all",
       x(parts=["I have no regrets", "none at all"], **DIRECT))]),
    ("“If the rain continues,” the engineer warned, “the dam could fail.”",
     [("the engineer", "warned", "If the rain continues the dam could fail",
       x(parts=["If the rain continues", "the dam could fail"], certainty=POSSIBLE, **DIRECT))]),
    ("“This town,” she said, “has been forgotten by everyone in the capital.”",
     [("she", "said", "This town has been forgotten by everyone in the capital",
       x(parts=["This town", "has been forgotten by everyone in the capital"], **DIRECT))]),
    # following quote sentences of the same speaker
    ("“The numbers are clear,” she said. “Crime is falling in every district.”",
     [("she", "said", "The numbers are clear Crime is falling in every district",
       x(parts=["The numbers are clear", "Crime is falling in every district"], **DIRECT))]),
    ("“We were not consulted,” the farmers’ union said in a statement. “The decision was made behind closed doors. "
     "We will fight it.”",
     [("the farmers’ union", "said",
       "We were not consulted The decision was made behind closed doors. We will fight it",
       x(parts=["We were not consulted", "The decision was made behind closed doors. We will fight it"], **DIRECT))]),
    ("“This is a dark day,” said Rabbi Levin. “We will mourn, and then we will rebuild.”",
     [("Rabbi Levin", "said", "This is a dark day We will mourn, and then we will rebuild",
       x(parts=["This is a dark day", "We will mourn, and then we will rebuild"], **DIRECT))]),
    # multi-paragraph quotes: a quotation mark reopens each paragraph
    ("Ms. Diaz said: “The first thing we did was count the boats.\n“Then we counted the people, and the numbers "
     "did not match.”",
     [("Ms. Diaz", "said",
       "The first thing we did was count the boats.\n“Then we counted the people, and the numbers did not match",
       DIRECT)]),
    ("“We built this town,” said the mayor, “and we will rebuild it.\n“Nobody is leaving.”",
     [("the mayor", "said", "We built this town and we will rebuild it.\n“Nobody is leaving",
       x(parts=["We built this town", "and we will rebuild it.\n“Nobody is leaving"], **DIRECT))]),
    ("The chief inspector told the inquiry: “Our teams arrived within minutes.\n\n“They found the doors locked. "
     "Nobody had a key.”\n\nThe inquiry continues next week.",
     [("The chief inspector", "told",
       "Our teams arrived within minutes.\n\n“They found the doors locked. Nobody had a key", DIRECT)]),
    # mixed: part quoted, part paraphrase
    ("The minister said the deal was “dead on arrival” in the Senate.",
     [("The minister", "said", "the deal was “dead on arrival” in the Senate", MIXED)]),
    ("He described the talks as “frank and useful”.",
     [("He", "described", "the talks as “frank and useful”", MIXED)]),
    # a reporting verb coordinated with the content: the speaker's next act, not part of what was said
    # (calling a strike is an action, not something said: issue 20, attribution/actions.py)
    ("The union said the offer was “an insult to every nurse” and called a strike for Monday.",
     [("The union", "said", "the offer was “an insult to every nurse”", MIXED)]),
]

NESTING: list[Case] = [
    ("The New York Times reported that officials concluded that the virus escaped from a laboratory.",
     [("The New York Times", "reported", "officials concluded that the virus escaped from a laboratory",
       x(act="report")),
      ("officials", "concluded", "the virus escaped from a laboratory", x(act="assessment", nested_in="reported"))]),
    ("Sources told CNN that the president believes the election was rigged.",
     [("Sources", "told", "the president believes the election was rigged"),
      ("the president", "believes", "the election was rigged", x(certainty=PROBABLE, nested_in="told"))]),
    ("According to the Washington Post, investigators suspect that the fire was set deliberately.",
     [("the Washington Post", "According to", "investigators suspect that the fire was set deliberately"),
      ("investigators", "suspect", "the fire was set deliberately",
       x(certainty=POSSIBLE, act="speculation", nested_in="According to"))]),
    ("The agency said the minister had admitted that the figures were inflated.",
     [("The agency", "said", "the minister had admitted that the figures were inflated"),
      ("the minister", "had admitted", "the figures were inflated", x(nested_in="said"))]),
    ("Le Monde reported on Friday that French officials believe the ransom was paid.",
     [("Le Monde", "reported", "French officials believe the ransom was paid"),
      ("French officials", "believe", "the ransom was paid", x(certainty=PROBABLE, nested_in="reported"))]),
]

PARTICIPLES_CONJUNCTS_RELATIVES: list[Case] = [
    # participles
    ("The mayor defended the budget, adding that taxes will not rise.",
     [("The mayor", "adding", "taxes will not rise")]),
    ("The minister resigned on Friday, saying she had lost the confidence of the party.",
     [("The minister", "saying", "she had lost the confidence of the party")]),
    ("Speaking to reporters in Kyiv, the general said the front line was stable.",
     [("the general", "said", "the front line was stable")]),
    ("Asked whether he would run again, the governor said he had not decided.",
     [(None, "Asked", "whether he would run again"), ("the governor", "said", "he had not decided")]),
    ("The newspaper, citing unnamed officials, reported that the army had been put on alert.",
     [("The newspaper", "reported", "the army had been put on alert")]),
    # conjoined verbs
    ("The senator laughed and said the rumours were absurd.",
     [("The senator", "said", "the rumours were absurd", x(act="denial"))]),
    ("The company confirmed the data breach and said it had notified customers.",
     [("The company", "confirmed", "the data breach"),
      ("The company", "said", "it had notified customers")]),
    ("Officials denied the report but acknowledged that talks had taken place.",
     [("Officials", "denied", "the report", x(act="denial")),
      ("Officials", "acknowledged", "talks had taken place")]),
    # relative clauses
    # a stance verb with an agent attributes too (PolNeAR marks "opposed" as a cue); a comma-set-off relative
    # clause is not part of the source
    ("The plan was opposed by local officials, who said it would destroy the wetlands.",
     [("local officials", "was opposed", "The plan"), ("local officials", "said", "it would destroy the wetlands")]),
    ("The decision angered farmers who say the new rules will bankrupt them.",
     [("farmers", "say", "the new rules will bankrupt them")]),
    ("Engineers who inspected the bridge said it was safe.",
     [("Engineers who inspected the bridge", "said", "it was safe")]),
]

CERTAINTY: list[Case] = [
    ("Officials said the attack may have been planned abroad.",
     [("Officials", "said", "the attack may have been planned abroad", x(certainty=POSSIBLE))]),
    ("Police said the gunman allegedly fired more than 30 shots.",
     [("Police", "said", "the gunman allegedly fired more than 30 shots", x(certainty=POSSIBLE))]),
    ("The spokesman said the company will probably miss its targets.",
     [("The spokesman", "said", "the company will probably miss its targets", x(certainty=PROBABLE))]),
    ("The ministry said the plant will close in March.",
     [("The ministry", "said", "the plant will close in March", x(certainty=CERTAIN))]),
]

NEGATIVES: list[Case] = [
    ("The report was published on Monday.", []),
    ("He said nothing.", []),
    ("The company posted a profit of $2 billion last year.", []),
    ("Thousands of people gathered outside parliament on Sunday.", []),
    ("She showed up an hour late for the hearing.", []),
    ("The jury heard the case in March.", []),
    ("Everything went according to plan.", []),
    ("The museum found a buyer for the painting.", []),
    ("The statement was long and confusing.", []),
    ("The film tells the story of a young refugee.", []),
    ("The Pentagon declined to comment.", []),
    ("The senator did not respond to a request for comment.", []),
    ("Sales rose 4 percent in the third quarter.", []),
]

# added after the lists above were numbered (KNOWN_LIMITS refers to cases by number): a reporting verb coordinated
# with a content is the speaker's next act
COORDINATED: list[Case] = [
    ("He said prices had risen and warned of further cuts.",
     [("He", "said", "prices had risen"), ("He", "warned of", "further cuts")]),
    ("The ministry said the report was false and accused the paper of bias.",
     [("The ministry", "said", "the report was false"), ("The ministry", "accused", "the paper of bias")]),
    ("She said the firm lied and that the board knew.",
     [("She", "said", "the firm lied and that the board knew")]),
]

# added later still: clause and quote edges the parser or the quote joiner used to get wrong
EDGES: list[Case] = [
    ("The coach called the season “a painful lesson for all of us.” He added, “We will be back next year.”",
     [("The coach", "called", "the season “a painful lesson for all of us", MIXED),
      ("He", "added", "We will be back next year", DIRECT)]),
    ("The union is upbeat about the talks, in part because its leader believes the company needs a deal.",
     [("its leader", "believes", "the company needs a deal", x(act="belief"))]),
    ("A spokeswoman for the company said she could not comment.",
     [("A spokeswoman for the company", "said", "she could not comment")]),
    ("“We will not back down.”\u00a0― Maria Lopez",
     [("Maria Lopez", "―", "We will not back down", DIRECT)]),
    ("The senator told reporters that the plan was “a disaster for working families,” adding, “Nobody in my state "
     "wants it.”",
     [("The senator", "told", "the plan was “a disaster for working families", MIXED),
      ("The senator", "adding", "Nobody in my state wants it", DIRECT)]),
    ("Lynch: No outside influence on the inquiry.\n\nAttorney General Loretta Lynch said on Tuesday that no one "
     "had influenced the inquiry.",
     [("Lynch", ":", "No outside influence on the inquiry"),
      ("Attorney General Loretta Lynch", "said", "no one had influenced the inquiry")]),
    ("Kasich was at 25 percent support in the most recent Fox poll.",
     [("the most recent Fox poll", "in", "Kasich was at 25 percent support")]),
    ("Rubio is running third in most Iowa polls.", []),
    ("Trump received 37 percent, Clinton had 36 percent and Bloomberg got 13 percent, according to the poll.",
     [("the poll", "according to", "Trump received 37 percent, Clinton had 36 percent and Bloomberg got 13 percent")]),
    ("Clinton called on Sanders and Donald Trump to do the same.",
     [("Clinton", "called on", "Sanders and Donald Trump to do the same", x(act="demand"))]),
    ("Clinton tweeted on Wednesday, linking to a video of the speech.", []),
    ("Rubio had hoped for a second-place finish in New Hampshire to put him in a strong position.",
     [("Rubio", "had hoped for", "a second-place finish in New Hampshire")]),
    ("Xi worked to calm fears, reassuring his counterpart Vladimir Putin that Beijing had no such ambitions.",
     [("Xi", "reassuring", "Beijing had no such ambitions")]),
    ('The endorsements prompted some blowback from members ("I want my dues back," wrote Edward Nelson, a '
     'technician), and the next one will likely draw more.',
     [("Edward Nelson, a technician", "wrote", "I want my dues back", DIRECT)]),
    ("It’s grimly funny to watch Mitt Romney, who campaigned on self-deportation, suddenly insist that the GOP "
     "front-runner isn’t a proper Republican.",
     [("Mitt Romney", "insist", "the GOP front-runner isn’t a proper Republican")]),
    ("Though he does not endorse from his pulpit, the pastor broadcasts his support in other ways.",
     [("the pastor", "broadcasts", "his support in other ways")]),  # (a phrase right after the object stays)
    ("Bush referred to Rubio as a bright and charismatic leader.",
     [("Bush", "referred to", "Rubio as a bright and charismatic leader")]),
    ("The senator seemed to be losing ground.",
     [(None, "seemed", "The senator to be losing ground", x(certainty=PROBABLE))]),
    ("It appears that the deal is off.", [(None, "appears", "the deal is off", x(certainty=PROBABLE))]),
    ("Sanders promised Sunday at a rally in Las Vegas to end the deportation program.",
     [("Sanders", "promised", "to end the deportation program")]),
    ("Obama repeated his contention that identifying the group as Islamic will only serve as a propaganda tool.",
     [("Obama", "repeated", "his contention that identifying the group as Islamic will only serve as a propaganda "
       "tool")]),
    ("No one expected a full 90 minutes of deep policy discussion.",
     [("No one", "expected", "a full 90 minutes of deep policy discussion")]),
    ("“You’ve got to be able to adapt,” he said of Trump, “whether you’re a politician or a business person.”",
     [("he", "said", "You’ve got to be able to adapt whether you’re a politician or a business person", DIRECT,
       x(parts=["You’ve got to be able to adapt", "whether you’re a politician or a business person"]))]),
    ("WikiLeaks hit back by accusing Snowden of pandering to Democrats.",
     [("WikiLeaks", "accusing", "Snowden of pandering to Democrats", x(act="accusation"))]),
    ("Obama won his party’s nomination by promising its furious revenge.",
     [("Obama", "promising", "its furious revenge")]),
    ('Durbin said, "Let me tell you, he has got a heck of a following."',
     [("Durbin", "said", "Let me tell you, he has got a heck of a following", DIRECT)]),
    ("Critics pointed to the agency’s failure to speak out on the violations.",
     [("Critics", "pointed to", "the agency’s failure to speak out on the violations"),
      ("the agency", "to speak out on", "the violations", x(nested_in="pointed to"))]),
    # a participle coordinated inside the complement continues it; a finite verb is the speaker's next act
    # (showing contempt is an action, not something said: issue 20, attribution/actions.py)
    ("Critics say the mayor is ignoring the law and showing contempt for voters.",
     [("Critics", "say", "the mayor is ignoring the law and showing contempt for voters")]),
    ("The senator has said the plan would be costly, but praised its goals.",
     [("The senator", "has said", "the plan would be costly"), ("The senator", "praised", "its goals")]),
    # a name and its apposition that the parser split into two subjects are one source
    ("Ban Ki-moon, the secretary general of the United Nations, vowed not to repeat that mistake.",
     [("Ban Ki-moon, the secretary general of the United Nations", "vowed", "not to repeat that mistake")]),
    # a coordinated complement joins the content with its "and": one stretch, not two pieces
    ("The council chairwoman vowed not to repeat that error and created a hotline for staff.",
     [("The council chairwoman", "vowed", "not to repeat that error and created a hotline for staff")]),
    # a closing quotation mark the parser hangs on the speaker's name does not hide the quote from the cue
    ("“We are not giving up. The count is far from over,” Rivera, a party spokeswoman, told reporters on Tuesday.",
     [("Rivera, a party spokeswoman", "told", "We are not giving up. The count is far from over", DIRECT)]),
    # a person the parser took for the object of "demand" is the subject of the subject-less clause after it
    ("Republicans are demanding Barack Obama release the memo.",
     [("Republicans", "are demanding", "Barack Obama release the memo", x(act="demand"))]),
    # an infinitive on an object noun: who has the courage speaks, not the courage
    ("Few senators have the courage to speak out against the plan.",
     [("Few senators", "to speak out against", "the plan")]),
    # "what X called Y" names a thing: Y is the content, not the clause around it
    ("The company sold what its founder called a “miracle cure.”",
     [("its founder", "called", "a “miracle cure", MIXED)]),
    # an infinitive after an expletive "it" has no source; a referring "it" keeps its own
    ("It is fair to say that the plan failed.", [(None, "to say", "the plan failed")]),
    # (an infinitive after a noun says what one might say, not what anyone said: issue 20, attribution/actions.py)
    ("It would be a stretch to imply that the bill was a bailout.", []),
    # a dateline is not what was said, and a postposed cue takes what precedes it however the parser read it
    ("DES MOINES, Iowa — The race is tightening, pollsters said.",
     [("pollsters", "said", "The race is tightening")]),
    ("WASHINGTON ― The vote was a disgrace, Democratic lawmakers said Friday.",
     [("Democratic lawmakers", "said", "The vote was a disgrace")]),
    # the same when the speaker follows the verb ("…, said X, …") and the parser made a subject of the words before
    ("The rejection of the treaty signals \"the beginning of the end\" for the EU, said Geert Wilders, founder of the "
     "party.",
     [("Geert Wilders, founder of the party", "said",
       "The rejection of the treaty signals \"the beginning of the end\" for the EU", MIXED)]),
    # an aside the parser hung on a noun: the sentence around it is what was said
    ("The hashtag #RechercheParis, Mr. Abboud said, accompanied descriptions of loved ones sought.",
     [("Mr. Abboud", "said", "The hashtag #RechercheParis accompanied descriptions of loved ones sought",
       x(parts=["The hashtag #RechercheParis", "accompanied descriptions of loved ones sought"]))]),
    ("In both cases, Eric Trump said, those donations paid for sponsorships at the tournament.",
     [("Eric Trump", "said", "In both cases those donations paid for sponsorships at the tournament")]),
    # a referring pronoun is what a stance verb is about ("endorsed [her]", "opposed [it]"); whom one tells is not
    ("The teachers' union endorsed her on Monday.", [("The teachers' union", "endorsed", "her")]),
    ("Democrats opposed it because it fell far short of the original request.", [("Democrats", "opposed", "it")]),
    ("Several Republicans have publicly criticized them.",
     [("Several Republicans", "have publicly criticized", "them")]),
    ("The senator told him nothing.", []),
    # a programme's title quoted in the cue's own sentence does not end the speaker's run of quotes
    ("“It is too early to tell,” the investor said on NBC’s “Meet the Press.” “Ask me again in June.”",
     [("the investor", "said", "It is too early to tell Ask me again in June",
       x(parts=["It is too early to tell", "Ask me again in June"], **DIRECT))]),
    # a paragraph that is one quote and nothing else goes on with the speaker of the paragraph before; a quoted
    # paragraph with a cue of its own does not
    ("“We will build a wall,” he said to an enormous cheer.\n\n“And they will pay for it. Every cent.”\n\n"
     "“They do not know it yet,” he added.",
     [("he", "said", "We will build a wall And they will pay for it. Every cent",
       x(parts=["We will build a wall", "And they will pay for it. Every cent"], **DIRECT)),
      ("he", "added", "They do not know it yet", DIRECT)]),
    # a quotation that opens inside the content runs on to its closing mark, past the parse's sentence
    ("The pastor thinks the mayor and his staff “need to be more collaborative. There is some fence-mending to do.”",
     [("The pastor", "thinks",
       "the mayor and his staff “need to be more collaborative. There is some fence-mending to do", MIXED)]),
    # a clause with a speaking subject that ends in a colon opening a quote: whatever the verb, the subject says it
    ("Mr. Christie gloated: “I told you he would not be ready.”",
     [("Mr. Christie", "gloated", "I told you he would not be ready", DIRECT)]),
    ("Or, as a former secretary of homeland security put it: “The barbarians are inside.”",
     [("a former secretary of homeland security", "put", "The barbarians are inside", DIRECT)]),
    ("The mayor leaned in and boomed: “We will win in November.”",
     [("The mayor", "boomed", "We will win in November", DIRECT)]),
    ("The official rationale is: “We had no choice.”", []),
    # a speaker tag right after a quote that ends in a comma names the speaker, whatever the tag's verb
    ("“This is a big win for me,” I confessed. And the system worked.",
     [("I", "confessed", "This is a big win for me", DIRECT)]),
    ("“Everything he said and everything that I have said,” the judge exclaimed, “has totally overlapped.”",
     [("the judge", "exclaimed", "Everything he said and everything that I have said has totally overlapped",
       x(parts=["Everything he said and everything that I have said", "has totally overlapped"], **DIRECT))]),
    ("“We will win this state.” The rally ended an hour later.", []),
    # an agentless passive holds its subject with what the subject is taken to be; whom one asks is no content,
    # and a passive with nothing the subject is taken to be is an event ("the plan was approved")
    ("The walkout is considered one of the largest in company history.",
     [(None, "is considered", "The walkout one of the largest in company history",
       x(parts=["The walkout", "one of the largest in company history"]))]),
    ("Ms. Okafor was projected as the winner of the primary on Tuesday.",
     [(None, "was projected", "Ms. Okafor as the winner of the primary")]),
    ("The senator was asked about the budget.", []),
    ("The plan was approved last year.", []),
    # a relative pronoun the cue has as its object stands for what the cue reports on, with what it is called
    ("The mayor signed the zoning law, which the council had opposed.",
     [("the council", "had opposed", "which")]),
    ("The senator praised Vermont, which she describes as her second home.",
     [("The senator", "praised", "Vermont"),
      ("she", "describes", "which as her second home", x(parts=["which", "as her second home"]))]),
    # the preposition that takes the content may follow an adverb of the cue ("has written extensively [on X]")
    ("The professor has written extensively on the history of the filibuster.",
     [("The professor", "has written", "the history of the filibuster")]),
    ("The candidates sparred over financial regulation.",
     [("The candidates", "sparred over", "financial regulation")]),
    # a name set off by a dash before a colon that opens a quote is its speaker
    ("EARLY POLLS MISSED THE SURGE - Maria Lindqvist: “The polls closed too early to see the late deciders.”",
     [("Maria Lindqvist", ":", "The polls closed too early to see the late deciders", DIRECT)]),
    # a content that starts at an opening quotation mark runs on to where the quote closes
    ("The governor told reporters that “we will do just fine. If turnout is low, that may be another story.”",
     [("The governor", "told", "we will do just fine. If turnout is low, that may be another story", DIRECT)]),
    # a phrase right after an object content belongs to it, the speech's circumstances do not
    ("The mayor praised the governor's leadership in the aftermath of the flood.",
     [("The mayor", "praised", "the governor's leadership in the aftermath of the flood")]),
    ("The mayor praised the governor's leadership at a rally on Monday.",
     [("The mayor", "praised", "the governor's leadership")]),
    ("The senator defended the governor in an interview with a local paper.",
     [("The senator", "defended", "the governor")]),
    # a participle the parser hung on the cue describes the object of the preposition before it
    ("The chancellor warned against the forces of hate brewing in the country.",
     [("The chancellor", "warned against", "the forces of hate brewing in the country")]),
    # a wire dateline with its date is no part of a content either
    ("WASHINGTON, Aug. 24 (UPI) — Young voters are drifting away from the party, a new poll indicates.",
     [("a new poll", "indicates", "Young voters are drifting away from the party")]),
    # a circumstance after a quote's speaker tag is not what was said: the quote is
    ("“Are you all right? Don't fall,” he said, when a protester seemed to stumble.",
     [("he", "said", "Are you all right? Don't fall", DIRECT), (None, "seemed", "a protester to stumble")]),
    # a verb outside the lexicons attributes in a frame where it mostly does with this kind of speaker
    # (lexicons/data/speaker_frames.tsv): a named person comparing, not a chart
    ("Senator Ortiz compared the plan to a tax hike.", [("Senator Ortiz", "compared", "the plan to a tax hike")]),
    ("The chart compared the plan to a tax hike.", []),
    # a quote after the sentence of a said content has ended is not that content
    ("The professor was headed to Cairo for a conference, the Guardian reported. “We called him before he boarded.”",
     [("the Guardian", "reported", "The professor was headed to Cairo for a conference")]),
    # a programme's name in quotes in the cue's clause is not what was said
    ("Mr. Khan said on NBC's “Meet the Press” on Sunday that the candidate had shown disrespect to his wife.",
     [("Mr. Khan", "said", "the candidate had shown disrespect to his wife")]),
    # an inverted speaker tag set off by commas inside the sentence, however the parser read it
    ("The plan, said the mayor, would cost far too much.",
     [("the mayor", "said", "The plan would cost far too much", x(parts=["The plan", "would cost far too much"]))]),
    ("Part of the problem in finding the tunnels, say experts like Ana Ruiz, a geophysicist, is the soil itself.",
     [("experts like Ana Ruiz, a geophysicist", "say",
       "Part of the problem in finding the tunnels is the soil itself")]),
    ("Prices rose sharply, said the report, which was published on Monday.",
     [("the report", "said", "Prices rose sharply")]),
    # "according to" a particular plan or law names a source; "according to plan" does not
    ("According to state law, no one may solicit votes near a polling place.",
     [("state law", "According to", "no one may solicit votes near a polling place")]),
    ("The launch went according to plan.", []),
    # a sentence opened by "according to X," attributes the rest of it, however the parser read the sentence
    ("According to a 2016 study by the Pew Research Center based on census data, eligible Hispanic voters skew "
     "younger in California.",
     [("a 2016 study by the Pew Research Center based on census data", "According to",
       "eligible Hispanic voters skew younger in California")]),
    # a hyphenated object the parser split into several objects is one content
    ("The newspaper endorsed the re-election of Speaker Paul Ryan.",
     [("The newspaper", "endorsed", "the re-election of Speaker Paul Ryan")]),
    # a quote that a colon announces after a placeholder object ("the following") is the content
    ("The spokesman was tweeting the following: “The crowd is going wild as he arrives!”",
     [("The spokesman", "was tweeting", "The crowd is going wild as he arrives!", DIRECT)]),
    # a quote coordinated with the quote that ends a content belongs to it
    ("Protesters chanted “stop the war” and “no justice, no peace.”",
     [("Protesters", "chanted", "stop the war” and “no justice, no peace", MIXED)]),
    # an apposition that describes the content's last noun is an aside, a list of names is not
    ("The senator cited the Head Start program, the federally funded preschool for poor children.",
     [("The senator", "cited", "the Head Start program")]),
    ("Officials believe the attacks involve Unit 29155, a branch of the military intelligence agency.",
     [("Officials", "believe", "the attacks involve Unit 29155, a branch of the military intelligence agency")]),
    # whom a quote is for is no content: the quote is
    ("“Just one minute, come on, one second, alright?” he urged them, as he explained how tough it had been.",
     [("he", "urged", "Just one minute, come on, one second, alright?", DIRECT),
      ("he", "explained", "how tough it had been")]),
    # a closing bracket stays with its opening one
    ("Rep. Gwen Moore (D-Wis.) said the plan was a dog whistle.",
     [("Rep. Gwen Moore (D-Wis.)", "said", "the plan was a dog whistle")]),
    # a dateline is not part of the source either; a credit line under a chart is no attribution
    ("BRUSSELS - European leaders said the talks were useful.",
     [("European leaders", "said", "the talks were useful")]),
    ("Defense spending rose again last year.\n\nSource: NATO.", []),
    # "call X Y" with a pronoun object: the object and what it is called (this found nothing before)
    ("The senator called him a liar.", [("The senator", "called", "him a liar")]),
    ("Prices rose again - critics would call them reckless increases - but sales held up.",
     [("critics", "would call", "them reckless increases")]),
    # "As X reported, …" and "…, as X point out" attribute the clause they hang on (these gave nothing before)
    ("As the local paper reported, the council approved the budget on Monday.",
     [("the local paper", "reported", "the council approved the budget on Monday")]),
    ("The program carries real risks, as its critics point out.",
     [("its critics", "point out", "The program carries real risks")]),
    # "calling for X to do Y" with "for" parsed as the mark of a clause
    ("The senator is calling for the United States to step up its efforts.",
     [("The senator", "is calling for", "the United States to step up its efforts", x(act="demand"))]),
    # whom a speaker tells stands between the cue and its colon-introduced quote
    ("The mayor was critical of the plan, telling the Daily Ledger: “It is a waste of money.”",
     [("The mayor", "was critical of", "the plan"), ("The mayor", "telling", "It is a waste of money", DIRECT)]),
    # a that-clause the parser hung on the noun before it is still what was said
    ("The governor is telling diners at a busy downtown cafe that “the economy is back.”",
     [("The governor", "is telling", "the economy is back", DIRECT)]),
    # "agree with X": a stance on what X said
    ("The former president agreed with the analysis.", [("The former president", "agreed with", "the analysis")]),
    # what is noted or explained can be a noun phrase
    ("The report noted the rising cost of the program.", [("The report", "noted", "the rising cost of the program")]),
    # words inside the quote that the parser hung on the cue do not hide the quote from it
    ("Voters often say, ''Poor Ohio, so far from Washington.''",
     [("Voters", "say", "Poor Ohio, so far from Washington", DIRECT)]),
    # a parenthetical cue the parser gave the clause's own subject: the subject stays in the content
    ("These employees, the chief executive explained earlier in the hearing, were well paid.",
     [("the chief executive", "explained", "These employees were well paid")]),
]

# sixth session: a speaker's next quote sentences across a no-break space (web text) and after a long description
# of the speaker
FOLLOWING: list[Case] = [
    ("“The line is long,” he continued.\u00a0 “But nobody here is leaving before the polls close.”",
     [("he", "continued", "The line is long But nobody here is leaving before the polls close",
       x(parts=["The line is long", "But nobody here is leaving before the polls close"], **DIRECT))]),
    ("“Prices are up a little,” said Mr. Alvarez, who has run the shop on Main Street since his father retired in "
     "1988. “Customers are not.”",
     [("Mr. Alvarez", "said", "Prices are up a little Customers are not",
       x(parts=["Prices are up a little", "Customers are not"], **DIRECT))]),
]

# a parenthetical cue that the parser hung on the subject noun before it, as a relative clause or parataxis
ASIDES: list[Case] = [
    ("The difference now, he told me on Friday, is that he is the anchor of a straight news program.",
     [("he", "told", "The difference now is that he is the anchor of a straight news program",
       x(parts=["The difference now", "is that he is the anchor of a straight news program"]))]),
]

# the question a bare participle "asked" puts to the main clause's subject: no source unless an agent is named
QUESTIONS: list[Case] = [
    ("When asked if the plant would close, the manager said no decision had been made.",
     [(None, "asked", "if the plant would close"),
      ("the manager", "said", "no decision had been made")]),
    ("Asked by a reporter to explain the delay, the minister blamed the weather.",
     [("a reporter", "Asked", "to explain the delay"), ("the minister", "blamed", "the weather")]),
    ("Pressed by reporters, the mayor said the budget was sound.",
     [("the mayor", "said", "the budget was sound")]),
    # a predicate adjective with the preposition or to-infinitive of its frame (lexicons/data/adjective_frames.tsv)
    ("Senator Ortiz has been critical of the governor since the spring.",
     [("Senator Ortiz", "has been critical of", "the governor", x(act="accusation"))]),
    ("Many farmers are deeply skeptical of the trade deal.",
     [("Many farmers", "are deeply skeptical of", "the trade deal", x(act="denial"))]),
    ("The union was supportive of her bid.", [("The union", "was supportive of", "her bid")]),
    ("Donors are confident in the new chairman.",
     [("Donors", "are confident in", "the new chairman", x(certainty=CERTAIN, act="belief"))]),
    ("The aides were eager to move past the scandal.",
     [("The aides", "were eager", "to move past the scandal", x(act="demand"))]),
    ("The council was reluctant to raise taxes again.",
     [("The council", "was reluctant", "to raise taxes again", x(act="denial"))]),
    # … and not an adjective outside the frame table, or a frame with no one to hold it
    ("The mayor was tired of the traffic.", []),
    ("It is critical of nobody.", []),
    # a lexicon verb in a frame where it almost never attributes (lexicons/data/verb_frames.tsv) is no cue
    ("The governor pledged.", []),
    # but an agentless passive is, whatever its frame's share: "is believed to"
    ("The unit is believed to number about 200 men.",
     [(None, "is believed", "The unit to number about 200 men", x(certainty=PROBABLE))]),
    # where or how it was said, hung on an object content, is not what was said
    ("The campaign announced her endorsement on its Facebook page.",
     [("The campaign", "announced", "her endorsement")]),
    ("The senator disputed the charges through his lawyer.",
     [("The senator", "disputed", "the charges")]),
    # the reason a speaker gives is part of what is said, even where it holds a reporting verb of its own
    ("He said he was not worried about the subpoena because he doubted any court would enforce it.",
     [("He", "said", "he was not worried about the subpoena because he doubted any court would enforce it"),
      ("he", "doubted", "any court would enforce it", x(certainty=PROBABLE, act="denial", nested_in="said"))]),
    # "called X Y" parsed as two predicates: the first is who is called it (this found nothing before)
    ("The coach called Miller a quack, fake and charlatan.",
     [("The coach", "called", "Miller a quack, fake and charlatan")]),
    # what the parser hung on the cue that continues its object: a participle right after it, a coordinated object
    ("Reporters disclosed the specter of the governor making millions from a private prison.",
     [("Reporters", "disclosed", "the specter of the governor making millions from a private prison")]),
    ("The union emphasized job security, and a need to raise wages.",
     [("The union", "emphasized", "job security, and a need to raise wages")]),
    # where it was said is no part of it: a ruling, remarks
    # a court that rejects an appeal rules on a request: no claim is denied (docs/annotation.md)
    ("The judge rejected the appeal in a written ruling.",
     [("The judge", "rejected", "the appeal", x(act="assessment"))]),
    ("The governor praised the volunteers in her remarks.", [("The governor", "praised", "the volunteers")]),
    # "continue to" is an aspect, not a report: the verb after it is the cue, if any
    ("Sales continued to grow.", []),
    ("Protesters continued to call for an inquiry.",
     [("Protesters", "to call for", "an inquiry", x(act="demand"))]),
    # what stands for the words said: "as much", "the same"
    ("The spokesman said as much in an interview.", [("The spokesman", "said", "as much")]),
    ("Most voters said the same of the governor.", [("Most voters", "said", "the same of the governor")]),
    # what a response answers, where it is named; "respond to it" names nothing, and a response not given says
    # nothing ("did not respond to a request for comment", above)
    ("The minister responded to the charges in a letter.", [("The minister", "responded to", "the charges")]),
    ("The agency has yet to respond to it.", []),
    # what a colon after the complement introduces is still what is said
    ("The economist notes that three things are happening at once: home values are rising, interest rates are low "
     "and lenders are looser.",
     [("The economist", "notes", "three things are happening at once: home values are rising, interest rates are low "
       "and lenders are looser")]),
]

CASES: list[Case] = [
    *REPORTING_VERBS,
    *MULTIWORD_AND_NOUN_CUES,
    *PASSIVES,
    *POSTPOSED,
    *QUOTES,
    *NESTING,
    *PARTICIPLES_CONJUNCTS_RELATIVES,
    *CERTAINTY,
    *NEGATIVES,
    *COORDINATED,
    *EDGES,
    *FOLLOWING,
    *ASIDES,
    *QUESTIONS,
]


# ------------------------------------------------------------------------------------------------ the test


def _case_id(n: int, text: str) -> str:
    words = re.sub(r"[^A-Za-z0-9 ]+", "", text).split()[:6]
    return f"{n:03d}-" + "-".join(words).lower()


def expected_fields(item: Expected) -> dict[str, Any]:
    """One expected attribution as field → value; quote and nested_in are always checked."""
    source, cue, content, *rest = item
    fields = {"source": source, "cue": cue, "content": content, "quote": "indirect", "nested_in": None}
    for extra in rest:
        fields.update(extra)
    return fields


def found_fields(doc: Document) -> list[dict[str, Any]]:
    """Every attribution of `doc` in cue order, as the fields the table speaks of (nesting by the parent's cue)."""
    by_id = {a.id: a for a in doc.attributions}
    out = []
    for a in sorted(doc.attributions, key=lambda a: (a.cue.start, a.cue.end)):
        parent = by_id.get(a.nested_in) if a.nested_in else None
        out.append(
            {
                "source": a.source.text if a.source else None,
                "cue": a.cue.text,
                "content": a.content.text,
                "parts": [doc.text[s:e] for s, e in a.content.pieces],
                "quote": a.quote,
                "certainty": a.certainty,
                "act": a.act,
                "nested_in": parent.cue.text if parent else a.nested_in,
            }
        )
    return out


def compare(doc: Document, expected: list[Expected]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(got, want): each found attribution cut down to the fields its expected counterpart names; found ones
    beyond the expected are kept whole, so a surplus or a shortfall shows as a length difference."""
    want = [expected_fields(e) for e in expected]
    found = found_fields(doc)
    got = [{k: f[k] for k in w} for f, w in zip(found, want, strict=False)] + found[len(want) :]
    return got, want


@pytest.fixture(scope="module")
def analyzer(nlp: Language) -> Analyzer:
    return Analyzer(nlp=nlp)


def test_table_is_large_and_covers_negatives() -> None:
    assert len(CASES) >= 90
    assert len(NEGATIVES) >= 8
    assert len({text for text, _ in CASES}) == len(CASES), "a sentence appears twice in the table"


# Known limitations of the rule extractor today: each case states what a careful annotator expects, and fails
# strictly (an unexpected pass turns red, so the list cannot go stale). Fixing one means deleting its line here.
KNOWN_LIMITS: dict[int, str] = {
    9: "'was quoted as saying': the passive frame around the participle is not read",
    12: "weak verb 'found' with a that-clause: act comes out as the lexicon's assessment, not report",
    50: "noun-cue clause runs into the main verb when the parser attaches it to the clause",
    54: "noun cue 'allegation that' as an object is not found",
    55: "noun cue without a source ('The finding that …') is not found",
    56: "'As reported by X' (reporting participle with an agent) is not a phrase cue yet",
    58: "'convince' counts as a cue with an object; a verb-specific object frame is needed",
    60: "noun cue 'warning that' as a subject is not found",
    70: "agentless passive 'is thought to' inside a relative clause is missed",
    73: "passive accusation with agent and 'of' complement is missed",
    86: "the question mark of a quoted question is kept in the content",
    90: "dash-introduced quote after a conjoined verb loses its subject",
    101: "a quote reopened after a blank line is cut at the first paragraph",
    110: "'defended the budget' counts as an attribution (PolNeAR marks 'defended' as a cue)",
    135: "'declined to comment' counts as an attribution (PolNeAR marks 'declined' as a cue)",
    155: "the speaker as the object of a perception verb ('watch Romney insist') is not found as the source",
}


def _param(n: int, text: str, expected: list[Expected]) -> ParameterSet:
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN_LIMITS[n])] if n in KNOWN_LIMITS else []
    return pytest.param(text, expected, id=_case_id(n, text), marks=marks)


@pytest.mark.parametrize(("text", "expected"), [_param(n, t, e) for n, (t, e) in enumerate(CASES, 1)]
)
def test_attribution_table(analyzer: Analyzer, text: str, expected: list[Expected]) -> None:
    doc = analyzer.analyze(text)
    got, want = compare(doc, expected)
    assert got == want


# ------------------------------------------------------------------------------------------------ misparses

def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    """A Doc with the parse the pipeline gave a sentence in one article's context (set by hand: the same sentence
    alone parses otherwise)."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_bare_reporting_verb_before_a_postposed_tag_is_what_was_said() -> None:
    """"…'s grasp of policy are worrying, Cuban said.": "worrying" (a reporting verb with no complement) is the
    clause the tag reports, not a misparse of "X said he cannot comment" upside down."""
    words = ["Trump", "'s", "grasp", "of", "policy", "are", "worrying", ",", "Cuban", "said", "."]
    heads = [2, 0, 6, 2, 3, 6, 9, 9, 9, 9, 9]
    deps = ["poss", "case", "nsubj", "prep", "pobj", "aux", "ccomp", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "PART", "NOUN", "ADP", "NOUN", "AUX", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    lemmas = ["Trump", "'s", "grasp", "of", "policy", "be", "worry", ",", "Cuban", "say", "."]
    found = extract_attributions(_parsed(words, heads, deps, pos, lemmas)).attributions
    assert [(a.source and a.source.text, a.cue.text, a.content.text) for a in found if a.nested_in is None] == [
        ("Cuban", "said", "Trump 's grasp of policy are worrying")
    ]


def test_markup_tag_names_left_in_the_text_are_no_cues(nlp: Language) -> None:
    """"[tweet pic=… author=…]" (a shortcode of an embedded tweet) left in an article's text: the parser takes
    "tweet" for a reporting verb, but it is the name of a tag; an editorial insertion ("will [veto] it") stays
    a word."""
    lex = load_lexicons()
    doc = nlp('[tweet pic="" author="GovernorSmith"]Thoughts and prayers for the victims.[/tweet]')
    tweet = doc[1]
    assert tweet.text == "tweet" and tweet.pos_ == "VERB" and verb_class(tweet, lex) is not None
    assert [c.head.text for c in verb_cues(doc, lex)] == []
    edited = nlp("The senator warned he would [condemn] the bill.")
    assert "condemn" in [c.head.text for c in verb_cues(edited, lex)]
