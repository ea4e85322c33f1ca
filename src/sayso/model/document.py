"""The document model: what sayso finds in one article, as plain frozen dataclasses.

Everything downstream of the parse (rendering, storage, the corpus) reads these types and nothing else; this
module never imports spaCy. `Document.to_json()` is the versioned output format (docs/schema.md,
`schema.json` beside this file); `Document.from_json()` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.2"

SOURCE_KINDS = ("person", "organization", "government", "document", "anonymous_officials", "unspecified")
CERTAINTIES = ("certain", "probable", "possible")
ACTS = ("report", "assessment", "belief", "speculation", "accusation", "denial", "assertion", "demand")
QUOTES = ("direct", "indirect", "mixed")
# what kind of attribution it is: something a source said or wrote (`statement`), or a belief or thought, knowledge,
# a finding or perception, an intention or plan (PARC 3.0's assertion / belief / fact / eventuality, split finer)
TYPES = ("statement", "belief", "knowledge", "finding", "intention")


@dataclass(frozen=True)
class Span:
    """A stretch of the text: `[start, end)` character offsets; `parts` when it is discontinuous."""

    text: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(text[start:end], start, end)

    @classmethod
    def joined(cls, text: str, parts: list[tuple[int, int]]) -> Span:
        """One span over several pieces (a quote split by its cue); its text joins the pieces with a space."""
        parts = sorted(p for p in parts if p[1] > p[0])
        if len(parts) == 1:
            return cls.of(text, *parts[0])
        return cls(" ".join(text[a:b] for a, b in parts), parts[0][0], parts[-1][1], tuple(parts))

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)

    def contains(self, other: Span) -> bool:
        return any(a <= other.start and other.end <= b for a, b in self.pieces)

    def overlaps(self, other: Span) -> bool:
        return any(a < d and c < b for a, b in self.pieces for c, d in other.pieces)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "span": [self.start, self.end]}
        if self.parts:
            out["parts"] = [list(p) for p in self.parts]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Span | None:
        if not data:
            return None
        start, end = data["span"]
        parts = tuple((int(a), int(b)) for a, b in data.get("parts") or ())
        return cls(data.get("text", ""), int(start), int(end), parts)


@dataclass(frozen=True)
class Attribution:
    """A source commits to a content through a cue."""

    id: str
    cue: Span
    content: Span
    source: Span | None = None
    source_kind: str = "unspecified"
    quote: str = "indirect"
    certainty: str = "certain"
    act: str = "report"
    nested_in: str | None = None
    source_refers_to: str | None = None
    type: str = "statement"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source.to_json() if self.source else None,
            "source_kind": self.source_kind,
            "cue": self.cue.to_json(),
            "content": self.content.to_json(),
            "quote": self.quote,
            "certainty": self.certainty,
            "act": self.act,
            "type": self.type,
        }
        if self.nested_in:
            out["nested_in"] = self.nested_in
        if self.source_refers_to:
            out["source_refers_to"] = self.source_refers_to
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Attribution:
        cue, content = Span.from_json(data["cue"]), Span.from_json(data["content"])
        assert cue is not None and content is not None
        return cls(
            id=data["id"],
            cue=cue,
            content=content,
            source=Span.from_json(data.get("source")),
            source_kind=data.get("source_kind", "unspecified"),
            quote=data.get("quote", "indirect"),
            certainty=data.get("certainty", "certain"),
            act=data.get("act", "report"),
            nested_in=data.get("nested_in"),
            source_refers_to=data.get("source_refers_to"),
            type=data.get("type", "statement"),
        )


@dataclass(frozen=True)
class Denial:
    """Attribution `by` rejects the claims of the attributions in `targets`."""

    by: str
    targets: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "targets": list(self.targets)}


@dataclass(frozen=True)
class DateMention:
    """A temporal expression and its ISO 8601 value, to the precision the text gives."""

    text: str
    start: int
    end: int
    value: str | None
    needs: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "span": [self.start, self.end], "value": self.value}
        if self.needs:
            out["needs"] = self.needs
        return out


@dataclass(frozen=True)
class Hypothesis:
    """An explanation the text offers as speculation, and the attribution it comes from."""

    from_id: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"from": self.from_id, "text": self.text}


@dataclass(frozen=True)
class OriginalSource:
    """Claims that trace back to one original source: one independent source however often re-reported."""

    name: str
    claims: tuple[str, ...]
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"is": self.name, "claims": list(self.claims), "note": self.note}


@dataclass(frozen=True)
class Provenance:
    """How one claim reached the article: its chain of sources, the original source first
    ("The New York Times" → "US intelligence officials"), and that original source."""

    claim: str
    chain: tuple[str, ...]
    original_source: str | None

    def to_json(self) -> dict[str, Any]:
        return {"claim": self.claim, "chain": list(self.chain), "original_source": self.original_source}


@dataclass(frozen=True)
class Metadata:
    """What is known about the article besides its text."""

    name: str = "-"
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None and k != "name"}


@dataclass(frozen=True)
class Document:
    """One analysed article."""

    text: str
    meta: Metadata = field(default_factory=Metadata)
    attributions: tuple[Attribution, ...] = ()
    denials: tuple[Denial, ...] = ()
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    original_sources: tuple[OriginalSource, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    independent_sources: int = 0
    hypotheses: tuple[Hypothesis, ...] = ()
    dates: tuple[DateMention, ...] = ()
    warnings: tuple[str, ...] = ()
    # page furniture (section labels, "READ MORE" lines, captions, credits, bylines, ad markers, embeds, scraper
    # debris): kept in the text so that spans still index it, left out of the analysis
    furniture: tuple[Span, ...] = ()

    def attribution(self, id_: str) -> Attribution | None:
        return next((a for a in self.attributions if a.id == id_), None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "document": self.meta.name,
            "metadata": self.meta.to_json(),
            "text": self.text,
            "attributions": [a.to_json() for a in self.attributions],
            "denials": [d.to_json() for d in self.denials],
            "original_source": self.original_sources[0].to_json() if self.original_sources else None,
            "original_sources": [o.to_json() for o in self.original_sources],
            "provenance": [p.to_json() for p in self.provenance],
            "independent_sources": self.independent_sources,
            "entities": {k: list(v) for k, v in self.entities.items()},
            "hypotheses": [h.to_json() for h in self.hypotheses],
            "dates": [d.to_json() for d in self.dates],
            "warnings": list(self.warnings),
            "furniture": [f.to_json() for f in self.furniture],
        }
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        meta = data.get("metadata") or {}
        return cls(
            text=data.get("text", ""),
            meta=Metadata(
                name=data.get("document", "-"), **{k: meta.get(k) for k in ("published", "outlet", "url", "title")}
            ),
            attributions=tuple(Attribution.from_json(a) for a in data.get("attributions", [])),
            denials=tuple(Denial(d["by"], tuple(d["targets"])) for d in data.get("denials", [])),
            entities={k: tuple(v) for k, v in (data.get("entities") or {}).items()},
            original_sources=tuple(
                OriginalSource(o["is"], tuple(o["claims"]), o.get("note", ""))
                # the gold format carries one `original_source`; sayso's output carries the list too
                for o in data.get("original_sources")
                or [data.get("original_source")] * bool(data.get("original_source"))
            ),
            provenance=tuple(
                Provenance(p["claim"], tuple(p.get("chain", ())), p.get("original_source"))
                for p in data.get("provenance", [])
            ),
            independent_sources=int(data.get("independent_sources", 0)),
            hypotheses=tuple(Hypothesis(h["from"], h["text"]) for h in data.get("hypotheses", [])),
            dates=tuple(
                DateMention(
                    d["text"],
                    (d.get("span") or [0, 0])[0],
                    (d.get("span") or [0, 0])[1],
                    d.get("value"),
                    d.get("needs"),
                )
                for d in data.get("dates", [])
            ),
            warnings=tuple(data.get("warnings", [])),
            furniture=tuple(s for s in (Span.from_json(f) for f in data.get("furniture", [])) if s is not None),
        )
