"""The `--mode` option of `analyze` and `ingest`: fast (the rules) or accurate (the rules with the learned cue
model), and the `--type` option of every command that shows attributions or claims. The choices come from
sayso.modes and sayso.model, modules without spaCy, so that neither the command line nor the ingest's writer process
imports spaCy to list them."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from sayso.deadline import DEFAULT_TIME_LIMIT_S
from sayso.model import TYPES, parse_types
from sayso.modes import DEFAULT_MODE, MODES

F = TypeVar("F", bound=Callable[..., Any])


class ModeChoice(click.Choice[str]):
    """A click Choice whose bad value is one line on stderr and exit status 2, like the commands' own checks."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value in self.choices:
            return value
        click.echo(f"sayso: unknown mode {value!r}: choose one of {', '.join(MODES)}", err=True)
        sys.exit(2)


def mode_option(command: F) -> F:
    return click.option(
        "--mode",
        type=ModeChoice(MODES),
        default=DEFAULT_MODE,
        show_default=True,
        help="fast: the rules alone; accurate: the rules with the learned cue model (docs/accuracy.md).",
    )(command)


def _types(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...] | None:
    try:
        return parse_types(value)
    except ValueError as err:
        click.echo(f"sayso: {err}", err=True)
        sys.exit(2)


def type_option(command: F) -> F:
    """`--type statement` (repeatable or comma-separated): keep only these types of attribution."""
    return click.option(
        "--type",
        "types",
        multiple=True,
        callback=_types,
        metavar="TYPE[,TYPE]",
        help=f"Keep only these types of attribution: {', '.join(TYPES)} (default: all). "
        "'statement' keeps what sources said or wrote.",
    )(command)


def _seconds(ctx: click.Context, param: click.Parameter, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):
        click.echo(f"sayso: --time-limit must be a number of seconds (0: no limit), not {value!r}", err=True)
        sys.exit(2)
    return seconds


def time_limit_option(command: F) -> F:
    """`--time-limit SECONDS`: a document whose analysis runs longer is reported as failed and the run goes on."""
    return click.option(
        "--time-limit",
        "time_limit",
        default=str(int(DEFAULT_TIME_LIMIT_S)),
        show_default=True,
        callback=_seconds,
        metavar="SECONDS",
        help="Give up on a document whose analysis (after its parse) takes longer than this; it is reported "
        "(ingest: in the store's errors table) and the run goes on. 0: no limit.",
    )(command)
