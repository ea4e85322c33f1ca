"""Development helper: analyse every .txt of a folder into OUT/NAME.json (used before `sayso analyze --out`)."""

import json
import sys
from pathlib import Path

from sayso.analysis import Analyzer
from sayso.model import Metadata
from sayso.read import Record

src, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
files = sorted(src.glob("*.txt"))
records = [Record(f.read_text(encoding="utf-8"), Metadata(name=f.name)) for f in files]
analyzer = Analyzer(sys.argv[3]) if len(sys.argv) > 3 else Analyzer()
for f, doc in zip(files, analyzer.analyze_records(records), strict=True):
    (out / (f.stem + ".json")).write_text(json.dumps(doc.to_json()), encoding="utf-8")
