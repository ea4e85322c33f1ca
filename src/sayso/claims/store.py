"""Claims in the corpus store: read them with what provenance needs, write their cluster ids back.

Reads `claims`, `copies` (or `documents`), `original_sources` and `denials`; writes `claims.cluster_id` and a
`store_info` row `claim_clusters` naming the method and threshold that made them. Clusters are recomputed when a
claim has no cluster yet (documents were ingested since), when the settings differ from the recorded ones, or
when asked.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import duckdb

from sayso.claims.corpus import CorpusClaims, analyse_corpus
from sayso.claims.denials import states_denial
from sayso.claims.match import MatchSettings
from sayso.claims.records import Claim, Publication
from sayso.claims.wire import HEAD, TAIL, wire_credit

INFO_KEY = "claim_clusters"
Connection = duckdb.DuckDBPyConnection


def settings_tag(settings: MatchSettings) -> str:
    return f"{settings.method} {settings.linkage} {settings.cut:g}"


def read_claims(con: Connection) -> tuple[list[Claim], dict[str, list[Publication]], list[int | None]]:
    """The store's claims (in a stable order), each document's publications, and each claim's stored cluster."""
    cited: dict[tuple[str, str], str] = {}
    for doc_hash, name, ids in con.execute("SELECT doc_hash, name, claims FROM original_sources").fetchall():
        for aid in _json_list(ids):
            cited.setdefault((doc_hash, aid), name)
    denies: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc_hash, by_id, target in con.execute("SELECT doc_hash, by_id, target_id FROM denials").fetchall():
        denies[(doc_hash, by_id)].append(f"{doc_hash}:{target}")
    rows = con.execute(
        "SELECT claim_id, doc_hash, kind, attribution_id, text, act, source_refers_to, source_text, source_kind, "
        "cluster_id "
        "FROM claims ORDER BY doc_hash, start_char, claim_id"
    ).fetchall()
    claims: list[Claim] = []
    stored: list[int | None] = []
    for claim_id, doc_hash, kind, aid, text, act, refers, source_text, source_kind, cluster in rows:
        targets = tuple(denies.get((doc_hash, aid), ())) if aid else ()
        denial = act == "denial" or bool(targets) or (kind == "assertion" and states_denial(text))
        claims.append(
            Claim(
                id=claim_id,
                doc_id=doc_hash,
                text=text,
                kind=kind,
                source=refers or source_text,
                source_kind=source_kind or "unspecified",
                act=act,
                cited=cited.get((doc_hash, aid)) if aid else None,
                denial=denial,
                denies=targets,
            )
        )
        stored.append(None if cluster is None else int(cluster))
    return claims, _publications(con), stored


def _publications(con: Connection) -> dict[str, list[Publication]]:
    wires = {
        h: wire_credit(head + "\n" + tail)
        for h, head, tail in con.execute(
            f"SELECT hash, left(text, {HEAD}), right(text, {TAIL}) FROM documents"
        ).fetchall()
    }
    out: dict[str, list[Publication]] = defaultdict(list)
    for h, outlet, published in con.execute(
        "SELECT doc_hash, outlet, published FROM copies ORDER BY doc_hash, published NULLS LAST, name"
    ).fetchall():
        out[h].append(Publication(h, outlet, published, wires.get(h)))
    for h, outlet, published in con.execute("SELECT hash, outlet, published FROM documents").fetchall():
        if h not in out:
            out[h].append(Publication(h, outlet, published, wires.get(h)))
    return dict(out)


def _json_list(value: Any) -> list[str]:
    if value is None:
        return []
    data = json.loads(value) if isinstance(value, str) else value
    return [str(x) for x in data]


def recorded_settings(con: Connection) -> str | None:
    row = con.execute("SELECT value FROM store_info WHERE key = ?", [INFO_KEY]).fetchone()
    return str(row[0]) if row else None


def write_clusters(con: Connection, claims: list[Claim], labels: list[int], settings: MatchSettings) -> None:
    """Stores each claim's cluster id and the settings that made them, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE claim_labels (claim_id VARCHAR, cluster_id BIGINT)")
        con.execute(
            "INSERT INTO claim_labels SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS BIGINT[]))",
            [[c.id for c in claims], list(labels)],
        )
        con.execute(
            "UPDATE claims SET cluster_id = claim_labels.cluster_id FROM claim_labels "
            "WHERE claims.claim_id = claim_labels.claim_id"
        )
        con.execute("DELETE FROM store_info WHERE key = ?", [INFO_KEY])
        con.execute("INSERT INTO store_info VALUES (?, ?)", [INFO_KEY, settings_tag(settings)])
        con.execute("DROP TABLE claim_labels")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def needs_matching(stored: list[int | None], recorded: str | None, settings: MatchSettings) -> bool:
    return any(c is None for c in stored) or recorded != settings_tag(settings)


def corpus_claims(
    con: Connection,
    settings: MatchSettings | None = None,
    *,
    recluster: bool = False,
    write: bool = True,
    types: tuple[str, ...] | None = None,
) -> CorpusClaims:
    """The store's claim clusters and their provenance; clusters are matched again (and, with `write`, stored)
    when needed (see the module). With `types` ("statement", ...: sayso.model.TYPES) only claims of those types of
    attribution count — the article's own assertions are statements — in clusters matched over every claim, so a
    cluster keeps its id whatever is shown."""
    settings = settings or MatchSettings()
    claims, publications, stored = read_claims(con)
    if recluster or needs_matching(stored, recorded_settings(con), settings):
        corpus = analyse_corpus(claims, publications, settings)
        if write and claims:
            write_clusters(con, claims, list(corpus.labels), settings)
        if types is None:
            return corpus
        labels = list(corpus.labels)
    else:
        labels = [int(c) for c in stored if c is not None]
    if types is not None:
        wanted = {
            str(cid)
            for (cid,) in con.execute(
                "SELECT claim_id FROM claims WHERE list_contains(CAST(? AS VARCHAR[]), type)", [list(types)]
            ).fetchall()
        }
        keep = [n for n, c in enumerate(claims) if c.id in wanted]
        claims, labels = [claims[n] for n in keep], [labels[n] for n in keep]
    return analyse_corpus(claims, publications, settings, labels=labels)
