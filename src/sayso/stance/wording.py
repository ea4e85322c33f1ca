"""What a content's own words do with a claim: deny it in other words ("not true", "never happened", "the story is
a hoax"), cast doubt on it, restate it negated ("Willie Nelson is not dead"), impute wrongdoing ("the mayor took
bribes") or give an opinion or a prediction rather than a fact.

The word lists are data: `denial_words.tsv` (words that call a claim false), `denial_phrases.tsv` (phrases that deny
or cast doubt), `act_words.tsv` (wrongdoing and opinion words, with the part of speech they must have).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from sayso.lexicons import load as load_lexicons
from sayso.lexicons.stance import stance_words
from sayso.model import Span
from sayso.resolve.kinds import lemma_of

# claim and document nouns that a denial word bears on ('baseless accusations', 'the report is fake')
CLAIM_NOUNS = frozenset(
    {"report", "article", "story", "reporting", "piece", "news", "coverage", "claim", "allegation", "accusation",
     "rumor", "rumour", "speculation", "suggestion", "assertion", "charge", "statement", "post", "tweet", "video",
     "photo", "picture", "image", "quote", "account", "version", "theory", "hoax", "argument", "contention",
     "notion", "idea", "characterization", "characterisation", "premise", "rationale", "reasoning"}
)  # fmt: skip
# where a denial word stands as the content's predicate: 'it is fake', 'the arrest is a hoax', 'completely untrue'
PREDICATE_DEPS = frozenset({"ROOT", "acomp", "attr", "ccomp", "xcomp", "conj", "oprd"})
# where a claim noun stands as what the content is about, not a word in passing ('anger at the fake report')
CORE_DEPS = frozenset({"ROOT", "nsubj", "nsubjpass", "dobj", "attr", "appos", "conj", "oprd"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
MODALS = frozenset({"will", "would", "could", "might", "shall", "'ll", "wo"})  # not 'can': "can't confirm" is a fact
OBLIGATION = frozenset({"should", "must", "ought"})  # 'Comcast should be investigated': a demand
COMPARISON_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
FACT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"})
POS_OF = {"adj": {"ADJ"}, "adv": {"ADV"}, "verb": {"VERB"}, "noun": {"NOUN", "PROPN"}}
# cues whose source finds or shows rather than says: a video that 'showed' something does not deny it
FINDING_CUES = frozenset({"show", "reveal", "indicate", "find", "suggest", "depict", "capture", "appear", "seem"})


def content_spans(doc: Doc, content: Span) -> list[TokenSpan]:
    """The token spans of a content's pieces (a quote split by its cue has several)."""
    out = []
    for a, b in content.pieces:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def _words(tokens: Sequence[Token]) -> list[str]:
    """Lower-case words with contractions spelt out ("n't" -> not), so that 'isn't true' reads 'is not true'."""
    return ["not" if t.lower_ in {"n't", "nt"} else t.lower_ for t in tokens]


def _negated(tok: Token) -> bool:
    return any(ch.dep_ == "neg" or ch.lower_ in {"never"} for ch in tok.children)


def denial_kind(spans: Sequence[TokenSpan], skip: frozenset[int] = frozenset()) -> str | None:
    """'denial' where the content calls a claim false or says it did not happen, 'doubt' where it casts doubt on
    it, else None. Words inside nested contents (`skip`: token indices) do not count."""
    words = stance_words()
    longest = words.longest_phrase
    found: str | None = None
    for span in spans:
        tokens = [t for t in span if t.i not in skip]
        lowered = _words(tokens)
        for n in range(len(tokens)):
            for size in range(longest, 1, -1):
                kind = words.denial_phrases.get(tuple(lowered[n : n + size]))
                if kind is None:
                    continue
                before = lowered[max(0, n - 2) : n]
                if "not" in before and lowered[n] != "not":  # 'not baseless', 'not without foundation'
                    continue
                if kind == "denial":
                    return "denial"
                found = found or kind
        if any(_calls_false(t) for t in tokens):
            return "denial"
    return found


def _calls_false(tok: Token) -> bool:
    """A denial word that bears on the claim: the content's predicate ('the story is completely untrue', "it's a
    hoax") or a word on a claim noun that the content is about ('these claims are baseless', 'baseless
    accusations'), not a word in passing ('victimized by this hoax', 'on a hoax website')."""
    denial = load_lexicons().denial_words
    if tok.lower_ not in denial and lemma_of(tok) not in denial:
        return False
    if _negated(tok) or (tok.head is not tok and tok.dep_ in {"acomp", "attr"} and _negated(tok.head)):
        return False
    if tok.pos_ == "VERB" and tok.tag_ != "VBN":  # 'the story was fabricated', not 'he was faking the injury'
        return False
    if tok.dep_ in PREDICATE_DEPS and tok.pos_ in {"ADJ", "ADV", "NOUN", "VERB"}:
        return True
    if tok.dep_ == "amod" and tok.head.dep_ in {"attr", "acomp", "oprd"}:  # "it's fake, dude"; 'is a fake story'
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":  # 'dismissed it as a hoax'
        return True
    near = [tok.head, *tok.children] if tok.head is not tok else list(tok.children)
    return any(t.i != tok.i and lemma_of(t) in CLAIM_NOUNS and t.dep_ in CORE_DEPS for t in near)


def negated_predicate(spans: Sequence[TokenSpan]) -> bool:
    """The content's main predicate is negated: 'Woods is not serving a suspension', 'the meeting never took place'."""
    for span in spans:
        root = span.root
        if root.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} and _negated(root):
            return True
        for ch in root.children:  # 'is not dead': the negation hangs on the copula's complement or the copula
            if ch.dep_ in {"acomp", "attr"} and _negated(ch):
                return True
    return False


def content_act(spans: Sequence[TokenSpan], skip: frozenset[int] = frozenset()) -> str:
    """What a plain statement's content is: 'accusation' where its predicate or object imputes wrongdoing and is not
    negated ('denial' where it is: 'he never took bribes'), 'demand' where it says what should or must be done,
    'assertion' where it gives an opinion, a judgement or a prediction (an opinion word, a modal, a comparison, a
    question or an exclamation), else 'report' (a fact stated)."""
    acts = stance_words().act_words
    opinion = False
    for span in spans:
        for tok in span:
            if tok.i in skip:
                continue
            entry = acts.get(lemma_of(tok)) or acts.get(tok.lower_)
            if entry is not None:
                act, pos = entry
                if act == "accusation":
                    imputed = _imputes(tok, span)
                    if imputed is not None:
                        return "accusation" if imputed else "denial"
                if act == "assertion" and (pos == "any" or tok.pos_ in POS_OF.get(pos, ())):
                    opinion = True
            if tok.lower_ in OBLIGATION and tok.tag_ == "MD" and not _negated(tok.head):
                return "demand"
            if tok.lower_ in MODALS and tok.tag_ == "MD":
                # a prediction is an opinion; a date, a price or a number makes it a plan or a fact stated ('will
                # start shipping by Valentine's Day', 'will be priced above $1,000')
                opinion = opinion or not any(t.ent_type_ in FACT_ENTITIES for t in span)
            elif tok.tag_ in COMPARISON_TAGS and tok.lower_ not in {"more", "most", "less", "least", "earlier"}:
                opinion = True
            elif tok.lower_ in {"more", "less"} and _compares(tok):  # 'a leader far more than our president'
                opinion = True
            elif tok.text in {"?", "!"}:
                opinion = True
    return "assertion" if opinion else "report"


def _compares(tok: Token) -> bool:
    """'more than our president' (a comparison), not 'more than 100 people' (a number)."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "than":
        return False
    return not (doc[tok.i + 2].like_num or doc[tok.i + 2].ent_type_ in FACT_ENTITIES)


def directive(spans: Sequence[TokenSpan]) -> bool:
    """A content that tells someone to do something: an infinitive with or without its addressee ('the public to
    stay calm', 'to unseal the records')."""
    for span in spans[:1]:
        words = [t for t in span if not t.is_punct]
        for n, t in enumerate(words[:6]):
            if t.lower_ == "to" and n + 1 < len(words) and words[n + 1].tag_ == "VB":
                return all(w.pos_ in {"DET", "NOUN", "PROPN", "PRON", "ADJ", "NUM"} for w in words[:n])
    return False


def _imputes(tok: Token, span: TokenSpan) -> bool | None:
    """Whether a wrongdoing word is what the content says someone did — the predicate, its object or the noun the
    predicate's complement names ('took bribes', 'is corrupt', 'committed fraud'): True; False where that is
    negated ('did not take bribes'); None where the word stands in passing ('the fraud trial opened')."""
    pred = tok if tok.pos_ in {"VERB", "ADJ"} else tok.head
    if tok.pos_ == "ADV":
        pred = tok.head
    if tok.pos_ in {"NOUN", "PROPN"}:
        if tok.dep_ in {"nsubj", "compound", "poss"}:  # 'the fraud trial opened', 'corruption fell'
            return None
        while pred.pos_ not in {"VERB", "AUX", "ADJ"} and pred.head is not pred:  # 'is on a month's suspension'
            pred = pred.head
    if not (span.start <= pred.i < span.end and pred.dep_ in {"ROOT", "ccomp", "conj", "xcomp", "acomp", "relcl"}):
        return None
    negated = _negated(pred) or (pred.head is not pred and _negated(pred.head) and pred.dep_ in {"acomp", "attr"})
    # 'did not test positive for testosterone but for something else': the negation corrects, it does not deny
    corrected = any(t.lower_ == "but" for t in span if t.i > pred.i)
    return not negated or corrected


def finding_cue(doc: Doc, cue: Span) -> bool:
    """'the video showed', 'a search reveals': a cue of finding or perception, which does not deny."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span is not None and any(lemma_of(t) in FINDING_CUES for t in span if t.pos_ in {"VERB", "AUX"})


def claim_words(spans: Sequence[TokenSpan]) -> frozenset[str]:
    """The words that carry a content's claim: lemmas of its nouns, proper nouns, verbs, adjectives and numbers that
    are no stop words, cut to their first five letters ('suspended', 'suspension' -> suspe)."""
    out = set()
    for span in spans:
        for tok in span:
            if tok.is_stop or tok.is_punct or tok.pos_ not in {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}:
                continue
            out.add(stem(lemma_of(tok)))
    return frozenset(out)


def stem(word: str) -> str:
    """A word cut to its first five letters: a crude stem that joins a noun and its verb ('suspension',
    'suspended'), 'bribes' and 'bribery'."""
    return word.lower()[:5]


# what a source rejects that is no claim: a request, a motion, an offer ('the judge rejected a media request')
PROPOSALS = frozenset(
    {"request", "motion", "offer", "bid", "proposal", "application", "plea", "appeal", "invitation", "demand",
     "call", "petition", "nomination", "deal", "plan", "settlement", "resignation", "challenge", "lawsuit", "suit"}
)  # fmt: skip


def rejects_a_proposal(doc: Doc, content: Span) -> bool:
    """A content that is a request, motion or offer ('a media request to make public the file'): rejecting it
    denies no claim."""
    for span in content_spans(doc, content)[:1]:
        return span.root.pos_ == "NOUN" and lemma_of(span.root) in PROPOSALS
    return False


def refuses_to_act(doc: Doc, content: Span) -> bool:
    """A content that is something left undone ('refused to close his account', 'declined to comment'): an
    infinitive, no claim."""
    for span in content_spans(doc, content)[:1]:
        words = [t for t in span if not t.is_punct]
        return len(words) >= 2 and words[0].lower_ == "to" and words[1].pos_ in {"VERB", "AUX"}
    return False
