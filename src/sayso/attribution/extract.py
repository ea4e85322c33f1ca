"""Attribution extraction: cues → sources → contents → quote type → nesting, over one parsed Doc.

`extract_attributions(doc)` is the pure function the rest of sayso builds on: it returns `Attribution`s with
spans, `quote` and `nested_in` set, and each cue's lexicon certainty/act as a starting point (the stance stage
refines them, the resolve stage sets source kinds and entities).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from sayso.attribution import contents, cues, quoted, sources
from sayso.attribution.quotes import Quote, find_quotes, overlapping, quote_at
from sayso.attribution.spans import char_range, subtree_range, trim_tokens, trimmed_char_pieces
from sayso.attribution.types import attribution_type
from sayso.lexicons import CueClass, Lexicons, load
from sayso.model import Attribution, Span
from sayso.nlp.text import doc_text

COLON_CLASS = CueClass("certain", "report")
DIRECT_SHARE = 0.95


@dataclass(frozen=True)
class Extraction:
    """The attributions of one document, and warnings about its text (unbalanced quotation marks)."""

    attributions: tuple[Attribution, ...]
    warnings: tuple[str, ...]


def _source_span(doc: Doc, rng: tuple[int, int] | None) -> Span | None:
    if rng is None:
        return None
    i, j = trim_tokens(doc, *rng, drop_leading_that=False)
    if j <= i:
        return None
    text = doc_text(doc)
    start, end = char_range(doc, i, j)
    start = _without_dateline(text, [(start, end)])[0][0]  # "BRUSSELS - European leaders"
    return Span.of(text, start, end)


def _after_colon(doc: Doc, cue: cues.Cue) -> list[tuple[int, int]]:
    """"X said: …" without a parsed complement: the rest of the sentence after the colon."""
    nxt = cue.head.i + 1
    while nxt < len(doc) and doc[nxt].dep_ in ("prep", "pobj", "det", "amod", "npadvmod") and doc[nxt].text != ":":
        nxt += 1
    if nxt < len(doc) - 1 and doc[nxt].text == ":":
        end = doc[nxt].sent.end
        if end == nxt + 1 or all(t.is_space for t in doc[nxt + 1 : end]):
            return _next_paragraph(doc, end)  # "McCrummen reports:" ending its line: the paragraph below
        return trimmed_char_pieces(doc, [(nxt + 1, end)])
    return []


ANNOUNCING = {"the following", "this", "these words", "the following statement", "a statement", "the statement"}


def _announced_quote(
    doc: Doc, cue: cues.Cue, parsed: list[tuple[int, int]], quotes: list[Quote]
) -> list[tuple[int, int]]:
    """The quote a colon opens right after a parsed object that only announces it ("tweeted the following: “…”")."""
    if not parsed:
        return []
    text = doc_text(doc)
    a, b = parsed[0][0], parsed[-1][1]
    if text[a:b].lower().strip() not in ANNOUNCING or text[b : b + 1] != ":":
        return []
    i = b + 1
    while i < len(text) and text[i] in " \u00a0\n":
        i += 1
    quote = next((q for q in quotes if q.start == i), None)
    if quote is None:
        return []
    return quoted.quote_run(text, quotes, quote)


def _next_paragraph(doc: Doc, i: int) -> list[tuple[int, int]]:
    """The paragraph that starts at or after token i (blank lines skipped)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    j = i
    while j < len(doc) and "\n" not in doc[j].text and (j == i or "\n" not in doc[j - 1].whitespace_):
        j += 1
    return trimmed_char_pieces(doc, [(i, j)]) if j > i else []


def _verb_frame(
    doc: Doc, cue: cues.Cue, quotes: list[Quote], lex: Lexicons
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    raised = sources.raised_subject(cue, lex)
    if raised is not None:
        return None, contents.raised_content(doc, cue, raised)
    aside = contents.inverted_aside(doc, cue)
    if aside is not None:  # "The plan, said the mayor, would cost too much."
        return aside
    text = doc_text(doc)
    source = sources.verb_source(cue)
    parsed = contents.verb_content(doc, cue, source, lex)
    # a source borrowed from the clause the cue hangs on ("Clinton spoke, before asking her, “…”") does not widen
    # the cue's own clause
    lo, hi = subtree_range(cue.head)
    own_source = source if source is not None and lo <= source[0] and source[1] <= hi else None
    extent = contents.clause_extent(doc, cue, own_source)
    near = quoted.adjacent_quotes(text, quotes, extent)
    if parsed:  # "said on NBC's “Meet the Press” that …": a programme's name is not what was said
        near = [q for q in near if not quoted.title_quote(text, q)]
    if source is not None and own_source is None:  # "…,” adding, “…”: the quote before is the other clause's
        near = [q for q in near if q.start > doc[cue.end - 1].idx]
    after_cue = bool(parsed) and parsed[0][0] >= doc[cue.end - 1].idx
    # "“Are you O.K.?” he said, when a protester stumbled": a circumstance after the cue is not its content
    circumstance = after_cue and _opens_circumstance(text, parsed[0][0])
    # "“Just one minute,” he urged them": whom the words are for, not what they are
    circumstance = circumstance or (after_cue and _only_pronoun(text, parsed))
    if near and parsed and after_cue and not circumstance and not any(
        a < q.end and q.start < b for a, b in parsed for q in near
    ):
        near = [q for q in near if q.start > doc[cue.end - 1].idx]  # "…,” he said, adding that X": X is the content
    if parsed and near and not any(q.start < b and a < q.end for a, b in parsed for q in quotes) and all(
        q.start > extent[1] and "." in text[extent[1] : q.start] for q in near
    ):
        near = []  # "X, the Guardian reported. “…”": a quote after the sentence ends is not a said content's
    if near and (cue.cls.act != "denial" or not parsed):
        near += quoted.following_quotes(text, quotes, near, extent)
        return source, quoted.with_lead_in(text, quoted.quote_pieces(text, near), parsed)
    announced = _announced_quote(doc, cue, parsed, quotes)
    if announced:  # "was tweeting the following: “…”": the quote the colon announces, not "the following"
        return source, announced
    return source, parsed or _after_colon(doc, cue)


CIRCUMSTANCE_WORDS = {"when", "while", "after", "before", "because", "during", "upon", "whenever"}


def _opens_circumstance(text: str, start: int) -> bool:
    """A stretch that opens with a subordinator of time or cause ("when a protester stumbled")."""
    first = text[start : start + 12].split(" ", 1)[0].lower().strip(",")
    return first in CIRCUMSTANCE_WORDS


def _only_pronoun(text: str, parsed: list[tuple[int, int]]) -> bool:
    """A content that is a single pronoun ("them", "her")."""
    return len(parsed) == 1 and text[parsed[0][0] : parsed[0][1]].strip().lower() in contents.REFERRING_OBJECTS


def _own_voice(doc: Doc, cue: cues.Cue, quotes: list[Quote]) -> bool:
    """"I think", "we demand" inside a direct quote: the quoted speaker's own voice, part of the outer quote."""
    subj = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in ("i", "we", "me", "us"):  # "Let me tell you, …"
        return False
    return quote_at(quotes, doc[cue.start].idx, doc[cue.end - 1].idx) is not None


Frame = tuple[cues.Cue, Span | None, list[tuple[int, int]]]


@dataclass(frozen=True)
class Prepared:
    """What extraction finds in a document whatever a learned model votes: its quotations (and warnings about
    them) and the cues no vote changes. The accurate mode extracts twice (the model's features read the rules'
    first pass), so it prepares once."""

    quotes: list[Quote]
    warnings: tuple[str, ...]
    phrases: tuple[cues.Cue, ...]
    documents: tuple[cues.Cue, ...]
    adjectives: tuple[cues.Cue, ...]
    adjective_frames: tuple[cues.Cue, ...]
    dashes: tuple[tuple[cues.Cue, tuple[int, int], Quote], ...]
    colons: tuple[cues.Cue, ...]

    @classmethod
    def of(cls, doc: Doc, lexicons: Lexicons | None = None) -> Prepared:
        lex = lexicons or load()
        quotes, warnings = find_quotes(doc_text(doc))
        return cls(
            quotes, tuple(warnings), tuple(cues.phrase_cues(doc, lex)), tuple(cues.document_cues(doc, lex)),
            tuple(cues.adjective_cues(doc, lex)), tuple(cues.adjective_frame_cues(doc, lex)),
            tuple(cues.dash_cues(doc, quotes)),
            tuple(cues.colon_cues(doc, lex, COLON_CLASS)),
        )


def _frames(doc: Doc, lex: Lexicons, prepared: Prepared, votes: cues.CueVotes | None = None) -> list[Frame]:
    quotes = prepared.quotes
    found: list[Frame] = []
    taken: set[int] = set()

    def add(cue: cues.Cue, source: tuple[int, int] | None, pieces: list[tuple[int, int]]) -> None:
        if not pieces or taken.intersection(range(cue.start, cue.end)):
            return
        if votes is not None and votes.contents is not None:
            pieces = votes.contents(doc, cue, source, pieces) or pieces
        if cue.kind == "verb" and cue.end < len(doc) and doc[cue.end].dep_ == "prep" and doc[cue.end].head == cue.head:
            if cue.end + 1 < len(doc) and doc[cue.end + 1].idx == pieces[0][0]:
                cue = replace(cue, end=cue.end + 1)  # "called for", "spoke of": the preposition is part of the cue
        cue_chars = char_range(doc, cue.start, cue.end)
        inside = quote_at(quotes, *cue_chars)
        if inside is not None:  # a cue inside a quote says something inside the same quote
            pieces = [(max(a, inside.inner_start), min(b, inside.inner_end)) for a, b in pieces]
            pieces = [(a, b) for a, b in pieces if b > a]
            if not pieces:
                return
        if any(a < cue_chars[1] and cue_chars[0] < b for a, b in pieces):
            return  # a content running through its own cue is a misparse
        taken.update(range(cue.start, cue.end))
        text = doc_text(doc)
        pieces = quoted.through_quote(text, pieces, quotes, cue_chars)
        pieces = quoted.coordinated_quote(text, pieces, quotes)
        closed = [quoted.close_quote(text, p) for p in pieces]
        found.append((cue, _source_span(doc, source), _without_dateline(text, closed)))

    for phrase in prepared.phrases:
        if phrase.head.head.lemma_.lower() in lex.verbs and phrase.lemma != "according to":
            continue  # "said in a statement": the verb is the cue
        src = sources.phrase_source(phrase)
        if src is not None:  # "according to plan" names no source
            add(phrase, src, contents.phrase_content(doc, phrase, src))
    for medium in prepared.documents:
        src = sources.phrase_source(medium)
        add(medium, src, contents.phrase_content(doc, medium, src))
    for verb in cues.verb_cues(doc, lex, votes):
        if _own_voice(doc, verb, quotes):
            continue
        source, pieces = _verb_frame(doc, verb, quotes, lex)
        if not pieces and votes is not None and votes.admits(verb.head):
            pieces = contents.predicate_content(doc, verb, source)
        add(verb, source, pieces)
    for adjective in prepared.adjectives:
        copula = adjective.head.head
        comp = next((c for c in [*adjective.head.children, *copula.children] if c.dep_ == "ccomp"), None)
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        # "Aides are confident that …"; not an extraposed "it is not clear which …", which names no one
        if comp is not None and subject is not None and subject.lower_ not in ("it", "this", "that"):
            if not comp.left_edge.tag_.startswith("W"):
                add(adjective, sources.noun_phrase(subject), contents.clause(doc, comp))
    for adjective in prepared.adjective_frames:
        subject = next((c for c in adjective.head.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in ("it", "this", "that"):
            add(adjective, sources.noun_phrase(subject), contents.adjective_frame_content(doc, adjective))
    for noun in cues.noun_cues(doc, lex, votes):
        pieces = contents.noun_content(doc, noun) if noun.end == noun.head.i + 1 else []
        add(noun, sources.noun_source(noun), pieces or contents.noun_complement(doc, noun))
    for said, name, quote in cues.colon_quote_cues(doc, quotes, lex):
        # "Mr. Christie gloated: ''…''": the quote and the speaker's quotes that follow it
        source = name if name is not None else sources.verb_source(said)
        add(said, source, quoted.quote_run(doc_text(doc), quotes, quote))
    for said, quote in cues.quote_tag_cues(doc, quotes, lex):
        # "“…,” I confessed.": the quote, its other half after the tag and the speaker's quotes that follow
        source = sources.verb_source(said)
        extent = contents.clause_extent(doc, said, source)
        near = [quote, *(q for q in quoted.adjacent_quotes(doc_text(doc), quotes, extent) if q.start > quote.start)]
        near += quoted.following_quotes(doc_text(doc), quotes, near, extent)
        add(said, source, quoted.quote_pieces(doc_text(doc), near))
    for dash, name, quote in prepared.dashes:
        add(dash, name, quoted.quote_pieces(doc_text(doc), [quote]))
    for colon in prepared.colons:
        add(colon, sources.colon_source(colon), contents.colon_content(doc, colon))
    return found


# "WASHINGTON ―", "DES MOINES, Iowa —", "LONDON (Reuters) -", "WASHINGTON, Aug. 24 (UPI) —": a dateline opening a
# paragraph is not what anyone said
DATELINE = re.compile(
    r"[A-Z][A-Z.'’ ]+[A-Z.](?:, [A-Z][A-Za-z.]+(?: \d{1,2})?)*(?: \([A-Za-z. ]+\))? ?(?:—|―|–|--|-) ?"
)


def _without_dateline(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not pieces:
        return pieces
    a, b = pieces[0]
    if a > 0 and text[a - 1] != "\n":
        return pieces
    found = DATELINE.match(text, a, b)
    if found is None or found.end() >= b:
        return pieces
    return [(found.end(), b), *pieces[1:]]


def _cut(pieces: list[tuple[int, int]], lo: int, hi: int, text: str) -> list[tuple[int, int]]:
    """Pieces without [lo, hi) and without whatever lies beyond it towards the nearer edge; edges re-trimmed."""
    start, end = pieces[0][0], pieces[-1][1]
    if lo - start <= end - hi:
        lo = start
    else:
        hi = end
    out = []
    for a, b in pieces:
        for x, y in ((a, min(b, lo)), (max(a, hi), b)):
            while x < y and (text[x].isspace() or text[x] in ",;:—–-"):
                x += 1
            while y > x and (text[y - 1].isspace() or text[y - 1] in ",;:—–-"):
                y -= 1
            if y > x:
                out.append((x, y))
    return out


def _untangle(doc: Doc, found: list[Frame]) -> list[Frame]:
    """Two frames whose contents contain each other's cue come from a misparse ("X offered bounties, the New
    York Time reported"): the content that swallowed the other's source and cue gives them up."""
    text = doc_text(doc)
    spans = {id(cue): char_range(doc, cue.start, cue.end) for cue, _, _ in found}
    # (the frames whose cue lies in a content are looked up by position, not compared pairwise: the pairs grow
    # with the square of the text)
    by_cue = sorted(range(len(found)), key=lambda k: spans[id(found[k][0])][0])
    cue_starts = [spans[id(found[k][0])][0] for k in by_cue]
    out = []
    for cue, source, pieces in found:
        mine = spans[id(cue)]
        within = {by_cue[i] for a, b in pieces for i in range(bisect_left(cue_starts, a), bisect_right(cue_starts, b))}
        for other, other_source, other_pieces in (found[k] for k in sorted(within)):
            if other is cue:
                continue
            oc = spans[id(other)]
            inside = any(a <= oc[0] and oc[1] <= b for a, b in pieces)
            back = any(a <= mine[0] and mine[1] <= b for a, b in other_pieces)
            postposed = other_pieces[-1][1] <= oc[0]
            if inside and back and postposed:
                lo = min(oc[0], other_source.start if other_source else oc[0])
                hi = max(oc[1], other_source.end if other_source else oc[1])
                pieces = _cut(pieces, lo, hi, text)
        if pieces:
            out.append((cue, source, pieces))
    return out


def _quote_kind(content: Span, quotes: list[Quote]) -> str:
    total = sum(b - a for a, b in content.pieces)
    inside = sum(  # (only the quotes a piece overlaps: a walk over every quote grew with the square of the text)
        max(0, min(b, q.end) - max(a, q.start)) for a, b in content.pieces for q in overlapping(quotes, a, b)
    )
    if total and inside / total >= DIRECT_SHARE:
        return "direct"
    return "mixed" if inside >= 3 else "indirect"


def _nesting(atts: list[Attribution]) -> dict[str, str]:
    """Each attribution's innermost other attribution whose content contains its cue."""
    parent: dict[str, str] = {}
    # a sweep over the text: each cue is compared only with the content pieces around it, not with every
    # attribution (the pairs grow with the square of the text)
    pieces = sorted((start, end, n) for n, b in enumerate(atts) for start, end in b.content.pieces)
    around: list[tuple[int, int, int]] = []  # pieces that open at or before the current cue and may still hold it
    opened = 0
    for n in sorted(range(len(atts)), key=lambda n: atts[n].cue.start):
        a = atts[n]
        while opened < len(pieces) and pieces[opened][0] <= a.cue.start:
            around.append(pieces[opened])
            opened += 1
        around = [p for p in around if p[1] >= a.cue.start]  # (cues come in order: a piece closed is done)
        holders = sorted({m for start, end, m in around if start <= a.cue.start and a.cue.end <= end and m != n})
        hosts = [b for b in (atts[m] for m in holders) if b is not a and not a.content.contains(b.cue)]
        if hosts:
            parent[a.id] = min(hosts, key=lambda b: b.content.end - b.content.start).id
    return parent


def extract_attributions(
    doc: Doc, lexicons: Lexicons | None = None, votes: cues.CueVotes | None = None, prepared: Prepared | None = None
) -> Extraction:
    """Every attribution in a parsed document, in text order; with `votes` (the accurate mode), a learned model
    admits cues outside the lexicons and chooses the extent of verb cues' contents. `prepared` (made with the same
    lexicons) saves a second extraction from the same document the work that does not depend on votes."""
    lex = lexicons or load()
    prepared = prepared or Prepared.of(doc, lex)
    quotes, warnings = prepared.quotes, prepared.warnings
    found = _untangle(doc, _frames(doc, lex, prepared, votes))
    ordered = sorted(
        found,
        key=lambda f: (
            min(p[0] for p in f[2]) if f[1] is None else min(f[1].start, min(p[0] for p in f[2])),
            -max(p[1] for p in f[2]),
        ),
    )
    atts = renested(_attributions(doc, ordered, quotes, lex))
    if votes is not None and votes.keep is not None:
        kept = votes.keep(doc, atts)
        if not all(kept):  # numbered and nested again without the dropped ones: what they held is outermost now
            ordered = [f for f, keep in zip(ordered, kept, strict=True) if keep]
            atts = renested(_attributions(doc, ordered, quotes, lex))
    return Extraction(tuple(atts), tuple(warnings))


def renested(atts: list[Attribution]) -> list[Attribution]:
    """Attributions with `nested_in` set from their spans (ids and order as given)."""
    parents = _nesting(atts)
    return [a if a.id not in parents else _with(a, nested_in=parents[a.id]) for a in atts]


def _attributions(doc: Doc, frames: list[Frame], quotes: list[Quote], lex: Lexicons) -> list[Attribution]:
    atts: list[Attribution] = []
    for n, (cue, source, pieces) in enumerate(frames, start=1):
        content = Span.joined(doc_text(doc), pieces)
        quote = _quote_kind(content, quotes)
        cue_chars = char_range(doc, cue.start, cue.end)
        atts.append(
            Attribution(
                id=f"a{n}",
                cue=Span.of(doc_text(doc), *cue_chars),
                content=content,
                source=source,
                quote=quote,
                certainty=cue.cls.certainty,
                act=cue.cls.act,
                type=attribution_type(doc, cue, source, content, quote, lex, quote_at(quotes, *cue_chars) is not None),
            )
        )
    return atts


def _with(a: Attribution, **changes: object) -> Attribution:
    return replace(a, **changes)  # type: ignore[arg-type]


Extractor = Callable[[Doc], Extraction]
