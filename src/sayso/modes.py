"""The analysis modes, in a module without spaCy so that the command line and the ingest's writer can check one.

- fast: the rule pipeline over the parse;
- accurate: the same rules with the learned cue and content model voting (sayso.learn).
"""

MODES = ("fast", "accurate")
DEFAULT_MODE = "fast"


def check_mode(mode: str) -> str:
    """The mode itself, or ValueError naming the choices."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)}")
    return mode
