"""Source entities: aliases, outlets, initialisms, short forms, nominals, pronouns and documents standing for their
publisher, resolved to one canonical entity each (`resolve_sources`), and the kind of a source (`source_kind_of`).

The names below load on first use, so that readers of the word lists (`sayso.resolve.data`: the corpus tools, the
web server) do not import spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sayso.resolve.kinds import source_kind_of
    from sayso.resolve.mentions import Mention, Resolution
    from sayso.resolve.resolver import resolve_mentions, resolve_sources

__all__ = ["Mention", "Resolution", "resolve_mentions", "resolve_sources", "source_kind_of"]

_HOME = {
    "source_kind_of": "sayso.resolve.kinds",
    "Mention": "sayso.resolve.mentions",
    "Resolution": "sayso.resolve.mentions",
    "resolve_mentions": "sayso.resolve.resolver",
    "resolve_sources": "sayso.resolve.resolver",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
