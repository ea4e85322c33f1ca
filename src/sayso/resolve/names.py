"""Names as strings: outlet lookup (exact, web name, fuzzy), countries, known bodies, initialisms, person names.

Fuzzy matching uses the standard library's `difflib.SequenceMatcher`: a misspelt or truncated outlet name of two or
more words ("the New York Time", "Washinton Post") matches when its similarity to a known name is at least
`FUZZY_RATIO`, or when it is a prefix covering at least `PREFIX_COVER` of one.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from sayso.resolve.data import Country, Outlet, countries, key, outlets, person_words, web_key

FUZZY_RATIO = 0.88
PREFIX_COVER = 0.8
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&", "de", "la", "le", "del", "der"})
_CAPS = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,6}$")


def outlet_exact(text: str, *, single_word_ok: bool = True) -> Outlet | None:
    """The outlet `text` names exactly: a listed name or alias (case-free for multiword names), a one-word name or
    initialism written as listed ("NYT", "Reuters", "nytimes"), or a web domain ("www.nytimes.com").
    `single_word_ok=False` refuses the one-word names the data file marks ambiguous ("Time", "Bloomberg"), which are
    ordinary words or surnames unless the parse says they name an organisation."""
    idx = outlets()
    text = " ".join(text.split())
    web = web_key(text)
    if web is not None:
        return idx.by_key.get(web)
    k = key(text)
    if " " in k or "-" in k or "/" in k:
        return idx.by_key.get(k)
    bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).strip(" \"'“”,;:()[]")
    bare = bare.removesuffix("'s").removesuffix("’s")
    with_the = re.sub(r"^the\s+", "The ", text, flags=re.IGNORECASE).strip(" \"'“”,;:()[]")
    for form in (with_the, bare):
        outlet = idx.exact.get(form)
        if outlet is not None and (single_word_ok or not outlet.ambiguous):
            return outlet
    return None


def outlet_word(text: str) -> bool:
    """Whether one token could name an outlet by itself (a listed one-word name or a web domain): a cheap test
    before `outlet_exact`."""
    return text in outlets().exact or ("." in text and web_key(text) is not None)


def outlet_fuzzy(text: str) -> Outlet | None:
    """The outlet a misspelt or truncated multiword name stands for ("the New York Time" -> The New York Times)."""
    return _outlet_fuzzy(key(text))


@lru_cache(maxsize=8192)
def _outlet_fuzzy(k: str) -> Outlet | None:
    if " " not in k or len(k) < 6:
        return None
    best: tuple[float, Outlet] | None = None
    for name, outlet in outlets().names:
        if name[0] != k[0]:
            continue
        if name.startswith(k) and len(k) >= PREFIX_COVER * len(name):
            score = 1.0
        else:
            matcher = SequenceMatcher(None, k, name)
            if matcher.real_quick_ratio() < FUZZY_RATIO or matcher.quick_ratio() < FUZZY_RATIO:
                continue
            score = matcher.ratio()
        if score >= FUZZY_RATIO and (best is None or score > best[0]):
            best = (score, outlet)
    return best[1] if best else None


def similar(a: str, b: str) -> bool:
    """Whether two multiword names are one name misspelt or truncated (used for names met earlier in a document)."""
    ka, kb = key(a), key(b)
    if ka == kb:
        return True
    if " " not in ka or " " not in kb or ka[0] != kb[0] or min(len(ka), len(kb)) < 6:
        return False
    short, long_ = sorted((ka, kb), key=len)
    if long_.startswith(short) and len(short) >= PREFIX_COVER * len(long_):
        return True
    return SequenceMatcher(None, ka, kb).ratio() >= FUZZY_RATIO + 0.04


def country_named(text: str) -> Country | None:
    """The country `text` names ("US", "the United States", "Russia")."""
    return countries().by_name.get(key(text))


def country_of_demonym(word: str) -> Country | None:
    """The country of a demonym ("Russian", "Russians" -> Russia)."""
    return countries().by_demonym.get(word.lower())


def country_of_capital(text: str) -> Country | None:
    """The country whose capital `text` is ("Moscow" -> Russia)."""
    return countries().by_capital.get(key(text))


@lru_cache(maxsize=1)
def bodies() -> dict[str, str]:
    """Known institutions and institution head words (`bodies.tsv`): lower-case name -> source kind."""
    text = resources.files("sayso.lexicons").joinpath("data", "bodies.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:
        name, kind = line.split("\t")[:2]
        out[name.strip().lower()] = kind.strip()
    return out


def initialisms(name: str) -> set[str]:
    """The initialisms a name can be shortened to: 'National Security Council' -> {'NSC'};
    'Department of Justice' -> {'DJ', 'DOJ'}."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return set()
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    out = {"".join(w[0] for w in content).upper()}
    out.add("".join(w[0] for w in words).upper())
    return {i for i in out if len(i) >= 2}


def is_initialism(text: str) -> bool:
    """'NSC', 'U.N.', 'DoJ' -> True."""
    t = text.strip()
    return bool(_CAPS.match(t)) or bool(re.fullmatch(r"[A-Z][a-z]?[A-Z][A-Za-z]?", t))


def initialism_key(text: str) -> str:
    """'U.N.' -> 'UN'; 'DoJ' -> 'DOJ'."""
    return text.replace(".", "").replace(" ", "").upper()


def gender_of_name(first: str) -> str:
    """'m', 'f' or '-' for a first name."""
    return person_words().first_names.get(first.lower(), "-")


def is_title(word: str) -> bool:
    return word.lower() in person_words().titles


def title_gender(word: str) -> str:
    return person_words().titles.get(word.lower(), "-")


def role_gender(word: str) -> str | None:
    """The gender of a person role noun ('spokeswoman' -> 'f', 'lawyer' -> '-', and a title standing alone: 'the
    minister', 'the president'); None when not a role noun."""
    w = word.lower()
    words = person_words()
    if w in words.roles:
        return words.roles[w]
    return words.titles.get(w) if w.isalpha() and w not in FORMS_OF_ADDRESS else None


FORMS_OF_ADDRESS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mx"})


def role_word(word: str) -> str | None:
    """The role a title or role noun names, abbreviations spelt out: 'Sen.' -> 'senator', 'spokeswoman' ->
    'spokesman', 'President' -> 'president'; None for other words."""
    w = word.lower()
    words = person_words()
    if w not in words.titles and w not in words.roles and w.rstrip(".") not in words.titles:
        return None
    return words.means.get(w) or words.means.get(w.rstrip(".")) or w.rstrip(".")
