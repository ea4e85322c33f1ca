"""`sayso train --model neural`: the cue-first neural model's heads (an experiment; see docs/accuracy.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from sayso.errors import SaysoError


def _log(message: str) -> None:
    click.echo(f"sayso: {message}", err=True)


def train_neural_command(
    train_dir: Path,
    dev_dir: Path | None,
    out: Path,
    *,
    limit: int | None,
    cache_dir: Path | None,
    epochs: int,
    minutes: float | None,
    seed: int,
    as_json: bool,
) -> None:
    """Train the heads, write them to OUT (.npz) and, with a dev folder, print the model's own scores on it."""
    try:
        from sayso.neural import require_torch

        require_torch()
        from sayso.learn.data import read_gold_folder
        from sayso.neural.run import examples_of, score_examples, train_neural

        model = train_neural(
            train_dir, out, cache=cache_dir, limit=limit, epochs=epochs, minutes=minutes, seed=seed, log=_log
        )
        _log(f"wrote {out}")
        report: dict[str, object] = {"out": str(out)}
        if dev_dir is not None:
            dev = examples_of(read_gold_folder(dev_dir), cache_dir / "vectors" if cache_dir else None, _log)
            report["dev_neural"] = score_examples(model, dev)
    except (SaysoError, OSError, ValueError, KeyError) as err:
        click.echo(f"sayso: training failed: {type(err).__name__}: {err}", err=True)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(report, indent=1, default=float))
    elif "dev_neural" in report:
        scores = report["dev_neural"]
        assert isinstance(scores, dict)
        a = scores["attribution"]
        exact = " ".join(f"{r} {scores.get(f'exact_{r}', {}).get('f1', 0):.3f}" for r in ("source", "cue", "content"))
        pr = f"P {a['p']:.3f} R {a['r']:.3f} F1 {a['f1']:.3f}"
        click.echo(f"dev, the model alone: attribution {pr}; exact F1 {exact}")
