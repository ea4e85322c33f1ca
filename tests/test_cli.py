"""The `sayso` command end to end: the real CLI in a subprocess, on the project's example and on bad inputs.

Every analysing run loads the spaCy model, so the file runs the CLI a handful of times (module fixtures) and
checks many things on each run:

- `analyze examples/bounties.txt`: the terminal report;
- `analyze --json --html PAGE examples/bounties.txt`: the JSON (schema, reference scorer, golden attributions)
  and the page;
- `analyze --out DIR` over good files, a JSON Lines feed with one malformed line and every kind of bad input: one
  stderr line per bad input naming it, the good ones written, a non-zero exit, no traceback;
- `analyze --json - noattr.txt` with an article on stdin: both analysed, a warning for the one without
  attributions, exit 0;
- `analyze` on bad inputs only: nothing analysed, a non-zero exit;
- `eval GOLD GOLD` (through `python -m sayso`): F1 1.0.

The golden file tests/golden/bounties.attributions.json holds the attributions `--json` gives for the example;
after a deliberate change to the extractor, regenerate it with `SAYSO_REGEN_GOLDEN=1 pytest tests/test_cli.py`
and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "bounties.txt"
SCHEMA = ROOT / "src" / "sayso" / "model" / "schema.json"
GOLDEN = ROOT / "tests" / "golden" / "bounties.attributions.json"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "examples" / "bounties.gold.json"
SCORER = SHARED / "tools" / "score.py"
REGEN = os.environ.get("SAYSO_REGEN_GOLDEN") == "1"
GOLDEN_FIELDS = ("id", "source", "cue", "content", "quote", "certainty", "act", "nested_in", "type")
BIG = 50_000_000
TIMEOUT = 600

# the console script beside this interpreter (the venv's), else the module
_SCRIPT = Path(sys.executable).with_name("sayso")
SAYSO = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "sayso"]
MODULE = [sys.executable, "-m", "sayso"]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def lines_naming(self, name: str) -> list[str]:
        """stderr lines about input `name` ("sayso: NAME: problem")."""
        return [line for line in self.err_lines if line.startswith(f"sayso: {name}:")]


def run(args: list[str], cwd: Path, stdin: str | None = None, command: list[str] = SAYSO) -> Run:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [*command, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=TIMEOUT,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped and padded terminal lines read as one."""
    return " ".join(text.split())


# ------------------------------------------------------------------------------------------------ the runs


@pytest.fixture(scope="module")
def terminal_run() -> Run:
    return run(["analyze", "examples/bounties.txt"], ROOT)


@pytest.fixture(scope="module")
def json_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    page = tmp_path_factory.mktemp("html") / "bounties.html"
    return run(["analyze", "--json", "--html", str(page), "examples/bounties.txt"], ROOT), page


@pytest.fixture(scope="module")
def bounties_json(json_run: tuple[Run, Path]) -> dict[str, Any]:
    result, _ = json_run
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


GOOD = {
    "a.txt": "The minister said the border will reopen on Monday.\n",
    "b.txt": "“We lost,” the coach said, “and we lost badly.”\n",
    "noattr.txt": "Sales rose 4 percent in the third quarter.\n",
}
FEED = (
    '{"id": "x1", "text": "Officials said the plan failed."}\n'
    '{"id": "x2", "text": broken}\n'
    '{"id": "x3", "text": "The agency reported that prices rose."}\n'
)
# bad input → a word its one-line message must contain
BAD = {
    "missing.txt": "no such file",
    "emptydir": "no .txt",
    "empty.txt": "empty",
    "binary.txt": "binary",
    "latin1.txt": "not UTF-8",
    "big.txt": "too large",
    "bad.json": "not valid JSON",
}


def make_inputs(folder: Path) -> None:
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "feed.jsonl").write_text(FEED, encoding="utf-8")
    (folder / "emptydir").mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("The café owner said business was slow.\n".encode("latin-1"))
    with (folder / "big.txt").open("wb") as f:  # sparse: one real line, then a hole up to 50 MB
        f.write(b"The mayor said the vote was close.\n")
        f.seek(BIG - 1)
        f.write(b"\n")
    (folder / "bad.json").write_text('{"text": "The mayor said so.",', encoding="utf-8")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    make_inputs(folder)
    return folder


@pytest.fixture(scope="module")
def batch_run(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path]:
    out = tmp_path_factory.mktemp("out") / "json"
    names = ["a.txt", "b.txt", "feed.jsonl", *BAD, "noattr.txt"]
    return run(["analyze", "--out", str(out), *names], inputs), out


@pytest.fixture(scope="module")
def stdin_run(inputs: Path) -> Run:
    return run(["analyze", "--json", "-", "noattr.txt"], inputs, stdin="The agency reported that prices rose in May.\n")


# ------------------------------------------------------------------------------------------------ terminal


def test_cli_terminal_report_shows_the_key_lines(terminal_run: Run) -> None:
    assert terminal_run.code == 0, terminal_run.err
    assert "Traceback" not in terminal_run.err
    lines = [line.rstrip() for line in terminal_run.out.splitlines() if line.strip()]
    assert lines[0] == "bounties.txt"
    assert re.fullmatch(r"\d+ attributions · \d+ sources · \d+ denials?( · .*)?", lines[1]), lines[1]
    # a source shows its canonical entity in brackets where it differs ("NYT [The New York Times] →")
    text = re.sub(r" \[[^\]]*\] →", " →", flat(terminal_run.out))
    assert "the New York Time [The New York Times] → reported" in flat(terminal_run.out)
    for entry in (
        "the New York Time → reported → US intelligence officials have concluded that a Russian military",
        "US intelligence officials → have concluded → a Russian military intelligence unit secretly offered",
        "The intelligence officials → believe → the bounties involve Unit 29155",
        "(unspecified) → is believed → to be made up of former Russian special-forces troops",
        "(unspecified) → has been blamed → for a series of assassination attempts throughout Europe",
        "Some officials → have theorized → the Russians may be seeking revenge on NATO forces",
        "Officials → have also suggested → the Russians may have been trying to derail peace talks",
        "the report → said → President Donald Trump was briefed of the intelligence assessment",
        "NYT → according to → The National Security Council had developed plans",
        "Russia → rejected → the report statement · indirect · certain · denial",
        "the embassy → said → “We demand the relevant US authorities take effective measures",
    ):
        assert entry in text, entry
    # the facts line of each kind, and the nesting made visible
    assert "probable · belief" in text
    assert "possible · speculation" in text
    assert "direct quote · certain" in text
    nyt = re.search(r"(a\d+) the New York Time → reported →", text)
    assert nyt, "no entry for the New York Time's report"
    assert re.search(r"US intelligence officials → have concluded →[^→]*⤷ inside " + nyt.group(1) + r"\b", text)


# ------------------------------------------------------------------------------------------------ --json, --html


def test_cli_json_matches_the_schema(bounties_json: dict[str, Any]) -> None:
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is absent")
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in Draft202012Validator(schema).iter_errors(bounties_json)
    ]
    assert errors == []
    assert bounties_json["document"] == "bounties.txt"
    assert bounties_json["text"] == EXAMPLE.read_text(encoding="utf-8")
    for a in bounties_json["attributions"]:
        for role in ("cue", "content", "source"):
            span = a[role]
            if span is not None and "parts" not in span:
                start, end = span["span"]
                assert bounties_json["text"][start:end] == span["text"], (a["id"], role)


def test_cli_json_is_read_by_the_reference_scorer(bounties_json: dict[str, Any], tmp_path: Path) -> None:
    if not SCORER.exists() or not GOLD.exists():
        pytest.skip(f"{SHARED} is absent: the reference scorer and gold are not on this machine")
    pred = tmp_path / "bounties.json"
    pred.write_text(json.dumps(bounties_json, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(pred), "--json"], capture_output=True, text=True, check=True
    )
    scores = json.loads(done.stdout)
    assert scores["documents"] == {"scored": 1, "missing_predictions": 0}
    assert scores["attribution"]["f1"] >= 0.9, scores["attribution"]


def test_cli_html_writes_a_page(json_run: tuple[Run, Path]) -> None:
    result, page = json_run
    assert result.code == 0, result.err
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "</html>" in html
    assert "Taliban-linked militants" in html
    assert "Traceback" not in result.err
    assert any(str(page) in line for line in result.err_lines), result.err


def golden_view(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [{k: a.get(k) for k in GOLDEN_FIELDS} for a in data["attributions"]]


def test_cli_json_attributions_equal_the_golden_file(bounties_json: dict[str, Any]) -> None:
    got = golden_view(bounties_json)
    if REGEN:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        rows = ",\n".join(" " + json.dumps(a, ensure_ascii=False) for a in got)  # one attribution a line
        GOLDEN.write_text(f"[\n{rows}\n]\n", encoding="utf-8")
        pytest.skip(f"regenerated {GOLDEN.relative_to(ROOT)}: review its diff")
    assert GOLDEN.exists(), f"no {GOLDEN.relative_to(ROOT)}: create it with SAYSO_REGEN_GOLDEN=1"
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert [a["id"] for a in got] == [a["id"] for a in want]
    for g, w in zip(got, want, strict=True):
        assert g == w, g["id"]


# ------------------------------------------------------------------------------------------------ --out and bad inputs


def test_cli_batch_reports_each_bad_input_on_one_line(batch_run: tuple[Run, Path]) -> None:
    result, _ = batch_run
    assert result.code != 0
    assert "Traceback" not in result.err
    for name, problem in BAD.items():
        lines = result.lines_naming(name)
        assert len(lines) == 1, (name, result.err)
        assert problem in lines[0], lines[0]
    assert all(line.startswith("sayso: ") for line in result.err_lines), result.err


def test_cli_batch_reports_the_malformed_jsonl_line_and_analyses_the_others(batch_run: tuple[Run, Path]) -> None:
    result, out = batch_run
    lines = result.lines_naming("feed.jsonl")
    assert len(lines) == 1, result.err
    assert "line 2" in lines[0] and "JSON" in lines[0]
    written = sorted(p.name for p in out.glob("feed*.json"))
    assert len(written) == 2 and "x1" in written[0] and "x3" in written[1], written
    texts = {json.loads(p.read_text(encoding="utf-8"))["text"] for p in out.glob("feed*.json")}
    assert texts == {"Officials said the plan failed.", "The agency reported that prices rose."}


def test_cli_out_writes_one_json_per_good_input(batch_run: tuple[Run, Path]) -> None:
    _, out = batch_run
    names = sorted(p.name for p in out.iterdir())
    assert [n for n in names if not n.startswith("feed")] == ["a.json", "b.json", "noattr.json"]
    for name, text in GOOD.items():
        data = json.loads((out / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
        assert data["document"] == name
        assert data["text"] == text
    a = json.loads((out / "a.json").read_text(encoding="utf-8"))["attributions"]
    assert [(x["source"]["text"], x["cue"]["text"], x["content"]["text"]) for x in a] == [
        ("The minister", "said", "the border will reopen on Monday")
    ]
    b = json.loads((out / "b.json").read_text(encoding="utf-8"))["attributions"]
    assert [(x["source"]["text"], x["cue"]["text"], x["quote"], len(x["content"].get("parts", []))) for x in b] == [
        ("the coach", "said", "direct", 2)
    ]


def test_cli_batch_warns_about_a_text_without_attributions(batch_run: tuple[Run, Path]) -> None:
    result, out = batch_run
    lines = result.lines_naming("noattr.txt")
    assert len(lines) == 1 and "no attributions" in lines[0], result.err
    assert json.loads((out / "noattr.json").read_text(encoding="utf-8"))["attributions"] == []


def test_cli_stdin_and_a_text_without_attributions_exit_zero(stdin_run: Run) -> None:
    assert stdin_run.code == 0, stdin_run.err
    assert "Traceback" not in stdin_run.err
    docs = [json.loads(line) for line in stdin_run.out.splitlines() if line.strip()]
    assert [d["document"] for d in docs] == ["<stdin>", "noattr.txt"]
    assert [(a["source"]["text"], a["cue"]["text"], a["content"]["text"]) for a in docs[0]["attributions"]] == [
        ("The agency", "reported", "prices rose in May")
    ]
    assert docs[1]["attributions"] == []
    assert stdin_run.err_lines == ["sayso: noattr.txt: no attributions found"]


def test_cli_nothing_analysable_exits_non_zero(inputs: Path) -> None:
    result = run(["analyze", "missing.txt", "empty.txt", "emptydir"], inputs)
    assert result.code != 0
    assert result.out == ""
    assert "Traceback" not in result.err
    for name in ("missing.txt", "empty.txt", "emptydir"):
        assert len(result.lines_naming(name)) == 1, result.err


# ------------------------------------------------------------------------------------------------ eval


def test_cli_eval_gold_against_itself_is_perfect(tmp_path: Path) -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent")
    result = run(["eval", "--json", str(GOLD), str(GOLD)], tmp_path, command=MODULE)
    assert result.code == 0, result.err
    scores = json.loads(result.out)
    for metric in ("attribution", "exact_source", "exact_cue", "exact_content"):
        assert scores[metric]["f1"] == 1.0, (metric, scores[metric])
    assert scores["nested_in"]["acc"] == 1.0
