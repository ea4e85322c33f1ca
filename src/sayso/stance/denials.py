"""Denials: which claims a denial rejects, wherever they stand in the article (before the denial or after it: news
often opens with the denial and tells the rumour below).

A denial ("Russia rejected the report", "the embassy called the accusations published by nytimes baseless", "a
spokesman said the story was completely untrue") targets attributions found three ways:

- by what its content names: a document ("the report", "the article") stands for the claims of its publisher; an
  outlet named in it ("published by nytimes") for that outlet's claims; a claim noun ("the accusations", "the
  allegations") for the attributions of that act and the report they came from. A source's claims include the
  claims nested in them and the claims of the sources its report introduced ("officials" nested in "NYT reported").
  Claims about the reporting itself ("the White House has yet to respond to the assessment") are not among them;
- by content overlap: the content words (lemmas, countries normalised) a denial shares with a claim. When the denial
  says more than a name, the named claims are narrowed to those it overlaps; when it names nothing, any claim it
  overlaps enough is a target;
- by the claim under discussion: a denial that takes a claim up without an author or words of its own that match
  ("these claims are false", "it never happened", "there is no truth to the rumours") denies the claim it takes
  up (the nearest claim before it, else after it) and every claim sharing enough of that claim's words.

Denying a claim denies the claims nested in it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sayso.lexicons import load as load_lexicons
from sayso.model import Attribution, Denial
from sayso.resolve import Resolution, resolve_mentions
from sayso.resolve.kinds import lemma_of
from sayso.resolve.names import country_named, country_of_capital, country_of_demonym
from sayso.stance.wording import (
    CLAIM_NOUNS,
    content_spans,
    denial_kind,
    finding_cue,
    negated_predicate,
    refuses_to_act,
    rejects_a_proposal,
)

MIN_SHARED = 2  # content words a denial must share with a named claim to keep it
MIN_SHARE = 0.2  # … as a share of the shorter of the two word sets
MIN_SHARED_UNNAMED = 3  # … with any claim, when the denial names no source, document or claim noun
MIN_SHARE_UNNAMED = 0.3
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
DOCUMENT_NOUNS = frozenset({"report", "article", "story", "reporting", "piece", "investigation", "news", "coverage"})
REPORTING_NOUNS = DOCUMENT_NOUNS | {
    "assessment", "accusation", "allegation", "claim", "finding", "conclusion", "statement", "memo", "document",
    "dossier", "probe", "inquiry",
}  # fmt: skip
MIN_SHARED_TOPIC = 2  # words a claim must share with the claim under discussion
PLURAL_DOCUMENTS = frozenset({"reports", "stories", "articles", "pieces"})
ANAPHORS = frozenset({"it", "this", "that", "these", "those", "them"})  # pronouns a denial takes a claim up with


def is_denial(doc: Doc, attribution: Attribution) -> bool:
    """Whether an attribution denies something: its act is 'denial', or its content calls a claim false or says it
    did not happen ('baseless accusations', 'the report is fake news', 'there is no truth to'); never what a video
    or a search 'showed'."""
    if attribution.act == "denial":
        return not rejects_a_proposal(doc, attribution.content) and not refuses_to_act(doc, attribution.content)
    if attribution.type == "finding" or finding_cue(doc, attribution.cue):
        return False
    return denial_kind(content_spans(doc, attribution.content)) == "denial"


def link_denials(
    doc: Doc,
    attributions: Sequence[Attribution],
    *,
    resolution: Resolution | None = None,
    warnings: list[str] | None = None,
) -> list[Denial]:
    """For each denial among `attributions` (see `is_denial`), the attributions whose claims it targets: among
    those whose cue is at most MAX_DENIAL_REACH characters away (what that left out is added to `warnings`)."""
    atts = list(attributions)
    if not atts:
        return []
    res = resolution if resolution is not None else resolve_mentions(doc, atts)
    refers = {a.id: _refers(a, res) for a in atts}
    words = {a.id: _content_words(doc, a, res) for a in atts}
    order = {a.id: n for n, a in enumerate(atts)}
    by_cue = sorted(atts, key=lambda a: a.cue.start)
    cue_starts = [a.cue.start for a in by_cue]
    out = []
    beyond = 0
    for d in atts:
        if not is_denial(doc, d):
            continue
        lo = bisect_left(cue_starts, d.cue.start - MAX_DENIAL_REACH)
        hi = bisect_right(cue_starts, d.cue.start + MAX_DENIAL_REACH)
        beyond += len(atts) - (hi - lo)
        nearby = sorted(by_cue[lo:hi], key=lambda a: order[a.id])
        targets = _targets(doc, d, nearby, refers, words, res)
        if targets:
            out.append(Denial(d.id, tuple(sorted(targets, key=order.__getitem__))))
    if beyond and warnings is not None:
        warnings.append(
            f"denials were matched only with claims within {MAX_DENIAL_REACH:,} characters of them "
            f"({beyond} denial-claim pairs further apart were not compared)"
        )
    return out


# How far from a denial its targets are looked for: further than the longest news article (PolNeAR's longest is
# 34,309 characters), and a bound on the work per denial in a text of any length (the comparison of every denial
# with every claim grew with the square of the text: 13 of 30 s on 300 KB of joined articles).
MAX_DENIAL_REACH = 40_000


def _refers(a: Attribution, res: Resolution) -> str | None:
    if a.source_refers_to:
        return a.source_refers_to
    if a.source is None:
        return None
    return res.refers_to(a.source.start, a.source.end)


def _targets(
    doc: Doc,
    d: Attribution,
    atts: list[Attribution],
    refers: dict[str, str | None],
    words: dict[str, frozenset[str]],
    res: Resolution,
) -> set[str]:
    denier = refers[d.id]
    earlier = [  # the candidates: before or after the denial
        a
        for a in atts
        if a.id != d.id
        and a.act != "denial"
        # a claim holding the denial in its quotation is not its target; one the denial names is ('disputed a
        # Golf.com report saying he was suspended')
        and not (a.content.overlaps(d.content) and not d.content.contains(a.cue))
        and not a.content.overlaps(d.cue)
        and not is_denial(doc, a)
        and (denier is None or refers[a.id] != denier)
    ]
    if not earlier:
        return set()
    named_sources, named_acts = _named(doc, d, res)
    pool: set[str] = set()
    for name in named_sources:
        pool |= _claims_of(name, earlier, refers)
    for act in named_acts:
        accused = {a.id for a in earlier if a.act == act}
        parents = {a.nested_in for a in earlier if a.id in accused and a.nested_in}
        pool |= accused | parents
    mine = words[d.id]
    by_id = {a.id: a for a in earlier}
    pool &= by_id.keys()  # a parent that is not an earlier claim (or the denial itself) is not a target
    if pool:
        overlapping = {i for i in pool if _overlaps(mine, words[i], MIN_SHARED, MIN_SHARE)}
        # narrowed only where the denial restates a detail, not where it names whom the claims are about
        names = _words_of(doc, d.content.start, d.content.end, res, names_only=True)
        detail = {i for i in overlapping if (mine & words[i]) - names}
        if len(mine) >= MIN_SHARED and detail:
            chosen = overlapping
        else:
            chosen = {i for i in pool if not _about_the_reporting(doc, by_id[i])}
    else:
        # a negated restatement ('the singer is not dead') says the claim again: two shared words are enough
        least, share = (
            (MIN_SHARED, 0.5)
            if negated_predicate(content_spans(doc, d.content))
            else (MIN_SHARED_UNNAMED, MIN_SHARE_UNNAMED)
        )
        chosen = {a.id for a in earlier if _overlaps(mine, words[a.id], least, share)}
    if not chosen and _refers_back(doc, d):
        # 'these claims are false', 'it never happened': the claim under discussion, which the claim noun or the
        # pronoun takes up (the nearest claim before the denial, else after it), and every claim carrying it
        antecedent = _antecedent(doc, d, earlier, words, res)
        if antecedent is not None:
            topic = words[antecedent.id]
            chosen = {antecedent.id} | {
                a.id
                for a in earlier
                if len(topic & words[a.id]) >= MIN_SHARED_TOPIC and not _about_the_reporting(doc, a)
            }
            if _plural_claims(doc, d):  # 'these claims', 'the allegations': its author's other claims of its kind
                chosen |= {
                    a.id
                    for a in earlier
                    if refers[a.id] is not None and refers[a.id] == refers[antecedent.id] and a.act == antecedent.act
                }
    return _with_nested(chosen, earlier)


def _plural_claims(doc: Doc, d: Attribution) -> bool:
    """'these claims', 'the allegations', 'denies them': several claims taken up at once."""
    return any(
        (tok.tag_ == "NNS" and lemma_of(tok) in CLAIM_NOUNS) or (tok.lower_ == "them" and tok.dep_ == "dobj")
        for span in content_spans(doc, d.content)
        for tok in span
    )


def _refers_back(doc: Doc, d: Attribution) -> bool:
    """A denial whose content takes up a claim made elsewhere: a claim noun ('these claims', 'the rumours', 'the
    story') or a pronoun standing for it ('it never happened', 'that is not true')."""
    for span in content_spans(doc, d.content):
        for tok in span:
            if tok.pos_ in {"NOUN", "PROPN"} and lemma_of(tok) in CLAIM_NOUNS:
                return True
            if tok.lower_ in ANAPHORS and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
                return True
    return False


def _antecedent(
    doc: Doc, d: Attribution, candidates: list[Attribution], words: dict[str, frozenset[str]], res: Resolution
) -> Attribution | None:
    """The claim a denial takes up: of the claims that say something (at least `MIN_SHARED_TOPIC` content words; no
    belief, intention or knowledge), the one sharing most words with what the denial and its sentence say and the
    article's opening sentence; on a tie the nearest before the denial, else the nearest after it."""
    said = [
        a
        for a in candidates
        if len(words[a.id]) >= MIN_SHARED_TOPIC and a.type not in {"belief", "intention", "knowledge"}
    ]
    if not said:
        return None
    topic = words[d.id] | _topic_words(doc, d, res)

    nouns = {lemma_of(t)[:4] for span in content_spans(doc, d.content) for t in span if lemma_of(t) in CLAIM_NOUNS}
    pointing = any(
        t.lower_ in {"this", "that"} and t.dep_ == "det" and lemma_of(t.head) in CLAIM_NOUNS
        for span in content_spans(doc, d.content)
        for t in span
    )

    def rank(a: Attribution) -> tuple[int, int, int, int]:
        # 'that argument' takes up what was argued, 'these claims' what was claimed
        cue = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
        named = cue is not None and any(lemma_of(t)[:4] in nouns for t in cue)
        before = a.cue.start < d.cue.start
        near = a.cue.start if before else -a.cue.start
        if pointing:  # 'that argument', 'this claim': what was just said before
            return (int(named), int(before), len(topic & words[a.id]), near)
        return (int(named), len(topic & words[a.id]), int(before), near)

    return max(said, key=rank)


def _topic_words(doc: Doc, d: Attribution, res: Resolution) -> frozenset[str]:
    """The words of the article's opening sentence and of the denial's sentence outside its cue and source."""
    sents = list(doc.sents)
    spans = sents[:1]
    own = doc.char_span(d.cue.start, d.cue.end, alignment_mode="expand")
    if own is not None and own.sent not in spans:
        spans.append(own.sent)
    out: set[str] = set()
    for sent in spans:
        parts = [(sent.start_char, sent.end_char)]
        for cut in (d.cue, d.source):
            if cut is None:
                continue
            parts = [p for a, b in parts for p in ((a, min(b, cut.start)), (max(a, cut.end), b)) if p[0] < p[1]]
        for a, b in parts:
            out |= _words_of(doc, a, b, res)
    return frozenset(out)


def _named(doc: Doc, d: Attribution, res: Resolution) -> tuple[set[str], set[str]]:
    """Sources (outlets, publishers of named documents, those named as a claim's author) and claim acts ('the
    accusations' -> accusation) that a denial's content names."""
    sources: set[str] = set()
    acts: set[str] = set()
    content = doc.char_span(d.content.start, d.content.end, alignment_mode="expand")
    if content is None:
        return sources, acts
    nouns = load_lexicons().nouns
    for m in res.mentions_in(content.start_char, content.end_char):
        if m.refers_to is None:
            continue
        head_words = [w.lower().strip(".,") for w in m.text.split()]
        if head_words and head_words[-1] in PLURAL_DOCUMENTS and m.refers_to.lower() not in m.text.lower():
            continue  # 'those reports': the reports the article spoke of, not one publisher's
        if m.refers_to in res.outlets or set(head_words) & DOCUMENT_NOUNS:
            sources.add(m.refers_to)
    for tok in content:
        lemma = lemma_of(tok)
        cls = nouns.get(lemma)
        if tok.pos_ != "NOUN" or cls is None or cls.act not in {"accusation", "speculation", "assessment"}:
            continue
        author = _author(tok, res)
        if author is not None:
            sources.add(author)
        elif not sources:
            acts.add(cls.act)
    return sources, acts


def _author(noun: Token, res: Resolution) -> str | None:
    """The author named with a claim noun: "Smith's allegations", "the claims by CNN", "accusations published by X"."""
    found: list[Token] = []
    for ch in noun.children:
        if ch.dep_ == "poss":
            found.append(ch)
        elif ch.dep_ == "prep" and ch.lower_ in {"by", "from"}:
            found.extend(g for g in ch.children if g.dep_ == "pobj")
        elif ch.dep_ == "acl":
            for p in ch.children:
                if p.dep_ in {"agent", "prep"} and p.lower_ in {"by", "in"}:
                    found.extend(g for g in p.children if g.dep_ == "pobj")
    for tok in found:
        name = res.refers_to(tok.idx, tok.idx + len(tok.text))
        if name is not None:
            return name
    return None


def _claims_of(name: str, earlier: list[Attribution], refers: dict[str, str | None]) -> set[str]:
    """The claims a source is behind: its own, those nested in them, and those of the sources its claims introduced
    (the officials NYT cites, when they speak again later in the article)."""
    own = {a.id for a in earlier if refers[a.id] == name}
    nested = _with_nested(own, earlier) - own
    introduced = {refers[a.id] for a in earlier if a.id in nested and refers[a.id]}
    again = {a.id for a in earlier if refers[a.id] in introduced}
    return _with_nested(own | nested | again, earlier)


def _with_nested(ids: set[str], atts: list[Attribution]) -> set[str]:
    out = set(ids)
    grew = True
    while grew:
        more = {a.id for a in atts if a.nested_in in out and a.id not in out}
        out |= more
        grew = bool(more)
    return out


def _about_the_reporting(doc: Doc, a: Attribution) -> bool:
    """A claim about the reporting itself, not one of its claims: its content refers to a definite report,
    assessment or accusation ('the White House has yet to respond to the intelligence assessment')."""
    content = doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    if content is None:
        return False
    for tok in content:
        if tok.pos_ != "NOUN" or lemma_of(tok) not in REPORTING_NOUNS:
            continue
        if any(ch.dep_ in {"det", "poss"} and ch.lower_ not in {"a", "an"} for ch in tok.children):
            return True
    return False


def _content_words(doc: Doc, a: Attribution, res: Resolution) -> frozenset[str]:
    """The content words of an attribution's content: lemmas of nouns, verbs, adjectives and numbers, countries
    written any way as one word ('Moscow', 'Russian', 'Russia' -> russia), without reporting, denial and claim
    words, outlet names or document nouns."""
    return _words_of(doc, a.content.start, a.content.end, res)


def _words_of(doc: Doc, start: int, end: int, res: Resolution, *, names_only: bool = False) -> frozenset[str]:
    """Content words of a stretch of text (`names_only`: only its proper names)."""
    content = doc.char_span(start, end, alignment_mode="expand")
    if content is None:
        return frozenset()
    lex = load_lexicons()
    skip = set(lex.verbs) | set(lex.nouns) | lex.denial_words | DOCUMENT_NOUNS
    mentions = res.mentions_in(content.start_char, content.end_char)
    outlets = [(m.start, m.end) for m in mentions if m.refers_to in res.outlets]
    out = set()
    for tok in content:
        if tok.is_punct or tok.pos_ not in CONTENT_POS or any(s <= tok.idx < e for s, e in outlets):
            continue
        if names_only and tok.pos_ != "PROPN":
            continue
        country = country_named(tok.text) or country_of_demonym(tok.text)
        if country is None and tok.ent_type_ == "GPE":
            country = country_of_capital(tok.text)
        if country is not None:
            out.add(country.name.lower())
            continue
        word = lemma_of(tok)
        if tok.is_stop or word in skip:
            continue
        out.add(_stem(word))
    return frozenset(out)


def _stem(word: str) -> str:
    """A verbal noun and its verb as one word: 'killing' -> 'kill', 'bombings' -> 'bomb'."""
    for suffix in ("ings", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]
            return stem
    return word


def _overlaps(mine: frozenset[str], theirs: frozenset[str], least: int, share: float) -> bool:
    shared = len(mine & theirs)
    return shared >= least and shared / max(1, min(len(mine), len(theirs))) >= share
