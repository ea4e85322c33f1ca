"""Temporal expressions in an article and their values, normalised against the publication date.

`find_dates(doc, published)` finds every temporal expression it can anchor and gives each an ISO 8601 value to the
precision the text gives:

- a day: ``2020-06-26`` ("on Friday", "June 26", "yesterday", "three days ago");
- a month: ``2020-03`` ("as early as March", "in June 2018", "last month", "earlier this month");
- a year: ``2019`` ("2019", "last year", "earlier this year", "the summer of 2019");
- a week: the ISO week ``2020-W25`` ("last week", "this week", "two weeks ago"); weeks run Monday to Sunday, so for
  an article published on Saturday 2020-06-27 (in 2020-W26) "last week" is 2020-W25, Monday 15 to Sunday 21 June;
- a weekend: the ISO interval of its Saturday and Sunday, ``2020-06-20/2020-06-21`` ("last weekend").

Relative expressions (weekdays, months or days without a year, "yesterday", "last month", ...) are resolved against
`published` and carry ``needs="publication date YYYY-MM-DD"``; without a publication date their value is None and
``needs="publication date"``. Absolute expressions ("2019", "June 5, 2018") carry no `needs`.

Past or future: a weekday, a month or a day without a year is by default the most recent one not after publication
(the publication day or month itself counts: "on Friday" in a Friday paper is that Friday). A future context ("will
meet on Friday", "is scheduled for June 30", "plans to vote in March", "is meeting on Monday") takes the nearest one not
before publication; a simple present or a modal ("the law takes effect in September", "said it would act by August")
takes whichever of the two is nearer publication; "since" keeps the past. When the expression hangs off a noun ("the
attack on Friday will be investigated") the verb says less: only a past verb decides, a future or modal one leaves
the nearer reading. "last Friday" is strictly before the publication day, "next Friday" strictly after, "this Friday"
is future unless the verb is past; "last March" and "next March" skip the publication month, "this March" is in the
publication year.

Text spans: weekday and bare-month expressions keep their lead words ("on Friday", "as early as March", "by mid-March",
"since last Friday"); other expressions keep only modifiers that narrow them ("early 2019", "the end of last year"),
so bare years and dates stay bare ("2019" in "in 2019").

Not emitted: vague durations and counts ("months ago", "for years", "three days", "decades", "the past week"),
decades ("the 1990s"), times of day alone ("at 5 p.m."), ages, and numbers that only look like years: parts of names
("the Vienna Convention ... of 1961", "the Class of 2016", "Resolution 1973", "COVID-19", "Unit 29155"), numbers glued
to a word or a hyphen ("a2018", "Covid-2019"), counts ("2000 troops", "over 1500"), amounts ("$2019").

Candidates come from patterns over the text built from the vocabulary in ``lexicons/data/date_words.tsv``; spaCy's
entities, tags and dependencies then reject names and counts and tell past from future. dateparser parses the
expressions it handles (full dates, days without a year, "yesterday", "three days ago", "last month"); weekdays, bare
months, fuzzy modifiers ("as early as March", "earlier this month") and weekends use this module's own arithmetic,
because dateparser returns None for them or resolves the publication weekday to the week before.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from sayso.lexicons import load as load_lexicons
from sayso.model import DateMention
from sayso.nlp.text import doc_text

__all__ = ["find_dates"]

Tense = Literal["past", "future"]
#: What the context says: past, future, or "either" (a present or a modal: the occurrence nearest publication).
Context = Literal["past", "future", "either"]
#: What a verb's form says: as Context, with "either" split into a simple present and a modal.
VerbTime = Literal["past", "future", "present", "modal"]

#: Entity labels that make a month, weekday or year part of a name rather than a date.
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "FAC", "GPE", "LOC", "NORP", "LANGUAGE"}
)
_AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_MODALS = frozenset({"would", "'d", "could", "might", "may", "should", "must", "can", "ca"})
_YEAR_RANGE = range(1000, 2100)


# ---------------------------------------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocab:
    months: dict[str, int]  # full name -> 1..12
    month_abbrs: dict[str, int]  # abbreviation -> 1..12
    weekdays: dict[str, int]  # name -> 0 (Monday) .. 6
    numbers: dict[str, int]  # spelled-out count -> int
    units: frozenset[str]
    dayparts: frozenset[str]
    seasons: frozenset[str]
    preps: dict[str, str]  # preposition -> "past" or ""
    fuzzy: frozenset[str]
    year_context: frozenset[str]
    count: frozenset[str]
    future_verbs: frozenset[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    text = resources.files("sayso.lexicons").joinpath("data", "date_words.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    by_kind: dict[str, dict[str, str]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        by_kind.setdefault(row["kind"].strip(), {})[row["word"].strip()] = (row.get("value") or "").strip()

    def words(kind: str) -> frozenset[str]:
        return frozenset(w.lower() for w in by_kind.get(kind, {}))

    def ints(kind: str) -> dict[str, int]:
        return {w: int(v) for w, v in by_kind.get(kind, {}).items()}

    return _Vocab(
        months=ints("month"),
        month_abbrs=ints("month_abbr"),
        weekdays=ints("weekday"),
        numbers={w.lower(): n for w, n in ints("number").items()},
        units=words("unit"),
        dayparts=words("daypart"),
        seasons=words("season"),
        preps={w.lower(): v for w, v in by_kind.get("prep", {}).items()},
        fuzzy=words("fuzzy"),
        year_context=words("year_context"),
        count=words("count"),
        future_verbs=words("future_verb"),
    )


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _month_number(name: str) -> int:
    v = _vocab()
    return v.months.get(name) or v.month_abbrs[name.rstrip(".")]


# ------------------------------------------------------------------------------------------------------------ patterns


@dataclass(frozen=True)
class _Patterns:
    """The compiled patterns, in priority order: an earlier kind wins an overlap with a later one."""

    ordered: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    v = _vocab()
    month_full = _alt(v.months)
    month_any = rf"(?<![A-Za-z])(?:{month_full}|(?:{_alt(v.month_abbrs)})\.?)(?![A-Za-z])"
    month_full = rf"(?<![A-Za-z])(?:{month_full})(?![A-Za-z])"
    weekday = rf"(?<![A-Za-z])(?:{_alt(v.weekdays)})(?![A-Za-z])"
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\w:])"
    year = r"\d{4}(?![\w-])"
    fuzzy = rf"(?:(?:{_alt(v.fuzzy)})\s+|mid-\s*)"
    prep = rf"(?:{_alt(v.preps)})\s+"
    lead = rf"(?P<lead>(?<![\w-])(?i:{prep}|{fuzzy}){{1,3}})"
    dayparts = _alt(v.dayparts)
    units = _alt(v.units)
    periods = _alt(v.units - {"day"})
    number = rf"(?:(?:{_alt(v.numbers)})(?:-(?:{_alt(v.numbers)}))?|\d{{1,3}})"
    ordered = (
        ("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])"),
        ("numeric", r"(?<![\w/.-])(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4})(?![\w/-])"),
        (
            "date",
            rf"(?:(?P<wd>{weekday}),?\s+)?"
            rf"(?:(?i:the\s+)?(?P<d1>{day})\s+(?i:of\s+)?(?P<m1>{month_any})|(?P<m2>{month_any})\s+(?P<d2>{day}))"
            rf"(?:,?\s+(?P<y>{year}))?",
        ),
        ("monthyear", rf"(?P<lead>(?<![\w-])(?i:{fuzzy}))?(?P<m>{month_any}),?\s+(?i:of\s+)?(?P<y>{year})"),
        (
            "weekend",
            r"(?i:\b(?P<rel>this\s+past|this|last|next)\s+weekend\b|\b(?:over|during|on|at)\s+the\s+weekend\b)",
        ),
        (
            "relunit",
            rf"(?i:\b(?:(?P<lead>(?:{_alt(v.fuzzy)})(?:\s+in)?)\s+)?(?P<rel>this|last|next)\s+(?P<u>{periods})\b"
            rf"|\b(?P<lead2>the\s+(?:end|beginning|start|middle)\s+of)\s+the\s+(?P<u2>{periods})\b)",
        ),
        ("ago", rf"(?i:(?<![\w-])(?P<n>{number})\s+(?P<u>{units})s?\s+ago\b)"),
        (
            "relday",
            r"(?i:\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight"
            rf"|last\s+night|this\s+(?:morning|afternoon|evening))(?:\s+(?:{dayparts}))?\b)",
        ),
        (
            "weekday",
            rf"{lead}?(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|coming|past)\s+)?(?P<wd>{weekday})"
            rf"(?:\s+(?P<part>(?i:{dayparts}))\b)?",
        ),
        ("month", rf"{lead}?(?P<rel>(?i:last|this|next)\s+)?(?P<m>{month_full})"),
        (
            "year",
            rf"(?P<lead>(?<![\w-])(?i:{fuzzy}|(?:the\s+)?(?:{_alt(v.seasons)})\s+(?:of\s+)?))?"
            r"(?<![\w$£€/])(?P<y>\d{4})(?![\w%])",
        ),
    )
    return _Patterns(tuple((k, re.compile(p)) for k, p in ordered))


# -------------------------------------------------------------------------------------------------------- arithmetic


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _weekday_date(published: date, weekday: int, tense: Tense, strict: bool) -> date:
    """The `weekday` nearest `published` in the direction of `tense`; the publication day itself unless `strict`."""
    if tense == "past":
        back = (published.weekday() - weekday) % 7
        return published - timedelta(days=back or (7 if strict else 0))
    ahead = (weekday - published.weekday()) % 7
    return published + timedelta(days=ahead or (7 if strict else 0))


def _month_year(published: date, month: int, tense: Tense, strict: bool) -> int:
    """The year of the `month` nearest `published` in the direction of `tense`."""
    here = published.month
    if tense == "past":
        ok = month < here or (month == here and not strict)
        return published.year if ok else published.year - 1
    ok = month > here or (month == here and not strict)
    return published.year if ok else published.year + 1


def _weekend(published: date, rel: str, tense: Tense) -> str:
    """The Saturday/Sunday interval meant by "this/last/next weekend" or "over the weekend".

    "last weekend" ends strictly before publication; a past "the weekend" began strictly before it (on a Sunday, that
    weekend); otherwise the weekend not yet over, and for "next weekend" read on a Saturday or Sunday, the one after.
    """
    wd = published.weekday()
    if rel == "last":
        sunday = published - timedelta(days=(wd - 6) % 7 or 7)
    elif tense == "past":
        sunday = published - timedelta(days=(wd - 5) % 7 or 7) + timedelta(days=1)
    else:
        sunday = published + timedelta(days=(6 - wd) % 7)
        if rel == "next" and wd >= 5:
            sunday += timedelta(days=7)
    return f"{(sunday - timedelta(days=1)).isoformat()}/{sunday.isoformat()}"


# ---------------------------------------------------------------------------------------------------------- dateparser


@lru_cache(maxsize=16)
def _dateparser(base: date, prefer: Tense) -> Any:
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": prefer}
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparse(text: str, base: date, prefer: Tense = "past") -> date | None:
    """dateparser's reading of `text` relative to `base`, as a date, or None when it cannot read it."""
    obj = _dateparser(base, prefer).get_date_data(text).date_obj
    return obj.date() if isinstance(obj, datetime) else None


#: Any fixed base serves for texts that carry their own year.
_ABSOLUTE_BASE = date(2000, 1, 1)


# ---------------------------------------------------------------------------------------------------- spaCy context


def _tokens(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None
    return span


def _token_at(doc: Doc, start: int, end: int) -> Token:
    return _tokens(doc, start, end)[0]


def _is_name_part(tok: Token, start: int) -> bool:
    """`tok` sits in a named entity (a person, an organisation, an event, ...) or is the head of a title-case compound
    that starts before the expression (at character `start`): "Black Friday", "Super Tuesday"."""
    if tok.ent_type_ in _NAME_LABELS:
        return True
    return any(
        c.dep_ in ("compound", "amod") and c.i == tok.i - 1 and c.is_title and c.idx < start for c in tok.children
    )


def _aux(v: Token) -> list[Token]:
    return [c for c in v.children if c.dep_ in ("aux", "auxpass")]


def _present(toks: Iterable[Token]) -> bool:
    return any(t.tag_ in ("VBZ", "VBP") for t in toks)


def _verb_tense(v: Token, depth: int = 0) -> VerbTime | None:
    """The time a verb's clause refers to, from its auxiliaries, its tag and the verb governing it.

    future: "will meet", "is going to meet", "plans to meet", "is scheduled for", "is due on", "is meeting on";
    past: a past-tense verb or auxiliary, a perfect ("has met", "had developed"), a bare participle ("drafted in");
    present: a simple present ("the law takes effect in September"); modal: "said it would act by August";
    None: a present reporting verb ("police say Thursday ...") or no finite verb.
    """
    future_words = _vocab().future_verbs
    auxes = _aux(v)
    lows = {a.lower_ for a in auxes}
    lemma = v.lemma_.lower()
    if lows & _FUTURE_AUX:
        return "future"
    if v.dep_ == "conj" and not auxes and v.tag_ == "VB" and v.head.pos_ in ("VERB", "AUX") and depth < 3:
        return _verb_tense(v.head, depth + 1)  # "will assume office and run in November": the first verb's time
    if v.dep_ == "xcomp" and v.head.pos_ in ("VERB", "AUX", "ADJ") and depth < 3:
        gov = v.head
        gov_tense = _verb_tense(gov, depth + 1)
        if gov.lemma_.lower() in future_words and gov_tense != "past":
            return "future"  # "plans to meet", "is expected to meet"
        if gov.lemma_.lower() == "go" and gov.tag_ == "VBG" and gov_tense != "past":
            return "future"  # "is going to meet"
        return gov_tense
    forms = {a.lower_.replace("’", "'") for a in auxes}
    perfect = any(a.lemma_ == "have" for a in auxes) or bool(forms & {"'ve", "has", "have", "had"})
    perfect = perfect or ("'s" in forms and v.tag_ == "VBN")
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or perfect:
        return "past"
    if v.tag_ == "VBN" and not auxes:
        return "past"
    present = _present([v, *auxes])
    if present and v.tag_ == "VBG":
        return "future"  # "is meeting on Friday": an arrangement
    if present and lemma in future_words:
        return "future"  # "is scheduled for Friday"
    if present and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in future_words for c in v.children):
        return "future"  # "is due on Friday"
    if lows & _MODALS:
        return "modal"
    if present and lemma not in _report_verbs():
        return "present"
    return None


@lru_cache(maxsize=1)
def _report_verbs() -> frozenset[str]:
    return frozenset(load_lexicons().verbs)


def _context(span: Span) -> Context | None:
    """What the verb that governs a temporal expression says about its time; None when there is none.

    When the expression hangs off a noun ("the attack on Friday will be investigated"), the verb's tense is about the
    noun's clause, not the date: a past verb still counts, a future or modal one leaves either reading open, and a
    simple present ("the impact of Monday's debate is small") says nothing.
    """
    doc = span.doc
    if not doc.has_annotation("DEP"):
        return None
    tok, nominal = span.root, False
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX"):
            time = _verb_tense(tok)
            if nominal:
                return "past" if time == "past" else "either" if time in ("future", "modal") else None
            if time == "past" or time == "future" or time is None:
                return time
            return "either"
        if tok.head is tok:
            return None
        if tok not in span and tok.pos_ not in ("ADP", "PART", "CCONJ", "PUNCT"):
            nominal = True
        tok = tok.head
    return None


def _nearest(published: date, past: date, future: date) -> date:
    """Of two candidate readings, the one nearer the publication date (the past one on a tie)."""
    return past if (published - past) <= (future - published) else future


# ---------------------------------------------------------------------------------------------------------- resolving


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: str | None
    relative: bool


Resolver = Callable[[Doc, re.Match[str], date | None], _Found | None]


def _word_before_text(text: str, start: int) -> str:
    before = text[:start].split()
    return before[-1] if before else ""


def _lead_tense(lead: str | None) -> Context | None:
    if not lead:
        return None
    for word in re.split(r"\s+", lead.strip().lower()):
        if _vocab().preps.get(word) == "past":
            return "past"
    return None


def _rel_tense(rel: str | None) -> tuple[Context | None, bool]:
    """The tense a "last/next/this..." word forces, and whether it skips the current period."""
    r = " ".join((rel or "").lower().split())
    if r in ("last", "past", "this past"):
        return "past", True
    if r in ("next", "coming", "this coming"):
        return "future", True
    return None, False


def _absolute(m: re.Match[str], year: str, month: str, day: str) -> _Found | None:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return _Found(m.start(), m.end(), value.isoformat(), False)


def _resolve_iso(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    return _absolute(m, m["y"], m["m"], m["d"])


def _resolve_numeric(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    """6/27/2020, month first as in US news; 27/6/2020 when the first number cannot be a month."""
    first, second = m["m"], m["d"]
    return _absolute(m, m["y"], second, first) if int(first) > 12 else _absolute(m, m["y"], first, second)


def _resolve_date(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    g = m.groupdict()
    month_text, day_text = (g["m1"], g["d1"]) if g["m1"] else (g["m2"], g["d2"])
    month_tok = _token_at(doc, *m.span("m1" if g["m1"] else "m2"))
    if month_tok.tag_ == "MD" or _is_name_part(month_tok, m.start()):
        return None
    day_span = m.span("d1" if g["d1"] else "d2")
    day_tok = _tokens(doc, *day_span)[-1]
    nxt = doc[day_tok.i + 1] if day_tok.i + 1 < len(doc) else None
    if not g["y"] and nxt is not None and (nxt.tag_ in ("NNS", "NNPS") or nxt.lower_ in ("percent", "%")):
        return None  # "in March 10 soldiers were killed": a count, not a day
    day = int(re.sub(r"\D", "", day_text))
    month = _month_number(month_text)
    if g["y"]:
        parsed = _dateparse(f"{month_text.rstrip('.')} {day} {g['y']}", _ABSOLUTE_BASE)
        return _Found(m.start(), m.end(), parsed.isoformat(), False) if parsed else None
    try:
        date(2000, month, day)  # a leap year: any day that exists in some year
    except ValueError:
        return None
    if published is None:
        return _Found(m.start(), m.end(), None, True)
    context = _lead_tense(_word_before_text(doc_text(doc), m.start())) or _context(_tokens(doc, m.start(), m.end()))
    context = context or "past"
    core = f"{month_text.rstrip('.')} {day}"
    past = _dateparse(core, published, "past")
    # dateparser's future skips the publication day itself: that day is the nearest one not before publication
    future = published if (published.month, published.day) == (month, day) else _dateparse(core, published, "future")
    if past is None or future is None:
        return None
    value = past if context == "past" else future if context == "future" else _nearest(published, past, future)
    return _Found(m.start(), m.end(), value.isoformat(), True)


def _resolve_monthyear(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    month_tok = _token_at(doc, *m.span("m"))
    if month_tok.tag_ == "MD" or _is_name_part(month_tok, m.start()) or int(m["y"]) not in _YEAR_RANGE:
        return None
    return _Found(m.start(), m.end(), _month(int(m["y"]), _month_number(m["m"])), False)


def _resolve_month(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    tok = _token_at(doc, *m.span("m"))
    if tok.tag_ == "MD" or tok.tag_.startswith("VB") or _is_name_part(tok, m.start()):
        return None
    if not m["lead"] and not m["rel"]:
        if tok.ent_type_ != "DATE":
            return None  # a bare capitalised "May" or "March" needs a preposition or spaCy's DATE to be a month
        if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN" and tok.head.is_title:
            return None  # "August Wilson", "June Carter"
    if published is None:
        return _Found(m.start(), m.end(), None, True)
    month = _month_number(m["m"])
    rel_tense, strict = _rel_tense(m["rel"])
    if (m["rel"] or "").strip().lower() == "this":
        return _Found(m.start(), m.end(), _month(published.year, month), True)
    context = rel_tense or _lead_tense(m["lead"]) or _context(_tokens(doc, m.start(), m.end())) or "past"
    if context == "either":
        past = date(_month_year(published, month, "past", strict), month, 1)
        future = date(_month_year(published, month, "future", strict), month, 1)
        year = _nearest(published.replace(day=1), past, future).year
    else:
        year = _month_year(published, month, context, strict)
    return _Found(m.start(), m.end(), _month(year, month), True)


def _resolve_weekday(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    tok = _token_at(doc, *m.span("wd"))
    if _is_name_part(tok, m.start()):
        return None  # "Black Friday", "Super Tuesday"
    if published is None:
        return _Found(m.start(), m.end(), None, True)
    rel = " ".join((m["rel"] or "").lower().split())
    rel_tense, strict = _rel_tense(rel)
    context = _context(_tokens(doc, m.start(), m.end()))
    weekday = _vocab().weekdays[m["wd"]]
    if rel == "this":
        tense: Context = "past" if context == "past" else "future"
    else:
        tense = rel_tense or _lead_tense(m["lead"]) or context or "past"
    if tense == "either":
        past = _weekday_date(published, weekday, "past", strict)
        day = _nearest(published, past, _weekday_date(published, weekday, "future", strict))
    else:
        day = _weekday_date(published, weekday, tense, strict)
    return _Found(m.start(), m.end(), day.isoformat(), True)


def _resolve_weekend(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    if published is None:
        return _Found(m.start(), m.end(), None, True)
    rel = " ".join((m["rel"] or "").lower().split())
    rel_tense, _ = _rel_tense(rel)
    context = _context(_tokens(doc, m.start(), m.end()))
    if rel == "this":
        context = "past" if context == "past" else "future"
    tense = rel_tense or context or "past"
    if tense == "either":
        past, future = _weekend(published, rel, "past"), _weekend(published, rel, "future")
        near = _nearest(published, date.fromisoformat(past[:10]), date.fromisoformat(future[:10]))
        return _Found(m.start(), m.end(), past if near.isoformat() == past[:10] else future, True)
    return _Found(m.start(), m.end(), _weekend(published, rel, tense), True)


def _unit_value(unit: str, d: date) -> str:
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        return _iso_week(d)
    if unit == "month":
        return _month(d.year, d.month)
    return f"{d.year:04d}"


def _resolve_relunit(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    unit = (m["u"] or m["u2"]).lower()
    if m["rel"] and not m["lead"]:
        before = doc_text(doc)[: m.start()].rstrip().rsplit(None, 1)
        if before and before[-1].lower() in ("the", "a", "this", "that"):
            return None  # "the last week", "the next year": durations
    if published is None:
        return _Found(m.start(), m.end(), None, True)
    rel = (m["rel"] or "this").lower()
    anchor = published if rel == "this" else _dateparse(f"{rel} {unit}", published)
    if anchor is None:
        return None
    return _Found(m.start(), m.end(), _unit_value(unit, anchor), True)


def _resolve_ago(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    unit = m["u"].lower()
    n_text = m["n"].lower()
    n = int(n_text) if n_text.isdigit() else sum(_vocab().numbers[w] for w in n_text.split("-"))
    if n < 1:
        return None
    if published is None:
        return _Found(m.start(), m.end(), None, True)
    anchor = _dateparse(f"{n} {unit}s ago", published)
    return _Found(m.start(), m.end(), _unit_value(unit, anchor), True) if anchor else None


def _resolve_relday(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    tok = _token_at(doc, m.start(), m.end())
    prev = _word_before(doc, tok)
    named = prev is not None and tok.text[0].isupper() and prev.pos_ == "PROPN" and prev.text[0].isupper()
    if tok.ent_type_ in _NAME_LABELS or _is_name_part(tok, m.start()) or named:
        return None  # "USA Today", "Russia Today", "CBS This Morning"
    if published is None:
        return _Found(m.start(), m.end(), None, True)
    words = m[0].lower().split()
    core = " ".join(w for w in words if w not in _vocab().dayparts or (w == "night" and words[0] == "last"))
    if words[0] == "this":
        core = "today"
    parsed = _dateparse(core, published)
    return _Found(m.start(), m.end(), parsed.isoformat(), True) if parsed else None


def _word_before(doc: Doc, tok: Token) -> Token | None:
    return doc[tok.i - 1] if tok.i > 0 else None


def _resolve_year(doc: Doc, m: re.Match[str], published: date | None) -> _Found | None:
    y = int(m["y"])
    if y not in _YEAR_RANGE:
        return None
    start = m.start("y")
    text = doc_text(doc)
    lead = m["lead"]
    before, after = text[max(0, start - 2) : start], text[m.end("y") : m.end("y") + 2]
    if not lead and len(before) == 2 and before[1] in "-.," and before[0].isalnum():
        return None  # "Covid-2019", "3.2019"
    if len(after) == 2 and after[0] in "-.,/" and after[1].isalnum():
        return None  # "2019-20", "2019-nCoV", "2019.5"
    tok = _token_at(doc, *m.span("y"))
    if tok.ent_type_ in _NAME_LABELS or (tok.ent_type_ in _AMOUNT_LABELS and not lead):
        return None
    voc = _vocab()
    prev = _word_before(doc, tok)
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if not lead and prev is not None:
        if prev.lower_ in voc.count or prev.lower_ in ("up", "$", "£", "€", "#", "no.", "number"):
            return None  # "over 2000", "No. 1961"
        if prev.lower_ == "of":
            holder = _word_before(doc, prev)
            if (
                holder is not None
                and holder.is_title
                and holder.text not in voc.months
                and holder.text.rstrip(".") not in voc.month_abbrs
                and holder.lower_ not in voc.seasons
            ):
                return None  # "Relations of 1961", "the Class of 2016": part of a name
        elif (
            prev.is_title
            and prev.pos_ in ("PROPN", "NOUN")
            and prev.text not in voc.months
            and prev.text.rstrip(".") not in voc.month_abbrs
        ):
            return None  # "Resolution 1973", "Euro 2020"
    if not lead and tok.dep_ in ("nummod", "compound", "amod") and tok.head.i > tok.i:
        head = tok.head
        if head.pos_ == "PROPN" and head.is_title and head.text not in voc.months and head.text not in voc.weekdays:
            return None  # "the 1951 Refugee Convention", "the 2014 National Climate Assessment": part of a name
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS"):
        det = prev is not None and (prev.dep_ in ("det", "poss") or prev.tag_ in ("DT", "PRP$", "POS"))
        if not det:
            return None  # "2000 troops": a count
    in_context = bool(lead) or tok.ent_type_ == "DATE" or (prev is not None and prev.lower_ in voc.year_context)
    if not in_context:
        return None
    return _Found(m.start(), m.end(), f"{y:04d}", False)


_RESOLVERS: dict[str, Resolver] = {
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "date": _resolve_date,
    "monthyear": _resolve_monthyear,
    "weekend": _resolve_weekend,
    "relunit": _resolve_relunit,
    "ago": _resolve_ago,
    "relday": _resolve_relday,
    "weekday": _resolve_weekday,
    "month": _resolve_month,
    "year": _resolve_year,
}


# ---------------------------------------------------------------------------------------------------------- the API


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge whitespace and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def find_dates(doc: Doc, published: date | None) -> list[DateMention]:
    """Every temporal expression in `doc`, in text order, with its ISO 8601 value resolved against `published`.

    See the module docstring for the values, the conventions for weeks and weekends, and what is left out.
    """
    text = doc_text(doc)
    taken: list[tuple[int, int]] = []
    found: list[_Found] = []
    for kind, pattern in _patterns().ordered:
        resolve = _RESOLVERS[kind]
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            hit = resolve(doc, m, published)
            if hit is None:
                continue
            start, end = _trim(text, hit.start, hit.end)
            taken.append((start, end))
            found.append(_Found(start, end, hit.value, hit.relative))
    mentions = []
    for f in sorted(found, key=lambda f: f.start):
        if f.relative:
            needs = f"publication date {published.isoformat()}" if published else "publication date"
        else:
            needs = None
        mentions.append(DateMention(text[f.start : f.end], f.start, f.end, f.value, needs))
    return mentions
