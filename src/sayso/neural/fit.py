"""Training the heads on cached frozen vectors: seeded, checkpointed every `CHECKPOINT_EVERY` steps, resumable.

One epoch is a pass of the cue tagger over every article (in chunks of `CHUNK` pieces at a per-epoch offset) and
a pass of the span head over every gold attribution, both in an order fixed by the seed and the epoch, so that a
run resumed from its checkpoint takes the same steps as one that never stopped.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from sayso.neural.data import Example, window
from sayso.neural.heads import Heads

SEED = 13
CHUNK = 256
CUE_BATCH = 16
SPAN_BATCH = 32
RATE = 2e-3
CHECKPOINT_EVERY = 50
CUE_WEIGHTS = (1.0, 3.0, 3.0)  # cue pieces are ~3 % of all: weigh B and I up


def _stack(rows: Sequence[np.ndarray], width: int, fill: float = 0.0) -> torch.Tensor:
    out = np.full((len(rows), width, *rows[0].shape[1:]), fill, dtype=np.float32)
    for i, r in enumerate(rows):
        out[i, : len(r)] = r
    return torch.from_numpy(out)


def cue_batches(examples: Sequence[Example], rng: random.Random) -> list[list[tuple[int, int, int]]]:
    """Chunks `(article, start, end)` of at most CHUNK pieces, their edges shifted at random each epoch."""
    chunks = []
    for k, ex in enumerate(examples):
        n, shift = len(ex.pieces), rng.randrange(CHUNK // 2)
        chunks += [(k, max(0, s), min(n, s + CHUNK)) for s in range(-shift, n, CHUNK) if s + CHUNK > 0]
    rng.shuffle(chunks)
    return [chunks[i : i + CUE_BATCH] for i in range(0, len(chunks), CUE_BATCH)]


def span_batches(examples: Sequence[Example], rng: random.Random) -> list[list[tuple[int, int]]]:
    items = [(k, j) for k, ex in enumerate(examples) for j in range(len(ex.targets))]
    rng.shuffle(items)
    return [items[i : i + SPAN_BATCH] for i in range(0, len(items), SPAN_BATCH)]


def cue_loss(model: Heads, examples: Sequence[Example], batch: list[tuple[int, int, int]]) -> torch.Tensor:
    width = max(b - a for _, a, b in batch)
    vectors = _stack([examples[k].pieces.vectors[a:b].astype(np.float32) for k, a, b in batch], width)
    tags = _stack([examples[k].tags[a:b].astype(np.float32) for k, a, b in batch], width, -100.0).long()
    logits = model.cue_logits(vectors)
    weight = torch.tensor(CUE_WEIGHTS)
    return F.cross_entropy(logits.reshape(-1, 3), tags.reshape(-1), weight=weight, ignore_index=-100)


def span_loss(model: Heads, examples: Sequence[Example], batch: list[tuple[int, int]]) -> torch.Tensor:
    width = model.config["window"]
    rows, marks, bounds = [], [], []
    for k, j in batch:
        ex, target = examples[k], examples[k].targets[j]
        w0, w1 = window(target.cue, len(ex.pieces), width)
        rows.append(ex.pieces.vectors[w0:w1].astype(np.float32))
        mark = np.zeros(w1 - w0, dtype=np.float32)
        mark[target.cue[0] - w0 : target.cue[1] - w0] = 1
        marks.append(mark)
        bounds.append((w0, w1))
    length = max(len(r) for r in rows)
    vectors, cue_mask = _stack(rows, length), _stack(marks, length).bool()
    pad = _stack([np.ones(len(r), dtype=np.float32) for r in rows], length).bool()
    scores, no_source = model.span_logits(vectors, cue_mask, pad)
    targets = np.full((len(batch), 4), -100, dtype=np.int64)
    for i, ((k, j), (w0, w1)) in enumerate(zip(batch, bounds, strict=True)):
        t = examples[k].targets[j]
        if t.content is not None and t.content[1] >= w0 and t.content[0] < w1:
            targets[i, 0] = max(t.content[0], w0) - w0
            targets[i, 1] = min(t.content[1], w1 - 1) - w0
        if t.source is None:
            targets[i, 2:] = length  # the extra "no source" position
        elif t.source[1] >= w0 and t.source[0] < w1:
            targets[i, 2] = max(t.source[0], w0) - w0
            targets[i, 3] = min(t.source[1], w1 - 1) - w0
    y = torch.from_numpy(targets)
    loss = F.cross_entropy(scores[:, :, 0], y[:, 0], ignore_index=-100)
    loss = loss + F.cross_entropy(scores[:, :, 1], y[:, 1], ignore_index=-100)
    for col in (2, 3):
        with_null = torch.cat([scores[:, :, col], no_source[:, col - 2 : col - 1]], dim=1)
        loss = loss + F.cross_entropy(with_null, y[:, col], ignore_index=-100)
    return loss


def _steps(examples: Sequence[Example], seed: int, epoch: int) -> Iterator[tuple[str, list[Any]]]:
    rng = random.Random(seed * 1000 + epoch)
    cues, spans = cue_batches(examples, rng), span_batches(examples, rng)
    for i in range(max(len(cues), len(spans))):  # interleaved, so both heads see the whole epoch
        if i < len(spans):
            yield "span", spans[i]
        if i < len(cues):
            yield "cue", cues[i]


def train_heads(
    examples: Sequence[Example],
    checkpoint: Path | None,
    *,
    epochs: int = 6,
    seed: int = SEED,
    minutes: float | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> Heads:
    """Heads fitted on `examples`; resumes from `checkpoint` when it exists and writes it as it goes.

    With `minutes`, stops (after writing the checkpoint) once that much time has passed; run again to go on.
    """
    torch.manual_seed(seed)
    model = Heads()
    optimizer = torch.optim.Adam(model.parameters(), lr=RATE)
    epoch, done = 0, 0
    if checkpoint is not None and checkpoint.exists():
        state = torch.load(checkpoint, weights_only=True)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        epoch, done = int(state["epoch"]), int(state["step"])
        torch.set_rng_state(state["rng"])
        log(f"resumed from {checkpoint} at epoch {epoch + 1}, step {done}")
    started = time.perf_counter()

    def save(e: int, s: int) -> None:
        if checkpoint is not None:
            state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": e, "step": s}
            tmp = checkpoint.with_suffix(".tmp")
            torch.save({**state, "rng": torch.get_rng_state()}, tmp)
            tmp.replace(checkpoint)

    while epoch < epochs:
        model.train()
        total, count = 0.0, 0
        for step, (kind, batch) in enumerate(_steps(examples, seed, epoch)):
            if step < done:
                continue
            loss = cue_loss(model, examples, batch) if kind == "cue" else span_loss(model, examples, batch)
            optimizer.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call,unused-ignore]
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            total, count = total + loss.item(), count + 1
            if (step + 1) % CHECKPOINT_EVERY == 0:
                save(epoch, step + 1)
                log(f"epoch {epoch + 1} step {step + 1}: loss {total / count:.3f}")
                if minutes is not None and time.perf_counter() - started > minutes * 60:
                    model.eval()
                    return model
        epoch, done = epoch + 1, 0
        save(epoch, 0)
        log(f"epoch {epoch} done: mean loss {total / max(count, 1):.3f}")
    model.eval()
    return model
