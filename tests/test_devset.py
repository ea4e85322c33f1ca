"""Our own development sets (docs/annotation.md, scripts/devset.py): every stored label builds into a valid gold file.

The texts (and PolNeAR's own spans) live in ../shared: these tests skip where it is absent.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from sayso.model import ACTS, CERTAINTIES, QUOTES, SOURCE_KINDS, TYPES

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="module")
def devset() -> ModuleType:
    if not (SHARED_EVAL / "fnc1" / "train_bodies.csv").exists() or not (SHARED_EVAL / "polnear" / "dev").is_dir():
        pytest.skip("../shared/eval is absent: the development sets' texts live there")
    spec = importlib.util.spec_from_file_location("devset", ROOT / "scripts" / "devset.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_devset_every_selected_document_is_labelled_with_both_splits(devset: ModuleType) -> None:
    splits = devset.documents()
    assert len(splits) == 37
    for name in splits:
        assert (ROOT / "devsets" / devset.corpus_of(name) / f"{name}.json").exists(), name
    assert sorted(set(splits.values())) == ["report", "tune"]


def test_devset_gold_files_are_valid_and_index_their_texts(devset: ModuleType) -> None:
    total = 0
    for name in devset.documents():
        text, gold = devset.text_of(name), devset.gold(name)
        ids = {a["id"] for a in gold["attributions"]}
        for a in gold["attributions"]:
            total += 1
            for role in ("cue", "content", "source"):
                span = a.get(role)
                if span is None:
                    assert role == "source", (name, a["id"])
                    continue
                for start, end in span.get("parts") or [span["span"]]:
                    assert 0 <= start < end <= len(text), (name, a["id"], role)
            assert a["type"] in TYPES and a["act"] in ACTS and a["certainty"] in CERTAINTIES, (name, a["id"])
            assert a["quote"] in QUOTES and a["source_kind"] in SOURCE_KINDS, (name, a["id"])
            assert a.get("nested_in") in ids | {None}, (name, a["id"])
        for d in gold["denials"]:
            assert d["by"] in ids and set(d["targets"]) <= ids, (name, d)
        for f in gold["furniture"]:
            assert text[f["span"][0] : f["span"][1]] == f["text"], name
    assert total >= 500


def test_devset_polnear_labels_hold_no_span_of_polnear_s_own(devset: ModuleType) -> None:
    for path in sorted((ROOT / "devsets" / "pn").glob("*.json")):
        stored = json.loads(path.read_text(encoding="utf-8"))
        by_reference = [a for a in stored["attributions"] if "polnear" in a]
        assert by_reference and all("cue" not in a and "content" not in a for a in by_reference), path.name
        # and the stored form is what `by_reference` makes of the full labels: nothing is lost either way
        name = stored["document"]
        assert devset.by_reference(name, devset.by_value(name, stored)) == stored
