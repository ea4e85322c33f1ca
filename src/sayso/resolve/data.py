"""The resolver's word lists: known outlets, countries, person titles and roles, first names (`lexicons/data/*.tsv`).

Each file is read once per process. Names are matched through `key()`, a case-free form without a leading
"the" or a trailing possessive; web names through `web_key()`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WEB_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
_DOMAIN = re.compile(
    r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co|uk|fr|de|ru|it|es|cn|jp|kp|ir|tr|kr|eu|io|au|ca)$"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


# personal, generic and demonstrative pronouns: a source written as one of them alone names no one by itself
BARE_PRONOUNS = frozenset(
    {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
     "them", "their", "one", "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "this", "that",
     "these", "those", "who", "which"}
)  # fmt: skip


def bare_pronoun(text: str) -> bool:
    """Whether a source's text is a pronoun alone ('he', 'You', 'this'): never a source's name in a corpus."""
    return text.strip(" \"'“”.,;:").lower() in BARE_PRONOUNS


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The matching form of a name: lower case, single spaces, no leading 'the', no trailing "'s"."""
    s = " ".join(text.translate(_APOSTROPHES).split()).strip(" \"'“”.,;:()[]")
    s = re.sub(r"^the\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(r"'s$|'$", "", s)
    return s.lower()


def web_key(text: str) -> str | None:
    """'www.NYTimes.com/…' -> 'nytimes.com'; None when `text` is not a web name."""
    s = _WEB_PREFIX.sub("", text.strip().lower()).split("/")[0]
    return s if _DOMAIN.match(s) else None


@dataclass(frozen=True)
class Outlet:
    name: str  # canonical name ("The New York Times")
    kind: str  # newspaper, wire, broadcaster, magazine, digital
    aliases: tuple[str, ...]  # as written in the data file
    ambiguous: bool = False  # its one-word name is also an ordinary word or a surname ("Time", "Bloomberg")


@dataclass(frozen=True)
class OutletIndex:
    by_key: dict[str, Outlet]  # key() of a name of two or more words, or of a web name / stem -> outlet
    exact: dict[str, Outlet]  # single-word names as written, 'The' kept ("NYT", "The Hill") -> outlet
    names: tuple[tuple[str, Outlet], ...]  # (key of a multiword name, outlet), for fuzzy matching


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def demonym(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name


@dataclass(frozen=True)
class CountryIndex:
    by_name: dict[str, Country]  # key() of a name or alias -> country
    by_demonym: dict[str, Country]  # lower-case demonym -> country
    by_capital: dict[str, Country]  # key() of a capital -> country


@dataclass(frozen=True)
class PersonWords:
    titles: dict[str, str]  # lower-case title -> gender (m, f, -)
    roles: dict[str, str]  # lower-case role noun -> gender
    first_names: dict[str, str]  # lower-case first name -> gender
    means: dict[str, str]  # abbreviation or variant -> the role word it stands for ("sen." -> "senator")


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("sayso.lexicons").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@lru_cache(maxsize=1)
def outlets() -> OutletIndex:
    """Known outlets and wires from `outlets.tsv`, indexed for exact and fuzzy lookup."""
    by_key: dict[str, Outlet] = {}
    exact: dict[str, Outlet] = {}
    names: list[tuple[str, Outlet]] = []
    for row in _rows("outlets.tsv"):
        outlet = Outlet(row["name"], row["kind"], _split(row["aliases"]), row.get("ambiguous") == "ambiguous")
        for alias in (outlet.name, *outlet.aliases):
            web = web_key(alias)
            if web:
                by_key.setdefault(web, outlet)
                continue
            k = key(alias)
            if " " in k or "-" in k or "/" in k:
                by_key.setdefault(k, outlet)
                names.append((k, outlet))
            else:
                exact.setdefault(_the(alias), outlet)
    return OutletIndex(by_key, exact, tuple(names))


@lru_cache(maxsize=1)
def countries() -> CountryIndex:
    """Countries, their other names, demonyms and capitals from `countries.tsv`."""
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    for row in _rows("countries.tsv"):
        c = Country(row["name"], _split(row["aliases"]), _split(row["demonyms"]), _split(row["capitals"]))
        for n in (c.name, *c.aliases):
            by_name.setdefault(key(n), c)
        for d in c.demonyms:
            by_demonym.setdefault(d.lower(), c)
        for cap in c.capitals:
            by_capital.setdefault(key(cap), c)
    return CountryIndex(by_name, by_demonym, by_capital)


@lru_cache(maxsize=1)
def person_words() -> PersonWords:
    """Titles, person role nouns (`person_words.tsv`) and first names (`first_names.tsv`) with their gender."""
    titles: dict[str, str] = {}
    roles: dict[str, str] = {}
    means: dict[str, str] = {}
    for row in _rows("person_words.tsv"):
        word = row["word"].lower()
        (titles if row["type"] == "title" else roles)[word] = row["gender"]
        if row.get("means"):
            means[word] = row["means"].lower()
    first = {r["name"].lower(): r["gender"] for r in _rows("first_names.tsv")}
    return PersonWords(titles, roles, first, means)


def outlet_by_name(name: str) -> Outlet | None:
    """The outlet whose canonical name is `name` (as the resolver writes it), if any."""
    idx = outlets()
    return idx.by_key.get(key(name)) or idx.exact.get(_the(name))


def _the(name: str) -> str:
    """A single-word name as written, with a leading article spelled 'The' ('the Hill' -> 'The Hill')."""
    return re.sub(r"^the\s+", "The ", " ".join(name.split()), flags=re.IGNORECASE)
