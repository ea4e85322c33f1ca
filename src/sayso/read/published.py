"""Publication dates as YYYY-MM-DD, whatever shape the source gave them in."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Shapes beyond ISO 8601 and RFC 2822 that news metadata uses; day-first/month-first numeric dates are ambiguous
# and are left as given.
_FORMATS = (
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %b. %Y",
)


def normalise_published(value: str) -> str | None:
    """`value` as YYYY-MM-DD when it parses as a date (a time and zone are dropped, the date kept as written);
    otherwise `value` unchanged; None when it is blank."""
    text = value.strip()
    if not text:
        return None
    parsed = _parse(text)
    return parsed.isoformat() if parsed else value


def _parse(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
