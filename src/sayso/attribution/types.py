"""The type of an attribution: something a source said or wrote (`statement`), or a `belief`, `knowledge`, a
`finding` or an `intention` (docs/annotation.md, "type").

`attribution_type` is a pure function of one attribution's cue, its frame, its source and its content. The cue's
word decides first (lexicons/data/cue_types.tsv: "believe" a belief, "found" a finding, "want" an intention, any
cue not listed a statement); its frame and its source then refine it:

- a to-infinitive of the cue's own turns a belief into an intention ("hope that" / "hope to"), and what a refusal
  or an agreement is about decides its type ("declined to comment" is said, "refused to resign" intended);
- a source that is evidence rather than a speaker ("the study", "footage", "the data": evidence_words.tsv) makes a
  cue that people also say with a finding ("the video revealed", "a poll suggests"); by a person it stays said;
- a document that would hold a belief, knowledge or an intention states it ("the brief opposes the unsealing");
- words in quotation marks are words said, whatever the cue ("“We will win,” he vowed"), and a dash- or
  colon-introduced quote is a statement;
- "see X as Y" and "find it hard" are views held, not perceptions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.attribution.cues import Cue
from sayso.lexicons import CueType, Lexicons
from sayso.model import Span

STATEMENT = CueType("statement", "statement", "statement")
# cues whose own lemma does not decide: a quote signed by a dash, a "Name: …" line
SAID_KINDS = {"dash"}
# cues that name a document or its channel by a preposition ("In the latest poll, …"); evidence finds
DOCUMENT_KINDS = {"document", "colon"}
HELD = {"belief", "knowledge", "intention"}  # what a person holds; a document states it
PONDER = {"consider", "mull", "contemplate", "weigh"}  # in the progressive: a plan being made
VIEW_VERBS = {"see", "find"}  # "see X as Y", "found it hard to …": a view held


def attribution_type(
    doc: Doc, cue: Cue, source: Span | None, content: Span, quote: str, lex: Lexicons, cue_quoted: bool = False
) -> str:
    """The type of the attribution a cue makes with this source and content (quote: its quote kind; cue_quoted:
    the cue itself stands inside a quotation, whose marks then say nothing of this attribution's words)."""
    if cue.kind in SAID_KINDS:
        return "statement"
    evidence = _evidence(doc, source, lex)
    if cue.kind in DOCUMENT_KINDS:
        return "finding" if evidence else "statement"
    if quote == "direct" and not evidence and not cue_quoted:
        return "statement"  # words in quotation marks were said, whatever the cue calls them
    entry = _entry(doc, cue, lex)
    if entry is STATEMENT:
        return "statement"
    if evidence:
        return entry.of_evidence
    if entry.type in HELD and _document(doc, source, lex):
        return "statement"  # "legal papers opposing the unsealing": a document holds nothing, it states
    if cue.kind in ("verb", "particle") and _views(cue.head):
        return "belief"
    infinitive = _own_infinitive(cue)
    if cue.lemma in PONDER and cue.head.tag_ == "VBG" and any(c.dep_ == "aux" for c in cue.head.children):
        return "intention"  # "is considering filing suit", "are mulling a bid"
    if infinitive is not None and entry.with_infinitive != entry.type:
        if entry.type == "statement" and _said(infinitive, lex):
            return "statement"  # "declined to comment", "agreed to discuss": what is refused or agreed is saying
        return entry.with_infinitive
    return entry.type


def _entry(doc: Doc, cue: Cue, lex: Lexicons) -> CueType:
    """The cue's row in cue_types.tsv (a verb with its particle first), or STATEMENT."""
    types = lex.cue_types
    if cue.kind == "verb":
        head = cue.head
        if cue.end > head.i + 1:
            phrase = " ".join([cue.lemma, *(t.lower_ for t in doc[head.i + 1 : cue.end])])
            found = types.get(("particle", phrase))
            if found is not None:
                return found
        particle = next((c for c in head.rights if c.dep_ in ("prt", "prep") and c.i == head.i + 1), None)
        if particle is not None and ("particle", f"{cue.lemma} {particle.lower_}") in types:
            return types[("particle", f"{cue.lemma} {particle.lower_}")]
        return types.get(("verb", cue.lemma), STATEMENT)
    return types.get((cue.kind, cue.lemma), STATEMENT)


def _evidence(doc: Doc, source: Span | None, lex: Lexicons) -> bool:
    """Whether the source is evidence ("the study", "new footage", "the results of the tests")."""
    if source is None:
        return False
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.lower_ in lex.evidence_words or root.lemma_.lower() in lex.evidence_words:
        return True
    # "the results of the tests", "data from the survey": a quantity of evidence
    of = [g for c in root.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return root.lower_ in ("results", "findings") and any(g.lemma_.lower() in lex.evidence_words for g in of)


def _document(doc: Doc, source: Span | None, lex: Lexicons) -> bool:
    """Whether the source is a document that states something ("the lawsuit", "legal papers", "the report")."""
    span = None if source is None else doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return any(lex.source_words.get(w) == "document" for w in (root.lower_, root.lemma_.lower()))


def _own_infinitive(cue: Cue) -> Token | None:
    """The to-infinitive a cue takes with its own subject ("hopes to return", "plan to sell"), not an agentless
    passive's ("is expected to pass": the belief of someone unnamed) nor one with a subject of its own."""
    if cue.kind == "verb" and cue.passive:
        return None
    for c in cue.head.children:
        if c.dep_ in ("xcomp", "acl") and c.i > cue.head.i and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children
        ):
            if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                return c
    return None


def _said(verb: Token, lex: Lexicons) -> bool:
    """A verb of saying: a reporting verb of the lexicons whose own type is a statement."""
    lemma = verb.lemma_.lower()
    listed = lex.cue_types.get(("verb", lemma))
    return lemma in lex.verbs and (listed is None or listed.type == "statement")


def _views(verb: Token) -> bool:
    """"Critics see the move as a power grab", "He found it hard to …": a perception verb holding a view."""
    if verb.lemma_.lower() not in VIEW_VERBS:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and any(c.dep_ == "prep" and c.lower_ == "as" for c in [*verb.children, *obj.children]):
        return True
    # "found it hard", "found herself …": a predicate about a pronoun
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "oprd", "xcomp")), None)
    if comp is None or comp.pos_ not in ("ADJ", "NOUN"):
        return False
    subject = next((c for c in comp.children if c.dep_ == "nsubj"), obj)
    return subject is not None and subject.pos_ == "PRON"
