"""`sayso ingest` and `sayso export`: a corpus into the store (being written)."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Adds this module's commands to the `sayso` group."""
