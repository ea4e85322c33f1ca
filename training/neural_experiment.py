"""Issue 24, design (d): the cue-first neural heads trained on part of PolNeAR train, dev predicted and scored.

How docs/accuracy.md's numbers were made (commit 490a100): the frozen vectors of the 84 dev articles and of the
first 228 train articles in "every other one first" order (train[::2] + train[1::2]) were cached; the last 30 of
those chose the cue threshold, the other 198 trained the heads (a 20-minute run stopped after 100 steps, resumed
from its checkpoint with --minutes 11; ~2.9 epochs in all). Then:

    HF_HUB_OFFLINE=1 .venv/bin/python training/neural_experiment.py --encode 228   # vectors, cached, resumable
    HF_HUB_OFFLINE=1 .venv/bin/python training/neural_experiment.py --val 30 --epochs 8 --minutes 20 --thresholds 0.6
    python3 ../shared/tools/score.py ../shared/eval/polnear/dev /tmp/h24/pred_dev_0.6

Needs the `embeddings` extra. `sayso train --model neural` is the same training over a whole folder.
"""

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

from sayso.learn.data import read_gold_folder
from sayso.neural.data import example
from sayso.neural.features import FEATURES_VERSION, Pieces
from sayso.neural.fit import train_heads
from sayso.neural.heads import load_heads, save_heads
from sayso.neural.predict import read_article

torch.set_num_threads(2)

ap = argparse.ArgumentParser()
ap.add_argument("--limit", type=int, default=10000)
ap.add_argument("--val", type=int, default=40)
ap.add_argument("--epochs", type=int, default=6)
ap.add_argument("--minutes", type=float, default=None)
ap.add_argument("--ckpt", default="/tmp/h24/ckpt.pt")
ap.add_argument("--heads", default="/tmp/h24/heads.npz")
ap.add_argument("--predict-only", action="store_true")
ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
ap.add_argument("--cache", default="/tmp/h24/feats", help="folder of the cached vectors")
ap.add_argument("--encode", type=int, default=0, help="only cache the vectors of dev and this many train articles")
a = ap.parse_args()
cache = Path(a.cache)


def cached(text):
    key = hashlib.sha1(f"{FEATURES_VERSION}:{text}".encode()).hexdigest()[:20]
    p = cache / f"{key}.npz"
    if not p.exists():
        return None
    with np.load(p) as d:
        return Pieces(d["offsets"], d["vectors"])


def load(split, order=False):
    arts = read_gold_folder(Path("../shared/eval/polnear") / split)
    if order:
        arts = arts[::2] + arts[1::2]
    out = []
    for art in arts:
        p = cached(art.text)
        if p is not None:
            out.append(example(art.name, art.text, p, art.gold["attributions"]))
    return out


if a.encode:
    from sayso.neural.features import cached_pieces

    arts = read_gold_folder(Path("../shared/eval/polnear/dev"))
    train_arts = read_gold_folder(Path("../shared/eval/polnear/train"))
    for art in arts + (train_arts[::2] + train_arts[1::2])[: a.encode]:
        cached_pieces(art.text, cache)
    sys.exit(0)
train = load("train", True)
val, fit = train[-a.val :], train[: -a.val][: a.limit]
dev = load("dev")
print(
    f"fit {len(fit)} val {len(val)} dev {len(dev)} articles; fit attributions {sum(len(e.targets) for e in fit)}",
    flush=True,
)
if not a.predict_only:
    t = time.time()
    model = train_heads(
        fit,
        Path(a.ckpt),
        epochs=a.epochs,
        minutes=a.minutes,
        log=lambda m: print(m, f"{time.time() - t:.0f}s", flush=True),
    )
    save_heads(model, Path(a.heads), {"articles": len(fit)})
model, _ = load_heads(Path(a.heads))
for name, exs in (("val", val), ("dev", dev)):
    for th in [float(x) for x in a.thresholds.split(",")]:
        d = Path(a.cache).parent / f"pred_{name}_{th}"
        d.mkdir(parents=True, exist_ok=True)
        for e in exs:
            atts = read_article(model, e.text, e.pieces, th)
            (d / f"{e.name}.json").write_text(json.dumps({"attributions": atts}))
print("predicted", flush=True)
