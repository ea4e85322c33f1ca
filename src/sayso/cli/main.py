"""The `sayso` command: thin commands over the library. Each checks its arguments and calls one library function;
every user-facing failure is one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import re
import sys

# One OpenBLAS thread: on 2 cores the parse runs ~2x faster (bench/, docs/benchmarks.md). It must be set before
# numpy is first imported, so here, before anything imports spaCy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
from collections.abc import Iterator
from pathlib import Path

import click

from sayso import __version__
from sayso.cli.modes import mode_option, time_limit_option, type_option
from sayso.errors import AnalysisFailed, InputError, SaysoError
from sayso.read import DEFAULT_MAX_BYTES, Record, read_inputs


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"sayso: {message}", err=True)
    sys.exit(code)


def _out_name(record: Record) -> str:
    """NAME for OUT/NAME.json: the file's stem (bounties.txt -> bounties), safe for a file system."""
    name = record.meta.name
    stem = Path(name).stem if "#" not in name and ":" not in name else name
    return re.sub(r"[^\w.\-#]+", "_", stem).strip("._") or "stdin"


def _records(paths: tuple[str, ...], max_bytes: int, published: str | None, failed: list[str]) -> Iterator[Record]:
    for item in read_inputs(list(paths), max_bytes=max_bytes):
        if isinstance(item, InputError):
            click.echo(f"sayso: {item}", err=True)
            failed.append(item.name)
            continue
        if published and not item.meta.published:
            from dataclasses import replace

            item = Record(item.text, replace(item.meta, published=published))
        yield item


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sayso")
def cli() -> None:
    """On whose say-so? Attributions, sources, certainty, denials and provenance in English news text."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON (docs/schema.md).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), help="Write a page to this file.")
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Write OUT/NAME.json per input."
)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not carry one.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse inputs larger than this.")
@click.option("--model", default=None, help="spaCy pipeline package or path (default: the pinned small English one).")
@time_limit_option
@mode_option
@type_option
def analyze(
    inputs: tuple[str, ...],
    as_json: bool,
    html_out: Path | None,
    out_dir: Path | None,
    published: str | None,
    max_bytes: int,
    model: str | None,
    time_limit: float,
    mode: str,
    types: tuple[str, ...] | None,
) -> None:
    """Analyse articles: files (.txt .html .json .jsonl), folders of them, or - for stdin."""
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        _fail(f"--published must be YYYY-MM-DD, not {published!r}", 2)
    import sayso
    from sayso.model import keep_types
    from sayso.render import render_html, render_terminal

    try:
        analyzer = sayso.load(model, mode=mode)
    except SaysoError as err:
        _fail(str(err))
    except (OSError, ValueError, KeyError) as err:  # the accurate mode's cue model is missing or unreadable
        _fail(f"cannot load the {mode} mode ({type(err).__name__}: {err})")
    failed: list[str] = []
    analysed = 0
    pages: list[str] = []
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    records = _records(inputs, max_bytes, published, failed)
    for record, doc in analyzer.analyze_batch(records, time_limit=time_limit):
        if isinstance(doc, AnalysisFailed):
            click.echo(f"sayso: {doc}", err=True)
            failed.append(record.meta.name)
            continue
        analysed += 1
        doc = keep_types(doc, types)
        if not doc.attributions:
            click.echo(f"sayso: {record.meta.name}: no attributions found", err=True)
        data = doc.to_json()
        if out_dir:
            (out_dir / f"{_out_name(record)}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        elif as_json:
            click.echo(json.dumps(data, ensure_ascii=False, indent=None if len(inputs) > 1 else 1))
        if html_out:
            pages.append(render_html(doc))
        if not (out_dir or as_json or html_out):
            render_terminal(doc)
    if html_out:
        if len(pages) != 1:
            _fail(f"--html writes one page: give one article, not {len(pages)}", 2)
        html_out.write_text(pages[0], encoding="utf-8")
        click.echo(f"sayso: wrote {html_out}", err=True)
    if failed:
        _fail(f"{len(failed)} of {len(failed) + analysed} inputs could not be analysed")
    if not analysed:
        _fail("nothing to analyse")


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("pred", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold: Path, pred: Path, as_json: bool) -> None:
    """Precision, recall and F1 of predicted analyses against gold ones (files, or folders of NAME.gold.json)."""
    from sayso.evaluate import format_scores, score_paths

    try:
        result = score_paths(gold, pred)
    except SaysoError as err:
        _fail(str(err))
    click.echo(json.dumps(result, indent=1) if as_json else format_scores(result))


def _register_corpus_commands() -> None:
    from sayso.cli import claims, ingest, serve, train

    ingest.register(cli)
    claims.register(cli)
    serve.register(cli)
    train.register(cli)


_register_corpus_commands()


def main() -> None:
    """The console script: click's own messages for usage errors, one line for an interruption."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Abort:  # Ctrl-C: what was committed stays (ingest resumes from it)
        _fail("interrupted", 130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    sys.exit(code if isinstance(code, int) else 0)
