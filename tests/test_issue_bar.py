"""Issue 3's accuracy bar on PolNeAR dev, end to end: `sayso analyze --out DIR` over the 84 dev articles, scored by
the reference scorer `../shared/tools/score.py`. Skips with a message where ../shared or PolNeAR dev is absent.

The bar is the issue's (attribution F1 >= 0.70, exact content F1 >= 0.60); docs/accuracy.md has the measured
figures. A rule change that takes dev below it fails here rather than in a note.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_cli import SAYSO, run

ATTRIBUTION_F1 = 0.70
EXACT_CONTENT_F1 = 0.60


def test_fast_mode_meets_the_issue_bar_on_polnear_dev(shared_dir: Path, polnear_dev: Path, tmp_path: Path) -> None:
    articles = sorted(polnear_dev.glob("*.txt"))
    assert len(articles) == 84
    out = tmp_path / "pred"
    done = run(["analyze", "--out", str(out), *map(str, articles)], cwd=tmp_path, command=SAYSO)
    assert done.code == 0, done.err
    assert len(list(out.glob("*.json"))) == len(articles)
    scored = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(polnear_dev), str(out), "--json"],
        capture_output=True, text=True, check=True,
    )
    scores = json.loads(scored.stdout)
    assert scores["documents"] == {"scored": 84, "missing_predictions": 0}
    assert scores["attribution"]["f1"] >= ATTRIBUTION_F1, scores["attribution"]
    assert scores["exact_content"]["f1"] >= EXACT_CONTENT_F1, scores["exact_content"]
