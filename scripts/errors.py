"""Development helper: why predictions miss PolNeAR gold (cue missing vs content off), with examples."""

import json
import sys
from collections import Counter
from pathlib import Path

gold_dir, pred_dir = Path(sys.argv[1]), Path(sys.argv[2])
show = sys.argv[3] if len(sys.argv) > 3 else ""


def chars(f):
    if not f:
        return set()
    return {i for a, b in (f.get("parts") or [f["span"]]) for i in range(a, b)}


cnt = Counter()
miss_cues = Counter()
fp_cues = Counter()
examples = []
for g in sorted(gold_dir.glob("*.gold.json")):
    gd = json.loads(g.read_text())
    text = (gold_dir / gd["document"]).read_text()
    pd = json.loads((pred_dir / g.name.replace(".gold.json", ".json")).read_text())
    preds = [p for p in pd["attributions"] if not p.get("nested_in")]
    used = set()
    for a in gd["attributions"]:
        gq, gc = chars(a["cue"]), chars(a["content"])
        cands = [p for p in preds if chars(p["cue"]) & gq]
        if not cands:
            cnt["no cue"] += 1
            miss_cues[a["cue"]["text"].lower()] += 1
            if show == "nocue":
                examples.append((a["cue"]["text"], a["source"] and a["source"]["text"], a["content"]["text"][:120]))
            continue
        best = max(cands, key=lambda p: len(chars(p["content"]) & gc) / max(1, len(chars(p["content"]) | gc)))
        used.add(id(best))
        j = len(chars(best["content"]) & gc) / max(1, len(chars(best["content"]) | gc))
        if j >= 0.5:
            cnt["ok"] += 1
        else:
            pc = chars(best["content"])
            kind = "pred too short" if pc < gc else "pred too long" if gc < pc else "shifted"
            kind = "disjoint" if not (pc & gc) else kind
            cnt[kind] += 1
            if show == kind.split()[-1]:
                examples.append((a["cue"]["text"], a["content"]["text"][:150], best["content"]["text"][:150]))
    for p in preds:
        if id(p) not in used and not any(chars(p["cue"]) & chars(a["cue"]) for a in gd["attributions"]):
            cnt["fp cue"] += 1
            fp_cues[p["cue"]["text"].lower()] += 1
            if show == "fp":
                examples.append((p["cue"]["text"], p["source"] and p["source"]["text"], p["content"]["text"][:120]))
print(cnt)
print("missed cues:", miss_cues.most_common(60))
print("false-positive cues:", fp_cues.most_common(40))
for e in examples[: int(sys.argv[4]) if len(sys.argv) > 4 else 60]:
    print(" |", " || ".join(map(str, e)))
