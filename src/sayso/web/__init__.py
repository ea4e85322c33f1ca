"""`sayso serve`: a web browser onto a corpus store — the corpus at a glance, each article's sourcing, a source's
claims across the corpus, claim clusters with their provenance, and the same as JSON under /api/.

    queries   SQL over the store's tables (docs/store.md) -> small frozen results; a Document rebuilt from its rows
    clusters  the stored claim clusters with their provenance from `sayso.claims`, cached per state of the file
    site      routes -> pages (Jinja2, autoescaped) and JSON, without HTTP
    server    the standard library's threading HTTP server in front of a Site

Reads the store only and never loads a spaCy pipeline. Nothing here imports spaCy; `sayso.claims` (imported only
when the store has claim clusters) still pulls the library in through `sayso.resolve`'s package imports.
"""

from sayso.web.server import CorpusServer, make_server
from sayso.web.site import Response, Site

__all__ = ["CorpusServer", "Response", "Site", "make_server"]
