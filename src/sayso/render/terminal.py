"""A Document as a terminal report: header, one entry per attribution (source → cue → content), then denials,
original sources, hypotheses, dates and warnings.

Everything from the document goes through `rich.text.Text`, never through console markup, so brackets and
escape sequences in an article are shown as text and never interpreted.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from sayso.model import Document
from sayso.render.view import Entry, Overview, clean, overview, plural, shows_canonical, truncate

SOURCE = "bold cyan"
CUE = "bold yellow"
CONTENT = "green"
META = "dim"
DENIAL = "bold red"
HEADING = "bold underline"
ARROW = " → "
INDENT = 4


def summary(ov: Overview) -> str:
    """'15 attributions · 6 sources · 2 denials', then independent and unsourced counts when there are any."""
    parts = [
        plural(len(ov.entries), "attribution"),
        plural(len(ov.sources), "source"),
        plural(len(ov.doc.denials), "denial"),
    ]
    if ov.entries:
        parts.append(plural(len(ov.independent), "independent source"))
    if ov.unsourced:
        parts.append(f"{ov.unsourced} without a named source")
    return " · ".join(parts)


def _source(entry: Entry) -> Text:
    a = entry.attribution
    out = Text(clean(a.source.text) if a.source else "(unspecified)", style=SOURCE if a.source else META)
    if shows_canonical(a) and entry.canonical:
        out.append(f" [{entry.canonical}]", style="cyan")
    return out


def _content(entry: Entry, limit: int) -> str:
    a = entry.attribution
    body: str = truncate(a.content.text, limit)
    if a.quote == "direct" and not body.startswith(("“", '"')):
        return f"“{body}”" if not body.endswith("…") else f"“{body}"
    return body


def _facts(entry: Entry) -> Text:
    a = entry.attribution
    quote = f"{a.quote} quote" if a.quote in ("direct", "mixed") else a.quote
    bits = [a.type, quote, a.certainty, a.act, a.source_kind]
    out = Text(" · ".join(clean(b).replace("_", " ") for b in bits if b), style=META)
    if entry.parent:
        out.append(f" · ⤷ inside {entry.parent}", style=META)
    if entry.denies:
        out.append(" · denies " + ", ".join(entry.denies), style=DENIAL)
    if entry.denied_by:
        out.append(" · denied by " + ", ".join(entry.denied_by), style="red")
    if entry.rests_on and entry.rests_on != entry.canonical:
        out.append(f" · rests on {entry.rests_on}", style=META)
    return out


def _entry(entry: Entry, width: int) -> RenderableType:
    indent = INDENT * min(entry.depth, 4)
    head = Text.assemble(_source(entry), ARROW, (clean(entry.attribution.cue.text), CUE), ARROW)
    room = width - indent - 6  # the id column
    limit = max(40, 2 * room - len(head.plain) - 12)  # about two lines, with room for word wrap
    body = Text.assemble(head, (_content(entry, limit), CONTENT))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(min_width=5, max_width=max(5, room // 4), overflow="fold")
    grid.add_column(overflow="fold")
    grid.add_row(Text(entry.id, style="bold"), body)
    grid.add_row(Text(""), _facts(entry))
    return Padding(grid, (0, 0, 0, indent))


def _section(title: str, rows: list[Text]) -> list[RenderableType]:
    if not rows:
        return []
    return [Text(""), Text(title, style=HEADING), *(Padding(r, (0, 0, 0, 2)) for r in rows)]


def report(doc: Document, width: int = 100) -> Group:
    """The whole report as one rich renderable."""
    ov = overview(doc)
    meta = doc.meta
    parts: list[RenderableType] = []
    title = Text(clean(meta.name) or "-", style="bold")
    if meta.title:
        title.append(f" — {clean(meta.title)}", style="bold")
    parts.append(title)
    published = f"published {clean(meta.published)}" if meta.published else ""
    facts = [published, clean(meta.outlet or ""), clean(meta.url or "")]
    if any(facts):
        parts.append(Text(" · ".join(f for f in facts if f), style=META))
    parts.append(Text(summary(ov)))
    parts.append(Text(""))
    if not ov.entries:
        parts.append(Text("No attributions found.", style="italic"))
    for entry in ov.entries:
        parts.append(_entry(entry, width))

    denials = []
    for d in doc.denials:
        denier = ov.entry(d.by)
        who = f" ({denier.canonical})" if denier and denier.canonical else ""
        denials.append(Text.assemble((d.by, DENIAL), who, " denies ", ", ".join(d.targets)))
    parts += _section("Denials", denials)

    originals = []
    for o in doc.original_sources:
        row = Text.assemble((clean(o.name), SOURCE), f": {plural(len(o.claims), 'claim')} ", ", ".join(o.claims))
        if o.note:
            row.append(f" — {clean(o.note)}", style=META)
        originals.append(row)
    parts += _section("Resting on one source", originals)

    parts += _section("Hypotheses", [Text.assemble((h.from_id, "bold"), ": ", clean(h.text)) for h in doc.hypotheses])
    dates = []
    for m in doc.dates:
        row = Text.assemble(clean(m.text), ARROW, (clean(m.value) if m.value else "?", "bold"))
        if m.needs:
            row.append(f" (needs {clean(m.needs)})", style=META)
        dates.append(row)
    parts += _section("Dates", dates)
    parts += _section("Warnings", [Text.assemble(("! ", "bold yellow"), clean(w)) for w in doc.warnings])
    return Group(*parts)


def render_terminal(doc: Document, console: Console | None = None) -> None:
    """Print the report for `doc` to `console` (a new stdout console by default), in colour where it supports it."""
    console = console or Console()
    console.print(report(doc, width=console.width), soft_wrap=False, highlight=False)


def terminal_text(doc: Document, width: int = 100) -> str:
    """The report as plain text `width` columns wide, without colour: for tests, golden files and pipes."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    console.print(report(doc, width=width))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
