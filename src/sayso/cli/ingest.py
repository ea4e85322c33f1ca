"""`sayso ingest` and `sayso export`: a corpus into the store, and the store out to Parquet, CSV or JSON Lines."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from sayso.cli.modes import mode_option, time_limit_option, type_option
from sayso.corpus import DEFAULT_BATCH_SIZE, ENGINES, Event, IngestOptions, ingest
from sayso.errors import SaysoError
from sayso.read import DEFAULT_MAX_BYTES
from sayso.store import EXPORT_FORMATS, Store

DEFAULT_DB = "sayso.duckdb"


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"sayso: {message}", err=True)
    sys.exit(code)


class _Rate(ProgressColumn):
    """Documents per second over the last half minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} docs/s" if speed else "- docs/s", style="progress.data.speed")


class _Display:
    """The progress bar (stderr, only on a terminal), one line per bad input, and with `verbose` one line per
    committed batch."""

    def __init__(self, *, quiet: bool, verbose: bool) -> None:
        self.console = Console(stderr=True, soft_wrap=True, highlight=False)
        self.quiet = quiet
        self.verbose = verbose
        self.progress = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=self.console,
            disable=quiet or not self.console.is_terminal,
        )
        self.task = self.progress.add_task("ingest", total=None)

    def __call__(self, event: Event) -> None:
        if event.kind == "total":
            self.progress.update(self.task, total=event.count or None)
        elif event.kind in ("stored", "skipped", "error"):
            self.progress.advance(self.task, event.count)
        if event.kind == "error" and not self.quiet:
            self.console.print(f"sayso: {event.name}: {event.reason}", markup=False)
        if event.kind == "commit" and self.verbose:
            self.console.print(f"sayso: committed {event.count} documents ({event.stored} new this run)", markup=False)


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, path_type=Path), help="The store."
)
@click.option(
    "--workers",
    "-w",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Processes that parse and analyse, each loading the model once (0: one per core).",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=None,
    help="local (worker processes on this machine; the default) or dask (a Dask cluster).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask; without it, dask starts a local cluster).",
)
@click.option(
    "--batch-size",
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    type=click.IntRange(min=1),
    help="Documents a worker analyses together and the store commits in one transaction.",
)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not carry one.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse inputs larger than this.")
@click.option("--model", default=None, help="spaCy pipeline package or path (default: the pinned small English one).")
@time_limit_option
@mode_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no per-input errors, no summary.")
@click.option("--verbose", "-v", is_flag=True, help="A line on stderr for every committed batch.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's figures as JSON on stdout.")
def ingest_command(
    inputs: tuple[str, ...],
    db: Path,
    workers: int,
    engine: str | None,
    scheduler: str | None,
    batch_size: int,
    published: str | None,
    max_bytes: int,
    model: str | None,
    time_limit: float,
    mode: str,
    quiet: bool,
    verbose: bool,
    as_json: bool,
) -> None:
    """Analyse a corpus into a DuckDB store: files (.txt .html .json .jsonl), folders, quoted globs, - for stdin.

    Documents are keyed by their text's hash: what is stored is never analysed twice, so running the same
    command again after an interruption finishes the job. A bad input is recorded in the store's errors table
    and the run goes on (exit status 0); the status is 1 when nothing at all could be read. A store holds one
    --mode: ingesting into it in another mode is refused.
    """
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        _fail(f"--published must be YYYY-MM-DD, not {published!r}", 2)
    if engine == "local" and scheduler:
        _fail("--scheduler needs --engine dask", 2)
    options = IngestOptions(
        workers=workers or os.cpu_count() or 1,
        batch_size=batch_size,
        engine=engine or ("dask" if scheduler else "local"),
        scheduler=scheduler,
        published=published,
        model=model,
        max_bytes=max_bytes,
        mode=mode,
        time_limit=time_limit,
    )
    display = _Display(quiet=quiet, verbose=verbose)
    try:
        with Store(db) as store, display.progress:
            report = ingest(list(inputs), store, options, display)
    except SaysoError as err:
        _fail(str(err))
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=1))
    if not quiet:
        display.console.print(report.summary(), markup=False)
    if not report.ingested and not report.already_stored and report.errors:
        _fail("nothing could be read")


@click.command("export")
@click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, path_type=Path), help="The store."
)
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="parquet", show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder.")
@type_option
def export_command(db: Path, fmt: str, out_dir: Path, types: tuple[str, ...] | None) -> None:
    """Write every table of the store to OUT/TABLE.parquet, .csv or .jsonl."""
    try:
        with Store(db, read_only=True) as store:
            written = store.export(fmt, out_dir, types)
    except SaysoError as err:
        _fail(str(err))
    rows = sum(written.values())
    click.echo(f"sayso: wrote {len(written)} tables ({rows:,} rows) to {out_dir}/ as {fmt}", err=True)


def register(group: click.Group) -> None:
    """Adds this module's commands to the `sayso` group."""
    group.add_command(ingest_command)
    group.add_command(export_command)
