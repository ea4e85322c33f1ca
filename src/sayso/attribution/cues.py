"""Cues: the words that signal an attribution.

Four kinds, each found by one function over a parsed Doc:
- verb cues: a reporting verb in any tense, aspect and voice ("said", "have concluded", "is believed");
- phrase cues: multiword prepositions that introduce a source ("according to NYT");
- noun cues: a reporting noun with a that-clause ("the accusation that …", "his claim that …");
- colon cues: a short source before a colon that opens a headline or a line ("Poll: …").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.attribution.actions import action_reason
from sayso.attribution.quotes import Quote
from sayso.lexicons import CueClass, Lexicons
from sayso.model import Attribution
from sayso.nlp.text import doc_text

VERB_TAGS = {"VERB", "AUX"}
DASH_CLASS = CueClass("certain", "report")
DOCUMENT_CLASS = CueClass("certain", "report")
FRAME_CLASS = CueClass("certain", "assertion")
LEARNED_CLASS = CueClass("certain", "assertion")  # a verb the learned cue model admits (sayso.learn)
ADMIT_SHARE = 0.5  # verb frames (lexicons/data/verb_frames.tsv) that attribute at least this often become cues
# and lexicon verbs in active frames that attribute less often than this are not cues (an agentless passive is
# kept: "is believed to"; PolNeAR dev: 3 false attributions fewer, 1 true one lost)
REJECT_SHARE = 0.1
SPEAKER_ADMIT_SHARE = 0.5  # the same for a frame with a kind of speaker (lexicons/data/speaker_frames.tsv)
SPEAKER_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
NOT_SPEAKERS = {"note", "correction", "update", "video", "photo", "clarification", "disclosure", "email", "e-mail"}
# complements that carry what is said; a verb cue needs one of them (or an adjacent quote) to count
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis"}


@dataclass(frozen=True)
class Cue:
    """A cue: its tokens (a contiguous range unless `extra`), its kind, its lexicon class."""

    kind: str  # verb | phrase | noun | colon
    head: Token  # the token the frame hangs from (the verb, "according", the noun, the colon)
    start: int  # token range [start, end)
    end: int
    lemma: str
    cls: CueClass

    @property
    def passive(self) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in self.head.children) or question_participle(self.head)


# verbs whose bare participle puts a question to the main clause's subject ("Asked whether …, she said …"):
# PolNeAR marks the question itself as an attribution, by no one named (or by the participle's agent)
QUESTION_VERBS = {"ask"}


def question_participle(verb: Token) -> bool:
    """"(When) asked whether …", "Asked about the delay, …": a bare past participle hung on the main clause."""
    return (
        verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.lemma_.lower() in QUESTION_VERBS
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


@dataclass(frozen=True)
class CueVotes:
    """The learned cue model's probability that each candidate token heads a cue (sayso.learn): a verb or noun
    outside the lexicons becomes a cue at `admit` or above; tokens without a probability are left to the rules.
    (Dropping rule cues the model scores low was measured too: no gain on PolNeAR dev, a loss on the seed.)"""

    probs: Mapping[int, float]
    admit: float = 0.5
    # the learned content choice for a cue: (doc, cue, source token range, the rules' pieces) -> pieces
    contents: Callable[[Doc, Cue, tuple[int, int] | None, list[tuple[int, int]]], list[tuple[int, int]]] | None = None
    # which of the finished attributions (nesting set) to keep: (doc, attributions) -> one flag each
    keep: Callable[[Doc, Sequence[Attribution]], list[bool]] | None = None

    def admits(self, tok: Token) -> bool:
        p = self.probs.get(tok.i)
        return p is not None and p >= self.admit


def _verb_cue_range(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries, negation and inner adverbs before it, and a particle after it
    ("have also suggested", "has been blamed", "pointed out")."""
    start = verb.i
    lefts = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]
    if lefts:
        first = min(c.i for c in lefts)
        between = verb.doc[first : verb.i]
        if all(t.head == verb and t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in between):
            start = first
    end = verb.i + 1
    for c in verb.rights:
        if c.dep_ == "prt" and c.i == end:
            end += 1
    return start, end


def verb_class(tok: Token, lex: Lexicons, votes: CueVotes | None = None) -> CueClass | None:
    """The class a verb attributes with where it is a cue (its lexicon entry, its particle's, its mined frame's or
    the learned model's), or None."""
    return _verb_class(tok, lex, votes, _particle(tok, lex))


def _verb_class(
    tok: Token, lex: Lexicons, votes: CueVotes | None, particle: tuple[str, int] | None
) -> CueClass | None:
    if particle is not None:
        return lex.particles[particle[0]]
    lemma = tok.lemma_.lower()
    cls = lex.verbs.get(lemma)
    if cls is None and lemma in lex.weak_verbs and _strong_frame(tok):
        cls = lex.weak_verbs[lemma]  # "found that …", "learned that …", "wants to …"
    frame = verb_frame(tok)
    share = lex.verb_frames.get((lemma, frame))
    if cls is not None and frame != "passive" and share is not None and share < REJECT_SHARE:
        return None  # a lexicon verb in a frame where it almost never attributes ("appeared on Fox News")
    if cls is None and share is not None and share >= ADMIT_SHARE:
        cls = FRAME_CLASS  # a verb that attributes in this frame in most of the news it was mined from
    if cls is None and lemma in lex.speaker_frames_lemmas:
        # or in this frame with this kind of speaker ("[Obama] backed [the deal]", not "[the bill] backed …")
        speaker = speaker_kind(tok, lex)
        share = lex.speaker_frames.get((lemma, frame, speaker)) if speaker in SPEAKING else None
        if share is not None and share >= SPEAKER_ADMIT_SHARE:
            cls = FRAME_CLASS
    if cls is None and votes is not None and votes.admits(tok):
        cls = LEARNED_CLASS
    return cls


def _tag_name(tok: Token) -> bool:
    """The name of a markup tag or shortcode left in the text ("[tweet pic=…]", "<tweet>"), not a word of it."""
    doc = tok.doc
    opened = tok.i > 0 and doc[tok.i - 1].text in ("[", "<", "</") and not doc[tok.i - 1].whitespace_
    # with attributes or an angle bracket after it: an editorial insertion ("I will [veto] it") is a word
    return opened and tok.i + 1 < len(doc) and ("=" in doc[tok.i + 1].text or doc[tok.i + 1].text.startswith(">"))


def verb_cues(doc: Doc, lex: Lexicons, votes: CueVotes | None = None) -> Iterator[Cue]:
    for tok in doc:
        if tok.pos_ not in VERB_TAGS or _tag_name(tok):
            continue
        particle = _particle(tok, lex)
        cls = _verb_class(tok, lex, votes, particle)
        if cls is None or action_reason(tok, lex, particle is not None) is not None:
            continue  # (an action, an idiom, a generic "you": attribution/actions.py)
        bare_participle = tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(
            c.dep_ in ("aux", "auxpass") for c in tok.children
        )
        if bare_participle and not question_participle(tok):
            continue  # "Pressed by reporters, Mr. Hale said …": the circumstance, not an attribution
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.verbs:
            continue  # "urging its members to reject the offer": part of the governing cue's content
        start, end = _verb_cue_range(tok)
        if particle is not None:  # "pointed to", "ruled out", "called for": the particle is part of the cue
            end = particle[1]
        yield Cue("verb", tok, start, end, tok.lemma_.lower(), cls)


_PARTICLE_VERBS: dict[int, tuple[Lexicons, frozenset[str]]] = {}


def _particle_verbs(lex: Lexicons) -> frozenset[str]:
    """The verbs that start a particle phrase, computed once per lexicon."""
    cached = _PARTICLE_VERBS.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _PARTICLE_VERBS[id(lex)] = (lex, frozenset(p.split()[0] for p in lex.particles))
    return cached[1]


def _particle(verb: Token, lex: Lexicons) -> tuple[str, int] | None:
    """The verb-particle phrase starting at this verb ("point to", "make it clear") and where it ends."""
    if verb.lemma_.lower() not in _particle_verbs(lex):
        return None
    doc = verb.doc
    for n in (3, 2, 1):
        end = verb.i + 1 + n
        if end <= len(doc):
            phrase = " ".join([verb.lemma_.lower(), *(t.lower_ for t in doc[verb.i + 1 : end])])
            if phrase in lex.particles:
                return phrase, end
    return None


def adjective_cues(doc: Doc, lex: Lexicons) -> Iterator[Cue]:
    """"Aides are confident that …", "He was clear that …": a predicate adjective with a that-clause."""
    for tok in doc:
        cls = lex.adjectives.get(tok.lemma_.lower())
        if cls is None or tok.pos_ != "ADJ" or tok.dep_ != "acomp":
            continue
        clause_after = any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.head.children)
        if clause_after or any(c.dep_ == "ccomp" for c in tok.children):
            copula = tok.head
            yield Cue("adjective", tok, min(copula.i, tok.i), tok.i + 1, tok.lemma_.lower(), cls)


def adjective_frame_cues(doc: Doc, lex: Lexicons) -> Iterator[Cue]:
    """"Graham has been critical of [Trump]", "Aides were eager [to move on]": a predicate adjective with the
    preposition or to-infinitive of its frame (lexicons/data/adjective_frames.tsv). The cue runs from the copula's
    auxiliaries to the preposition."""
    for tok in doc:
        if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.head.pos_ not in VERB_TAGS:
            continue
        lemma = tok.lemma_.lower()
        prep = next((c for c in tok.rights if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)), None)
        if prep is not None and f"{lemma} {prep.lower_}" in lex.adjective_frames:
            start, _ = _verb_cue_range(tok.head)
            yield Cue("adjective_frame", tok, start, prep.i + 1, f"{lemma} {prep.lower_}",
                      lex.adjective_frames[f"{lemma} {prep.lower_}"])
            continue
        infinitive = next((c for c in tok.rights if c.dep_ == "xcomp" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if infinitive is not None and f"{lemma} to" in lex.adjective_frames:
            start, _ = _verb_cue_range(tok.head)
            yield Cue("adjective_frame", tok, start, tok.i + 1, f"{lemma} to", lex.adjective_frames[f"{lemma} to"])


def verb_frame(verb: Token) -> str:
    """The complement frame a verb appears in: what decides, with its lemma, whether it attributes
    (training/mine_frames.py counts these over PolNeAR train)."""
    deps = {c.dep_ for c in verb.children}
    if "auxpass" in deps or "nsubjpass" in deps:
        return "passive"
    for dep in ("ccomp", "xcomp", "dobj"):
        if dep in deps:
            return dep
    if any(c.dep_ == "prep" for c in verb.rights):
        return "prep"
    return "none"


PERSONAL_SUBJECTS = {"i", "we", "you", "he", "she", "they"}
SPEAKING = {"name", "pronoun", "source"}  # the kinds of subject that admit a verb by its speaker frame


def speaker_kind(verb: Token, lex: Lexicons) -> str:
    """Who the verb's subject is, coarsely: "name" (a person, organisation or place by name), "pronoun" (a personal
    one), "source" (a source word: "officials", "the poll"), "other" or "none"; for a verb with no subject of its own,
    the subject of the verb it is coordinated with or depends on. With the lemma and the frame, this decides
    whether a verb outside the lexicons attributes (lexicons/data/speaker_frames.tsv, training/mine_frames.py)."""
    node = verb
    for _ in range(2):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            break
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return "none"
        node = node.head
    else:
        return "none"
    if subject.ent_type_ in SPEAKER_ENTS or subject.pos_ == "PROPN":
        return "name"
    if subject.lower_ in PERSONAL_SUBJECTS:
        return "pronoun"
    if subject.lemma_.lower() in lex.source_words:
        return "source"
    return "other"


def _strong_frame(verb: Token) -> bool:
    """A clause complement with its own subject ("found [that] X did Y") or an infinitive ("wants to …")."""
    for c in verb.rights:
        if c.dep_ == "ccomp" and (_starts_with_that(c) or any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
            return True
        if c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return True
    return False


_BY_FIRST: dict[int, tuple[Lexicons, dict[str, list[tuple[str, ...]]]]] = {}


def _phrases_by_first_word(lex: Lexicons) -> dict[str, list[tuple[str, ...]]]:
    """The phrase lexicon indexed by first word, built once per lexicon."""
    cached = _BY_FIRST.get(id(lex))
    if cached is None or cached[0] is not lex:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lex.phrases:
            words = tuple(phrase.split())
            by_first.setdefault(words[0], []).append(words)
        cached = _BY_FIRST[id(lex)] = (lex, by_first)
    return cached[1]


def phrase_cues(doc: Doc, lex: Lexicons) -> Iterator[Cue]:
    """Multiword cues from the phrase lexicon, matched on lower-case words; the source is the object of their
    last preposition ("according to [NYT]", "as reported by [the AP]")."""
    by_first = _phrases_by_first_word(lex)
    lower = [t.lower_ for t in doc]
    for i, word in enumerate(lower):
        for words in by_first.get(word, ()):
            end = i + len(words)
            if end <= len(doc) and tuple(lower[i:end]) == words:
                yield Cue("phrase", doc[i], i, end, " ".join(words), lex.phrases[" ".join(words)])


def noun_cues(doc: Doc, lex: Lexicons, votes: CueVotes | None = None) -> Iterator[Cue]:
    """Reporting nouns whose clause says what is claimed ("the claim that …", "calls for … to …"); with `votes`,
    also nouns the learned model admits, with the preposition that introduces their content ("questions about")."""
    for tok in doc:
        if tok.pos_ not in ("NOUN",):
            continue
        cls = lex.nouns.get(tok.lemma_.lower())
        if cls is not None and any(c.dep_ in ("acl", "ccomp") and _starts_with_that(c) for c in tok.rights):
            yield Cue("noun", tok, tok.i, tok.i + 1, tok.lemma_.lower(), cls)
        elif votes is not None and votes.admits(tok):
            end = tok.i + 1
            if end < len(doc) and doc[end].dep_ == "prep" and doc[end].head == tok:
                end += 1
            yield Cue("noun", tok, tok.i, end, tok.lemma_.lower(), cls or LEARNED_CLASS)


def _starts_with_that(clause: Token) -> bool:
    first = next(iter(clause.subtree))
    return first.lower_ == "that" and first.dep_ == "mark"


def line_starts(doc: Doc) -> list[int]:
    """Token index where each line (paragraph) of the text starts."""
    starts, after_newline = [], True
    for t in doc:
        if after_newline:
            starts.append(t.i)
        after_newline = "\n" in t.text or "\n" in t.whitespace_
    return starts


DOCUMENT_PREPS = {"in"}
MEDIUM_WORDS = {"statement", "interview", "tweet", "post", "letter", "email", "release", "editorial", "column", "op-ed"}


def document_cues(doc: Doc, lex: Lexicons) -> Iterator[Cue]:
    """"In the latest poll, Clinton leads by 3 points": a document or poll named by a preposition on a clause that
    is not itself a reporting verb's ("said in a statement" is the verb's cue)."""
    for tok in doc:
        if tok.lower_ not in DOCUMENT_PREPS or tok.dep_ != "prep" or tok.head.pos_ not in VERB_TAGS:
            continue
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or lex.source_words.get(obj.lemma_.lower()) != "document":
            continue
        if obj.tag_ in ("NNS", "NNPS"):
            continue  # "third in most Iowa polls", "closing in the polls": polls in general, not one that says it
        if tok.head.lemma_.lower() in lex.verbs or obj.lemma_.lower() in MEDIUM_WORDS:
            continue
        yield Cue("document", tok, tok.i, tok.i + 1, tok.lower_, DOCUMENT_CLASS)


def _name_ends(doc: Doc) -> set[str]:
    """The last words of the document's multiword names of speakers ("Lynch" of "Loretta Lynch")."""
    return {ent[-1].lower_ for ent in doc.ents if ent.label_ in SPEAKER_ENTS and len(ent) > 1}


def colon_cues(doc: Doc, lex: Lexicons, default: CueClass) -> Iterator[Cue]:
    """"Source: content" lines: a short noun phrase with a name or a source word before a colon that opens a line
    (a headline "Poll: …", a transcript turn "WALLACE: …"), followed by what it says."""
    names: set[str] | None = None  # computed at the first line that needs them
    for start in line_starts(doc):
        while start < len(doc) and doc[start].is_space:
            start += 1
        colon = next((t for t in doc[start : start + 8] if t.text == ":"), None)
        if colon is None or colon.i == start or colon.i >= len(doc) - 2 or doc[colon.i + 1].is_space:
            continue
        before = doc[start : colon.i]
        if any(t.pos_ in VERB_TAGS or "\n" in t.text for t in before):
            continue
        head = before.root
        # a speaker or a source: a person, organisation or place by name, a transcript's upper-case name, a name
        # the article spells out elsewhere ("Lynch: …" above "Attorney General Loretta Lynch said"), or a source
        # word ("Poll:"); not a section title ("Little Relief for Refugees:") or "Editor's note:"
        named = head.ent_type_ in SPEAKER_ENTS or (head.is_upper and len(head) > 1 and head.is_alpha)
        if not named and head.is_title:
            names = _name_ends(doc) if names is None else names
            named = head.lower_ in names
        if not (named or head.lemma_.lower() in lex.source_words) or head.lemma_.lower() in NOT_SPEAKERS:
            continue
        after = doc[colon.i + 1 : colon.sent.end]
        if head.lemma_.lower() == "source" and not any(t.pos_ in VERB_TAGS for t in after):
            continue  # "Source: NATO" under a chart credits it; "Sources: Trump to pick Pence" is a report
        reports = any(t.lemma_.lower() in lex.verbs and any(c.dep_ == "nsubj" for c in t.children) for t in after)
        if reports and not named:
            continue  # "Frustration with police: activists say …": a label before a report, not a quote
        yield Cue("colon", colon, colon.i, colon.i + 1, ":", default)


DASHES = "―—–"
MAX_NAME_TOKENS = 8


def dash_cues(doc: Doc, quotes: list[Quote]) -> Iterator[tuple[Cue, tuple[int, int], Quote]]:
    """“Quote.” ― Name: a quote signed by a dash and a short name that ends its line. Yields the cue (the
    dash), the name's token range and the quote."""
    text = doc_text(doc)
    for q in quotes:
        i = q.end
        while i < len(text) and text[i] in " \t\u00a0":  # a no-break space often sits before the dash
            i += 1
        if i >= len(text) or (text[i] not in DASHES and not text.startswith("--", i)):
            continue
        dash_end = i + (2 if text.startswith("--", i) else 1)
        line_end = text.find("\n", dash_end)
        line_end = len(text) if line_end < 0 else line_end
        name = doc.char_span(dash_end, line_end, alignment_mode="contract")
        dash = doc.char_span(i, dash_end, alignment_mode="expand")
        if name is None or dash is None or not 0 < len(name) <= MAX_NAME_TOKENS:
            continue
        if not any(t.pos_ == "PROPN" for t in name) or any(t.pos_ == "VERB" for t in name):
            continue
        yield Cue("dash", dash.root, dash.start, dash.end, "dash", DASH_CLASS), (name.start, name.end), q


def colon_quote_cues(
    doc: Doc, quotes: list[Quote], lex: Lexicons
) -> Iterator[tuple[Cue, tuple[int, int] | None, Quote]]:
    """"Mr. Christie gloated: ''I told you so.''", "Trump went even further: “…”": a clause with a subject that ends in
    a colon opening a quotation. Whatever its verb, the subject says the quote; the verb (with its auxiliaries) is
    the cue. And "Pollsters agree - Carl Bialik: “…”": a name set off before a colon that opens a quotation (the
    colon is the cue, the name the source). Yields the cue, the name's token range (None: the verb's subject) and
    the first quote."""
    text = doc_text(doc)
    starts = {q.start: q for q in quotes}
    for colon in doc:
        if colon.text != ":" or colon.i == 0:
            continue
        i = colon.idx + 1
        while i < len(text) and text[i] in " \t\u00a0\n":
            i += 1
        quote = starts.get(i)
        if quote is None or "\n\n\n" in text[colon.idx : i]:
            continue
        verb = _clause_before(colon, lex)
        if verb is not None:
            start, end = _verb_cue_range(verb)
            yield Cue("verb", verb, start, end, verb.lemma_.lower(), COLON_QUOTE_CLASS), None, quote
            continue
        name = _name_before(colon)
        if name is not None:
            yield Cue("colon", colon, colon.i, colon.i + 1, ":", COLON_QUOTE_CLASS), name, quote


COLON_QUOTE_CLASS = CueClass("certain", "report")
NAME_OPENERS = {"-", "—", "–", "--", "―"}


def _name_before(colon: Token) -> tuple[int, int] | None:
    """A short name (no verb, a proper noun in it) between a line start or a dash and the colon."""
    doc = colon.doc
    start = colon.i
    while start > 0 and colon.i - start < MAX_NAME_TOKENS:
        prev = doc[start - 1]
        if prev.text in NAME_OPENERS or prev.is_space or "\n" in prev.whitespace_:
            break
        start -= 1
    else:
        if start > 0:
            return None
    name = doc[start : colon.i]
    if not len(name) or any(t.pos_ in VERB_TAGS for t in name) or not any(t.pos_ == "PROPN" for t in name):
        return None
    return start, colon.i


def _clause_before(colon: Token, lex: Lexicons) -> Token | None:
    """The verb of the clause that a colon ends (the first verb above the word before the colon), when it or the
    verb it is coordinated with has a subject that can speak: a name, a personal pronoun or a source word; not a
    copula ("The rationale is: …" introduces, it does not quote)."""
    sent, doc = colon.sent, colon.doc
    node = doc[colon.i - 1]
    while node.pos_ not in VERB_TAGS:
        if node.head.i == node.i or not sent.start <= node.head.i < colon.i:
            return None
        node = node.head
    verb = node
    if verb.lemma_.lower() in ("be", "have") or any(t.text in NAME_OPENERS for t in doc[verb.i + 1 : colon.i]):
        return None  # (a dash before the colon sets off a name: "Polls missed it - Carl Bialik: “…”")
    holder = verb
    while holder.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children):
        holder = holder.head  # "Trump leaned in and boomed: “…”"
    subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    return verb if _speaking_subject(subject, lex) else None


def _speaking_subject(subject: Token, lex: Lexicons) -> bool:
    """A subject that can say a quote: a name or other noun, a personal pronoun or a source word, not a note or a
    photo."""
    return (
        subject.pos_ in ("PROPN", "NOUN") or subject.ent_type_ in SPEAKER_ENTS
        or subject.lower_ in PERSONAL_SUBJECTS or subject.lemma_.lower() in lex.source_words
    ) and subject.lemma_.lower() not in NOT_SPEAKERS


def quote_tag_cues(doc: Doc, quotes: list[Quote], lex: Lexicons) -> Iterator[tuple[Cue, Quote]]:
    """"“This is a big win,” I confessed.", "“…,” the judge exclaimed, “…”", "“…,” read one.": the speaker tag right
    after a quote, whatever its verb, says whose words the quote is. Yields the tag's verb as the cue and the quote."""
    text = doc_text(doc)
    for q in quotes:
        after = doc.char_span(q.end, q.end, alignment_mode="expand")
        i = after.start if after is not None else None
        if i is None or i >= len(doc):
            continue
        while i < len(doc) and (doc[i].is_space or doc[i].text in (",", "—", "–")):
            i += 1
        if i >= len(doc) or doc[i].idx - q.end > 3 or doc[i].is_punct:
            continue
        inner = text[q.inner_start : q.inner_end].rstrip(" \u00a0'")
        if not (inner.endswith((",", "?", "!", "—", "–", "-")) or text[q.end : q.end + 1] == ","):
            continue  # “…” followed by a new sentence: no tag
        verb = _tag_verb(doc[i], lex)
        if verb is not None:
            start, end = _verb_cue_range(verb)
            yield Cue("verb", verb, start, end, verb.lemma_.lower(), COLON_QUOTE_CLASS), q


def _tag_verb(first: Token, lex: Lexicons) -> Token | None:
    """The verb of a short speaker tag that starts at `first`: "Bozell answers", "the judge exclaimed", "read one";
    the tag must be the verb and its subject only (with adverbials after), not the start of a new clause."""
    verb = first
    for _ in range(4):  # from "the" up to "judge" up to "exclaimed"
        if verb.pos_ in VERB_TAGS or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in VERB_TAGS or verb.lemma_.lower() in ("be", "have") or verb.i < first.i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.i < verb.i and (subject.left_edge.i != first.i or subject.right_edge.i != verb.i - 1):
        return None
    if subject.i > verb.i and first.i != verb.i:
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "attr", "acomp") and c.i > verb.i for c in verb.children):
        return None  # "… ,” he told [the crowd that …]": a clause of its own
    # a tag is short: it ends its sentence soon, or a comma hands over to the quote's other half
    doc = verb.doc
    end = verb.right_edge.i + 1
    rest = doc[end : verb.sent.end]
    hands_over = doc[end - 1].text == "," or (len(rest) > 0 and (rest[0].text == "," or rest[0].is_quote))
    short = end - first.i <= MAX_TAG_TOKENS and (all(t.is_punct or t.is_space for t in rest) or hands_over)
    return verb if short and _speaking_subject(subject, lex) else None


MAX_TAG_TOKENS = 12
