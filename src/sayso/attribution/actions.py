"""Actions, idioms and generic addresses: uses of a cue verb in which nobody says, believes or finds anything.

The cue lexicons and the frames mined from PolNeAR admit a verb by its lemma and its frame; in ordinary news many
of those uses are not attributions. `action_reason(verb, lex)` says why a verb that would be a cue is not one, or
None where it is one. The words each rule reads are data (lexicons/data/action_words.tsv). The classes:

- a generic "you" or "one" as the subject ("you'd think …", "one might say …", "you can thank the director");
- an imperative addressed to the reader ("Remember when …", "Talk about it with …", "Thank God");
- an idiom with a cue word in it ("speaking of …", "needless to say");
- being somewhere, not seeming: "appeared on Fox News", "appear on other platforms" ("appears to" stays);
- a participle that names: "a film called Ghost", "songs titled …";
- calling someone on the telephone or calling an event: "called the police", "called a meeting";
- moving ("marched to the city hall", "flew to Brussels") whatever a learned model votes;
- voting and deciding to act: "voted to send a letter", "decided to resign";
- charging a price or a battery, not a person with a crime: "charges his phone", "charged him for the boxes";
- an object that is a thing, not something said: "offered bounties", "released prisoners", "declined the role",
  "showed mercy", "shows off the device" (but "offered his condolences", "released a statement");
- an attack or a defence of a place or by armed men: "militants attacked two villages", "defending the city".
"""

from __future__ import annotations

from spacy.tokens import Token

from sayso.lexicons import Lexicons

MAX_CALLED = 6  # tokens in the object of a call on the telephone or of an event
GENERIC = {"you", "one", "ya", "y'all"}
SPEECH_ACTS = {"be", "give", "provide", "offer", "release", "disclose", "name", "identify", "elaborate", "address"}
# nouns whose infinitive was done ("took the opportunity to remind", "the first to say")
OCCASIONS = {"first", "last", "one", "only", "opportunity", "chance", "occasion", "moment", "time", "platform", "stage"}
REFUSALS = {"refuse", "decline"}
SEEM_VERBS = {"appear", "seem"}
SEEM_COMPLEMENTS = {"xcomp", "ccomp", "acomp", "attr", "oprd"}
# words that may stand before an imperative at the start of its sentence ("So remember …", "Just imagine …")
IMPERATIVE_OPENERS = {"so", "just", "now", "and", "but", "please", "oh", "well", "then", "also", "again"}


def action_reason(verb: Token, lex: Lexicons, particle: bool = False) -> str | None:
    """Why this verb, which its lemma and frame make a cue, is no attribution here; None where it is one. With a
    particle phrase of the lexicons ("call for", "speak of"), only who speaks and the idioms decide."""
    lemma = verb.lemma_.lower()
    words = lex.action_words
    subject = _subject(verb)
    deps = {c.dep_ for c in verb.children}
    if subject is not None and _generic(subject):
        return "a generic you or one"
    if _imperative(verb):
        return "an imperative to the reader"
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() == "let" and verb.head.i < verb.i:
        return "a speaker's own frame"  # "Let me ask you a question", "let us say"
    if _in_idiom(verb, words.get("idiom", frozenset())):
        return "an idiom"
    if particle:
        return None
    if lemma in SEEM_VERBS and not deps & SEEM_COMPLEMENTS:
        return "being somewhere, not seeming"
    if lemma in words.get("naming_verb", ()) and verb.dep_ == "acl" and verb.tag_ == "VBN" and _one_name(verb) and (
        lex.source_words.get(verb.head.lemma_.lower()) != "document"
    ):  # (a story or a report "titled 'Nasa Confirms …'" says what its title says)
        return "a participle that names"
    if lemma in words.get("naming_verb", ()) and _named(verb, deps):
        return "a name given"
    if lemma == "cite" and _cites_a_source(verb, deps, lex):
        return "a source cited, not what it says"
    if lemma == "question" and _questions_someone(verb, deps, lex):
        return "an interrogation"
    if _infinitive_of_a_noun(verb):
        return "an infinitive after a noun: nothing said yet"
    if _purpose(verb, lex):
        return "a purpose: nothing said yet"
    if lemma == "call" and _calls_up(verb, lex):
        return "a call on the telephone or of an event"
    if lemma in words.get("vote_verb", ()):
        return "a vote"
    if lemma in words.get("motion_verb", ()):
        return "a motion"
    if lemma == "decide" and _own_infinitive(verb) is not None:
        return "a decision to act"
    if lemma in REFUSALS and _refuses_to_act(verb, lex):
        return "a refusal to act"
    if lemma == "charge" and _charges_a_price(verb, deps):
        return "a charge for a price"
    if lemma in words.get("object_verb", ()) and _thing_object(verb, deps, lex):
        return "an object that is a thing, not something said"
    if lemma == "show" and _shows_a_thing(verb, subject, deps, lex):
        return "showing a thing, not that something is so"
    if lemma in words.get("physical_verb", ()) and _fight(verb, subject, words):
        return "a fight"
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it is coordinated with or depends on ("… and said")."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _generic(subject: Token) -> bool:
    """"you", and "one" with a modal ("one might argue"; not "One said …" of one of several just named, not "one
    of the officials", not "the one who …")."""
    modified = any(c.dep_ in ("prep", "det", "amod", "relcl", "acl") for c in subject.children)
    if subject.lower_ not in GENERIC or modified:
        return False
    return subject.lower_ != "one" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in subject.head.children)


def _imperative(verb: Token) -> bool:
    """A bare verb with no subject or auxiliary that opens its sentence ("Remember when …")."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "conj"):
        return False
    if verb.dep_ == "conj" and not _imperative(verb.head):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "expl") for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() != "do" for c in verb.children):
        return False  # ("Do not believe …", "Don't believe it" are imperatives too)
    if verb.dep_ == "conj":
        return True
    first = verb.sent.start
    for tok in verb.doc[first : verb.i]:
        if not (tok.is_punct or tok.is_space or tok.lower_ in IMPERATIVE_OPENERS or (tok.head == verb and tok.dep_ in (
            "advmod", "intj", "cc", "punct", "neg", "aux"))):
            return False
    return True


def _in_idiom(verb: Token, idioms: frozenset[str]) -> bool:
    doc = verb.doc
    forms = {verb.lower_, verb.lemma_.lower()}
    for idiom in idioms:
        words = idiom.split()
        for k, word in enumerate(words):
            if word not in forms:
                continue
            start = verb.i - k
            if words[0].endswith("ing") and start >= 0 and not _opens_sentence(doc[start]):
                continue  # "Speaking of money, …" opens its sentence; "Caddell, speaking of her health, said"
            if start >= 0 and start + len(words) <= len(doc):
                if [t.lower_ for t in doc[start : start + len(words)]] == words or (
                    [doc[start + n].lemma_.lower() if n == k else doc[start + n].lower_ for n in range(len(words))]
                    == words
                ):
                    return True
    return False


def _opens_sentence(tok: Token) -> bool:
    return all(t.is_punct or t.is_space or t.is_quote for t in tok.doc[tok.sent.start : tok.i])


def _own_infinitive(verb: Token) -> Token | None:
    infinitives = (c for c in verb.children if c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children))
    return next(infinitives, None)


def _calls_up(verb: Token, lex: Lexicons) -> bool:
    """"called the police", "called a snap election": an object and nothing said of it (not "called it a
    disgrace", "called the report “fake”", not "call for", "call on", "call out")."""
    kids = [c for c in verb.children if c.ent_type_ not in ("TIME", "DATE")]  # "called around 3:30 pm"
    if any(c.dep_ in ("prt", "oprd", "ccomp", "attr", "acomp") for c in kids):
        return False
    after = verb.doc[verb.i + 1 : verb.sent.end]
    if any(t.is_quote for t in after[:8]):
        return False
    deps = {c.dep_ for c in kids}
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    event = obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.ent_type_ != "PERSON"
    said = [c for c in kids if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in lex.verbs]
    if not event and any(g.dep_ == "aux" and g.lower_ == "to" for c in said for g in c.children):
        return False  # "he called to say …", "called reporters to say …": what he said is the content of the call
    if "nsubjpass" in deps and not deps & {"xcomp", "dobj"}:
        return True  # "Police were called to the scene"
    if obj is None:
        # "he called to complain", "she called twice": a call on the telephone ("called for" is a particle cue)
        return not any(c.dep_ == "prep" for c in kids) and "nsubjpass" not in deps and verb.dep_ != "acl"
    if "xcomp" in deps:
        return False
    if len(list(obj.subtree)) > MAX_CALLED:
        return False  # the police, a meeting, a snap election: what is called up is short
    return not any(c.dep_ in ("oprd", "acomp", "amod", "appos") and c.i > obj.i for c in obj.children)


def _one_name(verb: Token) -> bool:
    """One name after a naming participle ("a film called Ghost"), not a name and a label ("the letter called Oz
    a quack": the letter calls him one)."""
    return sum(1 for c in verb.children if c.dep_ in ("oprd", "attr", "dobj", "ccomp", "xcomp")) <= 1


def _refuses_to_act(verb: Token, lex: Lexicons) -> bool:
    """"refused to reverse the charge", not "declined to comment" or "refused to say": a refusal to do something
    other than speak."""
    infinitive = _own_infinitive(verb)
    if infinitive is None:
        return False
    lemma = infinitive.lemma_.lower()
    said = lex.cue_types.get(("verb", lemma))
    return not (lemma in lex.verbs and (said is None or said.type == "statement")) and lemma not in SPEECH_ACTS


def _infinitive_of_a_noun(verb: Token) -> bool:
    """"efforts to discuss the detention", "the ability to report posts": what a noun would have someone say, not
    what anyone said (not "the first to say", "the only one to admit")."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    return head.pos_ == "NOUN" and head.lemma_.lower() not in OCCASIONS


def _purpose(verb: Token, lex: Lexicons) -> bool:
    """"joined the programme to discuss his story", "filmed it to document the incident": an infinitive of purpose
    on a clause that is no cue itself."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() not in lex.verbs and not any(c.dep_ == "ccomp" for c in verb.children)


def _named(verb: Token, deps: set[str]) -> bool:
    """"The service is reportedly called Project Rainbow": an agentless passive whose complement is a name (not "was
    called a racist", a label someone gave)."""
    if "nsubjpass" not in deps or any(c.dep_ == "agent" for c in verb.children):
        return False
    comp = next((c for c in verb.children if c.dep_ in ("oprd", "attr")), None)
    return comp is not None and comp.pos_ == "PROPN"


def _cites_a_source(verb: Token, deps: set[str], lex: Lexicons) -> bool:
    """"…, citing a security official": the object is who says it, not what is said."""
    if deps & {"ccomp", "xcomp"}:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and lex.source_words.get(obj.lemma_.lower(), "document") != "document"


def _questions_someone(verb: Token, deps: set[str], lex: Lexicons) -> bool:
    """"Investigators were questioning her", "the FBI has questioned a man": asking someone, not doubting a claim."""
    if deps & {"ccomp", "xcomp"}:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    return (obj.pos_ == "PRON" and obj.lower_ not in ("it", "this", "that", "what")) or obj.ent_type_ == "PERSON" or (
        lex.source_words.get(obj.lemma_.lower()) in ("person", "anonymous_officials")
        or obj.lemma_.lower() in ("man", "woman", "suspect", "witness", "driver", "boy", "girl", "people"))


def _charges_a_price(verb: Token, deps: set[str]) -> bool:
    """"charges his phone", "charged him for the boxes": active, with no crime ("with …") and no clause."""
    if "auxpass" in deps or "nsubjpass" in deps or "ccomp" in deps:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def _thing_object(verb: Token, deps: set[str], lex: Lexicons) -> bool:
    """An object that is not something said ("offered bounties", not "offered condolences" or "offered to help")."""
    if deps & {"ccomp", "xcomp", "auxpass", "nsubjpass"}:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ == "PRON":
        return False
    said = lex.action_words.get("speech_object", frozenset())
    if obj.lower_ in said or obj.lemma_.lower() in said or obj.lemma_.lower() in lex.nouns:
        return False
    if lex.source_words.get(obj.lemma_.lower()) == "document" or lex.source_words.get(obj.lower_) == "document":
        # "released an ad attacking Trump", "issued a paper welcoming the plan": a document and what it says
        return not any(c.dep_ in ("acl", "relcl", "appos") for c in obj.children)
    return True


def _shows_a_thing(verb: Token, subject: Token | None, deps: set[str], lex: Lexicons) -> bool:
    """"shows off the device", "showed great courage", "were out showing their support": someone showing a thing,
    not evidence showing that something is so ("the video shows him running", "polls show a tight race")."""
    if "prt" in deps:
        return True  # "show off", "show up"
    if deps & {"ccomp", "xcomp"}:
        return False
    shower = verb.head if verb.dep_ == "acl" else subject  # "a video showing …"
    if shower is not None and (shower.lemma_.lower() in lex.evidence_words or shower.lower_ in lex.evidence_words
                               or lex.source_words.get(shower.lemma_.lower()) == "document"):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and not any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("W") for t in obj.subtree)


def _fight(verb: Token, subject: Token | None, words: dict[str, frozenset[str]]) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and (obj.lemma_.lower() in words.get("target", ()) or obj.lower_ in words.get("target", ())):
        return True  # (not a place by name: "attacked China" is mostly its government's words)
    return subject is not None and subject.lower_ in words.get("armed", frozenset())
