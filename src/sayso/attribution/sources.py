"""Sources: who an attribution's cue attributes the content to, as a token range of the parse.

The source of a verb cue is its subject (the agent of a passive, none for an agentless passive), inherited from
the governing verb for participles and conjoined verbs ("…, adding that", "laughed and said"); a relative pronoun
stands for the noun it modifies. A phrase cue's source is the object of its preposition ("according to NYT").
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.attribution.cues import Cue
from sayso.attribution.spans import subtree_range
from sayso.lexicons import Lexicons

SUBJECT_DEPS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
MAX_HOPS = 3


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two ("“…mode,” said Leslie Wimes" parsed with a quoted noun as a second subject),
    the one after the verb, where an inverted reporting clause puts its speaker."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        after = [c for c in subjects if c.i > verb.i]
        return after[0] if after else subjects[-1]
    return subjects[0] if subjects else None


def _with_split_apposition(
    verb: Token, subj: Token, found: tuple[int, int], exclude: set[int]
) -> tuple[int, int]:
    """"Ban Ki-moon, the secretary general of the United Nations, vowed …" parsed with two subjects: the name and
    its apposition are one source, as a correct parse gives it; `found` is the phrase of the later one."""
    before = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < subj.i]
    # a name, then a description of its bearer ("the secretary general"); not "Voters, Clinton said" nor "guys, I"
    if not before or subj.i > verb.i or before[-1].pos_ != "PROPN" or subj.pos_ != "NOUN":
        return found
    first = _np_range(before[-1], exclude)
    doc = verb.doc
    if first[1] < found[0] and all(t.text in SET_OFF for t in doc[first[1] : found[0]]):
        return first[0], found[1]
    return found


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def noun_phrase(noun: Token) -> tuple[int, int]:
    return _np_range(noun, set())


SET_OFF = (",", "--", "—", "–")


def _np_range(noun: Token, exclude: set[int]) -> tuple[int, int]:
    """A source noun phrase: the noun's subtree without the cue's frame; a restrictive relative clause is part of it
    ("Engineers who inspected the bridge"), one set off by a comma is not ("officials, who said …")."""
    skip = set(exclude)
    doc = noun.doc
    for c in noun.rights:
        if c.dep_ in ("relcl", "acl") and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text in SET_OFF:
            skip.update(t.i for t in c.subtree)
    # the unbroken run of the subtree around the noun: what lies beyond a skipped clause ("the study -- which
    # notes … --") is not part of the phrase
    ids = {t.i for t in noun.subtree} - skip
    i, j = noun.i, noun.i + 1
    while i - 1 in ids:
        i -= 1
    while j in ids:
        j += 1
    # a closing quotation mark or a comma the parser hung on the noun ("“…,” Flynn, a surrogate, said") is not
    # part of the phrase: it would hide the quote just before it from the cue's clause
    while i < noun.i and doc[i].is_punct:
        i += 1
    while j > noun.i + 1 and doc[j - 1].is_punct and doc[j - 1].text not in (")", "]"):
        j -= 1
    return i, j


def postposed_subject(cue: Cue) -> Token | None:
    """"…, the New York Times reported." misparsed as a noun modified by the verb ("the times reported"): the noun
    is the source when a comma precedes its phrase and nothing but modifiers follow the verb."""
    verb = cue.head
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.pos_ not in ("PROPN", "NOUN") or noun.i > verb.i:
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj") for c in verb.children):
        return None
    left = noun.left_edge.i
    if left == 0 or verb.doc[left - 1].text not in (",", "—", "–"):
        return None
    return noun


def verb_source(cue: Cue) -> tuple[int, int] | None:
    verb = cue.head
    exclude = set(range(cue.start, cue.end))
    postposed = postposed_subject(cue)
    if postposed is not None:
        return _np_range(postposed, {t.i for t in verb.subtree})
    if cue.passive:
        agent = _agent(verb)
        return _np_range(agent, exclude) if agent is not None else None
    node: Token = verb
    if coordinated_with_complement(verb):
        node = verb.head.head  # "The union said the offer was an insult and called a strike": the union called it
    for _ in range(MAX_HOPS):
        subj = _subject(node)
        if subj is not None:
            if subj.lower_ == "it" and cue.lemma in RAISING_VERBS and node is verb:
                return None  # "It appears that the deal is off": no one
            if subj.lower_ == "it" and node is not verb and node.lemma_ == "be":
                return None  # "It is fair [to say] …", "It is a stretch [to imply] …": no one in particular
            if subj.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return _np_range(node.head, exclude | {t.i for t in node.subtree})
            return _with_split_apposition(node, subj, _np_range(subj, exclude), exclude)
        if node.dep_ in ("advcl", "xcomp", "conj") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "Obama won the nomination by [promising …]": the one who won promised
            continue
        infinitive = node.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if infinitive and node.head.dep_ == "dobj" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "nobody has [the guts] to talk about it": who has them talks
            continue
        if infinitive and node.head.dep_ == "attr" and node.head.head.lemma_ == "be":
            node = node.head.head  # "It would be a stretch [to imply] …": the "it" tells who (no one)
            continue
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in node.head.children if c.dep_ == "poss"), None)
            if node.dep_ == "acl" and owner is not None and node.i > node.head.i:
                # "[its] failure to speak out on …", "[the agency]’s failure to …"
                return _np_range(owner, {t.i for t in node.subtree} | {c.i for c in owner.children if c.dep_ == "case"})
            return _np_range(node.head, {t.i for t in node.subtree})
        break
    return None


RAISING_VERBS = {"seem", "appear"}
RAISED_DEPS = ("xcomp", "acomp", "attr", "oprd")


def raised_subject(cue: Cue, lex: Lexicons) -> Token | None:
    """"Their choice now appears to be between X and Y": the subject of "seem"/"appear" is what the hedged clause is
    about, not who says it (news leaves that to the writer). Not where the complement is a report of its own ("he
    seemed to indicate that …": he indicated it)."""
    verb = cue.head
    if cue.kind != "verb" or cue.lemma not in RAISING_VERBS or cue.passive:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    comp = next((c for c in verb.rights if c.dep_ in RAISED_DEPS), None)
    if subj is None or comp is None or subj.lower_ in ("it", "there", "who", "which", "that"):
        return None
    return None if comp.lemma_.lower() in lex.verbs or comp.lemma_.lower() in lex.weak_verbs else subj


def coordinated_with_complement(verb: Token) -> bool:
    """A subject-less verb the parser coordinated with the complement clause of a verb before it ("said [the offer
    was an insult] and called a strike"): the earlier verb's subject acts again. For a reporting verb this is the
    speaker's next act: its source is that subject, and contents.py cuts it off the complement."""
    head = verb.head
    return (
        verb.dep_ == "conj" and verb.pos_ == "VERB" and _subject(verb) is None
        and head.dep_ == "ccomp" and head.head.i < head.i
        and any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)
        # a participle continues the complement's verb group ("says Obama is acting unlawfully and [showing]
        # disregard") unless the reporting verb is one too; a finite verb is the speaker again ("has said …, but
        # downplayed the issue")
        and (verb.tag_ not in ("VBG", "VBN") or verb.tag_ == head.head.tag_)
    )


def phrase_source(cue: Cue) -> tuple[int, int] | None:
    last = cue.head.doc[cue.end - 1]
    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if obj is None and cue.end < len(cue.head.doc):
        nxt = cue.head.doc[cue.end]
        obj = nxt if nxt.pos_ in ("PROPN", "NOUN", "PRON") else None
        if obj is not None:
            while obj.head.i >= cue.end and obj.head != obj and obj.head.pos_ in ("PROPN", "NOUN"):
                obj = obj.head
    if obj is None or not _can_speak(obj):
        return None
    return _np_range(obj, set())


NOT_SOURCES = {"plan", "schedule", "script", "tradition", "custom", "rule", "law", "form", "design", "type"}


def _can_speak(noun: Token) -> bool:
    """"according to [plan]" names no source; statistics, databases and journals do, and so does a particular plan
    or law ("according to [her plan]", "according to [state law]")."""
    particular = any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in noun.children)
    return noun.lemma_.lower() not in NOT_SOURCES or particular


def noun_source(cue: Cue) -> tuple[int, int] | None:
    """"his claim", "Russia's accusation", "the claim by officials", or the subject of "made the claim"."""
    noun = cue.head
    for c in noun.children:
        if c.dep_ == "poss":
            return subtree_range(c, {t.i for t in c.subtree if t.dep_ == "case"})
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return _np_range(obj, set())
    if noun.dep_ in ("dobj", "pobj") and noun.head.pos_ in ("VERB",):
        subj = _subject(noun.head)
        if subj is not None:
            return _np_range(subj, set())
    return None


def colon_source(cue: Cue) -> tuple[int, int] | None:
    doc = cue.head.doc
    start = cue.head.i
    while start > 0 and not doc[start - 1].is_space and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return (start, cue.head.i) if cue.head.i > start else None
