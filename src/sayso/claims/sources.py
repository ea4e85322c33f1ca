"""Sources across documents: one canonical name for one person or organisation however each outlet names them.

Within a document, `resolve/` already ties "Lopez" to "Maria Lopez". Across documents the names are compared here:
- the name in a source's words is the longest run of capitalised words in them, titles left out: "the agency's
  spokeswoman, Maria Lopez" and "Ms. Maria Lopez" are both "Maria Lopez";
- a lone surname ("Lopez") is the one full name in the corpus that ends with it, when there is exactly one; with
  two ("Maria Lopez", "Juan Lopez") or none it stays as it is: unrelated people who share a surname stay apart;
- words with no name in them ("the spokeswoman", "officials") stay as they are: a role word names no one across
  outlets.
Outlets keep their canonical outlet name (`provenance.canonical`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep representative gov governor president secretary gen general col adm "
    "judge justice mayor prof professor sir dame lord lady rev father pastor chief".split()
)
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


def name_in(words: str) -> tuple[str, ...]:
    """The longest run of capitalised words in `words`, titles left out ("Sen. Bernie Sanders" -> Bernie Sanders)."""
    best: list[str] = []
    run: list[str] = []
    for token in re.split(r"[\s,;:()]+", words):
        bare = token.rstrip(".,'’s") if token.endswith(("'s", "’s")) else token.rstrip(".,")
        if bare and _NAME_WORD.fullmatch(bare) and bare.lower().rstrip(".") not in TITLES:
            run.append(bare)
        else:
            if len(run) > len(best):
                best = run
            run = []
    if len(run) > len(best):
        best = run
    return tuple(best)


def canonical_sources(names: Iterable[str]) -> dict[str, str]:
    """Each name -> its canonical name across the corpus (see the module); names with no person's or
    organisation's name in them map to themselves."""
    names = list(dict.fromkeys(names))
    cores = {n: name_in(n) for n in names}
    full_by_last: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for core in cores.values():
        if len(core) >= 2:
            full_by_last[core[-1].lower()].add(core)
    out: dict[str, str] = {}
    for n, core in cores.items():
        if not core:
            out[n] = n
        elif len(core) == 1 and len(full_by_last.get(core[0].lower(), ())) == 1:
            out[n] = " ".join(next(iter(full_by_last[core[0].lower()])))
        else:
            out[n] = " ".join(core)
    return out
