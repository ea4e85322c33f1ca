"""Page furniture in an article's text: the pieces that are not its prose (docs/annotation.md, "furniture").

Scrapers hand over more than the article: section and teaser labels ("READ MORE: …", "WATCH: …", "ANALYSIS:"),
advertisement and sharing markers, captions and photo credits, bylines and author boxes, embedded posts with their
credit lines, list labels in capitals and debris (lone punctuation, code, "[…]"). `find_furniture` finds them by the
shape of a line (a short capitalised label before a colon, no sentence after it; a line with no letters; a line
of credit words; an embedded post's "— Name (@handle) Date") and by the phrases of `lexicons/data/furniture.tsv`,
never by any one page's strings. It reads the text alone (no parse), so that readers, the store and the analysis
share it; the analysis keeps furniture in the text (spans still index it) and leaves it out (sayso.analysis).

It lives in `read/` because it is about what of a page is the article: `.html` input reaches it as the text that
trafilatura extracted (trafilatura already drops navigation, asides, figure captions and most sharing widgets;
what it keeps of the rest, and every scraped `.txt`, goes through the same rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sayso.lexicons.furniture import FurnitureWords, load_furniture, normal
from sayso.model import Span

Piece = tuple[int, int]

_MONTHS = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    "|Nov(?:ember)?|Dec(?:ember)?"
)
_DASH = "(?:—|–|-|â€”|â€“)"
DASHES = "—–-â"
_POST_CREDIT = rf"[^\n()]{{0,60}}?\(@\w{{1,20}}\)\s*(?:on\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
_POST_TIME = r"(?:\s+at\s+\d{1,2}:\d{2}\s*[apAP]\.?[mM]\.?(?:\s+[A-Z]{2,4}\b)?)?"
# an embedded post's credit line: "— Jane Doe (@jdoe) October 3, 2014", glued to the post before it or alone
POST_CREDIT_IN_LINE = re.compile(rf"{_DASH}+\s*{_POST_CREDIT}{_POST_TIME}")
POST_CREDIT_LINE = re.compile(rf"{_DASH}*\s*{_POST_CREDIT}{_POST_TIME}")  # (matched at a line's start)
# an embedded post's own credit: "A photo posted by Jane Doe (@jdoe) on Oct 3, 2014" (not "a video posted by the group")
POSTED_BY = re.compile(r"^An? (?:photo|video|post) (?:posted|shared) by [^\n()]{0,60}\(@\w{1,30}\)", re.IGNORECASE)
POST_LINK = re.compile(r"pic\.twitter\.com/\w+|https?://t\.co/\w+|instagram\.com/p/", re.IGNORECASE)
SENTENCE_BOUNDARY = re.compile(r"[.!?:][\"'’”)]*\s+")
MAX_POST = 320  # characters: a post (280 and a link) that a credit line closes
LEADING = " \t-–—•*>·|»›"
TRAILING = " .:…!»›>|"
# "Label: what it introduces" -- the label starts with a letter, a space or line end follows the colon
LABEL = re.compile(r"^(?P<label>[A-Za-z][^:\n\"“”‘’]{0,39}?)\s*:(?:\s+(?P<rest>.*))?$")
WEB_ONLY = re.compile(
    r"^(?:https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{1,20})$",
    re.IGNORECASE,
)
EMAIL_FIRST = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
CODE = re.compile(
    r"^(?:[\w$]+\.)*[\w$]+\(.*\);?$|^(?:var|function|window\.|document\.)\b.*[;{}]$|^(?:<!--|-->|/\*|//\s)"
)
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d\b)", re.IGNORECASE)
ENDS_SENTENCE = re.compile(r"[.!?][\"'’”)\]]*$")
BYLINE_NAME = re.compile(r"^[A-Z][\w.'’-]*$|^(?:and|de|del|der|van|von|da|di|le|la|bin|al|&)$")
SIGNATURE = re.compile(rf"^{_DASH}+\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}$")
WEEKDAYS_MONTHS = re.compile(rf"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|^(?:{_MONTHS})$")
SLASH_CREDIT = re.compile(r"^[A-Z][^/\n]{0,50}/{1,2}\s?[A-Za-z][^/\n]{0,50}$")
# a credit inside a line: "(Photo: Getty Images)", "(Facebook Photo)", "[Image via screengrab]", "[CEN]"
# (a credit by "via" or "source" names someone: "(via Reuters)", "(via @jdoe)", not "(via referenda)")
_CREDIT_OPEN = (
    r"(?:photo|image|picture|video|credit|courtesy|getty|screen ?grab|screenshot|(?:via|source):?(?=\s*(?-i:[A-Z@]))"
    r"|via(?=\s*\)))"
)
_CREDIT_CLOSE = r"(?:photo|photos|image|images|picture|pictures|screen ?grab|screenshot|video|handout)"
IN_LINE_CREDIT = re.compile(
    rf"\(\s*{_CREDIT_OPEN}(?![a-z])[^()\n]{{0,60}}\)|\([^()\n]{{0,50}}\b{_CREDIT_CLOSE}\s*\)"
    rf"|\[\s*{_CREDIT_OPEN}(?![a-z])[^\[\]\n]{{0,80}}\]",
    re.IGNORECASE,
)
CAPS_BRACKET = re.compile(r"\[([A-Z]{2,8})\]")  # "[CEN]", "[AFP]": an agency's credit (its word a credit word)
# a credit that ends a line: "… ankle surgery. Photo: AFP", "… as possible. [iGen.fr via MacRumors]"
CREDIT_TAIL = re.compile(
    r"(?:(?<=[.!?\"”’])|(?<=\s))\s*(?:(?:Photo|Image|Picture|Video)s?(?: credits?)?|Credits?|Source):\s*"
    r"[A-Z][\w.'’/&, -]{1,50}$|\[[^\[\]\n]{1,50}\bvia\b[^\[\]\n]{1,50}\]\s*$"
)
# an in-text link teaser: "(Here's the full report.)", "(Read the statement here.)"
LINK_TEASER = re.compile(r"\((?:Here's|Here’s|Here is|Read|See|Click|Watch|Listen|Related)\b[^()\n]{0,150}\)")
PICTURE = re.compile(r"\b(?:photo|image|picture|video|getty|screen ?grab|screenshot|footage)", re.IGNORECASE)
LEFTOVER = re.compile(r"[\[(]\s*(?:…|\.\s?\.\s?\.)\s*[\])]")  # "[…]" where a scraper cut something out
READ_MORE_TAIL = re.compile(
    r"(?<=[.!?\"”’ ])\s*(?:Read more|Continue reading|Read the full (?:story|article))\b[^.!?\n]{0,40}$"
)
# an author's box: "Follow him on Twitter: @jdoe", "Reach her at jdoe@example.com", and as the last paragraph
# "Jane Doe is a reporter for the Daily Planet."
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
AUTHOR_CONTACT = re.compile(
    rf"\bFollow (?:him|her|them|me|us|{_NAME}) (?:on|at) (?:Twitter|Facebook|Instagram|X)\b"
    r"|\b(?:Reach|Email|E-mail|Contact) (?:him|her|them|me|us) (?:directly )?at\b"
)
AUTHOR_BIO = re.compile(
    rf"{_NAME}\s+(?:is|was)\s+(?:a|an|the)\s[^.\n]{{0,80}}\b(?:columnist|reporter|correspondent|writer|editor"
    r"|contributor|author|producer|analyst|fellow|professor|journalist)s?\b"
)
MAX_AUTHOR_BOX = 400
# a heading of a few words on a line of its own: "Human Rights.", "TOP STORIES", "War and Peace"
HEADING_WORDS = 4
MINOR_WORDS = frozenset("a an and as at but by for from in of on or the to vs with".split())
MAX_CAPTION = 160  # characters: a short line that a credit closes is a caption
QUOTE_CLOSERS = "\"”’'"
NO_SENTENCE_WORDS = 8  # a credit or caption line of more words than this is prose


def find_furniture(text: str, words: FurnitureWords | None = None) -> tuple[Piece, ...]:
    """The furniture of `text` as sorted, disjoint `[start, end)` character ranges."""
    words = words or load_furniture()
    found: list[Piece] = []
    lines = [(a, b) for a, b in _lines(text) if a < b]
    previous: Piece | None = None
    note_alone = False
    for n, (start, end) in enumerate(lines):
        if note_alone:  # "Correction:" alone on its line: the note is the paragraph after it
            found.append((start, end))
        note_alone = _label_alone(text[start:end], words.notes)
        credit = POST_CREDIT_LINE.match(text, start, end)
        if previous and credit and credit[0][:1] in DASHES and _is_post(text[previous[0] : previous[1]]):
            found.append(previous)  # a credit line alone closes the post in the paragraph before it
        place = Place(n == 0, n == len(lines) - 1, previous is not None and text[previous[1] - 1] in QUOTE_CLOSERS)
        pieces = _line_furniture(text[start:end], start, words, place)
        found.extend([(start, end)] if pieces is None else pieces)
        previous = (start, end)
    return _merged(found)


def furniture_spans(text: str) -> tuple[Span, ...]:
    """The furniture of `text` as Spans (the Document's `furniture`)."""
    return tuple(Span.of(text, a, b) for a, b in find_furniture(text))


def blank_furniture(text: str, pieces: tuple[Piece, ...] | None = None) -> str:
    """`text` with its furniture made spaces (line breaks kept): the same length, every offset where it was, so
    that a parser given it never sees the furniture."""
    pieces = find_furniture(text) if pieces is None else pieces
    if not pieces:
        return text
    out, at = [], 0
    for a, b in pieces:
        out.append(text[at:a])
        out.append("".join("\n" if c == "\n" else " " for c in text[a:b]))
        at = b
    out.append(text[at:])
    return "".join(out)


def covered(pieces: tuple[Piece, ...], start: int, end: int) -> int:
    """How many characters of `[start, end)` the pieces cover."""
    return sum(max(0, min(b, end) - max(a, start)) for a, b in pieces)


def _lines(text: str) -> Iterator[Piece]:
    """Each line's range without its surrounding whitespace (empty for a blank line)."""
    at = 0
    for line in text.split("\n"):
        stripped = line.strip()
        lead = line.find(stripped[:1]) if stripped else 0
        yield (at + lead, at + lead + len(stripped))
        at += len(line) + 1


@dataclass(frozen=True)
class Place:
    """Where a line stands: the text's first line (a headline, or a dateline's), its last (an author's box), after
    a line that ends a quotation (a dash and a name is then its speaker, not a signature)."""

    first: bool
    last: bool
    after_quote: bool


def _line_furniture(line: str, start: int, words: FurnitureWords, place: Place) -> list[Piece] | None:
    """None when the whole line is furniture, else the furniture inside it (often none)."""
    if not any(c.isalpha() for c in line):
        return None  # lone punctuation, symbols, numbers: "* * *", "+12", "—"
    post = POST_CREDIT_LINE.match(line) or POST_CREDIT_IN_LINE.search(line)
    if post is not None:  # an embedded post and its credit (prose glued before or after it stays prose)
        begin = _post_start(line, post.start())
        return None if begin == 0 and post.end() == len(line) else [(start + begin, start + post.end())]
    core = line.lstrip(LEADING)
    key = normal(core).rstrip(TRAILING)
    if key in words.lines or key.removeprefix("the ") in words.outlets:
        return None
    if WEB_ONLY.match(core.rstrip(TRAILING)) or CODE.match(core) or COPYRIGHT.match(core):
        return None
    if any(key == p or (key.startswith(p) and not key[len(p)].isalnum()) for p in words.opens):
        return None
    short = len(line) <= 200
    if short and any(key.endswith(p) for p in words.closes):
        return None
    signature = SIGNATURE.match(line) and not place.after_quote
    if short and (_is_follow(key) or EMAIL_FIRST.match(core) or signature or _is_byline(core)):
        return None
    if POSTED_BY.match(core) or (len(line) <= MAX_POST + 60 and POST_LINK.search(line)):
        return None  # an embedded post: its text and its link
    if _is_credit_line(core, words) or (not place.first and _is_heading(line)):
        return None
    if len(line) <= MAX_AUTHOR_BOX and (AUTHOR_CONTACT.search(line) or (place.last and AUTHOR_BIO.match(line))):
        return None
    label = LABEL.match(core)
    if label is not None:
        found = _label_furniture(label, start + len(line) - len(core), words, place.first)
        if found is not None:
            return found or None
    return _in_line(line, start, words.credits)


def _label_furniture(label: re.Match[str], at: int, words: FurnitureWords, first: bool) -> list[Piece] | None:
    """A "LABEL: …" line's furniture: [] for the whole line, the label's range, or None (no label)."""
    name, rest = normal(label["label"]), (label["rest"] or "").strip()
    if name in words.teasers or name in words.notes:
        return []
    sentence = _is_sentence(rest)
    letters = [c for c in label["label"] if c.isalpha()]
    capitals = len(letters) >= 2 and all(c.isupper() for c in letters)
    if name in words.labels or (capitals and _generic_label(name, sentence, first, words)):
        return [(at, at + label.end("label") + 1)] if sentence else []
    return None


def _label_alone(line: str, labels: frozenset[str]) -> bool:
    label = LABEL.match(line.lstrip(LEADING))
    return label is not None and not label["rest"] and normal(label["label"]) in labels


def _generic_label(name: str, sentence: bool, first: bool, words: FurnitureWords) -> bool:
    """Whether a label in capitals is furniture, not a speaker ("SMITH: …", "JANE DOE: …") or a dateline
    ("BEIRUT: …", or any label opening the text before a sentence)."""
    tokens = name.split()
    if sentence and (first or len(tokens) == 1):
        return False
    return not (tokens[0] in words.first_names or name in words.places)


def _in_line(line: str, start: int, credits: frozenset[str]) -> list[Piece]:
    """Credits, "[…]" leftovers and "Read more" tails inside a line of prose; the whole line (a caption with its
    credit) when a credit closes a line with no sentence in it."""
    found = [(start + m.start(), start + m.end()) for m in IN_LINE_CREDIT.finditer(line)]
    found += [(start + m.start(), start + m.end()) for m in CAPS_BRACKET.finditer(line) if m[1].lower() in credits]
    found += [(start + m.start(), start + m.end()) for m in LEFTOVER.finditer(line)]
    found += [(start + m.start(), start + m.end()) for m in LINK_TEASER.finditer(line)]
    found += [(start + m.start() + len(m[0]) - len(m[0].lstrip()), start + m.end()) for m in CREDIT_TAIL.finditer(line)]
    tail = READ_MORE_TAIL.search(line)
    if tail:
        found.append((start + tail.start() + len(tail[0]) - len(tail[0].lstrip()), start + len(line)))
    credit_last = [p for p in found if p[1] == start + len(line) and not tail]
    if credit_last and len(line) <= MAX_CAPTION:
        before = line[: credit_last[0][0] - start].rstrip()
        if before and not _has_quote(before) and PICTURE.search(line[credit_last[0][0] - start :]):
            return [(start, start + len(line))]  # a caption with its picture's credit
    return found


def _is_heading(core: str) -> bool:
    """A few words on a line of their own in capitals or in Title Case, with no sentence punctuation inside."""
    body = core.rstrip(" .")
    tokens = body.split()
    if core != core.lstrip(LEADING) or body.endswith(":"):
        return False  # "- Sanders." after a quotation names its speaker; "Stated Stone:" opens one
    if not tokens or len(tokens) > HEADING_WORDS or not re.fullmatch(r"[\w\s&'’-]+", body):
        return False
    return all(t[:1].isupper() or (t.lower() in MINOR_WORDS and n > 0) for n, t in enumerate(tokens))


def _post_start(line: str, credit: int) -> int:
    """Where the post that a credit at `credit` closes begins: the line's start, or in a long line the first
    sentence boundary within a post's length of the credit, or the last colon there (the prose that introduces
    the post stays)."""
    if credit <= MAX_POST:
        return 0
    found = [m for m in SENTENCE_BOUNDARY.finditer(line, 0, credit) if credit - m.end() <= MAX_POST]
    colons = [m.end() for m in found if m[0][0] == ":"]  # "… was created by Jane Doe: <the post>"
    return max(colons) if colons else min((m.end() for m in found), default=credit)


def _is_sentence(rest: str) -> bool:
    """What follows a label is a sentence: it ends as one, or introduces a quotation ("… the site wrote:")."""
    words = len(rest.split())
    return (words >= 3 and bool(ENDS_SENTENCE.search(rest))) or (words >= 6 and rest.endswith(":"))


def _has_quote(text: str) -> bool:
    return any(c in text for c in '"“”')


def _is_post(text: str) -> bool:
    """Whether a paragraph before a post's credit line can be the post: short, and not the prose that
    introduces it ("She tweeted:")."""
    return len(text) <= MAX_POST and not text.rstrip().endswith(":")


def _is_follow(key: str) -> bool:
    return key.startswith("follow ") and any(w in key for w in ("@", "twitter", "facebook", "instagram"))


def _is_byline(core: str) -> bool:
    """ "By Jane Smith", "By JANE SMITH, Staff Writer", "By Jane Smith and John Doe | Reuters"."""
    if not core.startswith("By ") or len(core) > 100:
        return False
    head, tail = [*re.split(r"[,|]", core[3:], maxsplit=1), ""][:2]
    names = head.split()
    if not names or not all(BYLINE_NAME.match(w) for w in names) or WEEKDAYS_MONTHS.match(names[0]):
        return False
    # "By Friday, the council will have voted." is a sentence; "By Jane Smith, Staff Writer" is not
    return len(tail.split()) <= 2 or (len(tail.split()) <= 6 and not ENDS_SENTENCE.search(tail.strip()))


def _is_credit_line(core: str, words: FurnitureWords) -> bool:
    """A bracketed credit "[Image via screengrab]", a line of credit words "Getty Images", "CEN Jane Doe", or an
    agency credit "Jane Doe/Reuters"."""
    if len(core.split()) > NO_SENTENCE_WORDS * 2 or ENDS_SENTENCE.search(core.rstrip(")]")):
        if not (core[:1] in "([" and core[-1:] in ")]"):
            return False
    tokens = [t.strip("()[]:,;.'\"“”") for t in core.split()]
    tokens = [t for t in tokens if t]
    credit = any(t.lower() in words.credits for t in tokens)
    if core[:1] in "([" and core[-1:] in ")]" and len(core) <= 200:
        # "[Image via screengrab]", "[The Boston Globe]"; not an editor's sentence "[The show was cancelled.]"
        return credit or (len(tokens) <= NO_SENTENCE_WORDS and not ENDS_SENTENCE.search(core[:-1]))
    if len(tokens) > NO_SENTENCE_WORDS:
        return False
    capitalised = all(t[:1].isupper() or not t[:1].isalpha() for t in tokens)
    if capitalised and SLASH_CREDIT.match(core):
        return True
    return credit and capitalised


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for a, b in sorted(p for p in pieces if p[1] > p[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)
