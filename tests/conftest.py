"""Shared fixtures: the real spaCy pipeline (loaded once), the project's example, the shared eval data."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import MISSING, find_chromium, required_in_ci
from spacy.language import Language

from sayso.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "bounties.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (reference gold, scorer, eval data); tests that need it skip where it is absent."""
    if not (SHARED / "tools" / "score.py").exists():
        pytest.skip(f"{SHARED} is absent: the shared scorer and eval data are not on this machine")
    return SHARED


@pytest.fixture(scope="session")
def polnear_dev(shared_dir: Path) -> Path:
    dev = shared_dir / "eval" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip(f"{dev} is absent: PolNeAR dev is needed for this test")
    return dev


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary; required in CI, skipped with a message elsewhere when it is not installed."""
    found = find_chromium()
    if found:
        return found
    if required_in_ci():
        pytest.fail(MISSING + " — it is required in CI")
    pytest.skip(MISSING)
