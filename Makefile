# Two commands for a fresh machine: `make lab` (teach or study) and `make test` (check everything).
# The .venv is created once and reused; it is refreshed when a requirements file or pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
PRESENT_PORT ?= 8866
FIRST  := notebooks/00_start_here.ipynb
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help lab test bench check present student screenshots clean python-ok

help:
	@echo "make lab      set up .venv and open JupyterLab on the first lesson"
	@echo "make test     set up .venv with the test tools and run the whole suite"
	@echo "make check    validate the exercise bank (names file, line and field)"
	@echo "make present  serve the lessons with Voila (code hidden) for projecting: blank, saves nothing"
	@echo "make bench    measure lesson and widget speed into build/bench.json"

python-ok:
	@command -v $(PYTHON) >/dev/null || { echo "No '$(PYTHON)' on PATH: install Python 3.10 or newer, or run make lab PYTHON=/path/to/python3" >&2; exit 1; }
	@$(PYTHON) tools/check_python.py $(PYTHON)

$(VENV)/.runtime: requirements.txt pyproject.toml | python-ok
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

lab: $(VENV)/.runtime
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $(ROOT_FLAG) $(FIRST)

test: $(VENV)/.dev
	$(BIN)/ruff check lib tests
	$(BIN)/python -m pytest

check: $(VENV)/.runtime
	$(BIN)/primary-source check

present: $(VENV)/.runtime
	PRIMARY_SOURCE_PRESENT=1 $(BIN)/voila --no-browser --Voila.ip=127.0.0.1 --port=$(PRESENT_PORT) notebooks/

bench: $(VENV)/.dev
	$(BIN)/python -m primary_source.bench

clean:
	rm -rf $(VENV) build .pytest_cache

screenshots: $(VENV)/.dev
	$(BIN)/python -m pytest tests/browser -q
	@# refresh the pictures the README shows (those already in docs/screens/), not every screenshot
	for f in $(notdir $(wildcard docs/screens/*.png)); do cp build/screens/$$f docs/screens/$$f; done

student: $(VENV)/.runtime
	$(BIN)/primary-source student-build build/student
	@echo "A copy without answers is in build/student/"
