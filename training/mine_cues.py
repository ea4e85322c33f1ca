"""Mine PolNeAR train for attribution cues and frames; print a report (nothing is written into the project).

    .venv/bin/python training/mine_cues.py                      # full report over ../shared/eval/polnear/train
    .venv/bin/python training/mine_cues.py --cache /tmp/pn.spacy  # parse once, reuse the parses (kept outside the repo)
    .venv/bin/python training/mine_cues.py --lexicons DIR        # coverage of another copy of the lexicon TSVs
    .venv/bin/python training/mine_cues.py --json                # the same statistics as JSON

Each gold cue span is mapped onto the spaCy tokens it overlaps. Its *main* token is the head-most token of the span
(its head lies outside the span), preferring a verb: "has said" -> say, "said in a statement" -> say, "according
to" -> the phrase. For every verb/noun/adjective lemma the script counts its occurrences in the texts (by POS) and
how many of them fall inside a gold cue span: the *cue share*, a precision estimate. PolNeAR marks only the
outermost attribution of a nest, so shares undercount verbs that often introduce nested attributions.

Frames: how the gold source's head token relates to the cue's main token (nsubj before / after the cue, by-agent,
pobj of "according to", possessive, ...), and how the gold content relates to it (ccomp, xcomp, dobj, the cue
attached inside the content, in another sentence), whether the content is quoted and whether it runs across
sentences.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "polnear" / "train"
DEFAULT_LEXICONS = ROOT / "src" / "sayso" / "lexicons" / "data"

OPEN_QUOTES = '"“‘«'
CLOSE_QUOTES = '"”’»'
QUOTES = set(OPEN_QUOTES + CLOSE_QUOTES) - {"’", "‘"}  # curly single quotes are mostly apostrophes
AUX_LIKE = {"aux", "auxpass", "neg", "advmod", "npadvmod", "tmod", "punct", "cc", "mark", "det"}
SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


# ---------------------------------------------------------------- data


def read_articles(data: Path, limit: int | None) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(name, text, gold attributions) for every NAME.txt with a NAME.gold.json beside it."""
    out = []
    for gold in sorted(data.glob("*.gold.json"))[: limit or None]:
        text = gold.with_name(gold.name[: -len(".gold.json")] + ".txt").read_text(encoding="utf-8")
        out.append((gold.name, text, json.loads(gold.read_text(encoding="utf-8"))["attributions"]))
    return out


def parse(texts: list[str], cache: Path | None, n_process: int) -> list[Any]:
    """spaCy Docs for the texts; with `cache`, read them from / save them to a DocBin there."""
    from spacy.tokens import DocBin

    from sayso.nlp import load_nlp

    nlp = load_nlp()
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return docs
        print(f"# cache {cache} does not match the data: re-parsing", file=sys.stderr)
    docs = list(nlp.pipe(texts, batch_size=16, n_process=n_process))
    if cache:
        db = DocBin(attrs=["ORTH", "TAG", "POS", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"])
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(lines, delimiter="\t")]


@dataclass
class Lex:
    verbs: set[str]
    weak_verbs: set[str]
    nouns: set[str]
    phrases: set[str]
    hedges: set[str]
    verb_particles: set[str]
    adjectives: set[str]

    @classmethod
    def read(cls, d: Path) -> Lex:
        return cls(
            {r["lemma"].lower() for r in read_tsv(d / "reporting_verbs.tsv")},
            {r["lemma"].lower() for r in read_tsv(d / "weak_verbs.tsv")},
            {r["lemma"].lower() for r in read_tsv(d / "noun_cues.tsv")},
            {r["phrase"].lower() for r in read_tsv(d / "phrase_cues.tsv")},
            {r["hedge"].lower() for r in read_tsv(d / "hedges.tsv")},
            {r["phrase"].lower() for r in read_tsv(d / "verb_particles.tsv")},
            {r["lemma"].lower() for r in read_tsv(d / "adjective_cues.tsv")},
        )


# ---------------------------------------------------------------- spans -> tokens


def pieces(span: dict[str, Any] | None) -> list[tuple[int, int]]:
    if not span:
        return []
    return [(int(a), int(b)) for a, b in span.get("parts") or [span["span"]]]


def tokens_in(doc: Any, parts: list[tuple[int, int]]) -> list[Any]:
    out = []
    for a, b in parts:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not t.is_space)
    return out


def head_most(toks: list[Any]) -> list[Any]:
    """Tokens of `toks` whose syntactic head lies outside `toks` (or that are a root)."""
    ids = {t.i for t in toks}
    return [t for t in toks if t.head.i == t.i or t.head.i not in ids]


POS_RANK = {"VERB": 0, "AUX": 1, "NOUN": 2, "PROPN": 3, "ADJ": 4, "ADV": 5, "ADP": 6, "SCONJ": 6}


def cue_main(toks: list[Any]) -> Any | None:
    cands = [t for t in head_most(toks) if not t.is_punct] or [t for t in toks if not t.is_punct]
    if not cands:
        return None
    # a verb anywhere in the cue beats a head-most non-verb ("he was quoted as saying")
    verbs = [t for t in toks if t.pos_ == "VERB"]
    if verbs and not any(t.pos_ == "VERB" for t in cands):
        cands = [min(verbs, key=lambda t: (depth(t), t.i))]
    return min(cands, key=lambda t: (POS_RANK.get(t.pos_, 9), t.i))


def depth(t: Any) -> int:
    n = 0
    while t.head.i != t.i and n < 50:
        t, n = t.head, n + 1
    return n


def norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- one attribution


@dataclass
class Stats:
    n_attr: int = 0
    n_articles: int = 0
    cue_kind: Counter[str] = field(default_factory=Counter)
    cue_text: Counter[str] = field(default_factory=Counter)
    verb_cue: Counter[str] = field(default_factory=Counter)  # main-token lemma, verb cues
    noun_cue: Counter[str] = field(default_factory=Counter)
    adj_cue: Counter[str] = field(default_factory=Counter)
    adv_cue: Counter[str] = field(default_factory=Counter)
    prep_cue: Counter[str] = field(default_factory=Counter)  # cue text of cues headed by a preposition
    verb_particle: Counter[str] = field(default_factory=Counter)  # "call for", "point out"
    inner_pp: Counter[str] = field(default_factory=Counter)  # PPs inside a verb cue: "in a statement"
    passive_cue: Counter[str] = field(default_factory=Counter)  # "is expected", "was quoted"
    copula_cue: Counter[str] = field(default_factory=Counter)  # "is clear", "was confident"
    negated_cue: int = 0
    cue_with_time: int = 0
    # occurrences in the texts, by POS, and how many are inside a gold cue
    pos_total: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    pos_in_cue: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    # the same, counting only tokens outside every gold content: PolNeAR marks only outermost attributions, so a
    # cue inside a content ("I think" in a quote) is never gold; leaving those tokens out gives a fairer share
    pos_out: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    pos_out_in_cue: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    # outside contents, tokens with a clausal complement ("said that", "the claim that", "clear that")
    clause_total: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    clause_in_cue: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    source_frame: Counter[str] = field(default_factory=Counter)
    source_side: Counter[str] = field(default_factory=Counter)
    source_frame_by_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    content_frame: Counter[str] = field(default_factory=Counter)
    content_side: Counter[str] = field(default_factory=Counter)
    quote: Counter[str] = field(default_factory=Counter)
    content_sents: Counter[str] = field(default_factory=Counter)
    content_that: int = 0
    content_discontinuous: int = 0
    combo: Counter[str] = field(default_factory=Counter)
    source_heads: Counter[str] = field(default_factory=Counter)
    source_heads_pos: Counter[str] = field(default_factory=Counter)
    hedge_in_content: Counter[str] = field(default_factory=Counter)
    phrase_total: Counter[str] = field(default_factory=Counter)
    phrase_in_cue: Counter[str] = field(default_factory=Counter)
    cue_lex_hits: Counter[str] = field(default_factory=Counter)  # coverage of the lexicons
    lex_verb_tokens: int = 0
    lex_verb_tokens_in_cue: int = 0


def has_clause(t: Any) -> bool:
    """A clausal complement: ccomp ("said that ..."), or a that-clause on a noun ("the claim that ...")."""
    for c in t.children:
        if c.dep_ == "ccomp":
            return True
        if c.dep_ == "acl" and t.pos_ == "NOUN" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
    return False


def cue_kind(main: Any | None, cue_toks: list[Any], text: str) -> str:
    if main is None:
        return "punct" if text.strip() in {":", ",", "-", "—"} else "empty"
    t = norm(text)
    if t.startswith("according to") or t == "according":
        return "according_to"
    if main.pos_ == "VERB":
        return "verb"
    if main.pos_ == "AUX":
        return "copula"
    if main.pos_ in ("NOUN", "PROPN"):
        return "noun"
    if main.pos_ == "ADJ":
        return "adj"
    if main.pos_ == "ADV":
        return "adv"
    if main.pos_ in ("ADP", "SCONJ"):
        return "prep"
    return "other:" + main.pos_


def source_frame(src: list[Any], cue: list[Any], main: Any | None) -> tuple[str, Any | None]:
    if not src:
        return "no source", None
    roots = [t for t in head_most(src) if not t.is_punct] or src
    r = roots[0]
    cue_ids = {t.i for t in cue}
    if main is None:
        return "cue without token", r
    if r.sent.start != main.sent.start:
        return "other sentence", r
    side = "before" if r.i < main.i else "after"
    h = r.head
    if h.i in cue_ids:
        if r.dep_ in SUBJ:
            return f"nsubj {side} cue", r
        if r.dep_ == "poss":
            return "possessive of cue noun", r
        if r.dep_ in ("compound", "nmod", "amod"):
            return "compound/modifier of cue noun", r
        if r.dep_ == "pobj" and h.lower_ == "by":
            return "by-agent", r
        if r.dep_ == "pobj" and h.lower_ == "to" and h.head.lower_ == "according":
            return "pobj of according to", r
        if r.dep_ == "pobj":
            return f"pobj of '{h.lower_}' in cue", r
        return f"{r.dep_} of cue", r
    if r.dep_ == "pobj" and h.dep_ == "agent" and h.head.i in cue_ids:
        return "by-agent", r
    if r.dep_ == "pobj" and h.lower_ == "to" and h.head.lower_ == "according":
        return "pobj of according to", r
    if r.dep_ == "pobj" and h.head.i in cue_ids:
        return f"pobj of '{h.lower_}' in cue", r
    # subject shared through coordination / control: "X said ... and added", "X declined to say"
    m = main
    for _ in range(4):
        if m.dep_ in ("conj", "xcomp", "advcl", "ccomp") and m.head.i != m.i:
            m = m.head
            if r.head.i == m.i and r.dep_ in SUBJ:
                return f"nsubj of governing verb ({main.dep_})", r
        else:
            break
    if main.head.i == r.i or main.head.head.i == r.i:
        return "cue modifies source (appos/acl)", r
    return f"same sentence, other ({r.dep_})", r


def content_frame(con: list[Any], cue: list[Any], main: Any | None) -> str:
    if not con or main is None:
        return "no content/cue"
    con_ids = {t.i for t in con}
    cue_ids = {t.i for t in cue}
    roots = [t for t in head_most(con) if not t.is_punct] or con
    sents = {t.sent.start for t in con}
    for r in roots:
        if r.head.i in cue_ids:
            if r.dep_ == "pobj" and r.head.lower_ == "to" and r.head.head.lower_ == "according":
                return "pobj of according to"
            return f"{r.dep_} of cue"
    for r in roots:
        if r.head.i in cue_ids or (r.head.dep_ == "prep" and r.head.head.i in cue_ids):
            return f"pobj via prep '{r.head.lower_}'" if r.dep_ == "pobj" else f"{r.dep_} via prep"
    if main.head.i in con_ids:
        return f"cue is {main.dep_} of content"
    # cue attached higher up: "according to X, ..." prep of the content verb
    top = main
    for t in cue:
        if t.head.i in con_ids:
            return f"cue is {t.dep_} of content"
    if main.sent.start not in sents:
        return "other sentence"
    for r in roots:
        if r.head.i == main.head.i and main.head.i not in cue_ids:
            return "sibling of cue"
    del top
    return "same sentence, other"


def quote_status(text: str, parts: list[tuple[int, int]]) -> str:
    a, b = parts[0][0], parts[-1][1]
    inner = "".join(text[x:y] for x, y in parts)
    s = inner.strip()
    before = text[max(0, a - 2) : a].strip()
    after = text[b : b + 2].strip()
    opens = (s[:1] in OPEN_QUOTES and s[:1] not in "‘") or (before[-1:] in OPEN_QUOTES and before[-1:] not in "‘")
    closes = s.rstrip(".,;:!?")[-1:] in {'"', "”", "»"} or after[:1] in {'"', "”"}
    n_inner = sum(ch in QUOTES for ch in s)
    if opens and closes and n_inner <= 2:
        return "direct"
    if n_inner or opens or closes:
        return "mixed"
    return "indirect"


def mine_article(st: Stats, doc: Any, text: str, attrs: list[dict[str, Any]], lex: Lex) -> None:
    st.n_articles += 1
    cue_ids: set[int] = set()
    con_ids: set[int] = set()
    cue_chars: list[tuple[int, int]] = []
    for a in attrs:
        cue_chars.extend(pieces(a.get("cue")))
        cue_ids |= {t.i for t in tokens_in(doc, pieces(a.get("cue")))}
        con_ids |= {t.i for t in tokens_in(doc, pieces(a.get("content")))}

    for t in doc:
        if t.pos_ in ("VERB", "NOUN", "ADJ", "ADV"):
            lem = t.lemma_.lower()
            st.pos_total[t.pos_][lem] += 1
            if t.i in cue_ids:
                st.pos_in_cue[t.pos_][lem] += 1
            if t.i not in con_ids:
                st.pos_out[t.pos_][lem] += 1
                st.pos_out_in_cue[t.pos_][lem] += t.i in cue_ids
                if has_clause(t):
                    st.clause_total[t.pos_][lem] += 1
                    st.clause_in_cue[t.pos_][lem] += t.i in cue_ids
            if t.pos_ == "VERB" and (lem in lex.verbs or (lem in lex.weak_verbs and has_clause(t))):
                st.lex_verb_tokens += 1
                st.lex_verb_tokens_in_cue += t.i in cue_ids
    for ph in lex.phrases | set(PHRASE_PROBES):
        for m in re.finditer(r"(?<![\w])" + re.escape(ph) + r"(?![\w])", text.lower().replace("’", "'")):
            st.phrase_total[ph] += 1
            if any(a < m.end() and m.start() < b for a, b in cue_chars):
                st.phrase_in_cue[ph] += 1

    for a in attrs:
        st.n_attr += 1
        cue_p = pieces(a.get("cue"))
        cue = tokens_in(doc, cue_p)
        ctext = " ".join(text[x:y] for x, y in cue_p)
        main = cue_main(cue)
        kind = cue_kind(main, cue, ctext)
        st.cue_kind[kind] += 1
        st.cue_text[norm(ctext)] += 1
        if main is not None:
            lem = main.lemma_.lower()
            if kind == "verb":
                st.verb_cue[lem] += 1
                prts = [c.lower_ for c in main.children if c.i in {t.i for t in cue} and c.dep_ in ("prt", "prep")]
                if prts:
                    st.verb_particle[f"{lem} {' '.join(prts)}"] += 1
                for c in main.children:
                    if c.dep_ == "prep" and c.i > main.i and all(t.i in {x.i for x in cue} for t in c.subtree):
                        sub = norm(doc[c.left_edge.i : c.right_edge.i + 1].text)
                        if len(sub.split()) > 1:
                            st.inner_pp[re.sub(r"\b(his|her|its|their|a|an|the)\b", "DET", sub)] += 1
                if any(c.dep_ == "auxpass" for c in main.children):
                    st.passive_cue[f"be {lem}"] += 1
                if any(c.dep_ == "neg" for c in main.children if c.i in {t.i for t in cue}):
                    st.negated_cue += 1
            elif kind == "copula":
                preds = [c for c in main.children if c.dep_ in ("acomp", "attr") and c.i in {t.i for t in cue}]
                st.copula_cue["be " + " ".join(c.lemma_.lower() for c in preds)] += 1
            elif kind == "noun":
                st.noun_cue[lem] += 1
            elif kind == "adj":
                st.adj_cue[lem] += 1
            elif kind == "adv":
                st.adv_cue[lem] += 1
            elif kind == "prep":
                st.prep_cue[norm(ctext)] += 1
        if any(t.ent_type_ in ("DATE", "TIME") for t in cue):
            st.cue_with_time += 1

        # coverage of the lexicon
        hit = "none"
        nt = norm(ctext)
        after_verb = ""
        if main is not None and kind == "verb":
            after_verb = " ".join([main.lemma_.lower()] + [t.lower_ for t in cue if t.i > main.i])
        pred = [c.lemma_.lower() for c in main.children if c.dep_ in ("acomp", "attr")] if main is not None else []
        if main is not None and kind == "verb" and main.lemma_.lower() in lex.verbs:
            hit = "verb"
        elif any(after_verb == p or after_verb.startswith(p + " ") for p in lex.verb_particles):
            hit = "verb + particle"
        elif main is not None and kind == "verb" and main.lemma_.lower() in lex.weak_verbs:
            hit = "weak verb with a clause" if has_clause(main) else "weak verb, no clause (not covered)"
        elif main is not None and (
            (kind == "adj" and main.lemma_.lower() in lex.adjectives)
            or (kind == "copula" and set(pred) & lex.adjectives)
        ):
            hit = "adjective"
        elif main is not None and kind == "noun" and main.lemma_.lower() in lex.nouns:
            hit = "noun"
        elif any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", nt) for p in lex.phrases):
            hit = "phrase"
        elif main is not None and main.lower_ in lex.hedges:
            hit = "hedge"
        elif nt in (":", "said:"):
            hit = "colon"
        st.cue_lex_hits[hit] += 1

        src = tokens_in(doc, pieces(a.get("source")))
        sf, sroot = source_frame(src, cue, main)
        st.source_frame[sf] += 1
        st.source_frame_by_kind[kind][sf] += 1
        if src and main is not None:
            st.source_side["before cue" if sroot is not None and sroot.i < main.i else "after cue"] += 1
            st.source_heads[sroot.lemma_.lower() if sroot is not None else "-"] += 1
            st.source_heads_pos[sroot.pos_ if sroot is not None else "-"] += 1
        else:
            st.source_side["no source"] += 1

        con_p = pieces(a.get("content"))
        con = tokens_in(doc, con_p)
        cf = content_frame(con, cue, main)
        st.content_frame[cf] += 1
        q = quote_status(text, con_p) if con_p else "none"
        st.quote[q] += 1
        nsent = len({t.sent.start for t in con})
        st.content_sents["1 sentence" if nsent <= 1 else ("2 sentences" if nsent == 2 else "3+ sentences")] += 1
        if con and con[0].lower_ == "that":
            st.content_that += 1
        if len(con_p) > 1:
            st.content_discontinuous += 1
        if con and main is not None:
            cs, ce = con_p[0][0], con_p[-1][1]
            cs_, ce_ = cue_p[0][0], cue_p[-1][1]
            st.content_side["after cue" if cs >= ce_ else "before cue" if ce <= cs_ else "around cue (split)"] += 1
        for t in con:
            if t.lower_ in lex.hedges:
                st.hedge_in_content[t.lower_] += 1
        st.combo[f"{kind} | {sf} | {cf} | {q}"] += 1


PHRASE_PROBES = [  # measured besides the phrases of the lexicon: candidates seen in the cue tables
    "told",
    "in an interview with",
    "in a speech",
    "in an email",
    "in a memo",
    "in a filing",
    "in a court filing",
    "in an op-ed",
    "in a radio interview",
    "in a phone interview",
    "in a television interview",
    "in a facebook post",
    "on twitter",
    "on facebook",
    "told reporters",
    "quoted as saying",
    "was quoted as saying",
    "called for",
    "calls for",
    "called on",
    "pointed out",
    "points out",
    "pointed to",
    "made clear",
    "made it clear",
    "referring to",
    "in response to",
    "took aim at",
    "lashed out at",
    "spoke out against",
    "weighed in",
    "went on to",
    "cast doubt on",
    "raised questions about",
    "expressed concern",
    "by his account",
    "by her account",
    "by all accounts",
    "confident that",
    "convinced that",
    "worried that",
    "concerned that",
    "hopeful that",
    "optimistic that",
    "aware that",
    "sure that",
    "certain that",
    "skeptical that",
    "it is unclear",
    "it is not clear",
    "it's unclear",
]


# ---------------------------------------------------------------- report


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "  -  "


def table(title: str, c: Counter[str], total: int, top: int) -> Iterator[str]:
    yield f"\n## {title}  (total {sum(c.values())})"
    for k, v in c.most_common(top):
        yield f"  {v:6d} {pct(v, total)}  {k}"


def share(st: Stats, pos: str, lem: str) -> float:
    tot = st.pos_total[pos][lem]
    return st.pos_in_cue[pos][lem] / tot if tot else 0.0


def outer_share(st: Stats, pos: str, lem: str) -> float:
    out = st.pos_out[pos][lem]
    return st.pos_out_in_cue[pos][lem] / out if out else 0.0


def clause(st: Stats, pos: str, lem: str) -> str:
    ct = st.clause_total[pos][lem]
    return f"clause {st.clause_in_cue[pos][lem]}/{ct}" if ct else ""


def shares(
    st: Stats, pos: str, cue_counts: Counter[str], min_count: int
) -> list[tuple[str, int, str, str, float, float]]:
    """(lemma, cue count, "in cue/all", "in cue/outside contents", share, outer share), most frequent cue first."""
    rows = []
    for lem, n in cue_counts.items():
        if n >= min_count:
            tot, out = st.pos_total[pos][lem], st.pos_out[pos][lem]
            rows.append(
                (
                    lem,
                    n,
                    f"{st.pos_in_cue[pos][lem]}/{tot}",
                    f"{st.pos_out_in_cue[pos][lem]}/{out}",
                    share(st, pos, lem),
                    outer_share(st, pos, lem),
                )
            )
    return sorted(rows, key=lambda r: -r[1])


def report(st: Stats, lex: Lex, top: int, min_count: int, min_share: float) -> Iterable[str]:
    n = st.n_attr
    yield f"# PolNeAR train: {st.n_articles} articles, {n} gold attributions"
    yield from table("cue kind (POS of the cue's main token)", st.cue_kind, n, 20)
    yield from table("cue texts, lower-cased", st.cue_text, n, top)
    yield from table("source frame (gold source head vs cue main token)", st.source_frame, n, 25)
    for kind in ("verb", "noun", "according_to", "prep", "punct", "adj"):
        c = st.source_frame_by_kind.get(kind)
        if c:
            yield from table(f"source frame, {kind} cues", c, sum(c.values()), 8)
    yield from table("source side", st.source_side, n, 5)
    yield from table("source head lemmas", st.source_heads, n, 60)
    yield from table("source head POS", st.source_heads_pos, n, 10)
    yield from table("content frame (gold content roots vs cue)", st.content_frame, n, 25)
    yield from table("content side", st.content_side, n, 5)
    yield from table("content quoting", st.quote, n, 5)
    yield from table("content sentences", st.content_sents, n, 5)
    yield f"\n  content starts with 'that': {st.content_that} {pct(st.content_that, n)}"
    yield f"  discontinuous content (parts): {st.content_discontinuous} {pct(st.content_discontinuous, n)}"
    yield f"  cue negated ('did not say'): {st.negated_cue} {pct(st.negated_cue, n)}"
    yield f"  cue span holds a date/time ('said Wednesday'): {st.cue_with_time} {pct(st.cue_with_time, n)}"
    yield from table("frame combinations: cue kind | source | content | quote", st.combo, n, 25)

    yield f"\n## verb cues (main token a verb, >= {min_count} times)"
    yield "  columns: cue count | VERB tokens in a gold cue / all = share | the same outside gold contents = outer"
    yield "  share | outside contents, VERB tokens with a clausal complement (ccomp) in a gold cue / all"
    yield f"  flags: L = reporting_verbs.tsv, W = weak_verbs.tsv, * = absent and share >= {min_share}"
    for lem, c, all_, out, sh, osh in shares(st, "VERB", st.verb_cue, min_count):
        flag = "L" if lem in lex.verbs else "W" if lem in lex.weak_verbs else ("*" if sh >= min_share else " ")
        yield f"  {flag} {lem:16s} {c:5d} {all_:>10s} {sh:5.2f} {out:>10s} {osh:5.2f}  {clause(st, 'VERB', lem)}"

    yield f"\n## suggestions (cue >= {min_count} times; share threshold {min_share})"
    rows = shares(st, "VERB", st.verb_cue, min_count)
    strong = [r for r in rows if r[4] >= min_share and r[0] not in lex.verbs | lex.weak_verbs]
    yield f"  strong, absent ({len(strong)}): " + ", ".join(f"{r[0]} {r[4]:.2f}" for r in strong)
    weak = [
        r
        for r in rows
        if r[4] < min_share
        and st.clause_in_cue["VERB"][r[0]] >= 5
        and st.clause_in_cue["VERB"][r[0]] >= 0.5 * st.clause_total["VERB"][r[0]]
        and r[0] not in lex.verbs | lex.weak_verbs
    ]
    yield (
        f"  weak (share < {min_share}, but a cue in >= half its uses with a clausal complement), absent: "
        + ", ".join(f"{r[0]} {r[4]:.2f} ({clause(st, 'VERB', r[0])})" for r in weak)
    )
    low = [v for v in sorted(lex.verbs) if st.pos_total["VERB"][v] >= 10 and share(st, "VERB", v) < min_share]
    yield f"  reporting_verbs.tsv entries seen >= 10 times with share < {min_share}: " + ", ".join(
        f"{v} {share(st, 'VERB', v):.2f}/{outer_share(st, 'VERB', v):.2f} ({clause(st, 'VERB', v)})" for v in low
    )
    yield "  weak_verbs.tsv entries: " + ", ".join(
        f"{v} {share(st, 'VERB', v):.2f} ({clause(st, 'VERB', v)})" for v in sorted(lex.weak_verbs)
    )
    unseen = sorted(v for v in lex.verbs | lex.weak_verbs if not st.pos_total["VERB"][v])
    yield f"  lexicon verbs never seen as VERB: {', '.join(unseen) or '-'}"

    for title, pos, counts in (
        ("noun", "NOUN", st.noun_cue),
        ("adjective", "ADJ", st.adj_cue),
        ("adverb", "ADV", st.adv_cue),
    ):
        yield f"\n## {title} cues (>= 2 times): cue count | in cue / all {pos} = share | outside contents | clause"
        for lem, c, all_, out, sh, osh in shares(st, pos, counts, 2):
            flag = "L" if lem in lex.nouns or lem in lex.hedges else ("*" if sh >= min_share else " ")
            yield f"  {flag} {lem:16s} {c:5d} {all_:>10s} {sh:5.2f} {out:>10s} {osh:5.2f}  {clause(st, pos, lem)}"
    yield "\n## noun_cues.tsv entries: cue count, share, outer share, with a that-clause in cue / all"
    for lem in sorted(lex.nouns, key=lambda v: -st.noun_cue[v]):
        if st.pos_total["NOUN"][lem]:
            yield (
                f"  {lem:16s} {st.noun_cue[lem]:5d} {share(st, 'NOUN', lem):5.2f} {outer_share(st, 'NOUN', lem):5.2f}"
                f"  {clause(st, 'NOUN', lem)}"
            )
        else:
            yield f"  {lem:16s} never a NOUN in the texts"
    yield from table("copula cues (be + predicate)", st.copula_cue, n, 20)
    yield from table("prepositional cues (cue headed by a preposition)", st.prep_cue, n, 25)
    yield from table("verb + particle/preposition inside the cue", st.verb_particle, n, 30)
    yield from table("prepositional phrases inside verb cues (DET = a/an/the/his/her/its/their)", st.inner_pp, n, 25)
    yield from table("passive verb cues", st.passive_cue, n, 20)
    yield "\n## phrases: occurrences in the texts, and share overlapping a gold cue"
    for ph in sorted(st.phrase_total, key=lambda p: -st.phrase_total[p]):
        flag = "L" if ph in lex.phrases else " "
        hits, total = st.phrase_in_cue[ph], st.phrase_total[ph]
        yield f"  {flag} {ph:28s} {hits:5d}/{total:<5d} {hits / total:5.2f}"
    yield from table("hedge words inside gold contents", st.hedge_in_content, n, 30)
    yield from table("lexicon coverage: gold cues matched by", st.cue_lex_hits, n, 10)
    covered = n - st.cue_lex_hits["none"] - st.cue_lex_hits["weak verb, no clause (not covered)"]
    yield f"  covered: {covered}/{n} = {pct(covered, n)}"
    yield (
        f"  lexicon verb tokens (POS VERB) inside a gold cue: {st.lex_verb_tokens_in_cue}/{st.lex_verb_tokens}"
        f" = {pct(st.lex_verb_tokens_in_cue, st.lex_verb_tokens)}"
    )


def to_json(st: Stats) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in st.__dict__.items():
        if isinstance(v, Counter):
            out[k] = dict(v.most_common())
        elif isinstance(v, dict):
            out[k] = {kk: dict(vv.most_common()) for kk, vv in v.items()}
        else:
            out[k] = v
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of NAME.txt + NAME.gold.json")
    ap.add_argument("--lexicons", type=Path, default=DEFAULT_LEXICONS, help="folder of lexicon TSVs to measure")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file for the parses (keep it outside the repo)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--top", type=int, default=60, help="rows per frequency table")
    ap.add_argument("--min-count", type=int, default=3, help="minimum cue count for the lemma tables")
    ap.add_argument("--min-share", type=float, default=0.3, help="cue share a verb needs to be a strong cue")
    ap.add_argument("--json", action="store_true", help="print the statistics as JSON instead of the report")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    if args.cache and args.cache.resolve().is_relative_to(ROOT):
        print("--cache must point outside the project (parses hold the eval text)", file=sys.stderr)
        return 2
    arts = read_articles(args.data, args.limit)
    docs = parse([t for _, t, _ in arts], args.cache, args.n_process)
    lex = Lex.read(args.lexicons)
    st = Stats()
    for (_, text, attrs), doc in zip(arts, docs, strict=True):
        mine_article(st, doc, text, attrs, lex)
    if args.json:
        json.dump(to_json(st), sys.stdout, indent=1)
        print()
    else:
        for line in report(st, lex, args.top, args.min_count, args.min_share):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
