"""`sayso serve`: browse a corpus store in a web browser (sayso.web)."""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import NoReturn

import click


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"sayso: {message}", err=True)
    sys.exit(code)


@click.command("serve")
@click.option("--db", "db", required=True, type=click.Path(path_type=Path), help="The corpus store (DuckDB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
def serve_command(db: Path, host: str, port: int) -> None:
    """Browse a corpus store: the corpus at a glance, each article's sourcing, a source's claims across the corpus,
    claim clusters with their provenance, and the same as JSON under /api/. Reads the store only; Ctrl-C stops."""
    from sayso.errors import SaysoError
    from sayso.web import make_server
    from sayso.web.server import is_loopback

    if not db.exists():
        _fail(f"{db}: no such store (make one with `sayso ingest … --db {db}`)", 2)
    if db.is_dir():
        _fail(f"{db}: a folder, not a store", 2)
    try:
        server = make_server(db, host, port)
    except SaysoError as err:
        _fail(str(err))
    except OSError as err:
        reason = "the port is in use" if err.errno == errno.EADDRINUSE else (err.strerror or str(err))
        _fail(f"cannot listen on {host}:{port}: {reason}")
    if not is_loopback(host):
        click.echo(f"sayso: listening on {host}: anyone who can reach it can read this corpus", err=True)
    server.warm()
    click.echo(f"sayso: serving {db} at {server.url} (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("sayso: stopped", err=True)
    finally:
        server.server_close()


def register(group: click.Group) -> None:
    """Adds `serve` to the `sayso` group."""
    group.add_command(serve_command)
