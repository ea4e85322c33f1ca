"""Reading articles: files, folders, stdin, HTML, JSON/JSONL -> Record(text, metadata).

`read_inputs` reads what the command line names and yields a Record per article or an InputError per input that
is not one; `read_text` makes a Record from text in hand.
"""

from __future__ import annotations

from sayso.read.decode import DEFAULT_MAX_BYTES
from sayso.read.inputs import read_inputs
from sayso.read.record import Record, read_text

__all__ = ["DEFAULT_MAX_BYTES", "Record", "read_inputs", "read_text"]
