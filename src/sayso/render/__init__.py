"""Rendering an analysed Document: a terminal report and a self-contained HTML page (never imports spaCy)."""

from sayso.render.html import render_html
from sayso.render.terminal import render_terminal, terminal_text

__all__ = ["render_html", "render_terminal", "terminal_text"]
