"""The accurate mode's learned parts without training data: the content candidates it ranks (a table of sentences),
the listwise ranker's training (it must learn to put the marked candidate first), the keep hook of extraction (a
dropped attribution's nested ones become outermost), and saving and loading a model with every part."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from sayso.attribution import extract_attributions
from sayso.attribution.cues import Cue, CueVotes
from sayso.learn import CueModel
from sayso.learn.model import Linear
from sayso.learn.spans import Pieces, candidates
from sayso.learn.train import RANK_L2, RANK_RATE, SEED, fit_ranker
from sayso.model import Attribution
from sayso.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def candidate_texts(nlp: Language, text: str) -> dict[str, dict[str, str]]:
    """For each verb cue of `text` (by lemma), its content candidates: name -> text (pieces joined by " | ")."""
    doc = nlp(text)
    found: dict[str, dict[str, str]] = {}

    def record(doc: Doc, cue: Cue, source: tuple[int, int] | None, rule: Pieces) -> Pieces:
        if cue.kind == "verb":
            cands = candidates(doc, cue, source, rule)
            found[cue.lemma] = {name: " | ".join(doc.text[a:b] for a, b in p) for name, p in cands}
        return rule

    extract_attributions(doc, votes=CueVotes({}, 1.0, record))
    return found


# (sentence, cue lemma, candidate name, its text): where PolNeAR's content boundaries most often differ from the rules'
RESHAPED = [
    ("The union called on Congress to leave the program intact.", "call", "right", "to leave the program intact"),
    ("The union called on Congress to leave the program intact.", "call", "rule",
     "Congress to leave the program intact"),
    ("The mayor praised the crews for their speed on Tuesday, officials said.", "praise", "right",
     "the crews for their speed on Tuesday"),
    ("In addition, the campaign plans to release more records, the spokesman said.", "say", "drop_first",
     "the campaign plans to release more records"),
    ("In addition, the campaign plans to release more records, the spokesman said.", "say", "inner",
     "to release more records"),
    ("The mayor accused the council of wasting money on consultants.", "accuse", "drop_first_top",
     "of wasting money on consultants"),
    ("The mayor accused the council of wasting money on consultants.", "accuse", "inner",
     "wasting money on consultants"),
    ("The mayor accused the council of wasting money on consultants.", "accuse", "object", "the council"),
    ("The senator then discussed the latest polls.", "discuss", "rule", "the latest polls"),
    ("The minister insisted that the talks would go on, and that nobody had walked out.", "insist", "rule",
     "the talks would go on, and that nobody had walked out"),
]


@pytest.mark.parametrize(("text", "lemma", "name", "expected"), RESHAPED)
def test_content_candidates(nlp: Language, text: str, lemma: str, name: str, expected: str) -> None:
    found = candidate_texts(nlp, text)
    assert found[lemma].get(name) == expected, found


def test_candidates_are_distinct_and_the_rules_own_comes_first(nlp: Language) -> None:
    for text, lemma, _, _ in RESHAPED:
        cands = candidate_texts(nlp, text)[lemma]
        assert next(iter(cands)) == "rule"
        assert len(set(cands.values())) == len(cands), cands


def test_ranker_learns_to_put_the_marked_candidate_first() -> None:
    """Groups of 2-5 candidates with random noise features; the target alone carries feature 7 (and a feature the
    others share with it half the time). Trained on 300 groups, it ranks the target first in unseen groups."""
    rng = np.random.default_rng(13)

    def group() -> tuple[list[np.ndarray], np.ndarray]:
        n = int(rng.integers(2, 6))
        target = int(rng.integers(n))
        rows = []
        for k in range(n):
            noise = rng.choice(np.arange(100, 400), size=5, replace=False)
            marks = [7] if k == target else []
            rows.append(np.array(sorted({*noise.tolist(), *marks, *([9] if rng.random() < 0.5 else [])})))
        return rows, np.array([float(k == target) for k in range(n)])

    ranker = fit_ranker([group() for _ in range(300)], bits=10)
    unseen = [group() for _ in range(200)]
    first = [int(np.argmax(ranker.scores([r.tolist() for r in rows]))) == int(np.argmax(t)) for rows, t in unseen]
    assert sum(first) / len(first) > 0.95
    untrained = Linear(np.zeros(1 << 10, dtype=np.float32), 0.0)
    ties = [int(np.argmax(untrained.scores([r.tolist() for r in rows]))) == int(np.argmax(t)) for rows, t in unseen]
    assert sum(ties) / len(ties) < 0.6  # an untrained ranker picks the first candidate: right about 1 time in 3


def test_keep_hook_drops_an_attribution_and_its_nested_one_becomes_outermost(nlp: Language) -> None:
    doc = nlp("The paper reported that officials believe the unit was disbanded.")
    plain = extract_attributions(doc).attributions
    assert [(a.cue.text, a.nested_in) for a in plain] == [("reported", None), ("believe", "a1")]

    def drop_reports(doc: Doc, atts: object) -> list[bool]:
        assert isinstance(atts, list) and all(isinstance(a, Attribution) for a in atts)
        assert [a.nested_in for a in atts] == [None, "a1"]  # the hook sees the nesting
        return [a.cue.text != "reported" for a in atts]

    kept = extract_attributions(doc, votes=CueVotes({}, 1.0, keep=drop_reports)).attributions
    assert [(a.id, a.cue.text, a.content.text, a.nested_in) for a in kept] == [
        ("a1", "believe", "the unit was disbanded", None)
    ]


def test_model_with_every_part_saves_and_loads(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    weights = [rng.normal(size=1 << 12).astype(np.float32) for _ in range(3)]
    model = CueModel(weights[0], -1.0, 0.55, {"seed": 13}, Linear(weights[1], 0.0), 0.5, Linear(weights[2], 0.25), 0.4)
    model.save(tmp_path / "m.npz")
    back = CueModel.load(tmp_path / "m.npz")
    assert (back.bias, back.admit, back.switch, back.keep_at, back.info) == (-1.0, 0.55, 0.5, 0.4, {"seed": 13})
    assert back.content is not None and back.keeper is not None and back.keeper.bias == 0.25
    for mine, theirs in zip(weights, (back.weights, back.content.weights, back.keeper.weights), strict=True):
        assert np.array_equal(theirs, mine.astype(np.float16).astype(np.float32))  # stored as float16


def test_ranker_average_equals_the_mean_of_every_step() -> None:
    """The lazily kept average is the plain mean of the weights after each step, computed here the slow way."""
    rng = np.random.default_rng(5)
    groups = []
    for _ in range(40):
        n = int(rng.integers(2, 5))
        rows = [np.array(sorted(set(rng.integers(0, 64, size=4).tolist()))) for _ in range(n)]
        groups.append((rows, np.array([1.0] + [0.0] * (n - 1))))
    weights, total, order = np.zeros(64), np.zeros(64), list(range(len(groups)))
    shuffle = random.Random(SEED)
    for _ in range(3):
        shuffle.shuffle(order)
        for k in order:
            rows, target = groups[k]
            scores = np.array([weights[r].sum() for r in rows])
            probs = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
            for r, g in zip(rows, probs - target, strict=True):
                weights[r] -= RANK_RATE * (g + RANK_L2 * weights[r])
            total += weights
    lazy = fit_ranker(groups, bits=6, epochs=3)
    assert np.abs(total).max() > 0.01
    np.testing.assert_allclose(lazy.weights, total / (3 * len(groups)), rtol=1e-5, atol=1e-7)


def test_keep_model_never_drops_what_holds_others_or_an_agentless_passive(nlp: Language) -> None:
    """A keep model that rejects everything (bias -10) still leaves the attributions sayso's format asks for."""
    zeros = np.zeros(1 << 12, dtype=np.float32)
    model = CueModel(zeros, 0.0, 1.0, keeper=Linear(zeros, -10.0), keep_at=0.5)
    doc = nlp("The paper reported that officials believe the unit was disbanded. The unit is believed to be large. "
              "Residents said the base was empty.\n“We never saw a soldier.” ― Anna Petrova\n")
    everything = extract_attributions(doc).attributions
    assert [a.cue.text for a in everything] == ["reported", "believe", "is believed", "said", "―"]
    kept = extract_attributions(doc, votes=model.votes(doc, everything)).attributions
    assert [(a.cue.text, a.source.text if a.source else None, a.nested_in) for a in kept] == [
        ("reported", "The paper", None), ("is believed", None, None), ("―", "Anna Petrova", None)
    ]
