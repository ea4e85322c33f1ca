"""The accurate mode's model: a hashed logistic regression for cues, a hashed ranker for contents, and the
thresholds chosen on held-out data.

- the cue model scores every candidate cue token (sayso.learn.features);
- the content model ranks the content candidates of each verb cue (sayso.learn.spans), the rules' own among
  them, and the first replaces the rules' content when it leads by the `switch` margin.

At run time it needs numpy only; the weights ship with the package (src/sayso/models/, with a model card).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from sayso.attribution.cues import Cue, CueVotes
from sayso.learn.features import Context, is_candidate, token_features
from sayso.learn.keep import attribution_features, protected
from sayso.learn.spans import Pieces, candidate_features, candidates
from sayso.lexicons import Lexicons, load
from sayso.model import Attribution
from sayso.nlp.text import doc_text

HASH_BITS = 20
DEFAULT_MODEL_FILE = "cues.npz"


def feature_index(feature: str, bits: int = HASH_BITS) -> int:
    """A stable hash of a feature string into the weight vector (crc32: the same in every process)."""
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


_CRC: dict[str, int] = {}  # most feature strings recur in every document: hash each once per process
CRC_CACHE_SIZE = 1 << 19


def hashed(features: list[str], bits: int = HASH_BITS) -> list[int]:
    if len(_CRC) > CRC_CACHE_SIZE:
        _CRC.clear()
    mask = (1 << bits) - 1
    out = set()
    for f in features:
        crc = _CRC.get(f)
        if crc is None:
            crc = _CRC[f] = zlib.crc32(f.encode("utf-8"))
        out.add(crc & mask)
    return sorted(out)


def doc_rows(
    doc: Doc, rule_attributions: tuple[Attribution, ...], lex: Lexicons, bits: int = HASH_BITS
) -> tuple[list[int], list[list[int]]]:
    """The candidate cue tokens of a parsed document and each one's hashed feature indices."""
    ctx = Context.of(doc, rule_attributions)
    tokens, rows = [], []
    for tok in doc:
        if is_candidate(tok):
            tokens.append(tok.i)
            rows.append(hashed(token_features(tok, ctx, lex), bits))
    return tokens, rows


def content_rows(
    doc: Doc, cue: Cue, source: tuple[int, int] | None, rule: Pieces, bits: int = HASH_BITS
) -> tuple[list[tuple[str, Pieces]], list[list[int]]]:
    """A verb cue's content candidates (the rules' first) and each one's hashed features."""
    cands = candidates(doc, cue, source, rule)
    text = doc_text(doc)
    return cands, [hashed(candidate_features(doc, cue, name, p, rule, text), bits) for name, p in cands]


@dataclass
class Linear:
    """A logistic regression over hashed features."""

    weights: np.ndarray
    bias: float

    def scores(self, rows: list[list[int]]) -> np.ndarray:
        return np.array([self.weights[r].sum() for r in rows], dtype=np.float64) + self.bias

    def probabilities(self, rows: list[list[int]]) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-self.scores(rows))))


@dataclass
class CueModel:
    """The cue model's weights and `admit` threshold (`CueVotes`), the content model (optional) and its `switch`
    margin, the keep model (optional) and its `keep_at` threshold."""

    weights: np.ndarray
    bias: float
    admit: float = 0.5
    info: dict[str, Any] = field(default_factory=dict)
    content: Linear | None = None
    switch: float = 0.0  # the best alternative must outscore the rules' content by this margin to replace it
    keeper: Linear | None = None  # the keep model over finished attributions (sayso.learn.keep)
    keep_at: float = 0.0  # attributions the keep model scores below this are dropped

    @property
    def bits(self) -> int:
        return int(self.weights.shape[0]).bit_length() - 1

    def probabilities(self, rows: list[list[int]]) -> np.ndarray:
        return Linear(self.weights, self.bias).probabilities(rows)

    def choose_content(self, doc: Doc, cue: Cue, source: tuple[int, int] | None, rule: Pieces) -> Pieces:
        """For a verb cue, the content candidate the content model ranks first, where it outscores the rules' own
        content by more than the `switch` margin."""
        if self.content is None or cue.kind != "verb":
            return rule
        cands, rows = content_rows(doc, cue, source, rule, self.bits)
        if len(cands) == 1:
            return rule
        scores = self.content.scores(rows)
        best = int(np.argmax(scores[1:])) + 1
        return cands[best][1] if scores[best] - scores[0] > self.switch else rule

    def keep_probabilities(
        self, doc: Doc, atts: Sequence[Attribution], probs: Mapping[int, float], lex: Lexicons | None = None
    ) -> np.ndarray:
        """The keep model's probability that each attribution is one the training data would mark."""
        if self.keeper is None or not atts:
            return np.ones(len(atts))
        lexicons = lex or load()
        rows = [hashed(attribution_features(doc, a, atts, probs, lexicons), self.bits) for a in atts]
        return self.keeper.probabilities(rows)

    def votes_from(self, tokens: list[int], rows: list[list[int]], with_keep: bool = True) -> CueVotes:
        probs = dict(zip(tokens, (self.probabilities(rows) if rows else np.zeros(0)).tolist(), strict=True))
        chooser = self.choose_content if self.content is not None else None
        keep = None
        if with_keep and self.keeper is not None and self.keep_at > 0:

            def keep(doc: Doc, atts: Sequence[Attribution]) -> list[bool]:
                lex = load()
                return [
                    bool(p >= self.keep_at) or protected(doc, a, atts, lex)
                    for a, p in zip(atts, self.keep_probabilities(doc, atts, probs, lex), strict=True)
                ]

        return CueVotes(probs, self.admit, chooser, keep)

    def votes(self, doc: Doc, rule_attributions: tuple[Attribution, ...], lex: Lexicons | None = None) -> CueVotes:
        return self.votes_from(*doc_rows(doc, rule_attributions, lex or load(), self.bits))

    def save(self, path: Path) -> None:
        meta = {"bias": self.bias, "admit": self.admit, "switch": self.switch, "info": self.info}
        arrays: dict[str, Any] = {"weights": self.weights.astype(np.float16)}
        if self.content is not None:
            meta["content_bias"] = self.content.bias
            arrays["content_weights"] = self.content.weights.astype(np.float16)
        if self.keeper is not None:
            meta.update({"keep_bias": self.keeper.bias, "keep_at": self.keep_at})
            arrays["keep_weights"] = self.keeper.weights.astype(np.float16)
        np.savez_compressed(path, meta=json.dumps(meta), **arrays)

    @classmethod
    def load(cls, path: Path | Any) -> CueModel:
        with np.load(path) as data:
            meta = json.loads(str(data["meta"]))
            weights = data["weights"].astype(np.float32)
            content = keeper = None
            if "content_weights" in data:
                content = Linear(data["content_weights"].astype(np.float32), float(meta["content_bias"]))
            if "keep_weights" in data:
                keeper = Linear(data["keep_weights"].astype(np.float32), float(meta["keep_bias"]))
        return cls(
            weights, float(meta["bias"]), float(meta["admit"]), meta.get("info", {}), content,
            float(meta.get("switch", 0.0)), keeper, float(meta.get("keep_at", 0.0)),
        )


@lru_cache(maxsize=2)
def load_cue_model(path: str | None = None) -> CueModel:
    """The shipped model (or one at `path`), loaded once per process."""
    if path is not None:
        return CueModel.load(Path(path))
    with files("sayso.models").joinpath(DEFAULT_MODEL_FILE).open("rb") as fh:
        return CueModel.load(fh)
