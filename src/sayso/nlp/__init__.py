"""Building the spaCy pipeline; the `sayso` component and its Doc extensions."""

import os

# One OpenBLAS thread: on 2 cores the parse is faster and uses less CPU (bench/, docs/benchmarks.md). OpenBLAS
# reads this when numpy is first imported, so it is set here, before spaCy (and numpy) load.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from sayso.nlp.pipeline import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
