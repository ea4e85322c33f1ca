"""The claims of an analysed `Document` as `definition.py` defines them (the store's `claims` table holds the same):
each attribution's content that is a proposition, each sentence the article states as fact on its own authority,
and its headline.

Claim ids follow the store: `DOC:aN` for attribution `aN`'s content, `DOC:sN` for sentence N, `DOC:t` for the
headline.
"""

from __future__ import annotations

from sayso.claims.definition import assertion_sentences, claim_attributions, title_claim
from sayso.claims.denials import states_denial
from sayso.claims.records import Claim, Publication
from sayso.claims.wire import wire_credit
from sayso.model import Document
from sayso.provenance import origins
from sayso.resolve.data import bare_pronoun


def claims_of(document: Document, doc_id: str) -> list[Claim]:
    """The document's claims in text order of their kind: attributed ones first, then its own assertions, then
    its headline."""
    origin = origins(document.attributions, document.entities)
    denies: dict[str, tuple[str, ...]] = {d.by: d.targets for d in document.denials}
    out = []
    for a in claim_attributions(document):
        # an unresolved 'he' or 'you' is no one's name: the claim keeps no source rather than a pronoun
        source = a.source_refers_to or (
            a.source.text if a.source is not None and not bare_pronoun(a.source.text) else None
        )
        out.append(
            Claim(
                id=f"{doc_id}:{a.id}",
                doc_id=doc_id,
                text=a.content.text,
                kind="attributed",
                source=source,
                source_kind=a.source_kind,
                act=a.act,
                cited=origin.get(a.id),
                denial=a.act == "denial" or a.id in denies,
                denies=tuple(f"{doc_id}:{t}" for t in denies.get(a.id, ())),
            )
        )
    for n, start, end in assertion_sentences(document):
        text = document.text[start:end]
        out.append(Claim(id=f"{doc_id}:s{n}", doc_id=doc_id, text=text, denial=states_denial(text)))
    if (title := title_claim(document)) is not None:
        out.append(Claim(id=f"{doc_id}:t", doc_id=doc_id, text=title, kind="headline", denial=states_denial(title)))
    return out


def publication_of(document: Document, doc_id: str) -> Publication:
    """Where and when the document ran, and the wire it credits."""
    return Publication(doc_id, document.meta.outlet, document.meta.published, wire_credit(document.text))
