"""The `--mode` option of `analyze` and `ingest`: fast (the rules) or accurate (the rules with the learned cue
model). The choices come from sayso.modes, a module without spaCy, so that neither the command line nor the ingest's
writer process imports spaCy to list them."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

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
