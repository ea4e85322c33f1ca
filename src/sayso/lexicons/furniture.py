"""The words of page furniture (`data/furniture.tsv`): phrases that make a line a label, a teaser, a credit or an
advertisement marker (sayso.read.furniture reads them)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sayso.lexicons import _check, _rows

FURNITURE_KINDS = ("line", "opens", "closes", "teaser", "label", "credit", "note")


@dataclass(frozen=True)
class FurnitureWords:
    lines: frozenset[str]  # a whole line that is furniture ("advertisement")
    opens: tuple[str, ...]  # a line opening with one is furniture ("click here"), longest first
    closes: tuple[str, ...]  # a short line ending with one is furniture ("contributed to this report")
    teasers: frozenset[str]  # a label before a colon that makes its whole line furniture ("read more")
    labels: frozenset[str]  # a label before a colon that is furniture itself ("update")
    credits: frozenset[str]  # words of photo and video credits ("getty", "screengrab")
    notes: frozenset[str] = frozenset()  # a label that opens an appended note ("correction")
    # a label in capitals that names a person or a place is a speaker ("SMITH: …") or a dateline ("BEIRUT: …")
    first_names: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    # a line that is an outlet's name alone ("Washington Post") credits the story or a picture to it
    outlets: frozenset[str] = frozenset()


def normal(phrase: str) -> str:
    """A phrase as furniture phrases are matched: lower case, one space between words."""
    return " ".join(phrase.lower().split())


@lru_cache(maxsize=1)
def load_furniture() -> FurnitureWords:
    by_kind: dict[str, set[str]] = {kind: set() for kind in FURNITURE_KINDS}
    for row in _rows("furniture.tsv"):
        by_kind[_check("furniture.tsv", "kind", row["kind"], FURNITURE_KINDS)].add(normal(row["phrase"]))
    return FurnitureWords(
        lines=frozenset(by_kind["line"]),
        opens=tuple(sorted(by_kind["opens"], key=len, reverse=True)),
        closes=tuple(sorted(by_kind["closes"], key=len, reverse=True)),
        teasers=frozenset(by_kind["teaser"]),
        labels=frozenset(by_kind["label"]),
        credits=frozenset(by_kind["credit"]),
        notes=frozenset(by_kind["note"]),
        first_names=frozenset(normal(r["name"]) for r in _rows("first_names.tsv")),
        places=frozenset(
            normal(place)
            for r in _rows("countries.tsv")
            for place in (r["name"], *r["aliases"].split("|"), *r["capitals"].split("|"))
            if place.strip()
        ),
        outlets=frozenset(
            normal(name).removeprefix("the ")
            for r in _rows("outlets.tsv")
            if not r.get("ambiguous")
            for name in (r["name"], *r["aliases"].split("|"))
            if len(name.strip()) > 3  # not initialisms ("AP", "NYT"): the credit words take the agencies
        ),
    )
