"""Contents: what an attribution says, as character pieces of the text.

From the parse: the complement clause of a verb cue ("said [that] X"), its infinitive ("is believed [to …]"),
its object ("rejected [the report]"), the prepositional complement of an accusation ("blamed [for …]"), the
clause around a parenthetical cue ("X, he said, Y"), the clause an "according to" phrase hangs from, a noun cue's
that-clause, and what follows a colon; and the cue's own clause (`clause_extent`), next to which a direct quote is
the content instead (sayso.attribution.quoted).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.attribution.cues import MAX_TAG_TOKENS, VERB_TAGS, Cue, question_participle, verb_class
from sayso.attribution.sources import RAISED_DEPS, SET_OFF, coordinated_with_complement, postposed_subject
from sayso.attribution.spans import char_range, pieces, subtree_range, trimmed_char_pieces
from sayso.lexicons import Lexicons

Pieces = list[tuple[int, int]]
# verbs whose object is the one spoken to ("told [the committee] …"), not part of what is said
ADDRESSEE_VERBS = {"tell", "ask", "inform", "remind", "warn", "assure", "brief", "notify", "advise", "promise", "show"}
# objects of "say" that stand for what was said: "said as much", "said the same", "said little about it"
SAID_AMOUNTS = {"much", "same", "little", "more", "lot", "thing", "otherwise"}
NO_OBJECT_VERBS = {"say", "tell", "add", "ask", "write", "continue", "post"}
PRONOUN_OBJECTS = {"it", "this", "that", "so", "them", "him", "her", "me", "us", "you", "what", "which"}
# a pronoun that stands for what was said or whom it is about: "Russia denied [it]", "the union endorsed [her]"
REFERRING_OBJECTS = {"it", "this", "that", "them", "him", "her"}
ACCUSATION_PREPS = {"for", "of"}
CONTENT_PREPS = {"for", "on", "about", "of", "against", "over"}
RESPONSE_VERBS = {"respond", "reply"}  # their "to" names what is answered
OBJECT_PREPS = {"as", "of", "for", "to", "about", "with"}
# prepositions of a speech's circumstances, not of what is said ("praised Boyle [at a press conference]")
FRAME_PREPS = {"at", "during", "throughout", "after", "before", "since", "until", "amid", "via"}
# occasions and channels of speech: "defended Cruz [in an interview]", "praised her [in a speech]"
SPEECH_EVENTS = {
    "interview", "statement", "speech", "debate", "appearance", "rally", "conference", "tweet", "post", "letter",
    "email", "e-mail", "memo", "op-ed", "editorial", "column", "briefing", "hearing", "remark", "ruling",
    "address", "testimony", "filing", "announcement", "message",
}
RELATIVE = {"who", "which", "that", "whom"}
RELATIVE_OBJECTS = {"which", "whom", "who"}  # not "that", which marks complement clauses far more often
# what joins the speaker's next statement to the last ("…, though she noted …"), not a reason or condition
SIBLING_LINKS = {"while", "though", "although", "whereas", "and", "but"}
SUBORDINATORS = {"while", "though", "although", "whereas", "as", "because", "since", "if", "when", "after", "before"}


def _clause(doc: Doc, head: Token, exclude: set[int]) -> Pieces:
    """A clause's tokens as trimmed character pieces, skipping `exclude` (the cue's own frame)."""
    ids = [t.i for t in head.subtree if t.i not in exclude]
    return trimmed_char_pieces(doc, pieces(ids))


def clause(doc: Doc, head: Token) -> Pieces:
    """A complement clause as content."""
    return _clause(doc, head, set())


def _frame_tokens(cue: Cue, source: tuple[int, int] | None) -> set[int]:
    ids = set(range(cue.start, cue.end))
    if source:
        ids.update(range(*source))
    return ids


def _reports(verb: Token, lex: Lexicons) -> bool:
    """A verb that is a cue where it stands (its lexicon entry, particle or mined frame admits it)."""
    return verb.pos_ in VERB_TAGS and verb_class(verb, lex) is not None


def _sibling_reports(comp: Token, lex: Lexicons) -> set[int]:
    """Clauses hung on a content that carry a report of their own ("X said A, though she noted B"), and a
    reporting verb coordinated without a subject of its own ("said the offer was an insult and called a strike":
    the parser hangs it on the content, but it is the speaker's next act): attributions beside this one, not part of
    its content."""
    out: set[int] = set()
    for t in comp.subtree:
        if t.head.i == comp.i and coordinated_with_complement(t) and _reports(t, lex):
            out.update(x.i for x in t.subtree)
            out.update(c.i for c in comp.children if c.dep_ == "cc" and comp.i < c.i < t.i)
            continue
        # (a lexicon verb only: letting a mined frame admit the verb here too cut "because they could pressure
        # the lenders …" off a content on PolNeAR dev, and gained nothing)
        if t.i > comp.i and t.dep_ in ("advcl", "conj") and t.head.i >= comp.i and t.lemma_.lower() in lex.verbs:
            if any(c.dep_ == "nsubj" for c in t.children):
                first = t.left_edge
                if first.lower_ in SIBLING_LINKS or any(
                    c.dep_ in ("mark", "cc") and c.lower_ in SIBLING_LINKS for c in t.children
                ):
                    out.update(x.i for x in t.subtree)
                    out.update(c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i)
    return out


def _own_report(verb: Token, lex: Lexicons) -> bool:
    """A coordinated verb with a subject of its own or a reporting verb: a new statement, not more content."""
    return verb.lemma_.lower() in lex.verbs or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _separator(token: Token) -> int | None:
    """The comma or dash that sets a modifier off (", focusing on …", ", which …"), if any: its token index."""
    before = token.left_edge.i - 1
    while before > 0 and token.doc[before].is_quote:
        before -= 1  # the comma inside a quote that closes before the modifier: “… maniacal,” adding …
    return before if before >= 0 and token.doc[before].text in SET_OFF else None


def _object_continuations(verb: Token, obj: Token, lex: Lexicons) -> set[int]:
    """What the parser hung on the cue that continues its object: a participle right after it ("disclosed [the
    specter of her husband making millions]") and a coordinated object or participle ("emphasizing [economic
    fairness, and a need to …]", "has mentioned [refinancing loans and forcing universities to …]")."""
    out: set[int] = set()
    for c in verb.rights:
        if c.i <= obj.right_edge.i or c.lemma_.lower() in lex.verbs:
            continue
        participle = c.tag_ == "VBG" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        if c.dep_ == "advcl" and participle and c.left_edge.i == obj.right_edge.i + 1:
            out.update(t.i for t in c.subtree)
        elif c.dep_ == "conj" and (c.pos_ in ("NOUN", "PROPN") or (participle and verb.tag_ != "VBG")):
            out.update(t.i for t in c.subtree)
            out.update(g.i for g in verb.children if g.dep_ in ("cc", "punct") and obj.i < g.i < c.i)
    return out


def _colon_continuation(verb: Token, comp: Token) -> set[int]:
    """What a colon right after the complement introduces, which the parser hung on the cue: the speaker's list or
    example ("notes that three things are happening at once[: home values are rising, rates are low …]")."""
    doc = verb.doc
    colon = comp.right_edge.i + 1
    if colon >= len(doc) - 1 or doc[colon].text != ":" or doc[colon].head != verb:
        return set()
    return {t.i for c in verb.rights if c.i > colon for t in c.subtree} | {colon}


def _reason(clause: Token) -> bool:
    """A because-clause: the reason a speaker gives is part of what is said ("said the claim smacked of hypocrisy,
    [because Democrats …]"), even where the parser hung it on the cue."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "because" for c in clause.children)


def _set_off(token: Token) -> bool:
    return _separator(token) is not None


ASIDE_DEPS = {"advcl", "relcl", "acl", "appos"}


def _trailing_asides(doc: Doc, ids: set[int]) -> set[int]:
    """Comma-set-off asides at the end of a content (", which makes him an outlier", ", arguing that …",
    ", the presumed favourite"): news attributes the clause before them, not them."""
    if not ids:
        return set()
    channel = _trailing_channel(doc, ids)
    if channel:
        return channel
    end = max(ids)
    drop: set[int] = set()
    for t in doc[min(ids) : end + 1]:
        separator = _separator(t) if t.i in ids and t.dep_ in ASIDE_DEPS else None
        if separator is not None and t.right_edge.i >= end - 1:
            if t.dep_ in ("advcl", "acl") and t.tag_ not in ("VBG", "VBN") and t.lower_ not in ("which", "who"):
                continue  # a finite adverbial clause ("…, although they say …") is handled elsewhere
            if t.dep_ == "appos" and not _describing_apposition(t):
                continue  # "Trump, Carson, and Fiorina", "a “loser,” a “liar”": a list, not an aside
            drop.update(x.i for x in t.subtree)
            drop.update(range(separator, t.left_edge.i))
            break
    return drop


# channels a statement is made on or through ("on Twitter", "on its Facebook page", "through a spokeswoman")
CHANNELS = {
    "twitter", "facebook", "media", "page", "show", "program", "programme", "radio", "television", "air", "camera",
    "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "public", "print", "condition",
}
CHANNEL_PREPS = {"in", "on", "through", "via", "during", "at"}


def _trailing_channel(doc: Doc, ids: set[int]) -> set[int]:
    """A phrase at the end of an object content that says where or how it was said, hung on the object by the
    parser: "denied [the report] in a statement", "announced [his endorsement] on its Facebook page", "disputed
    [the charges] through his lawyer", "spoke [on the condition of anonymity]" is not what is said."""
    end = max(ids)
    while end > min(ids) and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    for t in doc[min(ids) + 1 : end + 1]:
        if t.i not in ids or t.dep_ != "prep" or t.lower_ not in CHANNEL_PREPS or t.right_edge.i != end:
            continue
        if t.head.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ") or t.head.i not in ids or t.head.i > t.i:
            continue
        if _channel(t):
            return {x.i for x in t.subtree} | ({t.i - 1} if doc[t.i - 1].text in SET_OFF else set())
    return set()


def _channel(prep: Token) -> bool:
    """"in a statement", "on Twitter", "through his lawyer": where or how something was said."""
    return prep.lower_ in CHANNEL_PREPS and any(
        g.dep_ == "pobj" and (g.lemma_.lower() in SPEECH_EVENTS | CHANNELS or g.lower_ in CHANNELS)
        for g in prep.children
    )


def _circumstance(prep: Token) -> bool:
    """A phrase of when or where a speech happened ("at a rally", "on Monday", "in an interview")."""
    return prep.dep_ == "prep" and (
        prep.lower_ in FRAME_PREPS or _channel(prep) or any(g.dep_ == "pobj" and _when(g) for g in prep.children)
    )


def _describing_apposition(noun: Token) -> bool:
    """", the federally funded pre-school": a common noun with its article that describes the one before it, not
    the next item of a list (no "and", no quotes in it)."""
    words = list(noun.subtree)
    # (a name's apposition says who or what the name is, and stays: "Unit 29155, a branch of Russia's GRU")
    return (
        noun.pos_ == "NOUN" and words[0].pos_ == "DET" and noun.head.pos_ == "NOUN"
        and not any(w.lower_ in ("and", "or") or w.is_quote for w in words)
    )


def _unmarked_clause(clause: Token) -> bool:
    """A finite clause with its own subject and no subordinator ("he would not accept it")."""
    kids = list(clause.children)
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids) and not any(
        c.dep_ == "mark" and c.lower_ != "that" for c in kids
    ) and clause.tag_ not in ("VBG", "VBN")


def _subordinate(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in verb.children)


def _stray_that_clause(verb: Token) -> Token | None:
    """"said earlier during a news conference [that he may wait]", "is telling customers at a breakfast spot [that
    “…”]": a that-clause the parser hung on the last noun before it is the cue's complement."""
    for c in verb.rights:
        if c.dep_ not in ("prep", "dobj", "npadvmod"):
            continue
        for t in c.subtree:
            if t.dep_ in ("acl", "relcl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in t.children):
                return t
    return None


def _as_reported(verb: Token) -> bool:
    """"As Breitbart News reported, …", "…, as critics point out.": "as" with a cue that has no complement of its own
    attributes the clause it hangs on."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in verb.children
    )


def _upside_down(verb: Token, comp: Token, lex: Lexicons) -> bool:
    """A clause before the cue that the parser hung on it as its complement but that is not what the cue says."""
    if comp.i > verb.i:
        return False
    if lex.verbs.get(comp.lemma_.lower()) and _bare(comp) and not _tagged(verb, comp):
        return True  # "X said he cannot comment" parsed upside down: "said" is the cue, not "comment"
    if _subordinate(comp):
        return True  # "While he acknowledged X, Ham noted Y": a subordinate clause, not what Ham noted
    if any(c.dep_ == "ccomp" and c.i > verb.i and any(g.lower_ == "that" for g in c.children) for c in verb.children):
        return True  # "It's funny to watch Romney suddenly insist [that …]": the that-clause after it is the content
    return _subordinate(verb)  # "X is upbeat, because he believes Y": the main clause taken for the complement


def _when(noun: Token) -> bool:
    """A date or time ("Sunday", "last week") that the parser made an object."""
    return noun.ent_type_ in ("DATE", "TIME")


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _tagged(verb: Token, comp: Token) -> bool:
    """"Their grasp of policy is worrying, Cuban said.": the clause before the cue ends at a comma that its
    subject follows: a postposed speaker tag, the clause is what was said."""
    doc = verb.doc
    comma = comp.right_edge.i + 1
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subject is not None and comma < len(doc) and doc[comma].text in SET_OFF
        and subject.left_edge.i == comma + 1 and subject.i < verb.i
    )


def _bare(verb: Token) -> bool:
    """A reporting clause with a subject and nothing said ("Phil Lovas said")."""
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "nsubjpass"}


def question_content(doc: Doc, cue: Cue, frame: set[int]) -> Pieces:
    """What a bare "asked" asks: its clause with the "whether" or "if" ("Asked [whether he would run], …"), an
    infinitive ("asked by X [to respond]"), or what it is asked about ("Asked about [the delay], …")."""
    verb = cue.head
    comp = next((c for c in verb.rights if c.dep_ in ("ccomp", "advcl", "xcomp")), None)
    if comp is not None:
        return trimmed_char_pieces(doc, pieces({t.i for t in comp.subtree} - frame))
    about = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "about"), None)
    if about is not None and about.i == cue.end:
        return trimmed_char_pieces(doc, pieces({t.i for t in about.subtree} - {about.i} - frame))
    return []


def verb_content(doc: Doc, cue: Cue, source: tuple[int, int] | None, lex: Lexicons) -> Pieces:
    verb = cue.head
    frame = _frame_tokens(cue, source)
    if question_participle(verb):
        return question_content(doc, cue, frame)
    if postposed_subject(cue) is not None and source is not None:
        # "X, the New York Times reported": the sentence up to the comma before the source
        sent = verb.sent
        return trimmed_char_pieces(doc, [(sent.start, source[0])])
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    predicates = [c for c in verb.rights if c.dep_ == "oprd"]
    if obj is None and len(predicates) > 1:
        obj = predicates[0]  # "called [Trump] [a liar]" parsed as two predicates: the first is who is called it
    called = next((c for c in predicates if obj is not None and c.i > obj.i), None)
    if obj is not None and called is not None:
        # "called [him a liar]", "would call [them messianic impulses]": the object and what it is called, even
        # a pronoun object, and whatever clause the parser hung before the cue
        ids = ({t.i for t in obj.subtree} | {t.i for t in called.subtree}) - frame
        return trimmed_char_pieces(doc, pieces(ids))
    for dep in ("ccomp", "xcomp"):
        comp = next((c for c in verb.children if c.dep_ == dep and not _upside_down(verb, c, lex)), None)
        if comp is not None and _quoted_title(comp):
            # "said on NBC's “Meet the Press” on Sunday [that …]": the programme's name parsed as a clause; what was
            # said is the that-clause the parser hung beneath it
            comp = next((t for t in comp.subtree if t.dep_ == "ccomp" and t.left_edge.lower_ == "that"), None)
        if comp is not None:
            ids = {t.i for t in comp.subtree} - frame - _sibling_reports(comp, lex)
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < comp.i and not _when(c)), None)
            if dep == "xcomp" and obj is not None:
                ids.update(t.i for t in obj.subtree)  # "urged [its members to reject the offer]"
            elif dep == "xcomp" and doc[cue.end - 1].dep_ == "prep" and doc[cue.end - 1].head == verb:
                # "called on [Sanders and Trump to do the same]": the particle's object is who is to do it
                ids.update(t.i for g in doc[cue.end - 1].children if g.dep_ == "pobj" and g.i < comp.i
                           for t in g.subtree)
            elif dep == "xcomp" and comp.tag_ in ("VBG", "VBN"):
                # "warned against [the forces of hate brewing in the country]": a participle the parser hung on the
                # cue describes the object of the preposition before it
                ids.update(t.i for c in verb.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
                           and c.right_edge.i + 1 == comp.left_edge.i for t in c.subtree if t.i != c.i)
            unmarked = not any(c.dep_ == "mark" for c in comp.children)
            # a person named before a clause is who is spoken to ("reminded Obama he …"), unless the clause has no
            # subject of its own: then the person is its subject ("demanding [President Obama make a pledge]")
            own_subject = any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in comp.children)
            addressee = cue.lemma in ADDRESSEE_VERBS or obj is None or obj.pos_ == "PRON" or (
                obj.ent_type_ == "PERSON" and own_subject
            )
            if dep == "ccomp" and obj is not None and unmarked and not addressee:
                ids.update(t.i for t in obj.subtree)  # "mentioned [remarks Trump had made]" parsed as two complements
            if comp.i > verb.i:
                for c in verb.rights:  # "wants to triple X, [grow Y and create Z]": coordinated complements
                    if c.i > comp.i and c.dep_ in ("conj", "dep") and c.pos_ == "VERB" and not _own_report(c, lex):
                        ids.update(t.i for t in c.subtree)
                        # with the "and" and commas that join them, so the content reads as one stretch
                        ids.update(g.i for g in verb.children if g.dep_ in ("cc", "punct") and comp.i < g.i < c.i)
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if dep == "xcomp" and subj is not None and subj.lower_ not in PRONOUN_OBJECTS | RELATIVE:
                ids.update(t.i for t in subj.subtree)  # "[Voters] are expected [to be Latino]"
            if comp.i > verb.i:
                ids.update(_colon_continuation(verb, comp))
                # modifiers the parser hung on the cue after its clause belong to the clause
                # ("suggested that they tried to keep the US [bogged down in Afghanistan]")
                for c in verb.rights:
                    if c.i > comp.i and c.dep_ in ("advcl", "prep", "xcomp", "advmod", "npadvmod", "dobj"):
                        if not _set_off(c) or _reason(c):
                            ids.update(t.i for t in c.subtree)
            return trimmed_char_pieces(doc, pieces(ids - _trailing_asides(doc, ids)))
    adverbial = next((c for c in verb.rights if c.dep_ == "advcl" and _unmarked_clause(c)), None)
    # "said after the convention he would not accept it": a complement the parser took for an adverbial; with an
    # object only where "that" marks it ("reassuring his counterpart [that Beijing has no plans …]")
    if adverbial is not None and not cue.passive and (
        not any(c.dep_ == "dobj" for c in verb.children) or any(g.lower_ == "that" for g in adverbial.children)
    ):
        return trimmed_char_pieces(doc, pieces({t.i for t in adverbial.subtree} - frame))
    if cue.passive:
        charge = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ACCUSATION_PREPS), None)
        if charge is not None and cue.cls.act == "accusation":
            return _clause(doc, charge, frame)
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        has_agent = any(c.dep_ == "agent" for c in verb.children)
        named = subj is not None and subj.lower_ not in PRONOUN_OBJECTS | RELATIVE
        if subj is not None and named and (cue.cls.act == "denial" or has_agent):
            return _clause(doc, subj, frame)  # "[The claim] was denied", "[She] was endorsed by the union"
        addressed = cue.lemma in ADDRESSEE_VERBS  # "[She] was asked": she is who is asked, not what is said
        if subj is not None and named and subj.i < verb.i and subj.pos_ != "PRON" and not addressed:
            # "[The walk-off] is considered [one of the largest]", "[Sanders] was projected [as the winner]": no one
            # named holds it; what is held is the subject with what it is taken to be
            # (without one, "the deal could be announced" is an event, not a claim anyone holds)
            taken_as = [c for c in verb.rights if c.dep_ in ("oprd", "attr", "acomp") or (
                c.dep_ == "prep" and c.lower_ == "as")]
            if taken_as:
                ids = {t.i for t in subj.subtree} | {t.i for c in taken_as for t in c.subtree}
                return trimmed_char_pieces(doc, pieces(ids - frame))
        return []
    stray = _stray_that_clause(verb) if cue.lemma in NO_OBJECT_VERBS | ADDRESSEE_VERBS else None
    if stray is not None:
        return trimmed_char_pieces(doc, pieces({t.i for t in stray.subtree} - frame))
    if obj is not None and cue.lemma in NO_OBJECT_VERBS and obj.lemma_.lower() in SAID_AMOUNTS:
        # "said [as much]", "said [the same of Trump]", "has not said [much about how …]": what stands for the words
        ids = {t.i for t in obj.subtree}
        ids.update(t.i for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("about", "of", "on")
                   and c.i == obj.right_edge.i + 1 for t in c.subtree)
        ids -= frame
        return trimmed_char_pieces(doc, pieces(ids - _trailing_asides(doc, ids)))
    if obj is not None and _when(obj):  # (obj: the verb's first object after it, found above)
        # "promised Sunday at a rally [to end the regime]": the date is when; an infinitive after it is what
        later = [c for c in verb.rights if c.i > obj.i and c.dep_ in ("advcl", "xcomp")]
        infinitive = next((c for c in later if _infinitive(c)), None)
        if infinitive is not None:
            return trimmed_char_pieces(doc, pieces({t.i for t in infinitive.subtree} - frame))
    framed = obj is not None and any(  # "accused [her of lying]": a pronoun object with what it is charged with
        c.dep_ == "prep" and c.i > obj.i and c.lower_ in OBJECT_PREPS for c in verb.rights
    )
    # a referring pronoun is the content of a verb whose object is what it reports on ("denied [it]", "endorsed
    # [her]"), not of one whose object is who is spoken to ("told him")
    referring = obj is not None and obj.lower_ in REFERRING_OBJECTS and cue.lemma not in ADDRESSEE_VERBS
    if obj is not None and cue.lemma not in NO_OBJECT_VERBS and (
        obj.lower_ not in PRONOUN_OBJECTS or framed or referring
    ):
        ids = {t.i for t in obj.subtree}
        for c in verb.rights:  # "endorsed [the re-election of …]" parsed as three objects: "re", "-", "election"
            if c.dep_ == "dobj" and c.i > obj.i and c.left_edge.i == max(ids) + 1 and (
                c.text in HYPHENS or doc[c.i - 1].text in HYPHENS
            ):
                ids.update(t.i for t in c.subtree)
        ids.update(_object_continuations(verb, obj, lex))
        # what follows the object belongs to it: "described [X as Y]", "accused [X of Y]", "cited [X as examples]"
        for c in verb.rights:
            that_clause = c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            if c.i > obj.i and (c.dep_ in ("prep", "oprd", "ccomp", "acomp") or that_clause):
                if c.lemma_.lower() in lex.verbs or _set_off(c):
                    continue  # "defended the budget, [adding that …]": a report of its own
                # "repeated [his contention that …]": a that-clause the parser hung on the verb
                # and a phrase right after the object that the parser hung on the verb ("praised [Christie's leadership
                # in the aftermath of Sandy]"), but not the speech's circumstances ("at a rally", "on Monday")
                adjacent = c.i == obj.right_edge.i + 1
                if c.dep_ != "prep" or c.lower_ in OBJECT_PREPS or (adjacent and not _circumstance(c)):
                    ids.update(t.i for t in c.subtree)
        ids -= frame
        return trimmed_char_pieces(doc, pieces(ids - _trailing_asides(doc, ids)))
    last = doc[cue.end - 1]
    if last.dep_ == "mark" and last.i > verb.i and last.head.head == verb and last.head.dep_ in ("advcl", "xcomp"):
        # "calling for [the United States to step up …]" parsed as a clause that "for" introduces
        return trimmed_char_pieces(doc, pieces({t.i for t in last.head.subtree} - {last.i} - frame))
    if last.dep_ == "prep" and last.i > verb.i:  # a particle cue ending in its preposition: "pointed to [X]"
        prep: Token | None = last
    else:
        # the first such preposition after the cue, past adverbs ("has written extensively [on X]", "squabbled at
        # length [over X]"); not a date ("tweeted on Wednesday": when, not what)
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and _adverbs_only(
            doc, cue.end, c.i)), None)
        if prep is not None and any(g.dep_ == "pobj" and _when(g) for g in prep.children):
            prep = None
        if prep is None and cue.lemma in RESPONSE_VERBS and not any(c.dep_ == "neg" for c in verb.children):
            # "responded [to the charge]": what is answered, where it is named (not "respond to it"); a response not
            # given ("did not respond to a request for comment") says nothing
            prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "to" and any(
                g.dep_ == "pobj" and g.pos_ != "PRON" for g in c.children) and _adverbs_only(doc, cue.end, c.i)), None)
    if prep is not None and any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
        # "called for [an inquiry]", "spoke of [a crisis]", "warned about [the risks]"
        ids = {t.i for t in prep.subtree} - {prep.i}
        for c in verb.rights:
            # "referred to [Rubio as “a bright leader”]": an "as" after the object says what it is called
            if c.i > prep.i and (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")):
                ids.update(t.i for t in c.subtree)
        return trimmed_char_pieces(doc, pieces(ids - frame))
    if any(c.dep_ == "dobj" and c.lower_ in ("what", "which") and c.i < verb.i for c in verb.children):
        # "check out what he called [a “sex tape”]": a relative clause names a thing; the clause around it is
        # not what the cue reports
        name = next((c for c in verb.rights if c.dep_ in ("oprd", "xcomp", "attr")), None)
        if name is not None:
            return trimmed_char_pieces(doc, pieces({t.i for t in name.subtree} - frame))
    fronted = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if fronted is not None and fronted.lower_ in RELATIVE_OBJECTS and verb.dep_ == "relcl":
        # "the trade agreement, [which] Mr. Putin opposed", "Florida, [which] he describes [as his second home]":
        # the relative pronoun stands for what the cue reports on, with what it is called
        ids = {fronted.i}
        for c in verb.rights:
            if c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "as"):
                ids.update(t.i for t in c.subtree)
        return trimmed_char_pieces(doc, pieces(ids - frame))
    if fronted is not None and fronted.lower_ in ("what", "which"):
        return []
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # a parenthetical or postposed cue: "The plan, he said, failed." / "It failed, he said."
        reported = verb.dep_ == "ccomp" and verb.i > verb.head.i and verb.head.lemma_.lower() in lex.verbs
        if reported or (_subordinate(verb) and not _as_reported(verb)):
            # "A spokesman said [he could not comment]": the clause another cue reports, not around it; "Though he
            # does not endorse X, he backs Y": a subordinate clause, not a parenthetical frame
            return []
        if verb.dep_ == "parataxis" or any(c.dep_ == "nsubj" for c in verb.children):
            own = {t.i for t in verb.subtree}
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
            for stray in subjects[:-1]:  # "These employees, the chief said, were well paid": the first is the clause's
                own -= {t.i for t in stray.subtree}
            sent = verb.sent
            around = [t.i for t in verb.head.subtree if t.i not in own and sent.start <= t.i < sent.end]
            return trimmed_char_pieces(doc, pieces(around))
    if _parenthetical_relative(verb):
        # "The difference now, he told me on Friday, is that …" with the aside hung on "difference" (a relative
        # clause or parataxis of the noun): the clause around the aside is what was said
        clause_head = verb.head.head
        own = {t.i for t in verb.subtree}
        sent = verb.sent
        around = [t.i for t in clause_head.subtree if t.i not in own and sent.start <= t.i < sent.end]
        return trimmed_char_pieces(doc, pieces(around))
    return _sentence_before(doc, cue, source)


def inverted_aside(doc: Doc, cue: Cue) -> tuple[tuple[int, int], Pieces] | None:
    """"The plan, said the mayor, would cost too much.", "Part of the problem, say experts like Paul Bauman, a
    geophysicist, is the ground itself.": a speaker tag with its subject after the verb, set off by commas inside
    the sentence. The parser seldom reads it as an aside; the words give it away: a comma, the verb, a noun phrase
    with no verb in it, a comma, and the rest of the clause. Returns the speaker's token range and the sentence
    around the tag."""
    verb, sent = cue.head, cue.head.sent
    if verb.lemma_.lower() not in TAG_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # a finite speech verb: "…, highlighting top news tweets, …" is no tag
    if cue.passive or cue.start - 1 <= sent.start or doc[cue.start - 1].text != ",":
        return None
    first = doc[cue.end] if cue.end < sent.end else None
    if first is None or first.pos_ not in TAG_SUBJECT_POS or first.lower_ in ("that", "it"):
        return None
    # the rest of the clause starts at the first verb after the tag; the tag ends at the last comma before it
    rest = next((t for t in doc[cue.end : sent.end] if t.pos_ in ("VERB", "AUX")), None)
    if rest is None or (rest.head if rest.pos_ == "AUX" else rest).dep_ in ("relcl", "acl"):
        return None  # "…, said Wilcox, an Orlando Republican who founded …": the tag's own apposition
    close = max((t.i for t in doc[cue.end : rest.i] if t.text == ","), default=None)
    if close is None or close == cue.end or any(t.pos_ in ("VERB", "AUX") for t in doc[cue.end : close]):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in doc[cue.end : close]) or close - cue.end > MAX_TAG_TOKENS:
        return None
    if not any(t.is_alpha for t in doc[sent.start : cue.start - 1]) or doc[close + 1].lower_ in RELATIVE | {"whose"}:
        return None  # ("…, said the report, which was published Monday": a relative clause, not the rest)
    if any(t.is_quote for t in doc[sent.start : sent.end]):
        return None  # quotes around a tag are read as quotes ("“We lost,” said the coach, “and badly.”")
    return (cue.end, close), trimmed_char_pieces(doc, [(sent.start, cue.start - 1), (close + 1, sent.end)])


TAG_SUBJECT_POS = ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON")
# verbs that make an inverted speaker tag ("…, said the mayor, …", "…, write the authors, …")
TAG_VERBS = {"say", "add", "write", "note", "explain", "insist", "argue", "recall", "continue", "claim", "warn",
             "conclude", "observe", "remark", "report", "tell"}


def _quoted_title(head: Token) -> bool:
    """A word that opens a short quoted title ("“Meet the Press”", "''The Late Show''"): capitalised words between
    quotation marks, the first of them this one."""
    doc = head.doc
    if head.i == 0 or not doc[head.i - 1].is_quote or not head.is_title:
        return False
    end = head.i
    while end < len(doc) and not doc[end].is_quote and end - head.i < MAX_TITLE_WORDS:
        end += 1
    words = [t for t in doc[head.i : end] if not t.is_punct]
    return end < len(doc) and doc[end].is_quote and all(t.is_title or (t.is_lower and len(t) <= 4) for t in words)


MAX_TITLE_WORDS = 8
HYPHENS = {"-", "‐", "–"}


def _adverbs_only(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are at most three adverbs or adverbial nouns ("extensively", "again", "repeatedly")."""
    adverbial = ("advmod", "npadvmod")
    return end - start <= 3 and all(t.dep_ in adverbial or t.head.dep_ == "npadvmod" for t in doc[start:end])


def _parenthetical_relative(verb: Token) -> bool:
    """A reporting clause with a subject of its own, set off by commas on both sides and with no relative word,
    that the parser hung on the subject noun before it: an aside, not a relative clause."""
    if verb.dep_ not in ("relcl", "parataxis") or verb.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if verb.head.head.i <= verb.i:
        return False
    doc = verb.doc
    lo, hi = verb.left_edge.i, verb.right_edge.i
    if doc[lo].text != ",":  # the parser hangs the commas on the aside or on the words around it
        lo -= 1
    if hi + 1 < len(doc) and doc[hi].text != ",":
        hi += 1
    if lo < 0 or doc[lo].text != "," or doc[hi].text != ",":
        return False
    return any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) and not any(
        t.lower_ in RELATIVE | {"whose", "where", "when"} for t in doc[lo : verb.i]
    )


def _sentence_before(doc: Doc, cue: Cue, source: tuple[int, int] | None) -> Pieces:
    """A cue ending its sentence after a comma and its source ("…, pollsters said." or "…, said Geert Wilders, a
    party founder."), whatever the parser made of the words before: they are what was said. And a cue with its
    source set off by commas inside a sentence the parser did not hang it on as an aside ("The hashtag, Mr. Abboud
    said, accompanied …"): the sentence around it."""
    verb, sent = cue.head, cue.head.sent
    if source is None or cue.passive:
        return []
    inverted = source[0] == cue.end and verb.lemma_.lower() in NO_OBJECT_VERBS
    if source[1] != cue.start and not inverted:
        return []
    start, end = (cue.start, source[1]) if inverted else (source[0], cue.end)
    if start - 1 <= sent.start or doc[start - 1].text not in SET_OFF:
        return []
    if all(t.is_punct for t in doc[end : sent.end]):
        return trimmed_char_pieces(doc, [(sent.start, start - 1)]) if inverted or verb.dep_ == "ROOT" else []
    if inverted or verb.dep_ != "parataxis":
        return []
    # an aside: the cue's own adverbials may follow it up to the closing comma ("said on Saturday,")
    close = next((t.i for t in doc[end : sent.end] if t.text in SET_OFF), None)
    if close is None or any(t.dep_ not in CUE_ADVERBIAL_DEPS for t in doc[end:close]):
        return []
    before = sum(1 for t in doc[sent.start : start - 1] if not t.is_punct)
    after = sum(1 for t in doc[close + 1 : sent.end] if not t.is_punct)
    if before < 2 or after < 2:
        return []
    return trimmed_char_pieces(doc, [(sent.start, start - 1), (close + 1, sent.end)])


CUE_ADVERBIAL_DEPS = {"prep", "pobj", "npadvmod", "advmod", "det", "amod", "compound", "nummod", "punct"}


PREDICATE_SKIP = {"punct", "cc", "conj", "mark", "appos"}


def raised_content(doc: Doc, cue: Cue, subject: Token) -> Pieces:
    """"[Their choice] now appears [to be between X and Y]": the subject and the complement around the cue."""
    ids = {t.i for t in subject.subtree}
    for c in cue.head.rights:
        if c.dep_ in RAISED_DEPS:
            ids.update(t.i for t in c.subtree)
    ids -= set(range(cue.start, cue.end))
    return trimmed_char_pieces(doc, pieces(ids - _trailing_asides(doc, ids)))


def predicate_content(doc: Doc, cue: Cue, source: tuple[int, int] | None) -> Pieces:
    """What a cue the learned model vouches for says when no complement rule applies: the verb's dependents after
    the cue ("unleashed [a flurry of tweets]", "responded [by citing Chicago]"), else a passive's subject."""
    verb = cue.head
    frame = _frame_tokens(cue, source)
    ids: set[int] = set()
    for c in verb.rights:
        if c.i >= cue.end and c.dep_ not in PREDICATE_SKIP:
            ids.update(t.i for t in c.subtree)
    if not ids and cue.passive:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ not in PRONOUN_OBJECTS | RELATIVE:
            ids = {t.i for t in subj.subtree}
    ids -= frame
    return trimmed_char_pieces(doc, pieces(ids - _trailing_asides(doc, ids)))


def phrase_content(doc: Doc, cue: Cue, source: tuple[int, int] | None) -> Pieces:
    """The clause an "according to X" phrase hangs from, without the phrase."""
    head = cue.head.head if cue.head.head != cue.head else cue.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head != head:
        head = head.head
    own = set(range(cue.start, cue.end)) | ({*range(*source)} if source else set())
    own.update(t.i for t in cue.head.subtree)
    sent = cue.head.sent
    opens = all(t.is_punct or t.is_space for t in doc[sent.start : cue.start])
    comma = source[1] if source is not None else sent.end
    while comma + 1 < sent.end and doc[comma].text == "," and doc[comma + 1].tag_ in ("VBN", "VBG"):
        # "In the latest poll, conducted in May, Clinton led": the participle still describes the source
        comma = next((t.i for t in doc[comma + 1 : sent.end] if t.text == ","), sent.end)
    if opens and cue.lemma == "according to" and comma < sent.end and doc[comma].text == ",":
        # "According to a 2016 study by Pew, [voters skew younger].": the rest of the sentence after the phrase,
        # whatever the parser hung on what
        return trimmed_char_pieces(doc, [(comma + 1, sent.end)])
    if sent.start < cue.start and doc[cue.start - 1].text in SET_OFF:
        if all(t.is_punct or t.is_space for t in doc[max(own) + 1 : sent.end]):
            # "Trump received 37 percent and Bloomberg 13, according to a poll.": the whole sentence before it,
            # whichever clause or noun the parser hung the phrase on
            return trimmed_char_pieces(doc, [(sent.start, cue.start - 1)])
    ids = [t.i for t in head.subtree if t.i not in own and sent.start <= t.i < sent.end]
    return trimmed_char_pieces(doc, pieces(ids))


def adjective_frame_content(doc: Doc, cue: Cue) -> Pieces:
    """What a predicate adjective's frame takes: the object of its preposition ("critical of [Trump]") or its
    to-infinitive ("eager [to move on]")."""
    adjective = cue.head
    if cue.lemma.endswith(" to"):
        comp = next((c for c in adjective.rights if c.dep_ == "xcomp"), None)
        return trimmed_char_pieces(doc, pieces({t.i for t in comp.subtree})) if comp is not None else []
    prep = doc[cue.end - 1]
    return trimmed_char_pieces(doc, pieces({t.i for g in prep.children if g.dep_ == "pobj" for t in g.subtree}))


def noun_content(doc: Doc, cue: Cue) -> Pieces:
    clause = next((c for c in cue.head.rights if c.dep_ in ("acl", "ccomp")), None)
    return _clause(doc, clause, set()) if clause is not None else []


def noun_complement(doc: Doc, cue: Cue) -> Pieces:
    """A learned noun cue's content: the object of its preposition ("questions about [the foundation]"), else its
    infinitive or clause ("effort [to bounce back]")."""
    noun = cue.head
    if cue.end > noun.i + 1:
        obj = next((g for g in doc[cue.end - 1].children if g.dep_ in ("pobj", "pcomp")), None)
        return _clause(doc, obj, set()) if obj is not None else []
    comp = next((c for c in noun.rights if c.dep_ in ("acl", "relcl", "ccomp", "xcomp")), None)
    return _clause(doc, comp, set()) if comp is not None and comp.dep_ != "relcl" else []


def colon_content(doc: Doc, cue: Cue) -> Pieces:
    """The rest of the line after the colon (a transcript turn runs over several sentences)."""
    end = cue.end
    while end < len(doc) and not doc[end].is_space and "\n" not in doc[end - 1].whitespace_:
        end += 1
    return trimmed_char_pieces(doc, [(cue.end, end)])


def clause_extent(doc: Doc, cue: Cue, source: tuple[int, int] | None) -> tuple[int, int]:
    """Characters of the cue's own clause: the cue, its source and the modifiers hanging from the cue
    ("the embassy said in a Twitter post")."""
    ids = set(range(cue.start, cue.end))
    if source:
        ids.update(range(*source))
    for c in cue.head.rights:  # modifiers before the cue are often misattached words of a preceding quote
        # and whom the words are addressed to ("telling Breitbart London: “…”")
        addressee = c.dep_ == "dobj" and cue.lemma in ADDRESSEE_VERBS
        if (c.dep_ in ("prep", "npadvmod", "advmod", "agent", "dative") or addressee) and not c.is_punct:
            # "accused him of lying" keeps its "of" in the content; "he said of Trump, “…”" is the cue's clause
            if not (c.dep_ == "prep" and c.lower_ in ACCUSATION_PREPS and cue.cls.act != "report"):
                lo, hi = subtree_range(c)
                if any(t.is_quote for t in doc[cue.end : lo]):
                    continue  # "say, ''Poor Mexico, so far from God''": a word of the quote the parser hung on the cue
                ids.update(range(lo, hi))
    lo, hi = min(ids), max(ids) + 1
    return char_range(doc, lo, hi)
