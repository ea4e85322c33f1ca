"""sayso: on whose say-so? Attributions, their sources, certainty, denials and provenance in English news text.

    >>> import sayso
    >>> doc = sayso.analyze("Officials said the plan failed.", published="2020-06-27")
    >>> [(a.source.text, a.cue.text, a.content.text) for a in doc.attributions]
    [('Officials', 'said', 'the plan failed')]
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

# One OpenBLAS thread: on 2 cores the parse is faster and uses less CPU (bench/, docs/benchmarks.md). OpenBLAS reads
# this when numpy is first imported, so it is set on importing sayso, before anything loads spaCy or numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from collections.abc import Iterable

from sayso.model import Attribution, Document, Metadata, Span, keep_types, parse_types

__version__ = "0.1.0"
__all__ = ["Attribution", "Document", "Metadata", "Span", "__version__", "analyze", "load"]


def load(model: str | None = None, mode: str = "fast") -> Analyzer:
    """An analyzer with the spaCy pipeline loaded once; reuse it for many texts. `mode`: "fast" (the rules) or
    "accurate" (the rules with the learned cue model)."""
    from sayso.nlp import DEFAULT_MODEL

    return _analyzer(model or DEFAULT_MODEL, mode)


@lru_cache(maxsize=4)
def _analyzer(model: str, mode: str) -> Analyzer:
    from sayso.analysis import Analyzer

    return Analyzer(model, mode=mode)


def analyze(
    text: str,
    *,
    published: str | None = None,
    name: str = "-",
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    mode: str = "fast",
    types: str | Iterable[str] | None = None,
) -> Document:
    """Analyse one article's text (`published` as YYYY-MM-DD anchors relative dates; `mode` "fast" or
    "accurate"; `types` keeps only these types of attribution, e.g. "statement" or ("belief", "finding"): see
    `sayso.model.TYPES`; all by default)."""
    from sayso.read import read_text

    wanted = parse_types(types)
    record = read_text(text, name, published=published, outlet=outlet, url=url, title=title)
    return keep_types(load(mode=mode).analyze(record.text, record.meta), wanted)


if TYPE_CHECKING:  # keeps spaCy out of `import sayso`
    from sayso.analysis import Analyzer
