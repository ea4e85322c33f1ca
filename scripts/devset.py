"""sayso's own development sets: hand labels kept as offsets only, the texts read from ../shared at run time.

The labels (docs/annotation.md) are in `devsets/<corpus>/<document>.json`: the gold format of
../shared/examples/FORMAT.md without any text (spans as `[start, end)` offsets, the text's SHA-256 beside them), so
that no public text enters the repository. Labellers write a *snippet* file instead (spans given by their words),
which `import` turns into offsets:

    python scripts/devset.py list                          # the selected documents and their splits
    python scripts/devset.py text fnc1_2521                # print a document's text
    python scripts/devset.py draft pn_<NAME> > F.json      # a snippet file from PolNeAR's gold, labels to fill
    python scripts/devset.py import F.json                 # snippets -> devsets/<corpus>/<document>.json
    python scripts/devset.py show fnc1_2521                # a labelled document back as a snippet file
    python scripts/devset.py build OUT [--split tune|report] [--corpus fnc1|pn]
                                                           # OUT/NAME.txt + OUT/NAME.gold.json for score.py

A snippet span is `{"text": WORDS}` or `{"text": WORDS, "in": LONGER}`: WORDS inside the one place where LONGER
occurs (use `in` whenever WORDS occur more than once: a cue "said" always needs it). A source or content without
`in` whose words occur several times takes the occurrence nearest the cue. A discontinuous content is
`{"parts": [SPAN, SPAN, ...]}`. Furniture is a list of spans. `nested_in`, `denials` use the attribution ids.
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEVSETS = ROOT / "devsets"
csv.field_size_limit(sys.maxsize)

# Chosen before any labelling (seed 20261208, scripts/devset.py history): FNC-1 bodies of 900-3,500 characters with a
# denial or rumour word (16) and of 700-3,000 without (8), none of the 40 the stop hook reads; PolNeAR dev articles
# of at most 40 attributions, 9 with a denying cue and 4 without. Tune and report parts alternate.
FNC1 = [2521, 1788, 2175, 972, 1085, 1871, 493, 592, 1891, 2519, 2201, 1372,
        1153, 2132, 1075, 690, 1560, 158, 2405, 188, 181, 2141, 1515, 1814]  # fmt: skip
POLNEAR = [
    "politico_2016-09-30_flight-attendants-union-endorses",
    "breitbart_2016-10-02_washington-post-hit-piece-exploi",
    "breitbart_2016-09-20_poll-wealthy-voters-abandon-repu",
    "huff-post_2016-10-07_ava-duvernay-s-th-explores-the-e",
    "west-journal_2016-09-23_clinton-breaks-with-obama-on-law",
    "wash-post_2016-09-21_mixed-messages-on-trump-leave-pl",
    "usa-today_2016-09-08_candidates-vie-for-vets-support-",
    "usa-today_2016-10-03_my-father-would-have-loved-trump",
    "nyt_2016-09-20_examining-the-u-n-s-record-on-ur",
    "wash-post_2016-09-25_federal-court-rules-against-ohio",
    "politico_2016-09-22_judge-rejects-new-york-times-req",
    "huff-post_2016-09-10_trump-s-east-european-achilles-h",
    "breitbart_2016-09-29_politifact-donald-trump-is-right",
]


def documents() -> dict[str, str]:
    """Every selected document's name and split."""
    names = [f"fnc1_{b}" for b in FNC1] + [f"pn_{n}" for n in POLNEAR]
    split = {}
    for group in (names[: len(FNC1)], names[len(FNC1) :]):
        for i, name in enumerate(group):
            split[name] = "tune" if i % 2 == 0 else "report"
    return split


@functools.cache
def _fnc1_bodies() -> dict[str, str]:
    path = SHARED / "eval" / "fnc1" / "train_bodies.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return {row["Body ID"]: row["articleBody"] for row in csv.DictReader(f)}


def text_of(name: str) -> str:
    if name.startswith("fnc1_"):
        return _fnc1_bodies()[name.removeprefix("fnc1_")]
    if name.startswith("pn_"):
        return (SHARED / "eval" / "polnear" / "dev" / f"{name.removeprefix('pn_')}.txt").read_bytes().decode("utf-8")
    raise SystemExit(f"devset: unknown document {name!r} (fnc1_<Body ID> or pn_<PolNeAR dev article>)")


def corpus_of(name: str) -> str:
    return name.split("_", 1)[0]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- snippets -> offsets -------------------------------------------------------------------------------------------


class SnippetError(ValueError):
    pass


def _occurrences(text: str, words: str) -> list[int]:
    out, i = [], text.find(words)
    while i >= 0:
        out.append(i)
        i = text.find(words, i + 1)
    return out


def locate(text: str, snippet: dict[str, Any], near: int | None = None) -> tuple[int, int]:
    words = snippet["text"]
    if "in" in snippet:
        outer = _occurrences(text, snippet["in"])
        if len(outer) != 1:
            raise SnippetError(f"'in' text {snippet['in']!r} occurs {len(outer)} times (needs exactly one)")
        inner = snippet["in"].find(words)
        if inner < 0:
            raise SnippetError(f"{words!r} is not inside its 'in' text {snippet['in']!r}")
        return outer[0] + inner, outer[0] + inner + len(words)
    found = _occurrences(text, words)
    if not found:
        raise SnippetError(f"{words!r} does not occur in the text")
    if len(found) > 1 and near is None:
        raise SnippetError(f"{words!r} occurs {len(found)} times: give an 'in' text that occurs once")
    start = min(found, key=lambda s: abs(s - near)) if near is not None else found[0]
    return start, start + len(words)


def _span(text: str, snippet: dict[str, Any] | None, near: int | None) -> dict[str, Any] | None:
    if snippet is None:
        return None
    if "parts" in snippet:
        parts = [locate(text, p, near) for p in snippet["parts"]]
        return {"span": [parts[0][0], parts[-1][1]], "parts": [list(p) for p in parts]}
    return {"span": list(locate(text, snippet, near))}


def to_offsets(snip: dict[str, Any]) -> dict[str, Any]:
    name = snip["document"]
    text = text_of(name)
    errors: list[str] = []
    atts = []
    for a in snip.get("attributions", []):
        try:
            cue = _span(text, a["cue"], None)
            assert cue is not None
            near = cue["span"][0]
            atts.append({**a, "cue": cue, "source": _span(text, a.get("source"), near),
                         "content": _span(text, a["content"], near)})  # fmt: skip
        except (SnippetError, KeyError) as err:
            errors.append(f"{a.get('id', '?')}: {err}")
    furniture = []
    for f in snip.get("furniture", []):
        try:
            furniture.append(list(locate(text, f)))
        except SnippetError as err:
            errors.append(f"furniture: {err}")
    if errors:
        raise SystemExit(f"devset: {name}: cannot place " + "; ".join(errors))
    ids = {a["id"] for a in atts}
    for a in atts:
        if a.get("nested_in") and a["nested_in"] not in ids:
            raise SystemExit(f"devset: {name}: {a['id']} nested_in unknown id {a['nested_in']}")
    for d in snip.get("denials", []):
        if d["by"] not in ids or not set(d["targets"]) <= ids:
            raise SystemExit(f"devset: {name}: denial {d} names an unknown id")
    out = {k: v for k, v in snip.items() if k not in ("attributions", "furniture")}
    return {**out, "corpus": corpus_of(name), "sha256": sha(text), "split": documents().get(name, "tune"),
            "attributions": atts, "furniture": sorted(furniture)}  # fmt: skip


# --- offsets -> gold / snippets ------------------------------------------------------------------------------------


def _with_text(text: str, span: dict[str, Any] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    parts = span.get("parts") or [span["span"]]
    return {**span, "text": " ".join(text[a:b] for a, b in parts)}


def load(name: str) -> dict[str, Any]:
    path = DEVSETS / corpus_of(name) / f"{name}.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data["sha256"] != sha(text_of(name)):
        raise SystemExit(f"devset: {path}: the text in ../shared is not the one labelled (SHA-256 differs)")
    return by_value(name, data)


def gold(name: str) -> dict[str, Any]:
    """The labelled document in the gold format of FORMAT.md (texts filled in from ../shared)."""
    data, text = load(name), text_of(name)
    atts = [
        {**a, **{r: _with_text(text, a.get(r)) for r in ("source", "cue", "content")}} for a in data["attributions"]
    ]
    keep = {k: v for k, v in data.items() if k not in ("sha256", "corpus")}
    return {
        **keep,
        "attributions": atts,
        "furniture": [{"text": text[a:b], "span": [a, b]} for a, b in data["furniture"]],
    }


def _snippet(text: str, span: dict[str, Any] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    parts = span.get("parts") or [span["span"]]
    pieces = []
    for a, b in parts:
        piece: dict[str, Any] = {"text": text[a:b]}
        if len(_occurrences(text, text[a:b])) > 1:
            lo, hi = a, b
            while len(_occurrences(text, text[lo:hi])) > 1 and (lo > 0 or hi < len(text)):
                lo, hi = max(0, lo - 10), min(len(text), hi + 10)
            if text[lo:hi].find(text[a:b]) != a - lo:
                # `locate` takes the first occurrence inside the context ("he" inside "where he says"): start the
                # context at the span itself, so that show -> import gives the span back unchanged
                lo, hi = a, b
                while len(_occurrences(text, text[lo:hi])) > 1 and hi < len(text):
                    hi = min(len(text), hi + 10)
            piece["in"] = text[lo:hi]
        pieces.append(piece)
    return pieces[0] if len(pieces) == 1 else {"parts": pieces}


def to_snippets(data: dict[str, Any], text: str) -> dict[str, Any]:
    atts = [{**a, **{r: _snippet(text, a.get(r)) for r in ("source", "cue", "content")}} for a in data["attributions"]]
    keep = {k: v for k, v in data.items() if k not in ("sha256", "corpus", "split")}
    return {**keep, "attributions": atts, "furniture": [_snippet(text, {"span": f}) for f in data.get("furniture", [])]}


def _polnear_gold(name: str) -> list[dict[str, Any]]:
    path = SHARED / "eval" / "polnear" / "dev" / f"{name.removeprefix('pn_')}.gold.json"
    atts: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["attributions"]
    return atts


_ROLES = ("source", "cue", "content")


def _bounds(span: dict[str, Any] | None) -> Any:
    return None if span is None else (tuple(span["span"]), tuple(map(tuple, span.get("parts") or ())))


def by_reference(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """A PolNeAR document's labels with the spans PolNeAR's annotators marked replaced by a reference to their
    attribution (`polnear`: its index in the gold file): only our own labels (and our corrections of a span) are
    stored, PolNeAR's annotations stay in ../shared."""
    if not name.startswith("pn_"):
        return data
    theirs = {tuple(_bounds(a.get(r)) for r in _ROLES): i for i, a in enumerate(_polnear_gold(name))}
    atts = []
    for a in data["attributions"]:
        i = theirs.get(tuple(_bounds(a.get(r)) for r in _ROLES))
        atts.append(a if i is None else {**{k: v for k, v in a.items() if k not in _ROLES}, "polnear": i})
    return {**data, "attributions": atts}


def by_value(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of `by_reference`: every span filled in from PolNeAR's gold where the labels refer to it."""
    if not any("polnear" in a for a in data["attributions"]):
        return data
    theirs = _polnear_gold(name)
    atts = []
    for a in data["attributions"]:
        if "polnear" in a:
            g = theirs[a["polnear"]]
            spans = {
                r: None if g.get(r) is None else {k: g[r][k] for k in ("span", "parts") if k in g[r]} for r in _ROLES
            }
            a = {**{k: v for k, v in a.items() if k != "polnear"}, **spans}
        atts.append(a)
    return {**data, "attributions": atts}


def draft_from_polnear(name: str) -> dict[str, Any]:
    g = {"attributions": _polnear_gold(name)}
    data = {"document": name, "nesting": "outermost", "attributions": g["attributions"], "denials": [],
            "furniture": []}  # fmt: skip
    return to_snippets(data, text_of(name))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    for cmd in ("text", "draft", "show"):
        sub.add_parser(cmd).add_argument("name")
    sub.add_parser("import").add_argument("file", type=Path)
    b = sub.add_parser("build")
    b.add_argument("out", type=Path)
    b.add_argument("--split", choices=("tune", "report"))
    b.add_argument("--corpus", choices=("fnc1", "pn"))
    args = ap.parse_args(argv)
    if args.cmd == "list":
        for name, split in documents().items():
            done = (DEVSETS / corpus_of(name) / f"{name}.json").exists()
            print(f"{name}\t{split}\t{'labelled' if done else '-'}")
    elif args.cmd == "text":
        sys.stdout.write(text_of(args.name))
    elif args.cmd == "draft":
        print(json.dumps(draft_from_polnear(args.name), indent=1, ensure_ascii=False))
    elif args.cmd == "show":
        print(json.dumps(to_snippets(load(args.name), text_of(args.name)), indent=1, ensure_ascii=False))
    elif args.cmd == "import":
        data = to_offsets(json.loads(args.file.read_text(encoding="utf-8")))
        data = by_reference(data["document"], data)
        out = DEVSETS / data["corpus"] / f"{data['document']}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{out}: {len(data['attributions'])} attributions, {len(data['furniture'])} furniture spans")
    elif args.cmd == "build":
        args.out.mkdir(parents=True, exist_ok=True)
        n = 0
        for name, split in documents().items():
            path = DEVSETS / corpus_of(name) / f"{name}.json"
            if (
                not path.exists()
                or (args.split and split != args.split)
                or (args.corpus and corpus_of(name) != args.corpus)
            ):
                continue
            (args.out / f"{name}.txt").write_text(text_of(name), encoding="utf-8")
            (args.out / f"{name}.gold.json").write_text(
                json.dumps(gold(name), indent=1, ensure_ascii=False), encoding="utf-8"
            )
            n += 1
        print(f"{n} documents in {args.out}")


if __name__ == "__main__":
    main()
