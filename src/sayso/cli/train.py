"""`sayso train`: rebuild the accurate mode's cue model from a folder of gold attributions (PolNeAR by default).

Training needs scikit-learn and scipy (`pip install 'sayso[train]'`); the model it writes needs numpy only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

DEFAULT_TRAIN = Path("../shared/eval/polnear/train")
DEFAULT_DEV = Path("../shared/eval/polnear/dev")
DEFAULT_OUT = Path("sayso-cues.npz")
EXACT = (("source", "exact_source"), ("cue", "exact_cue"), ("content", "exact_content"))


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"sayso: {message}", err=True)
    sys.exit(code)


def _log(message: str) -> None:
    click.echo(f"sayso: {message}", err=True)


def _gold_files(folder: Path, what: str) -> int:
    """How many NAME.gold.json the folder holds; a one-line failure when it is missing or holds none."""
    if not folder.is_dir():
        _fail(f"{folder}: no such folder (to {what} on, give a folder of NAME.txt + NAME.gold.json)")
    n = sum(1 for _ in folder.glob("*.gold.json"))
    if not n:
        _fail(f"{folder}: no NAME.gold.json files in it (with the NAME.txt each names) to {what} on")
    return n


def _check_training_extra() -> None:
    try:
        import scipy.sparse  # noqa: F401
        import sklearn.linear_model  # noqa: F401
    except ImportError as err:
        _fail(f"training needs scikit-learn and scipy ({err}): pip install 'sayso[train]'")


def format_report(report: dict[str, Any]) -> str:
    """The cross-validated choice of thresholds and, when dev was scored, fast against accurate on it."""
    lines = [
        f"cross-validated attribution F1 {report['held_out_f1']:.3f} at admit {report['admit']}, "
        f"switch {report['switch']}",
    ]
    if "dev_fast" in report:
        lines += ["", f"{'dev':10} {'P':>6} {'R':>6} {'F1':>6}   exact F1: {'source':>6} {'cue':>6} {'content':>7}"]
        for mode in ("fast", "accurate"):
            scores = report[f"dev_{mode}"]
            a = scores["attribution"]
            exact = [scores.get(key, {}).get("f1") for _, key in EXACT]
            source, cue, content = (f"{x:.3f}" if isinstance(x, int | float) else "-" for x in exact)
            pr = f"{a['p']:6.3f} {a['r']:6.3f} {a['f1']:6.3f}"
            lines.append(f"{mode:10} {pr}   {'':9} {source:>6} {cue:>6} {content:>7}")
    return "\n".join(lines)


@click.command("train")
@click.option(
    "--train",
    "train_dir",
    default=DEFAULT_TRAIN,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder of NAME.txt + NAME.gold.json to learn from.",
)
@click.option(
    "--dev",
    "dev_dir",
    default=None,
    type=click.Path(path_type=Path),
    help=f"Folder to score fast against accurate on (default: {DEFAULT_DEV} when it exists).",
)
@click.option("--no-dev", is_flag=True, help="Score no dev folder (a quicker run).")
@click.option(
    "--out",
    default=DEFAULT_OUT,
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model (.npz); the shipped one is src/sayso/models/cues.npz.",
)
@click.option("--limit", type=click.IntRange(min=2), default=None, help="Train on the first N articles only.")
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the parsed articles here, so that the next run skips the parse.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option(
    "--model",
    "model_kind",
    type=click.Choice(["linear", "neural"]),
    default="linear",
    show_default=True,
    help="linear: the accurate mode's cue model (numpy); neural: the cue-first heads over frozen MiniLM (torch).",
)
@click.option("--epochs", type=click.IntRange(min=1), default=6, show_default=True, help="Neural: passes over train.")
@click.option("--minutes", type=click.FloatRange(min=0), default=None, help="Neural: stop (checkpointed) after this.")
@click.option("--seed", type=int, default=13, show_default=True, help="Neural: the seed of the heads' training.")
def train_command(
    train_dir: Path,
    dev_dir: Path | None,
    no_dev: bool,
    out: Path,
    limit: int | None,
    cache_dir: Path | None,
    as_json: bool,
    model_kind: str,
    epochs: int,
    minutes: float | None,
    seed: int,
) -> None:
    """Train the accurate mode's cue model on gold attributions and write it to OUT.

    Progress goes to stderr; the cross-validated thresholds and, with a dev folder, the attribution P/R/F1 of the fast
    and the accurate mode on it to stdout. `sayso train --out src/sayso/models/cues.npz` rebuilds the shipped model.
    """
    if out.suffix != ".npz":
        _fail(f"--out must name a .npz file, not {str(out)!r}", 2)
    if no_dev and dev_dir is not None:
        _fail("--dev and --no-dev contradict each other", 2)
    n_train = _gold_files(train_dir, "train")
    if no_dev:
        dev_dir = None
    elif dev_dir is None:
        dev_dir = DEFAULT_DEV if DEFAULT_DEV.is_dir() else None
    n_dev = _gold_files(dev_dir, "score") if dev_dir is not None else 0
    if model_kind == "neural":
        from sayso.cli.train_neural import train_neural_command

        train_neural_command(
            train_dir,
            dev_dir,
            out,
            limit=limit,
            cache_dir=cache_dir,
            epochs=epochs,
            minutes=minutes,
            seed=seed,
            as_json=as_json,
        )
        return
    _check_training_extra()
    from sayso.errors import SaysoError
    from sayso.learn.train import train_cue_model

    n = min(n_train, limit) if limit else n_train
    _log(f"training on {n} articles from {train_dir}" + (f", scoring {n_dev} from {dev_dir}" if dev_dir else ""))
    try:
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
        model, report = train_cue_model(train_dir, dev_dir, limit=limit, cache_dir=cache_dir, log=_log)
        out.parent.mkdir(parents=True, exist_ok=True)
        model.save(out)
    except (SaysoError, OSError, ValueError, KeyError) as err:  # unreadable gold, a fit without positives, a full disk
        _fail(f"training failed: {type(err).__name__}: {err}")
    _log(f"wrote {out}")
    if as_json:
        click.echo(json.dumps({**report, "out": str(out), "info": model.info}, indent=1, default=float))
    else:
        click.echo(format_report(report))


def register(group: click.Group) -> None:
    group.add_command(train_command)
