"""Reading articles: files, folders, stdin, HTML, JSON/JSONL -> Record(text, metadata).

(interface stub, being written: see tests/test_read.py)
"""

from __future__ import annotations

from dataclasses import dataclass

from sayso.model import Metadata


@dataclass(frozen=True)
class Record:
    """One article to analyse: its text exactly as analysed (spans index it) and what is known about it."""

    text: str
    meta: Metadata
