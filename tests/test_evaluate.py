"""sayso.evaluate: the same numbers as the shared reference scorer, hand-made cases with their counts written
out, and clear errors for bad inputs."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sayso.errors import InputError
from sayso.evaluate import format_scores, score_documents, score_paths
from sayso.model import Document

Analysis = dict[str, Any]
Perturbation = Callable[[Analysis, str], Analysis]


# --- the reference scorer, run as the user would run it ------------------------------------------------------


def reference(shared: Path, gold: Path, pred: Path, *, as_json: bool = True) -> Any:
    """What ../shared/tools/score.py reports for GOLD PRED (parsed JSON, or the text output)."""
    args = [sys.executable, str(shared / "tools" / "score.py"), str(gold), str(pred)]
    run = subprocess.run([*args, "--json"] if as_json else args, capture_output=True, text=True, check=True)
    return json.loads(run.stdout) if as_json else run.stdout


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def assert_same_as_reference(shared: Path, gold: Path, pred: Path) -> dict[str, dict[str, Any]]:
    ours = score_paths(gold, pred)
    theirs = reference(shared, gold, pred)
    assert ours == theirs
    assert list(ours) == list(theirs)  # same metrics, in the same order
    return ours


@pytest.fixture(scope="module")
def bounties_gold(shared_dir: Path) -> Path:
    return shared_dir / "examples" / "bounties.gold.json"


@pytest.fixture(scope="module")
def bounties(bounties_gold: Path) -> Analysis:
    data: Analysis = json.loads(bounties_gold.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def bounties_text(bounties_gold: Path) -> str:
    return (bounties_gold.parent / "bounties.txt").read_text(encoding="utf-8")


# --- perturbations of a gold analysis, made at test time ----------------------------------------------------


def spanned(text: str, start: int, end: int) -> dict[str, Any]:
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return {"text": text[start:end], "span": [start, end]}


def shift_contents(doc: Analysis, text: str) -> Analysis:
    for att in doc["attributions"]:
        a, b = att["content"]["span"]
        att["content"] = spanned(text, a + 3, b + 3)
    return doc


def shrink_some_contents(doc: Analysis, text: str) -> Analysis:
    # every other content keeps only its first 40%: too little overlap to pair
    for att in doc["attributions"][::2]:
        a, b = att["content"]["span"]
        att["content"] = spanned(text, a, a + (b - a) * 2 // 5)
    return doc


def move_cues_away(doc: Analysis, text: str) -> Analysis:
    for att in doc["attributions"][1::3]:
        end = att["cue"]["span"][1]
        att["cue"] = spanned(text, end + 1, end + 4)
    return doc


def drop_attributions(doc: Analysis, text: str) -> Analysis:
    doc["attributions"] = [a for i, a in enumerate(doc["attributions"]) if i % 3]
    return doc


def wrong_labels(doc: Analysis, text: str) -> Analysis:
    for i, att in enumerate(doc["attributions"]):
        if i % 2:
            att["certainty"] = {"certain": "possible", "probable": "certain", "possible": "probable"}[att["certainty"]]
        if i % 3 == 0:
            att["act"] = "report" if att["act"] != "report" else "assertion"
        if i % 4 == 1:
            att["quote"] = "direct" if att["quote"] != "direct" else "indirect"
            att["source_kind"] = "person"
    return doc


def change_nesting(doc: Analysis, text: str) -> Analysis:
    atts = doc["attributions"]
    atts[1].pop("nested_in", None)  # a2 no longer inside a1
    atts[4]["nested_in"] = atts[3]["id"]  # a5 now wrongly inside a4
    nested = copy.deepcopy(atts[2])
    nested.update(id="a99", nested_in="a3")
    atts.append(nested)
    return doc


def discontinuous_contents(doc: Analysis, text: str) -> Analysis:
    # a small gap keeps the pair; keeping only both ends of the content loses it
    for i, att in enumerate(doc["attributions"]):
        a, b = att["content"]["span"]
        if b - a > 40:
            parts = [[a, a + 10], [a + 20, b]] if i % 2 else [[a, a + 5], [b - 5, b]]
            att["content"] = {"text": " ".join(text[c:d] for c, d in parts), "span": [a, b], "parts": parts}
    return doc


def change_dates(doc: Analysis, text: str) -> Analysis:
    dates = doc["dates"]
    doc["dates"] = [
        {"text": "Friday", "value": dates[3]["value"]},  # contained in the gold "on Friday": still a match
        {"text": dates[2]["text"], "value": "2020-04"},  # wrong value
        {"text": "", "value": "2019"},  # no text: never a match
    ]
    return doc


def change_denials(doc: Analysis, text: str) -> Analysis:
    doc["denials"] = [
        {"by": "a12", "targets": ["a1", "a3"]},
        {"by": "a13", "targets": ["a1", "a2", "a6"]},
        {"by": "a404", "targets": ["a1"]},  # unknown denier: no link
    ]
    return doc


def change_sources(doc: Analysis, text: str) -> Analysis:
    atts = doc["attributions"]
    atts[0]["source"] = None
    atts[2]["source_refers_to"] = "the  new york TIMES"  # equal once normalised
    atts[3]["source_refers_to"] = "Reuters"
    if atts[4].get("source"):
        a, b = atts[4]["source"]["span"]
        atts[4]["source"] = spanned(text, a + 4, b)  # still overlaps by more than half
    atts[5]["source"] = spanned(text, 0, 25)  # gold has none
    atts[7].pop("source")
    return doc


def spurious_without_ids(doc: Analysis, text: str) -> Analysis:
    extra = []
    for att in doc["attributions"][:5]:
        twin = copy.deepcopy(att)
        twin.pop("id")
        a, b = att["content"]["span"]
        twin["content"] = spanned(text, a + (b - a) // 3, b)
        extra.append(twin)
    doc["attributions"] = extra + doc["attributions"]
    return doc


def empty(doc: Analysis, text: str) -> Analysis:
    return {}


PERTURBATIONS: list[tuple[Perturbation, str]] = [
    (shift_contents, "exact_content"),
    (shrink_some_contents, "attribution"),
    (move_cues_away, "attribution"),
    (drop_attributions, "attribution"),
    (wrong_labels, "certainty"),
    (change_nesting, "nested_in"),
    (discontinuous_contents, "attribution"),
    (change_dates, "dates"),
    (change_denials, "denial_links"),
    (change_sources, "source"),
    (spurious_without_ids, "attribution"),
    (empty, "attribution"),
]


def below_perfect(scores: dict[str, Any]) -> bool:
    return bool(scores.get("f1", scores.get("acc")) != 1.0)


# --- (a), (b): the example's gold against itself and against perturbed predictions --------------------------


def test_evaluate_gold_against_itself_is_perfect_and_matches_reference(shared_dir: Path, bounties_gold: Path) -> None:
    scores = assert_same_as_reference(shared_dir, bounties_gold, bounties_gold)
    assert scores["attribution"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 15}
    assert scores["nested_in"] == {"acc": 1.0, "of": 15}
    assert scores["denial_links"]["gold"] == 7
    assert scores["documents"] == {"scored": 1, "missing_predictions": 0}


@pytest.mark.parametrize(("perturb", "hurt"), PERTURBATIONS, ids=[p.__name__ for p, _ in PERTURBATIONS])
def test_evaluate_perturbed_prediction_matches_reference(
    shared_dir: Path,
    bounties_gold: Path,
    bounties: Analysis,
    bounties_text: str,
    tmp_path: Path,
    perturb: Perturbation,
    hurt: str,
) -> None:
    pred = write_json(tmp_path / "pred.json", perturb(copy.deepcopy(bounties), bounties_text))
    scores = assert_same_as_reference(shared_dir, bounties_gold, pred)
    assert below_perfect(scores[hurt]), f"{perturb.__name__} should lower {hurt}: {scores[hurt]}"


def test_evaluate_all_perturbations_at_once_match_reference(
    shared_dir: Path, bounties_gold: Path, bounties: Analysis, bounties_text: str, tmp_path: Path
) -> None:
    pred = copy.deepcopy(bounties)
    for perturb, _ in PERTURBATIONS[:-1]:
        pred = perturb(pred, bounties_text)
    assert_same_as_reference(shared_dir, bounties_gold, write_json(tmp_path / "pred.json", pred))


def test_evaluate_outermost_gold_ignores_nested_predictions(
    shared_dir: Path, bounties: Analysis, bounties_text: str, tmp_path: Path
) -> None:
    gold = copy.deepcopy(bounties)
    gold["nesting"] = "outermost"
    gold["attributions"] = [a for a in gold["attributions"] if not a.get("nested_in")]
    (tmp_path / "bounties.txt").write_text(bounties_text, encoding="utf-8")
    gold_path = write_json(tmp_path / "outer.gold.json", gold)
    pred_path = write_json(tmp_path / "pred.json", bounties)  # still has the nested a2
    scores = assert_same_as_reference(shared_dir, gold_path, pred_path)
    assert scores["attribution"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 14}
    assert "nested_in" not in scores


def test_evaluate_without_the_article_text_trims_the_span_texts(
    shared_dir: Path, bounties: Analysis, bounties_text: str, tmp_path: Path
) -> None:
    gold_path = write_json(tmp_path / "no-text.gold.json", bounties)  # its bounties.txt is not beside it
    pred = discontinuous_contents(shift_contents(copy.deepcopy(bounties), bounties_text), bounties_text)
    assert_same_as_reference(shared_dir, gold_path, write_json(tmp_path / "pred.json", pred))


def test_evaluate_text_output_matches_reference(
    shared_dir: Path, bounties_gold: Path, bounties: Analysis, bounties_text: str, tmp_path: Path
) -> None:
    pred = write_json(tmp_path / "pred.json", wrong_labels(copy.deepcopy(bounties), bounties_text))
    assert format_scores(score_paths(bounties_gold, pred)) + "\n" == reference(
        shared_dir, bounties_gold, pred, as_json=False
    )


def test_evaluate_reads_sayso_output_as_prediction(
    shared_dir: Path, bounties_gold: Path, bounties: Analysis, tmp_path: Path
) -> None:
    output = Document.from_json(bounties).to_json()  # sayso's own format: schema_version, spans on dates, ...
    scores = assert_same_as_reference(shared_dir, bounties_gold, write_json(tmp_path / "pred.json", output))
    assert not any(below_perfect(v) for k, v in scores.items() if k != "documents")


# --- (c): a folder of PolNeAR dev gold files against perturbed copies ----------------------------------------


def perturb_polnear(doc: Analysis, text: str, rng: random.Random) -> Analysis:
    """Each attribution kept, dropped, shifted, cut, nested, split, or given another source; some spurious ones."""
    out: list[Analysis] = []
    for att in doc["attributions"]:
        att = copy.deepcopy(att)
        a, b = att["content"]["span"]
        choice = rng.randrange(9)
        if choice == 1:
            continue
        if choice == 2:
            att["content"] = spanned(text, a + rng.randint(1, 6), b + rng.randint(-3, 3))
        elif choice == 3:
            att["content"] = spanned(text, a, a + (b - a) // 3)
        elif choice == 4:
            att["nested_in"] = "a1"
        elif choice == 5 and b - a > 30:
            att["content"] = {"text": "", "span": [a, b], "parts": [[a, a + 12], [a + 18, b]]}
        elif choice == 6 and att["content"].get("parts"):
            att["content"] = spanned(text, a, b)  # a discontinuous gold span predicted as one stretch
        elif choice == 7:
            att["source"] = None if rng.random() < 0.5 else spanned(text, a, a + 8)
        elif choice == 8:
            end = att["cue"]["span"][1]
            att["cue"] = spanned(text, end + 2, end + 6)
        out.append(att)
    for k in range(rng.randrange(3)):
        start = rng.randrange(max(1, len(text) - 100))
        out.append(
            {"id": f"x{k}", "cue": spanned(text, start, start + 4), "content": spanned(text, start + 5, start + 90)}
        )
    rng.shuffle(out)
    return {"attributions": out}


@pytest.fixture(scope="module")
def polnear_sample(polnear_dev: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 10 dev articles, linked (not copied) into a folder of their own."""
    folder = tmp_path_factory.mktemp("polnear-gold")
    for gold in sorted(polnear_dev.glob("*.gold.json"))[:10]:
        (folder / gold.name).symlink_to(gold)
        text = gold.with_name(json.loads(gold.read_text(encoding="utf-8"))["document"])
        (folder / text.name).symlink_to(text)
    return folder


@pytest.fixture(scope="module")
def polnear_predictions(polnear_sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Perturbed copies of the sample's gold files; the last article has no prediction."""
    folder = tmp_path_factory.mktemp("polnear-pred")
    golds = sorted(polnear_sample.glob("*.gold.json"))
    for n, gold in enumerate(golds[:-1]):
        doc = json.loads(gold.read_text(encoding="utf-8"))
        text = gold.with_name(doc["document"]).read_text(encoding="utf-8")
        pred = perturb_polnear(doc, text, random.Random(n))
        write_json(folder / gold.name.replace(".gold.json", ".json"), pred)
    return folder


def test_evaluate_polnear_folder_matches_reference(
    shared_dir: Path, polnear_sample: Path, polnear_predictions: Path
) -> None:
    scores = assert_same_as_reference(shared_dir, polnear_sample, polnear_predictions)
    assert scores["documents"] == {"scored": 10, "missing_predictions": 1}
    assert 0.3 < scores["attribution"]["r"] < 0.9
    assert "nested_in" not in scores and "certainty" in scores


def test_evaluate_polnear_folder_against_itself(shared_dir: Path, polnear_sample: Path, tmp_path: Path) -> None:
    for gold in polnear_sample.glob("*.gold.json"):
        (tmp_path / gold.name.replace(".gold.json", ".json")).symlink_to(gold.resolve())
    scores = assert_same_as_reference(shared_dir, polnear_sample, tmp_path)
    assert scores["attribution"]["f1"] == scores["exact_content"]["f1"] == 1.0
    assert scores["certainty"] == {"acc": None, "of": 0}  # PolNeAR has no certainty labels


def test_evaluate_whole_dev_folder_with_few_predictions(
    shared_dir: Path, polnear_dev: Path, polnear_predictions: Path
) -> None:
    scores = assert_same_as_reference(shared_dir, polnear_dev, polnear_predictions)
    assert scores["documents"]["missing_predictions"] == scores["documents"]["scored"] - 9


# --- hand-made cases, counts written out ---------------------------------------------------------------------

TEXT = (
    'Officials said that the plan failed. "We lost," Ms Lee told reporters on Friday. Aides denied it.'
    " She wrote that “all is lost.”"
)


def at(phrase: str, nth: int = 0) -> dict[str, Any]:
    """The span of the nth occurrence of `phrase` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return {"text": phrase, "span": [start, start + len(phrase)]}


def cut(start: int, end: int) -> dict[str, Any]:
    return {"text": TEXT[start:end], "span": [start, end]}


def att(id_: str, cue: dict[str, Any], content: dict[str, Any], **fields: Any) -> Analysis:
    return {"id": id_, "cue": cue, "content": content, **fields}


SAID = att("a1", at("said"), at("that the plan failed"), source=at("Officials"))
TOLD = att("a2", at("told"), at('"We lost,"'), source=at("Ms Lee"), quote="direct")
DENIED = att("a3", at("denied"), at("it"), source=at("Aides"), act="denial")
PLAN = TEXT.index("that the plan failed")  # a 20-character content

Case = tuple[str, Analysis, Analysis, dict[str, tuple[int, ...]]]
CASES: list[Case] = [
    (
        "identical",
        {"attributions": [SAID, TOLD]},
        {"attributions": [SAID, TOLD]},
        {"attribution": (2, 2, 2), "exact_source": (2, 2, 2), "exact_content": (2, 2, 2), "source": (2, 2)},
    ),
    (
        "cues must overlap",
        {"attributions": [SAID]},
        {"attributions": [att("p1", at("told"), at("that the plan failed"))]},
        {"attribution": (0, 1, 1), "exact_content": (1, 1, 1), "source": (0, 0)},
    ),
    (
        "content Jaccard of exactly one half pairs",
        {"attributions": [SAID]},
        {"attributions": [att("p1", at("said"), cut(PLAN, PLAN + 10))]},
        {"attribution": (1, 1, 1), "exact_content": (0, 1, 1)},
    ),
    (
        "content Jaccard just under one half does not",
        {"attributions": [SAID]},
        {"attributions": [att("p1", at("said"), cut(PLAN, PLAN + 9))]},
        {"attribution": (0, 1, 1)},
    ),
    (
        "best overlap first, one to one",
        {"attributions": [att("a1", at("said"), at("that the plan failed"), certainty="probable")]},
        {
            "attributions": [
                att("p1", at("said"), cut(PLAN, PLAN + 12), certainty="certain"),
                att("p2", at("said"), cut(PLAN, PLAN + 19), certainty="probable"),
            ]
        },
        {"attribution": (1, 2, 1), "certainty": (1, 1)},
    ),
    (
        "exact spans ignore quotes, edge punctuation and a leading that",
        {"attributions": [SAID, TOLD]},
        {
            "attributions": [
                att("p1", at("said"), at("the plan failed.")),
                att("p2", at("told"), at("We lost")),
            ]
        },
        {"attribution": (2, 2, 2), "exact_content": (2, 2, 2), "exact_cue": (2, 2, 2), "exact_source": (0, 0, 2)},
    ),
    (
        "a missing source is right only where the gold has none",
        {"attributions": [{**SAID, "source": None}, {**TOLD, "source": None}]},
        {"attributions": [{**SAID, "source": None}, TOLD]},
        {"source": (1, 2), "exact_source": (0, 1, 0)},
    ),
    (
        "labels are judged only where the gold has them",
        {"attributions": [{**SAID, "act": "report"}, TOLD]},
        {"attributions": [{**SAID, "act": "belief"}, {**TOLD, "quote": "mixed"}]},
        {"act": (0, 1), "quote": (0, 1), "certainty": (0, 0)},
    ),
    (
        "source_refers_to compares normalised names",
        {"attributions": [{**TOLD, "source_refers_to": "Ms Lee’s office"}, {**SAID, "source_refers_to": "Police"}]},
        {"attributions": [{**TOLD, "source_refers_to": "ms  LEE's office"}, SAID]},
        {"source_refers_to": (1, 2)},
    ),
    (
        "nested_in follows the pairing",
        {"attributions": [SAID, {**TOLD, "nested_in": "a1"}, DENIED]},
        {
            "attributions": [
                {**SAID, "id": "p1"},
                {**TOLD, "id": "p2", "nested_in": "p1"},
                {**DENIED, "id": "p3", "nested_in": "p1"},
            ]
        },
        {"nested_in": (2, 3), "attribution": (3, 3, 3)},
    ),
    (
        "an unknown or unpaired parent counts as no parent",
        {"attributions": [{**SAID, "nested_in": "a9"}, {**TOLD, "nested_in": "a3"}, DENIED]},
        {"attributions": [{**SAID, "nested_in": "p7"}, {**TOLD, "id": "p2"}]},
        {"nested_in": (2, 2), "attribution": (2, 2, 3)},
    ),
    (
        # the reference looks up a missing parent id like any other, so it finds a prediction without an id
        "a prediction without an id stands for a missing parent",
        {"attributions": [SAID, {**TOLD, "nested_in": "a1"}]},
        {"attributions": [{"cue": SAID["cue"], "content": SAID["content"]}, {**TOLD, "id": "p2"}]},
        {"nested_in": (2, 2)},
    ),
    (
        "an outermost gold drops nested predictions before counting",
        {"nesting": "outermost", "attributions": [SAID]},
        {"attributions": [SAID, {**TOLD, "nested_in": "a1"}]},
        {"attribution": (1, 1, 1), "exact_cue": (1, 1, 1)},
    ),
    (
        "denial links count through the pairing",
        {"attributions": [SAID, TOLD, DENIED], "denials": [{"by": "a3", "targets": ["a1", "a2"]}]},
        {
            "attributions": [{**SAID, "id": "p1"}, {**DENIED, "id": "p3"}],
            "denials": [{"by": "p3", "targets": ["p1", "p9"]}, {"by": "p1", "targets": ["p3"]}],
        },
        {"denial_links": (1, 2, 2)},
    ),
    (
        "a date matches with an equal value and one text inside the other",
        {
            "attributions": [],
            "dates": [{"text": "on Friday", "value": "2020-06-26"}, {"text": "2019", "value": "2019"}],
        },
        {"dates": [{"text": "Friday", "value": "2020-06-26", "span": [72, 78]}, {"text": "2019", "value": "2018"}]},
        {"dates": (1, 2, 2), "attribution": (0, 0, 0)},
    ),
    (
        "dates pair greedily in sorted order, not optimally",
        {"attributions": [], "dates": [{"text": "Friday", "value": "v"}, {"text": "Friday night", "value": "v"}]},
        {"dates": [{"text": "on Friday", "value": "v"}, {"text": "Fri", "value": "v"}]},
        {"dates": (1, 2, 2)},
    ),
    (
        "a leading that is trimmed with the quotes after it",
        {"attributions": [att("a4", at("wrote"), at("that “all is lost.”"))]},
        {"attributions": [att("p4", at("wrote"), at("all is lost"))]},
        {"attribution": (1, 1, 1), "exact_content": (1, 1, 1)},
    ),
    (
        "a discontinuous gold content pairs with the whole stretch",
        {
            "attributions": [
                att(
                    "a1",
                    at("said"),
                    {"text": "", "span": [PLAN, PLAN + 20], "parts": [[PLAN, PLAN + 8], [PLAN + 13, PLAN + 20]]},
                )
            ]
        },
        {"attributions": [att("p1", at("said"), at("that the plan failed"))]},
        {"attribution": (1, 1, 1), "exact_content": (1, 1, 1)},
    ),
]


def counts(result: dict[str, Any], metric: str) -> tuple[int, ...]:
    c = result[metric]
    return (c["correct"], c["of"]) if "of" in c else (c["tp"], c["pred"], c["gold"])


@pytest.mark.parametrize(("name", "gold", "pred", "expected"), CASES, ids=[c[0] for c in CASES])
def test_evaluate_hand_made_case(
    name: str, gold: Analysis, pred: Analysis, expected: dict[str, tuple[int, ...]]
) -> None:
    result = score_documents(gold, pred, TEXT)
    assert {m: counts(result, m) for m in expected} == expected


@pytest.mark.parametrize(("name", "gold", "pred"), [c[:3] for c in CASES], ids=[c[0] for c in CASES])
def test_evaluate_hand_made_case_matches_reference(
    shared_dir: Path, tmp_path: Path, name: str, gold: Analysis, pred: Analysis
) -> None:
    (tmp_path / "case.txt").write_text(TEXT, encoding="utf-8")
    gold_path = write_json(tmp_path / "case.gold.json", {"document": "case.txt", **gold})
    assert_same_as_reference(shared_dir, gold_path, write_json(tmp_path / "case.json", pred))


def test_evaluate_counts_add_up_over_documents(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    write_json(gold / "one.gold.json", {"attributions": [SAID]})
    write_json(gold / "two.gold.json", {"attributions": [SAID, TOLD]})
    write_json(pred / "one.json", {"attributions": [SAID, TOLD]})
    scores = score_paths(gold, pred)  # two.json is missing: scored as empty
    assert scores["attribution"] == {"p": 0.5, "r": 0.333, "f1": 0.4, "gold": 3}
    assert scores["documents"] == {"scored": 2, "missing_predictions": 1}


def test_evaluate_format_scores_lines() -> None:
    text = format_scores({"attribution": {"p": 0.5, "r": 1.0, "f1": 0.667, "gold": 2}, "act": {"acc": None, "of": 0}})
    assert text.splitlines() == [
        "attribution        p=0.5  r=1.0  f1=0.667  gold=2",
        "act                acc=None  of=0",
    ]


# --- bad inputs ----------------------------------------------------------------------------------------------


def test_evaluate_missing_paths_are_input_errors(tmp_path: Path) -> None:
    gold = write_json(tmp_path / "g.gold.json", {"attributions": []})
    with pytest.raises(InputError) as err:
        score_paths(tmp_path / "nope.gold.json", gold)
    assert err.value.name == str(tmp_path / "nope.gold.json")
    with pytest.raises(InputError, match="no such file"):
        score_paths(gold, tmp_path / "nope.json")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"attributions": [', "malformed JSON at line 1"),
        ("[1, 2]", "expected a JSON object"),
        ("{}", '"attributions" list'),
        ('{"attributions": [{"id": "a1", "cue": {"span": [0, 4]}}]}', 'attributions[0] needs a "content" span'),
        ('{"attributions": [{"id": "a1", "cue": {"span": [0]}, "content": {"span": [1, 2]}}]}', "cue.span must be"),
    ],
)
def test_evaluate_malformed_gold_is_an_input_error(tmp_path: Path, content: str, problem: str) -> None:
    gold = tmp_path / "bad.gold.json"
    gold.write_text(content, encoding="utf-8")
    pred = write_json(tmp_path / "pred.json", {"attributions": []})
    with pytest.raises(InputError, match=problem.replace("[", r"\[")) as err:
        score_paths(gold, pred)
    assert err.value.name == str(gold)


def test_evaluate_malformed_prediction_is_an_input_error(tmp_path: Path) -> None:
    gold = write_json(tmp_path / "g.gold.json", {"attributions": [SAID]})
    pred = tmp_path / "p.json"
    pred.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(InputError, match="not UTF-8"):
        score_paths(gold, pred)
    write_json(pred, {"attributions": [{"cue": {"span": ["0", 4]}}]})
    with pytest.raises(InputError, match=r"attributions\[0\]\.cue\.span"):
        score_paths(gold, pred)
    with pytest.raises(InputError, match="prediction"):
        score_documents({"attributions": []}, {"attributions": "none"}, None)


def test_evaluate_folder_and_file_must_agree(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_file = write_json(gold_dir / "x.gold.json", {"attributions": []})
    with pytest.raises(InputError, match="is a file"):
        score_paths(gold_dir, gold_file)
    with pytest.raises(InputError, match="is a folder"):
        score_paths(gold_file, gold_dir)
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    with pytest.raises(InputError, match=r"no \*\.gold\.json"):
        score_paths(empty_dir, gold_dir)
