"""The trained part of the neural model: a cue tagger and a cue-conditioned span head over frozen vectors.

- **cue tagger**: the article's piece vectors, projected and read by a bidirectional LSTM, tagged O / B / I (a cue
  starts / continues here).
- **span head**: for one cue, a window of pieces around it, each vector projected and added to an embedding that
  marks the cue's own pieces, read by a two-layer bidirectional LSTM; four pointer scores per piece (content start,
  content end, source start, source end) and, from the cue's pieces, one score for "no source".

Stored as float16 arrays in an .npz (no pickles) with its settings in `config`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

CONFIG = {"dim": 384, "proj": 256, "hidden": 128, "window": 160, "version": 1}


class Heads(nn.Module):  # type: ignore[misc,unused-ignore]  # torch untyped where absent
    def __init__(self, dim: int = 384, proj: int = 256, hidden: int = 128, window: int = 160, **_: Any) -> None:
        super().__init__()
        self.config = {"dim": dim, "proj": proj, "hidden": hidden, "window": window, "version": 1}
        self.drop = nn.Dropout(0.2)
        self.cue_proj = nn.Linear(dim, proj)
        self.cue_rnn = nn.LSTM(proj, hidden, batch_first=True, bidirectional=True)
        self.cue_out = nn.Linear(2 * hidden, 3)
        self.span_proj = nn.Linear(dim, proj)
        self.marker = nn.Embedding(2, proj)
        self.span_rnn = nn.LSTM(proj, hidden, num_layers=2, batch_first=True, bidirectional=True, dropout=0.2)
        self.span_out = nn.Linear(2 * hidden, 4)
        self.no_source = nn.Linear(2 * hidden, 2)

    def cue_logits(self, vectors: torch.Tensor) -> torch.Tensor:
        """(batch, pieces, dim) -> (batch, pieces, 3): O / B / I."""
        h = self.drop(torch.relu(self.cue_proj(self.drop(vectors))))
        out, _ = self.cue_rnn(h)
        logits: torch.Tensor = self.cue_out(self.drop(out))
        return logits

    def span_logits(
        self, vectors: torch.Tensor, cue_mask: torch.Tensor, pad_mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Pointer scores (batch, pieces, 4), padding at -inf, and no-source scores (batch, 2: start, end)."""
        h = torch.relu(self.span_proj(self.drop(vectors)) + self.marker(cue_mask.long()))
        out, _ = self.span_rnn(self.drop(h))
        out = self.drop(out)
        scores = self.span_out(out).masked_fill(~pad_mask.unsqueeze(-1), float("-inf"))
        cue_weight = cue_mask.float().unsqueeze(-1)
        pooled = (out * cue_weight).sum(1) / cue_weight.sum(1).clamp(min=1.0)
        return scores, self.no_source(pooled)


def save_heads(model: Heads, path: Path, info: dict[str, Any]) -> None:
    arrays = {f"w.{k}": v.detach().cpu().numpy().astype(np.float16) for k, v in model.state_dict().items()}
    meta = json.dumps({"config": model.config, "info": info})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, meta=np.array(meta), **arrays)
    tmp.replace(path)


def load_heads(path: Path) -> tuple[Heads, dict[str, Any]]:
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        model = Heads(**meta["config"])
        state = {k[2:]: torch.from_numpy(data[k].astype(np.float32)) for k in data.files if k.startswith("w.")}
    model.load_state_dict(state)
    model.eval()
    return model, meta["info"]
