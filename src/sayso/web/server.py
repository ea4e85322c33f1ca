"""The HTTP side of the corpus browser: the standard library's threading HTTP server in front of a `Site`.

GET and HEAD only. When it listens on a loopback address it answers only requests addressed to a loopback
name, so a web page elsewhere cannot read the corpus through a DNS name it points at this machine.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from sayso.store import Store
from sayso.web.site import Response, Site

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
COMMON_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-cache"),
)


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_name(header: str) -> str:
    """'localhost:8000' -> 'localhost', '[::1]:8000' -> '::1'."""
    try:
        return (urlsplit("//" + header).hostname or "").lower()
    except ValueError:
        return ""


class Handler(BaseHTTPRequestHandler):
    server: CorpusServer
    server_version = "sayso"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, *, head: bool) -> None:
        site = self.server.site
        if self.server.loopback_only and not is_loopback(_host_name(self.headers.get("Host", ""))):
            response = site.error(400, "This server answers only requests to localhost.")
        else:
            response = site.handle(self.path)
        self._send(response, head=head)

    def _send(self, response: Response, *, head: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in (*COMMON_HEADERS, *response.headers):
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the server reports failures itself, not every request."""


class CorpusServer(ThreadingHTTPServer):
    """Serves one store's pages; `url` is where to point a browser."""

    daemon_threads = True

    def __init__(self, site: Site, host: str, port: int) -> None:
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.site = site
        self.loopback_only = is_loopback(host)
        super().__init__((host.strip("[]"), port), Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[0], self.server_address[1]
        name = host.decode() if isinstance(host, bytes) else host
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    def warm(self) -> threading.Thread:
        """Reads the store's claim clusters in the background, so the first page that shows them is quick."""

        def work() -> None:
            try:
                with self.site.connect() as con:
                    self.site.clusters_of(con)
            except Exception:  # the page that needs them will report it
                pass

        thread = threading.Thread(target=work, name="sayso-warm", daemon=True)
        thread.start()
        return thread


def make_server(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> CorpusServer:
    """A server for the store at `db` on `host`:`port` (0: any free port), not yet serving.

    Raises StoreError when `db` is missing or not a sayso store, OSError when the address cannot be used."""
    path = Path(db)
    with Store(path, read_only=True):
        pass
    return CorpusServer(Site(path), host, port)
