"""Attributions: cues, sources, contents, quotes and nesting, as pure functions over a parsed Doc."""

from sayso.attribution.extract import Extraction, extract_attributions

__all__ = ["Extraction", "extract_attributions"]
