"""sayso.stance.dates: temporal expressions and their values against the publication date, on the real pipeline."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from sayso.stance import find_dates

SAT = date(2020, 6, 27)  # a Saturday, in ISO week 2020-W26
MON = date(2021, 1, 4)  # a Monday, the first day of 2021-W01
N = f"publication date {SAT.isoformat()}"
NM = f"publication date {MON.isoformat()}"
NONE = "publication date"

Expected = list[tuple[str, str | None, str | None]]

CASES: list[tuple[str, date | None, Expected]] = [
    # weekdays: past by default, the publication weekday is that day, future in a future context
    ("The ministers met on Friday.", SAT, [("on Friday", "2020-06-26", N)]),
    ("The ministers met on Saturday.", SAT, [("on Saturday", "2020-06-27", N)]),
    ("The ministers will meet on Friday.", SAT, [("on Friday", "2020-07-03", N)]),
    ("The ministers will meet on Saturday.", SAT, [("on Saturday", "2020-06-27", N)]),
    ("Officials plan to vote on Tuesday.", SAT, [("on Tuesday", "2020-06-30", N)]),
    ("The vote is scheduled for Monday.", SAT, [("for Monday", "2020-06-29", N)]),
    ("He said he is going to resign on Wednesday.", SAT, [("on Wednesday", "2020-07-01", N)]),
    ("The talks will resume next Friday.", SAT, [("next Friday", "2020-07-03", N)]),
    ("Protesters gathered last Saturday.", SAT, [("last Saturday", "2020-06-20", N)]),
    ("Police said Thursday that two men were arrested.", SAT, [("Thursday", "2020-06-25", N)]),
    ("He has been detained since Friday.", SAT, [("since Friday", "2020-06-26", N)]),
    ("The attack took place late on Friday.", SAT, [("late on Friday", "2020-06-26", N)]),
    (
        "The agency will publish its report this Friday.",
        date(2020, 6, 24),
        [("this Friday", "2020-06-26", "publication date 2020-06-24")],
    ),
    ("The firm reported its results on Friday.", MON, [("on Friday", "2021-01-01", NM)]),
    # months without a year: the most recent one unless the context is future
    ("The plan was drafted as early as March.", SAT, [("as early as March", "2020-03", N)]),
    ("The plan was drafted in early March.", SAT, [("in early March", "2020-03", N)]),
    ("Sales fell by mid-March.", SAT, [("by mid-March", "2020-03", N)]),
    ("Prices have risen since January.", SAT, [("since January", "2020-01", N)]),
    ("The court will rule in March.", SAT, [("in March", "2021-03", N)]),
    ("Exports fell in December.", MON, [("in December", "2020-12", NM)]),
    (
        "The government had said in April that it would act by August.",
        SAT,
        [("in April", "2020-04", N), ("by August", "2020-08", N)],
    ),
    # days and months with and without a year
    ("The treaty was signed on June 5, 2018.", SAT, [("June 5, 2018", "2018-06-05", None)]),
    ("The treaty was signed on 5 June 2018.", SAT, [("5 June 2018", "2018-06-05", None)]),
    ("The company said on June 5 that profits fell.", SAT, [("June 5", "2020-06-05", N)]),
    ("The election will be held on November 3.", SAT, [("November 3", "2020-11-03", N)]),
    ("Voters go to the polls on Nov. 3.", SAT, [("Nov. 3", "2020-11-03", N)]),
    ("The leaders met in Geneva on Monday, June 22, 2020.", SAT, [("Monday, June 22, 2020", "2020-06-22", None)]),
    ("The report, published on 2020-06-20, was leaked.", SAT, [("2020-06-20", "2020-06-20", None)]),
    ("Troops withdrew in June 2018.", SAT, [("June 2018", "2018-06", None)]),
    ("Troops withdrew in March of 2019.", SAT, [("March of 2019", "2019-03", None)]),
    ("The firm was founded in 2019.", SAT, [("2019", "2019", None)]),
    ("The economy shrank in late 2019.", SAT, [("late 2019", "2019", None)]),
    ("Wages rose in the summer of 2018.", SAT, [("the summer of 2018", "2018", None)]),
    ("Resolution 1973 was adopted in 2011.", SAT, [("2011", "2011", None)]),
    # relative to the publication day
    ("The report came out yesterday.", SAT, [("yesterday", "2020-06-26", N)]),
    ("The minister will resign tomorrow.", SAT, [("tomorrow", "2020-06-28", N)]),
    ("Shots were fired last night.", SAT, [("last night", "2020-06-26", N)]),
    ("The strike began last week.", SAT, [("last week", "2020-W25", N)]),
    ("The strike began last week.", MON, [("last week", "2020-W53", NM)]),
    ("The strike will begin next week.", SAT, [("next week", "2020-W27", N)]),
    ("Sales dropped last month.", SAT, [("last month", "2020-05", N)]),
    ("The deal was reached earlier this month.", SAT, [("earlier this month", "2020-06", N)]),
    ("Growth slowed this year.", SAT, [("this year", "2020", N)]),
    ("Growth slowed last year.", SAT, [("last year", "2019", N)]),
    ("By the end of the year, the plant will close.", SAT, [("the end of the year", "2020", N)]),
    ("The firm was sold three days ago.", SAT, [("three days ago", "2020-06-24", N)]),
    ("The firm was sold two weeks ago.", SAT, [("two weeks ago", "2020-W24", N)]),
    ("Seventy-four years ago, the battle began.", SAT, [("Seventy-four years ago", "1946", N)]),
    ("The protests spread last weekend.", SAT, [("last weekend", "2020-06-20/2020-06-21", N)]),
    # no publication date: relative expressions say what they need, absolute ones keep their value
    ("The ministers met on Friday.", None, [("on Friday", None, NONE)]),
    ("Troops withdrew in 2019 and again last month.", None, [("2019", "2019", None), ("last month", None, NONE)]),
    ("The treaty was signed on June 5, 2018.", None, [("June 5, 2018", "2018-06-05", None)]),
    # nothing to anchor, or not a date at all
    ("US officials learned about it months ago.", SAT, []),
    ("He has lived there for years, and the trial lasted three days.", SAT, []),
    ("The conflict has gone on for decades.", SAT, []),
    ("Shares fell sharply in the last week.", SAT, []),
    ("They invoked the Vienna Convention on Diplomatic Relations of 1961.", SAT, []),
    ("She is a member of the Class of 2016.", SAT, []),
    ("The COVID-19 pandemic hit Unit 29155 hard.", SAT, []),
    ("They sought revenge for a2018 battle.", SAT, []),
    ("The 45-year-old was arrested at 5 p.m.", SAT, []),
    ("About 2000 troops were deployed.", SAT, []),
    ("Theresa May said she may resign.", SAT, []),
    ("Black Friday sales were strong.", SAT, []),
    ("USA Today reported the story.", SAT, []),
]


def _found(nlp: Language, text: str, published: date | None) -> Expected:
    return [(d.text, d.value, d.needs) for d in find_dates(nlp(text), published)]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_dates_table(nlp: Language, text: str, published: date | None, expected: Expected) -> None:
    assert _found(nlp, text, published) == expected


def test_dates_spans_index_the_text(nlp: Language) -> None:
    text = "Talks began on Monday, June 22, 2020, stalled last week and will resume in September."
    dates = find_dates(nlp(text), SAT)
    assert [d.text for d in dates] == ["Monday, June 22, 2020", "last week", "in September"]
    assert all(text[d.start : d.end] == d.text for d in dates)
    assert [d.value for d in dates] == ["2020-06-22", "2020-W25", "2020-09"]


def test_dates_example_article(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    dates = find_dates(doc, SAT)
    assert [(d.text, d.value, d.needs) for d in dates] == [
        ("on Friday", "2020-06-26", N),
        ("2019", "2019", None),
        ("2018", "2018", None),
        ("as early as March", "2020-03", N),
    ]
    assert all(seed_text[d.start : d.end] == d.text for d in dates)
    assert "Sergei Skripal in" in seed_text[: dates[2].start]
    undated = find_dates(doc, None)
    assert [(d.text, d.value, d.needs) for d in undated] == [
        ("on Friday", None, NONE),
        ("2019", "2019", None),
        ("2018", "2018", None),
        ("as early as March", None, NONE),
    ]


def test_dates_example_matches_shared_gold(nlp: Language, seed_text: str, shared_dir: Path) -> None:
    """The scorer's rule: a date matches when the values are equal and one text contains the other."""
    gold = json.loads((shared_dir / "examples" / "bounties.gold.json").read_text(encoding="utf-8"))["dates"]
    predicted = find_dates(nlp(seed_text), SAT)
    unmatched = list(predicted)
    for g in gold:
        hit = next(
            (p for p in unmatched if p.value == g["value"] and (g["text"] in p.text or p.text in g["text"])), None
        )
        assert hit is not None, f"gold date {g} not found"
        assert hit.needs == g.get("needs")
        unmatched.remove(hit)
    assert unmatched == []
