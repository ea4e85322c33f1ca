"""Mine (verb lemma, complement frame) -> how often it is an attribution cue, from PolNeAR train; and the same per
kind of speaker (the verb's subject: a name, a personal pronoun, a source word, another noun, none).

    python training/mine_frames.py [../shared/eval/polnear/train] > src/sayso/lexicons/data/verb_frames.tsv
    python training/mine_frames.py --speakers [TRAIN] > src/sayso/lexicons/data/speaker_frames.tsv

Reads the shared training data (never copied into the project) and writes only aggregate counts per lemma and
frame: a verb counts as a cue where one of its tokens lies inside a gold cue span. The extractor uses rows with a
high share to admit verbs outside the reporting-verb lexicon, and rows with a low share to reject lexicon verbs in
frames where they do not attribute. The speaker table keeps only rows that attribute at least SPEAKER_MIN_SHARE of
the time: the extractor uses them only to admit.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from sayso.attribution.cues import speaker_kind, verb_frame
from sayso.lexicons import load
from sayso.nlp import load_nlp

MIN_COUNT = 4
SPEAKER_MIN_SHARE = 0.5


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--speakers"]
    speakers = "--speakers" in sys.argv[1:]
    root = Path(args[0] if args else Path(__file__).resolve().parents[2] / "shared/eval/polnear/train")
    golds = sorted(root.glob("*.gold.json"))
    texts, cue_chars = [], []
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        texts.append((root / gold["document"]).read_text(encoding="utf-8"))
        chars: set[int] = set()
        for a in gold["attributions"]:
            for s, e in a["cue"].get("parts") or [a["cue"]["span"]]:
                chars.update(range(s, e))
        cue_chars.append(chars)
    lex = load()
    seen: Counter[tuple[str, ...]] = Counter()
    cues: Counter[tuple[str, ...]] = Counter()
    for doc, chars in zip(load_nlp().pipe(texts, batch_size=16), cue_chars, strict=True):
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            key: tuple[str, ...] = (tok.lemma_.lower(), verb_frame(tok))
            if speakers:
                key = (*key, speaker_kind(tok, lex))
            seen[key] += 1
            cues[key] += tok.idx in chars
    if speakers:
        print("# Verb frames by kind of speaker, mined from PolNeAR train (training/mine_frames.py --speakers): how")
        print("# often a verb lemma in a complement frame, with a subject of this kind, is inside a gold attribution")
        print(f"# cue. Aggregate counts only; rows with at least {MIN_COUNT} uses and a share of at least")
        print(f"# {SPEAKER_MIN_SHARE}.")
        print("lemma\tframe\tspeaker\tcue_share\tcount")
        for (lemma, frame, speaker), n in sorted(seen.items()):  # type: ignore[misc]
            share = cues[lemma, frame, speaker] / n
            if n >= MIN_COUNT and lemma.isalpha() and share >= SPEAKER_MIN_SHARE:
                print(f"{lemma}\t{frame}\t{speaker}\t{share:.2f}\t{n}")
        return
    print("# Verb frames mined from PolNeAR train (training/mine_frames.py): how often a verb lemma in a complement")
    print(f"# frame is inside a gold attribution cue. Aggregate counts only; rows with at least {MIN_COUNT} uses.")
    print("lemma\tframe\tcue_share\tcount")
    for (lemma, frame), n in sorted(seen.items()):  # type: ignore[misc]
        if n >= MIN_COUNT and lemma.isalpha():
            print(f"{lemma}\t{frame}\t{cues[lemma, frame] / n:.2f}\t{n}")


if __name__ == "__main__":
    main()
