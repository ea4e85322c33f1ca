"""Source entities: aliases, outlets, initialisms, short forms, nominals, pronouns and documents standing for their
publisher, resolved to one canonical entity each (`resolve_sources`), and the kind of a source (`source_kind_of`)."""

from sayso.resolve.kinds import source_kind_of
from sayso.resolve.resolver import Mention, Resolution, resolve_mentions, resolve_sources

__all__ = ["Mention", "Resolution", "resolve_mentions", "resolve_sources", "source_kind_of"]
