"""`sayso train --model neural`: features (cached), heads fitted with checkpoints, the heads saved; dev scored.

A run stopped part-way (`--minutes`, a crash, Ctrl-C) goes on from its checkpoint when started again with the same
`--cache` folder; the frozen vectors there are reused too.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sayso.evaluate.counts import score_documents
from sayso.evaluate.report import summarise
from sayso.learn.data import GoldArticle, read_gold_folder
from sayso.neural.data import Example, example
from sayso.neural.features import cached_pieces
from sayso.neural.fit import SEED, train_heads
from sayso.neural.heads import Heads, save_heads
from sayso.neural.predict import read_article

CUE_THRESHOLD = 0.6  # chosen on 30 held-out train articles (0.4: F1 0.334, 0.6: 0.402)


def examples_of(articles: Sequence[GoldArticle], cache: Path | None, log: Callable[[str], None]) -> list[Example]:
    out, started = [], time.perf_counter()
    for k, art in enumerate(articles):
        out.append(example(art.name, art.text, cached_pieces(art.text, cache), art.gold["attributions"]))
        if (k + 1) % 50 == 0:
            log(f"encoded {k + 1}/{len(articles)} articles ({time.perf_counter() - started:.0f} s)")
    return out


def predict_folder(model: Heads, examples: Sequence[Example], out_dir: Path, threshold: float) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for ex in examples:
        atts = read_article(model, ex.text, ex.pieces, threshold)
        (out_dir / f"{ex.name}.json").write_text(json.dumps({"attributions": atts}), encoding="utf-8")


def score_examples(model: Heads, examples: Sequence[Example], threshold: float = CUE_THRESHOLD) -> dict[str, Any]:
    """The model alone on gold articles, scored with sayso's implementation of the reference scorer."""
    totals: dict[str, Counter[str]] = {}
    for ex in examples:
        pred = {"attributions": read_article(model, ex.text, ex.pieces, threshold)}
        gold = {"nesting": "outermost", "attributions": [a for a in ex.gold if a.get("cue") and a.get("content")]}
        for key, counts in score_documents(gold, pred, ex.text).items():
            totals.setdefault(key, Counter()).update(counts)
    return summarise(totals)


def train_neural(
    train_dir: Path,
    out: Path,
    *,
    cache: Path | None,
    limit: int | None = None,
    epochs: int = 6,
    minutes: float | None = None,
    seed: int = SEED,
    log: Callable[[str], None] = lambda _: None,
) -> Heads:
    """Heads trained on the gold folder and saved to `out`; checkpoints (and vectors) under `cache` when given."""
    articles = read_gold_folder(train_dir, limit)
    log(f"encoding {len(articles)} articles with the frozen MiniLM" + (f" (cached in {cache})" if cache else ""))
    examples = examples_of(articles, cache / "vectors" if cache else None, log)
    with tempfile.TemporaryDirectory() as tmp:
        checkpoint = (cache if cache else Path(tmp)) / f"neural-seed{seed}.ckpt"
        model = train_heads(examples, checkpoint, epochs=epochs, seed=seed, minutes=minutes, log=log)
    info = {"articles": len(articles), "epochs": epochs, "seed": seed, "cue_threshold": CUE_THRESHOLD}
    save_heads(model, out, info)
    return model
