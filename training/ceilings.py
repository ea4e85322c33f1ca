"""How far the accurate mode's design can go: its parts replaced one at a time by what the gold says.

Scores PolNeAR dev (or any folder of NAME.txt + NAME.gold.json) four ways, with the scorer's own pairing:

- the shipped model as it runs;
- gold cue decisions: every candidate token inside a gold cue admitted, and every finished attribution whose cue
  meets no gold cue dropped (nested ones are never scored), with the rules' contents;
- the shipped model's cues with gold content choices: for each verb cue that meets a gold cue, the content
  candidate (sayso.learn.spans) closest to the gold content;
- both.

The gap between a row and the first is what a perfect version of that part could add; a row below a target
means no better version of that part alone reaches it.

    .venv/bin/python training/ceilings.py [--gold ../shared/eval/polnear/dev] [--cache DIR]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from sayso.attribution.cues import Cue, CueVotes
from sayso.attribution.spans import char_range
from sayso.evaluate.spans import CharSet, trimmed_bounds
from sayso.learn.data import read_gold_folder
from sayso.learn.model import CueModel, content_rows, load_cue_model
from sayso.learn.spans import Pieces
from sayso.learn.train import Parsed, _grade, attribution_scores, featurize, parse_articles
from sayso.lexicons import load
from sayso.model import Attribution

ROOT = Path(__file__).resolve().parents[1]


def _gold_cues(p: Parsed) -> list[CharSet]:
    return [CharSet.of(a["cue"]) for a in p.article.gold["attributions"]]


def gold_cue_votes(p: Parsed) -> CueVotes:
    cue_chars = p.article.cue_chars
    probs = {i: float(any(c in cue_chars for c in range(p.doc[i].idx, p.doc[i].idx + len(p.doc[i])))) for i in p.tokens}
    golds = _gold_cues(p)

    def keep(doc: Doc, atts: Sequence[Attribution]) -> list[bool]:
        return [a.nested_in is not None or any(g.meets(CharSet.of_pieces(list(a.cue.pieces))) for g in golds)
                for a in atts]

    return CueVotes(probs, 0.5, None, keep)


def gold_contents(p: Parsed, bits: int) -> Callable[[Doc, Cue, tuple[int, int] | None, Pieces], Pieces]:
    text = p.article.text
    golds = [(CharSet.of(a["cue"]), CharSet.of(a["content"]), trimmed_bounds(a["content"], text))
             for a in p.article.gold["attributions"]]

    def choose(doc: Doc, cue: Cue, source: tuple[int, int] | None, rule: Pieces) -> Pieces:
        cue_chars = CharSet.of_pieces([char_range(doc, cue.start, cue.end)])
        gold = next((g for g in golds if g[0].meets(cue_chars)), None)
        if gold is None or cue.kind != "verb":
            return rule
        cands, _ = content_rows(doc, cue, source, rule, bits)
        grades = [_grade(pieces, gold[1], gold[2], text) for _, pieces in cands]
        best = max(range(len(cands)), key=lambda i: (grades[i], i == 0))  # the rules' own among equals
        return cands[best][1]

    return choose


def ceilings(parsed: Sequence[Parsed], model: CueModel) -> dict[str, dict[str, float]]:
    lex = load()
    ways: dict[str, Callable[[Parsed], CueVotes]] = {
        "shipped model": lambda p: model.votes_from(p.tokens, p.rows),
        "gold cue decisions, rules' contents": gold_cue_votes,
        "model's cues, gold content choices": lambda p: replace(
            model.votes_from(p.tokens, p.rows), contents=gold_contents(p, model.bits)),
        "gold cue decisions and content choices": lambda p: replace(
            gold_cue_votes(p), contents=gold_contents(p, model.bits)),
    }
    out = {}
    for name, votes in ways.items():
        scores = attribution_scores(parsed, votes, lex)
        a = scores["attribution"]
        out[name] = {"p": a["p"], "r": a["r"], "f1": a["f1"], "exact_content": scores["exact_content"]["f1"]}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "polnear" / "dev")
    parser.add_argument("--cache", type=Path, help="a parse cache file (a spaCy DocBin), made if absent")
    args = parser.parse_args()
    articles = read_gold_folder(args.gold)
    parsed = featurize(articles, parse_articles(articles, cache=args.cache), load())
    print(f"{len(parsed)} articles from {args.gold}")
    for name, s in ceilings(parsed, load_cue_model()).items():
        print(f"{name:40} P/R/F1 {s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}  exact content {s['exact_content']:.3f}")


if __name__ == "__main__":
    main()
