"""Word lists as data: reporting verbs, noun and phrase cues, hedges, denials, source words.

Each list is a TSV file in `data/` (`#` starts a comment; the first non-comment line names the columns).
`load()` reads them once and checks every class against the model's vocabularies.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sayso.model import ACTS, CERTAINTIES, SOURCE_KINDS, TYPES

SPEAKER_KINDS = ("name", "pronoun", "source", "other", "none")  # sayso.attribution.cues.speaker_kind
CUE_KINDS = ("verb", "particle", "noun", "phrase", "adjective", "adjective_frame")  # cue_types.tsv, kind
ACTION_ROLES = (
    "object_verb", "speech_object", "physical_verb", "target", "armed", "naming_verb", "vote_verb", "motion_verb",
    "idiom",
)


@dataclass(frozen=True)
class CueType:
    """The type of attribution a cue makes (`type`), with a to-infinitive of its own (`with_infinitive`: "hope to"
    is an intention) and with evidence for its source (`of_evidence`: "the video revealed" is a finding)."""

    type: str
    with_infinitive: str
    of_evidence: str


@dataclass(frozen=True)
class CueClass:
    """What a cue says about its source's commitment (`certainty`) and what the source does (`act`)."""

    certainty: str
    act: str


@dataclass(frozen=True)
class Lexicons:
    verbs: dict[str, CueClass]  # reporting verb lemma -> class ("say", "believe", "deny")
    weak_verbs: dict[str, CueClass]  # cues only with a that-clause ("found that", "learned that")
    verb_frames: dict[tuple[str, str], float]  # (lemma, frame) -> share of its uses that attribute (mined)
    particles: dict[str, CueClass]  # verb lemma + particle words -> class ("call for", "point to", "rule out")
    adjectives: dict[str, CueClass]  # predicate adjectives with a that-clause ("confident that", "clear that")
    nouns: dict[str, CueClass]  # reporting noun lemma -> class ("statement", "accusation", "report")
    phrases: dict[str, CueClass]  # multiword cue, lower-case words -> class ("according to", "in a statement")
    hedges: dict[str, str]  # hedge word or phrase in a content -> the certainty it caps to ("may" -> possible)
    denial_words: frozenset[str]  # words that make a statement a denial ("baseless", "false")
    source_words: dict[str, str]  # head noun of a source -> source kind ("officials" -> anonymous_officials)
    # (lemma, frame, kind of speaker) -> share of its uses that attribute (mined; rows that often do)
    speaker_frames: dict[tuple[str, str, str], float] = field(default_factory=dict)
    speaker_frames_lemmas: frozenset[str] = frozenset()
    # predicate adjectives with a preposition or a to-infinitive ("critical of", "eager to")
    adjective_frames: dict[str, CueClass] = field(default_factory=dict)
    # (cue kind, lemma or phrase) -> the type of attribution it makes; cues not listed are statements
    cue_types: dict[tuple[str, str], CueType] = field(default_factory=dict)
    evidence_words: frozenset[str] = frozenset()  # head nouns of sources that are evidence ("study", "footage")
    # role -> words that tell an action, idiom or generic address from an attribution (action_words.tsv)
    action_words: dict[str, frozenset[str]] = field(default_factory=dict)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("sayso.lexicons").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def _check(name: str, column: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"lexicon {name}: {column} {value!r} is not one of {', '.join(allowed)}")
    return value


def _cue_classes(name: str, key: str) -> dict[str, CueClass]:
    out = {}
    for row in _rows(name):
        out[row[key].lower()] = CueClass(
            _check(name, "certainty", row["certainty"], CERTAINTIES), _check(name, "act", row["act"], ACTS)
        )
    return out


def _cue_types() -> dict[tuple[str, str], CueType]:
    name = "cue_types.tsv"
    out = {}
    for row in _rows(name):
        kind = _check(name, "kind", row["kind"], CUE_KINDS)
        base = _check(name, "type", row["type"], TYPES)
        to, evidence = (base if row[c] == "-" else _check(name, c, row[c], TYPES) for c in ("to_type", "evidence_type"))
        out[(kind, row["cue"].lower())] = CueType(base, to, evidence)
    return out


def _action_words() -> dict[str, frozenset[str]]:
    by_role: dict[str, set[str]] = {role: set() for role in ACTION_ROLES}
    for row in _rows("action_words.tsv"):
        by_role[_check("action_words.tsv", "role", row["role"], ACTION_ROLES)].add(row["word"].lower())
    return {role: frozenset(words) for role, words in by_role.items()}


@lru_cache(maxsize=1)
def load() -> Lexicons:
    """All lexicons, read once per process."""
    speakers = {
        (r["lemma"], r["frame"], _check("speaker_frames.tsv", "speaker", r["speaker"], SPEAKER_KINDS)):
            float(r["cue_share"])
        for r in _rows("speaker_frames.tsv")
    }
    return Lexicons(
        verbs=_cue_classes("reporting_verbs.tsv", "lemma"),
        weak_verbs=_cue_classes("weak_verbs.tsv", "lemma"),
        verb_frames={(r["lemma"], r["frame"]): float(r["cue_share"]) for r in _rows("verb_frames.tsv")},
        particles=_cue_classes("verb_particles.tsv", "phrase"),
        adjectives=_cue_classes("adjective_cues.tsv", "lemma"),
        adjective_frames=_cue_classes("adjective_frames.tsv", "phrase"),
        nouns=_cue_classes("noun_cues.tsv", "lemma"),
        phrases=_cue_classes("phrase_cues.tsv", "phrase"),
        hedges={
            r["hedge"].lower(): _check("hedges.tsv", "certainty", r["certainty"], CERTAINTIES)
            for r in _rows("hedges.tsv")
        },
        denial_words=frozenset(r["word"].lower() for r in _rows("denial_words.tsv")),
        source_words={
            r["word"].lower(): _check("source_words.tsv", "kind", r["kind"], SOURCE_KINDS)
            for r in _rows("source_words.tsv")
        },
        speaker_frames=speakers,
        speaker_frames_lemmas=frozenset(lemma for lemma, _, _ in speakers),
        cue_types=_cue_types(),
        evidence_words=frozenset(r["word"].lower() for r in _rows("evidence_words.tsv")),
        action_words=_action_words(),
    )


VERB_FORM_KINDS = ("verb", "noun_verb", "irregular")


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, tuple[str, str]]:
    """`verb_forms.tsv`: word -> (lemma, kind), kind one of `VERB_FORM_KINDS` (what a claim's verb may be:
    sayso.claims.proposition)."""
    return {
        r["form"]: (r["lemma"], _check("verb_forms.tsv", "kind", r["kind"], VERB_FORM_KINDS))
        for r in _rows("verb_forms.tsv")
    }
