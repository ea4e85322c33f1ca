"""Training the accurate mode's cue model on PolNeAR (../shared/eval/polnear/train), small and fast: a library run
on 8 articles that must rank the gold cues of 4 other articles clearly better than an untrained model does, and
`sayso train` end to end (progress, dev scores, --json, --cache, a loadable .npz, one-line errors).

Skipped where ../shared/eval/polnear/train is absent. Training needs the `train` extra (scikit-learn, scipy), which
`make setup` installs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_ingest import Run, sayso

from sayso.learn import CueModel

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval" / "polnear" / "train"
LIMIT = 8


@pytest.fixture(scope="module")
def train_dir() -> Path:
    if not TRAIN.is_dir() or not any(TRAIN.glob("*.gold.json")):
        pytest.skip(f"{TRAIN} is absent: PolNeAR train is needed to train the cue model")
    return TRAIN


def copy_articles(train_dir: Path, first: int, last: int, folder: Path) -> Path:
    """Articles first..last-1 of `train_dir` (in name order, as training reads them) copied into `folder`."""
    folder.mkdir(parents=True)
    for gold in sorted(train_dir.glob("*.gold.json"))[first:last]:
        shutil.copy(gold, folder)
        shutil.copy(train_dir / json.loads(gold.read_text(encoding="utf-8"))["document"], folder)
    return folder


# ------------------------------------------------------------------------------------------------ the library


@pytest.fixture(scope="module")
def trained(train_dir: Path) -> tuple[CueModel, dict[str, Any], list[str]]:
    from sayso.learn.train import train_cue_model

    logs: list[str] = []
    model, report = train_cue_model(train_dir, None, limit=LIMIT, log=logs.append)
    return model, report, logs


def test_tiny_training_run_completes(trained: tuple[CueModel, dict[str, Any], list[str]]) -> None:
    from sayso.learn.train import ADMIT_GRID, KEEP_ADMITS, KEEP_GRID, SWITCH_GRID

    model, report, logs = trained
    assert model.weights.shape == (2**20,)
    assert np.isfinite(model.weights).all() and np.count_nonzero(model.weights) > 100
    assert 0.0 <= report["held_out_f1"] <= 1.0
    assert (report["admit"], report["switch"]) == (model.admit, model.switch)
    assert any(round(report["admit"] + lower, 2) in ADMIT_GRID for lower in KEEP_ADMITS)
    assert report["switch"] in SWITCH_GRID and report["keep_at"] in KEEP_GRID
    assert (model.keeper is None) == (model.keep_at == 0.0)
    assert "dev_fast" not in report and "dev_accurate" not in report
    assert model.info["train_articles"] == LIMIT
    assert any(f"{LIMIT} training articles" in line for line in logs), logs


def test_trained_model_ranks_unseen_gold_cues_above_an_untrained_one(
    trained: tuple[CueModel, dict[str, Any], list[str]], train_dir: Path
) -> None:
    from sayso.learn.train import average_precision, featurize, parse_articles, read_gold_folder, untrained
    from sayso.lexicons import load

    model, _, _ = trained
    articles = read_gold_folder(train_dir, 20)[-4:]  # articles 16-19: not among the 8 it learned from
    assert not {a.name for a in articles} & {a.name for a in read_gold_folder(train_dir, LIMIT)}
    unseen = featurize(articles, parse_articles(articles), load())
    learned, baseline = average_precision(model, unseen), average_precision(untrained(), unseen)
    assert learned > baseline + 0.1, (learned, baseline)


def test_trained_model_saves_and_loads(trained: tuple[CueModel, dict[str, Any], list[str]], tmp_path: Path) -> None:
    model, _, _ = trained
    model.save(tmp_path / "m.npz")
    back = CueModel.load(tmp_path / "m.npz")
    assert np.array_equal(back.weights, model.weights.astype(np.float16).astype(np.float32))  # stored as float16
    assert (back.bias, back.admit, back.switch, back.keep_at, back.info) == (
        model.bias, model.admit, model.switch, model.keep_at, model.info
    )


# ------------------------------------------------------------------------------------------------ sayso train


@pytest.fixture(scope="module")
def cli_runs(train_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`sayso train --limit 6` scored on 3 other articles, then again from the parse cache with --no-dev --json."""
    root = tmp_path_factory.mktemp("train")
    dev = copy_articles(train_dir, 20, 23, root / "dev")
    cache = root / "cache"
    common = ["--train", str(train_dir), "--limit", "6", "--cache", str(cache)]
    scored = sayso("train", *common, "--dev", str(dev), "--out", str(root / "scored.npz"), cwd=root)
    parsed = cache / "train-6.spacy"
    stamp = parsed.stat().st_mtime_ns if parsed.exists() else None
    as_json = sayso("train", *common, "--no-dev", "--out", str(root / "out" / "m.npz"), "--json", cwd=root)
    return {"root": root, "cache": cache, "stamp": stamp, "scored": scored, "json": as_json}


def test_cli_train_prints_progress_and_fast_against_accurate_on_dev(cli_runs: dict[str, Any]) -> None:
    result: Run = cli_runs["scored"]
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    progress = result.err.splitlines()
    assert progress[0] == f"sayso: training on 6 articles from {TRAIN}, scoring 3 from {cli_runs['root'] / 'dev'}"
    assert any(line.startswith("sayso: dev accurate: attribution P/R/F1 ") for line in progress)
    assert progress[-1] == f"sayso: wrote {cli_runs['root'] / 'scored.npz'}"
    rows = {line.split()[0]: line.split()[1:] for line in result.out.splitlines() if line.strip()}
    for mode in ("fast", "accurate"):  # attribution P, R, F1, then exact source, cue, content F1
        assert len(rows[mode]) == 6 and all(0.0 <= float(x) <= 1.0 for x in rows[mode]), rows
    assert CueModel.load(cli_runs["root"] / "scored.npz").info["train_articles"] == 6


def test_cli_train_json_writes_a_loadable_model(cli_runs: dict[str, Any]) -> None:
    result: Run = cli_runs["json"]
    assert result.code == 0, result.err
    report = json.loads(result.out)
    out = cli_runs["root"] / "out" / "m.npz"
    assert report["out"] == str(out)
    assert 0.0 <= report["held_out_f1"] <= 1.0 and "dev_fast" not in report
    model = CueModel.load(out)
    assert model.weights.shape == (2**20,)
    assert (model.admit, model.switch, model.info["train_articles"]) == (report["admit"], report["switch"], 6)
    # the first run cached its parses; the second read them (not writing the file again) and learned the same model
    assert sorted(p.name for p in cli_runs["cache"].iterdir()) == ["dev-3.spacy", "train-6.spacy"]
    assert (cli_runs["cache"] / "train-6.spacy").stat().st_mtime_ns == cli_runs["stamp"]
    assert np.array_equal(model.weights, CueModel.load(cli_runs["root"] / "scored.npz").weights)


@pytest.mark.parametrize("problem", ["missing", "empty"])
def test_cli_train_bad_folder_is_one_line(problem: str, tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    if problem == "empty":
        folder.mkdir()
    result = sayso("train", "--train", str(folder), "--out", str(tmp_path / "m.npz"), cwd=tmp_path)
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"sayso: {folder}: "), lines
    assert ("no such folder" if problem == "missing" else "no NAME.gold.json") in lines[0]
    assert not (tmp_path / "m.npz").exists()


def test_cli_train_without_scikit_learn_says_how_to_install(train_dir: Path, tmp_path: Path) -> None:
    """An environment where scikit-learn does not import (a module of that name that fails first on the path)."""
    (tmp_path / "sklearn.py").write_text("raise ModuleNotFoundError(\"No module named 'sklearn'\")\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "sayso", "train", "--train", str(train_dir), "--out", str(tmp_path / "m.npz")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'sayso[train]'" in lines[0], lines
