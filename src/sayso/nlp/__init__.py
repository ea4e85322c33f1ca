"""Building the spaCy pipeline; the `sayso` component and its Doc extensions."""

from sayso.nlp.pipeline import DEFAULT_MODEL, load_nlp

__all__ = ["DEFAULT_MODEL", "load_nlp"]
