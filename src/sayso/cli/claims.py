"""`sayso claims` and `sayso sources`: claim clusters across a corpus store and the sources behind them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sayso.claims.match import DEFAULT_THRESHOLDS, METHODS, MatchSettings
from sayso.cli.modes import type_option

if TYPE_CHECKING:
    from sayso.claims.corpus import CorpusClaims

SORTS = ("reported", "independent", "denied")


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"sayso: {message}", err=True)
    sys.exit(code)


def _corpus(
    db: Path, method: str, threshold: float | None, recluster: bool, types: tuple[str, ...] | None
) -> CorpusClaims:
    """The store's claim clusters; cluster ids are written back when they had to be (re)computed and the store
    can be written (it cannot while an ingest holds it: then they are computed and shown, not stored)."""
    from sayso.claims.store import corpus_claims
    from sayso.errors import SaysoError
    from sayso.store import Store

    if not db.exists():
        _fail(f"{db}: no such store (make one with `sayso ingest … --db {db}`)", 2)
    settings = MatchSettings(method=method, threshold=threshold)
    try:
        try:
            store = Store(db)
            write = True
        except SaysoError as first:
            if "cannot open" not in str(first):
                raise
            store = Store(db, read_only=True)
            write = False
        with store:
            return corpus_claims(store.connection, settings, recluster=recluster, write=write, types=types)
    except SaysoError as err:
        _fail(str(err))
    raise AssertionError("unreachable")


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


_db = click.option(
    "--db", "db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The corpus store (DuckDB)."
)
_json = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
_method = click.option(
    "--method",
    type=click.Choice(METHODS),
    default="tfidf",
    show_default=True,
    help="Claim matching: TF-IDF (default) or MiniLM embeddings (needs `sayso[embeddings]`).",
)
_threshold = click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help=f"Average-linkage threshold (default {DEFAULT_THRESHOLDS['tfidf']} for tfidf, "
    f"{DEFAULT_THRESHOLDS['minilm']} for minilm).",
)
_recluster = click.option("--recluster", is_flag=True, help="Match claims again even when clusters are stored.")
_limit = click.option("--limit", type=click.IntRange(0), default=20, show_default=True, help="Rows to show (0: all).")


@click.command("claims")
@_db
@_json
@click.option(
    "--sort",
    type=click.Choice(SORTS),
    default="reported",
    show_default=True,
    help="reported: most reports first; independent: fewest independent sources per report first; "
    "denied: most denials first.",
)
@click.option(
    "--min-reports", type=click.IntRange(1), default=2, show_default=True, help="Hide smaller undenied clusters."
)
@_limit
@_method
@_threshold
@_recluster
@type_option
def claims_command(
    db: Path,
    as_json: bool,
    sort: str,
    min_reports: int,
    limit: int,
    method: str,
    threshold: float | None,
    recluster: bool,
    types: tuple[str, ...] | None,
) -> None:
    """Claims reported across the corpus: clusters of claims that say the same thing, with their reports, original
    source, independent sources, circular reporting and denials."""
    from sayso.claims.corpus import sorted_clusters

    corpus = _corpus(db, method, threshold, recluster, types)
    shown = sorted_clusters(corpus.clusters, sort, min_reports=min_reports)
    if limit:
        shown = shown[:limit]
    if as_json:
        click.echo(json.dumps([c.to_json() for c in shown], ensure_ascii=False, indent=1))
        return
    if not shown:
        click.echo(
            f"sayso: {db.name}: {len(corpus.claims):,} claims, {len(corpus.clusters):,} clusters; none to show with "
            f"--sort {sort} and {min_reports} or more reports (try --min-reports 1)",
            err=True,
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"claims in {db.name}: {len(corpus.claims):,} claims, {len(corpus.clusters):,} clusters")
    for name, justify in [
        ("cluster", "right"),
        ("claim", "left"),
        ("reports", "right"),
        ("outlets", "right"),
        ("independent", "right"),
        ("original source", "left"),
        ("circular", "left"),
        ("denied", "right"),
    ]:
        wide = name in {"claim", "original source"}
        table.add_column(name, justify=justify, no_wrap=wide, overflow="ellipsis", min_width=24 if wide else None)  # type: ignore[arg-type]
    for c in shown:
        table.add_row(
            str(c.id),
            _short(c.text, 60),
            str(len(c.reports)),
            str(len(c.outlets)),
            str(c.independent_sources),
            f"{c.original_source or '-'} ({c.original_how})",
            "yes" if c.circular else "",
            str(len(c.denials)) if c.denials else "",
        )
    Console().print(table)


@click.command("sources")
@_db
@_json
@_limit
@_method
@_threshold
@_recluster
@type_option
def sources_command(
    db: Path,
    as_json: bool,
    limit: int,
    method: str,
    threshold: float | None,
    recluster: bool,
    types: tuple[str, ...] | None,
) -> None:
    """Original sources across the corpus, with how many claims (clusters) trace back to each."""
    corpus = _corpus(db, method, threshold, recluster, types)
    rows = corpus.sources()
    if limit:
        rows = rows[:limit]
    if as_json:
        click.echo(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"sources in {db.name}")
    for name, justify in [
        ("source", "left"),
        ("claims", "right"),
        ("reports", "right"),
        ("outlets", "right"),
        ("denied claims", "right"),
    ]:
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        table.add_row(r.name, str(r.clusters), str(r.reports), str(r.outlets), str(r.denied_clusters or ""))
    Console().print(table)


def register(group: click.Group) -> None:
    """Adds this module's commands to the `sayso` group."""
    group.add_command(claims_command)
    group.add_command(sources_command)
