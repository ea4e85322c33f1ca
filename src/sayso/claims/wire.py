"""Wire credits: the news agency an article says it comes from.

An article is credited to a wire when it says so where agencies put their name:

- the dateline: "DALLAS (AP) —", "NEW YORK, Dec. 22 (UPI) —", "Dec 29 (Reuters) -", "Paris (AFP) –";
- a closing credit: "— The Associated Press", "Associated Press writer Jane Doe contributed to this report",
  "(Reporting by David Bailey; Editing by Cynthia Osterman)" (Reuters' sign-off).

The agency's name is resolved through the outlet lexicon (`lexicons/data/outlets.tsv`, kind `wire`), so "AP",
"A.P." and "The Associated Press" are one wire. A wire merely quoted in the text ("she told The Associated Press")
is a cited source of that claim, not a credit for the article: within-document provenance handles those.
"""

from __future__ import annotations

import re

from sayso.resolve.data import outlet_by_name

HEAD = 400  # the dateline is in the first characters
TAIL = 600  # the closing credit in the last ones
_DATELINE = re.compile(r"\(\s*([A-Za-z][\w.&'’ -]{0,40}?)\s*\)\s*[-—–]")
_CLOSING = re.compile(
    r"(?:^|\n)\s*[-—–]\s*(?:the\s+)?([A-Z][\w.&'’ -]{1,40}?)\s*\.?\s*$"
    r"|\b(?:the\s+)?([A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}) (?:writers?|reporters?|correspondents?)\b[^.\n]{0,120}"
    r"\bcontributed\b",
    re.MULTILINE,
)
_REUTERS_SIGNOFF = re.compile(r"\(\s*(?:Additional\s+)?Reporting by [^)]*(?:Editing|Writing) by [^)]*\)", re.I)


def wire_name(name: str) -> str | None:
    """The canonical name of the wire `name` names ('AP' -> 'Associated Press'), or None when it is no wire."""
    outlet = outlet_by_name(name.strip())
    return outlet.name if outlet is not None and outlet.kind == "wire" else None


def wire_credit(text: str) -> str | None:
    """The wire an article credits in its dateline or closing credit, by canonical name; None when none."""
    for m in _DATELINE.finditer(text[:HEAD]):
        found = wire_name(m.group(1))
        if found:
            return found
    tail = text[-TAIL:]
    for m in _CLOSING.finditer(tail):
        found = wire_name(m.group(1) or m.group(2) or "")
        if found:
            return found
    if _REUTERS_SIGNOFF.search(tail):
        return wire_name("Reuters")
    return None
