# The commands: `make run` (serve with demo data), `make test` (lint and the whole suite) and
# `make unit` (the tests that need no PostgreSQL, in seconds), `make bench` (every benchmark beside its
# baselines, as JSON in $(BENCH_OUT); `make bench BENCH_FLAGS=--quick` for the ten-minute run).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test unit lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]' --config-settings editable_mode=compat
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ledger serve --demo

# Browser tests drive the system Chromium (/usr/bin/chromium) and are left out, with one loud
# line, when it is missing; LEDGER_REQUIRE_BROWSER=1 (set by .ci/run) makes that a failure.
test: $(STAMP) lint
	$(BIN)/pytest -n 2 --dist loadgroup

unit: $(STAMP)
	$(BIN)/pytest tests/unit

lint: $(STAMP)
	$(BIN)/ruff check $(wildcard ledger commands projections replay api simulation tests bench)
	$(BIN)/mypy

BENCH_OUT ?= bench-results.json
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_FLAGS) --out $(BENCH_OUT)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .hypothesis
