"""The lexicons: every file parses, keys are clean lower-case lemmas, classes are valid, and the classes that matter
hold ("say" is a certain report, "suggest" a possible speculation, "may" caps certainty at possible)."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from spacy.language import Language

from sayso.lexicons import _rows, load
from sayso.model import ACTS, CERTAINTIES, SOURCE_KINDS

DATA = resources.files("sayso.lexicons").joinpath("data")
ALL_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".tsv"))
KEY = {  # the word lists of cues, hedges and sources, and their key columns (other files belong to the resolver)
    "reporting_verbs.tsv": "lemma",
    "weak_verbs.tsv": "lemma",
    "noun_cues.tsv": "lemma",
    "phrase_cues.tsv": "phrase",
    "verb_particles.tsv": "phrase",
    "adjective_cues.tsv": "lemma",
    "adjective_frames.tsv": "phrase",
    "hedges.tsv": "hedge",
    "denial_words.tsv": "word",
    "source_words.tsv": "word",
}
FILES = sorted(KEY)
CUE_FILES = [f for f in FILES if f not in ("hedges.tsv", "denial_words.tsv", "source_words.tsv")]


def weak_verbs() -> dict[str, tuple[str, str, float]]:
    return {r["lemma"]: (r["certainty"], r["act"], float(r["cue_share"])) for r in _rows("weak_verbs.tsv")}


# ---------------------------------------------------------------- files


def test_lexicons_load_every_list() -> None:
    lex = load()
    for name in ("verbs", "nouns", "phrases", "hedges", "denial_words", "source_words"):
        assert len(getattr(lex, name)) >= 15, name


@pytest.mark.parametrize("name", ALL_FILES)
def test_lexicons_every_file_parses_with_a_header(name: str) -> None:
    rows = _rows(name)
    assert rows, f"{name}: no rows"
    key = next(iter(rows[0]))
    assert all(r[key] for r in rows), f"{name}: an empty key"


@pytest.mark.parametrize("name", FILES)
def test_lexicons_file_parses_with_header_and_complete_rows(name: str) -> None:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    header = lines[0].split("\t")
    assert header[0] == KEY[name], f"{name}: header {header}"
    for ln in lines[1:]:
        assert len(ln.split("\t")) == len(header), f"{name}: {ln!r} has not {len(header)} columns"
    rows = _rows(name)
    assert rows and all(all(v for v in r.values()) for r in rows), f"{name}: an empty cell"


@pytest.mark.parametrize("name", FILES)
def test_lexicons_keys_unique_and_lower_case(name: str) -> None:
    keys = [r[KEY[name]] for r in _rows(name)]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, f"{name}: duplicate keys {dups}"
    bad = [k for k in keys if k != k.lower() or not re.fullmatch(r"[a-z'’.:-]+( [a-z'’.:-]+)*", k)]
    assert not bad, f"{name}: keys not lower-case words separated by single spaces: {bad}"


@pytest.mark.parametrize("name", CUE_FILES)
def test_lexicons_cue_classes_valid(name: str) -> None:
    for r in _rows(name):
        assert r["certainty"] in CERTAINTIES, (name, r)
        assert r["act"] in ACTS, (name, r)


def test_lexicons_hedges_and_source_kinds_valid() -> None:
    assert set(load().hedges.values()) <= set(CERTAINTIES)
    assert set(load().source_words.values()) <= set(SOURCE_KINDS)


def test_lexicons_weak_verbs_apart_from_strong_ones() -> None:
    weak = weak_verbs()
    assert list(_rows("weak_verbs.tsv")[0]) == ["lemma", "certainty", "act", "cue_share"]
    assert set(load().weak_verbs) == set(weak)
    assert not set(weak) & set(load().verbs), "a verb is both strong and weak"
    assert all(0.0 <= share <= 1.0 for _, _, share in weak.values())
    assert sum(share < 0.3 for _, _, share in weak.values()) > len(weak) / 2


def test_lexicons_phrases_are_multiword() -> None:
    assert all(" " in p for p in load().phrases)
    particles = [r["phrase"] for r in _rows("verb_particles.tsv")]
    assert all(" " in p for p in particles)


def test_lexicons_hedges_have_one_or_three_words() -> None:
    """The certainty stage looks hedges up as single words and as three-word sequences."""
    assert all(len(h.split()) in (1, 3) for h in load().hedges)


# ---------------------------------------------------------------- lemmas

IRREGULAR_PAST = {
    "say": "said",
    "tell": "told",
    "write": "wrote",
    "think": "thought",
    "feel": "felt",
    "understand": "understood",
    "find": "found",
    "hear": "heard",
    "know": "knew",
    "read": "read",
    "seek": "sought",
    "forecast": "forecast",
    "mean": "meant",
    "speak": "spoke",
    "withhold": "withheld",
}
DOUBLED = {  # a final consonant doubled before -ed/-ing
    "admit", "commit", "refer", "prefer", "rebut", "dub", "quip", "slam", "plan", "regret", "fret", "scar",
    "ban", "stop", "chat", "spar", "bar",
}  # fmt: skip
# spaCy's lemma of the past form, where it is not the entry: the lemma must be an entry too, with the same class
SPACY_LEMMA = {"hope": "hop", "retweet": "retweete"}
# forms spaCy leaves unlemmatised (the lemma is the form itself): a lemma lookup misses them
UNLEMMATISED = {"deeming", "slamming"}


def inflect(lemma: str) -> tuple[str, str, str]:
    """(past, third person singular, gerund) of a regular verb, with the few irregular pasts of the lexicons."""
    if lemma in DOUBLED:
        stem = lemma + lemma[-1]
        return stem + "ed", lemma + "s", stem + "ing"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing"
    if lemma.endswith("e"):
        gerund = lemma + "ing" if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1] + "ing"
        return IRREGULAR_PAST.get(lemma, lemma + "d"), lemma + "s", gerund
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else lemma + "s"
    return IRREGULAR_PAST.get(lemma, lemma + "ed"), third, lemma + "ing"


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("say", ("said", "says", "saying")),
        ("deny", ("denied", "denies", "denying")),
        ("quip", ("quipped", "quips", "quipping")),
        ("note", ("noted", "notes", "noting")),
        ("push", ("pushed", "pushes", "pushing")),
        ("agree", ("agreed", "agrees", "agreeing")),
    ],
)
def test_lexicons_inflect_helper(lemma: str, forms: tuple[str, str, str]) -> None:
    assert inflect(lemma) == forms


def test_lexicons_verbs_are_spacy_lemmas(nlp: Language) -> None:
    """Each verb entry is spaCy's lemma of its past form in "They <past> it."; the lemmas of its -s and -ing forms
    are entries too, so every inflection of a listed verb finds its class."""
    lex = load()
    weak = weak_verbs()
    classes = {v: (c.certainty, c.act) for v, c in lex.verbs.items()} | {v: w[:2] for v, w in weak.items()}
    entries = sorted(classes)
    docs = list(nlp.pipe(f"They {form} it." for v in entries for form in inflect(v)))
    wrong, missing = [], []
    for i, verb in enumerate(entries):
        past, third, gerund = (docs[3 * i + k][1] for k in range(3))
        expected = SPACY_LEMMA.get(verb, verb)
        if past.lemma_ != expected:
            wrong.append(f"{verb}: {past.text} -> {past.lemma_}")
        for tok in (past, third, gerund):
            if tok.pos_ == "VERB" and tok.lemma_ not in classes and tok.lemma_ not in UNLEMMATISED:
                missing.append(f"{verb}: {tok.text} -> {tok.lemma_}")
    assert not wrong, f"entries that are not spaCy's lemma of their past form: {wrong}"
    assert not missing, f"inflections whose spaCy lemma is no entry: {missing}"
    for verb, quirk in SPACY_LEMMA.items():
        assert classes[quirk] == classes[verb], f"{quirk!r} (spaCy's lemma of {verb!r}) has another class"


def test_lexicons_nouns_are_spacy_lemmas(nlp: Language) -> None:
    nouns = sorted(n for n in load().nouns if " " not in n and "-" not in n)
    docs = list(nlp.pipe(f"The {n} was new." for n in nouns))
    wrong = [f"{n} -> {d[1].lemma_}" for n, d in zip(nouns, docs, strict=True) if d[1].lemma_ != n]
    assert not wrong, f"noun entries that are not spaCy's lemma of themselves: {wrong}"


# ---------------------------------------------------------------- the classes that matter


@pytest.mark.parametrize(
    ("verb", "certainty", "act"),
    [
        ("say", "certain", "report"),
        ("tell", "certain", "report"),
        ("believe", "probable", "belief"),
        ("think", "probable", "belief"),
        ("suggest", "possible", "speculation"),
        ("deny", "certain", "denial"),
        ("demand", "certain", "demand"),
        ("urge", "certain", "demand"),
        ("claim", "certain", "assertion"),
        ("conclude", "certain", "assessment"),
    ],
)
def test_lexicons_verb_classes(verb: str, certainty: str, act: str) -> None:
    cls = load().verbs[verb]
    assert (cls.certainty, cls.act) == (certainty, act)


def test_lexicons_accusations_and_weak_verbs() -> None:
    lex = load()
    assert lex.verbs["accuse"].act == "accusation"
    assert lex.verbs["allege"].act == "accusation"
    assert lex.nouns["allegation"].act == "accusation"
    weak = weak_verbs()
    assert "find" in weak and "find" not in lex.verbs
    assert weak["learn"][1] == "report"


def test_lexicons_phrases_hedges_sources() -> None:
    lex = load()
    assert (lex.phrases["according to"].certainty, lex.phrases["according to"].act) == ("certain", "report")
    particles = {r["phrase"]: (r["certainty"], r["act"]) for r in _rows("verb_particles.tsv")}
    assert particles["call for"] == ("certain", "demand")
    assert particles["point out"] == ("certain", "report")
    adjectives = {r["lemma"]: (r["certainty"], r["act"]) for r in _rows("adjective_cues.tsv")}
    assert adjectives["confident"] == ("certain", "belief")
    assert lex.hedges["may"] == "possible"
    assert lex.hedges["might"] == "possible"
    assert lex.hedges["allegedly"] == "possible"
    assert lex.hedges["reportedly"] == "probable"
    assert "would" not in lex.hedges
    assert lex.source_words["officials"] == "anonymous_officials"
    assert lex.source_words["spokeswoman"] == "anonymous_officials"
    assert lex.source_words["poll"] == "document"
    assert lex.source_words["pentagon"] == "government"
    assert "baseless" in lex.denial_words


def test_lexicons_adjectives_are_spacy_lemmas(nlp: Language) -> None:
    adjectives = sorted(r["lemma"] for r in _rows("adjective_cues.tsv"))
    docs = list(nlp.pipe(f"The aides are {a} that it works." for a in adjectives))
    wrong = [f"{a} -> {d[3].lemma_}/{d[3].pos_}" for a, d in zip(adjectives, docs, strict=True) if d[3].lemma_ != a]
    assert not wrong, f"adjective entries that are not spaCy's lemma of themselves: {wrong}"


def test_lexicons_adjective_frames_are_a_lemma_and_its_preposition(nlp: Language) -> None:
    """adjective_frames.tsv: a predicate adjective's spaCy lemma and the one preposition (or "to" of an infinitive)
    after it, as sayso.attribution.cues.adjective_frame_cues matches them."""
    phrases = sorted(r["phrase"] for r in _rows("adjective_frames.tsv"))
    assert all(len(p.split()) == 2 for p in phrases), phrases
    texts = [f"The aides were {a} {w} {'win' if w == 'to' else 'the plan'}." for a, w in (p.split() for p in phrases)]
    wrong = [
        f"{p} -> {d[3].lemma_}/{d[3].pos_}/{d[3].dep_}"
        for p, d in zip(phrases, nlp.pipe(texts), strict=True)
        if (d[3].lemma_, d[3].pos_, d[3].dep_) != (p.split()[0], "ADJ", "acomp")
    ]
    assert not wrong, f"adjective frames whose adjective is not a predicate adjective's lemma: {wrong}"


def test_lexicons_speaker_frames_are_mined_rows_that_attribute() -> None:
    """speaker_frames.tsv (training/mine_frames.py --speakers): one row per lemma, frame and kind of speaker, each
    seen at least 4 times and inside a gold cue at least half of the time; the frames and speakers are the ones
    sayso.attribution.cues computes."""
    from sayso.lexicons import SPEAKER_KINDS

    rows = _rows("speaker_frames.tsv")
    assert len(rows) > 100
    keys = [(r["lemma"], r["frame"], r["speaker"]) for r in rows]
    assert len(keys) == len(set(keys))
    for r in rows:
        assert r["lemma"].isalpha() and r["lemma"] == r["lemma"].lower(), r
        assert r["frame"] in ("passive", "ccomp", "xcomp", "dobj", "prep", "none"), r
        assert r["speaker"] in SPEAKER_KINDS, r
        assert 0.5 <= float(r["cue_share"]) <= 1.0 and int(r["count"]) >= 4, r
    assert load().speaker_frames[("compare", "dobj", "name")] >= 0.6
