# Two commands for a fresh machine: `make lab` (teach or study) and `make test` (check everything).
# The .venv is created once and reused; it is refreshed when a requirements file or pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
PRESENT_PORT ?= 8866
AUTHOR_PORT ?= 8867
FIRST  := notebooks/00_start_here.ipynb
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help lab test bench check present student screenshots clean python-ok git-filter hub hub-bench

help:
	@echo "make lab      set up .venv and open JupyterLab on the first lesson"
	@echo "make test     set up .venv with the test tools and run the whole suite"
	@echo "make check    validate the exercise bank (names file, line and field)"
	@echo "make present  serve the lessons with Voila (code hidden) for projecting: blank, saves nothing, 127.0.0.1 with a token"
	@echo "make bench    measure lesson and widget speed into build/bench.json"
	@echo "make author   open the exercise editor (Voila, with a token) on 127.0.0.1"
	@echo "make handouts print-ready handouts and teacher's keys into build/handouts/"
	@echo "make release  build the wheel and sdist into dist/ and check the lessons are inside"
	@echo "make hub      run a JupyterHub for a class on this machine (loopback; see docs/DEPLOY.md)"
	@echo "make hub-bench  N learners on that hub (N=30) into build/hub-bench.json"

python-ok:
	@command -v $(PYTHON) >/dev/null || { echo "No '$(PYTHON)' on PATH: install Python 3.10 or newer, or run make lab PYTHON=/path/to/python3" >&2; exit 1; }
	@$(PYTHON) tools/check_python.py $(PYTHON)

$(VENV)/.runtime: requirements.txt pyproject.toml | python-ok
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt requirements-hub.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# The class hub: JupyterHub and nbgitpuller from PyPI, the proxy from npm into deploy/hub/.
HUB_PORT ?= 8000
N ?= 30
ARRIVE ?= 5
HUB_PROXY := deploy/hub/node_modules/.package-lock.json

$(VENV)/.hub: $(VENV)/.runtime requirements-hub.txt
	$(BIN)/python -m pip install --quiet -r requirements-hub.txt
	@touch $@

$(HUB_PROXY): deploy/hub/package.json deploy/hub/package-lock.json
	@command -v npm >/dev/null || { echo "make hub needs Node.js and npm for the proxy (Debian: apt install nodejs npm)" >&2; exit 1; }
	cd deploy/hub && npm ci --no-audit --no-fund

hub: $(VENV)/.hub $(HUB_PROXY)
	$(BIN)/python tools/hub_start.py --port $(HUB_PORT) $(if $(CLASS_REPO),--repo $(CLASS_REPO),)

hub-bench: $(VENV)/.dev $(HUB_PROXY)
	$(BIN)/python tools/hub_bench.py --learners $(N) --arrive $(ARRIVE)

# Running the lessons writes outputs into the tracked notebooks. This git filter (nbstripout)
# stores them without outputs, so `git status` stays clean after a class and nbgitpuller can
# update the lessons without conflicts. Installed only when this folder is a git checkout of
# its own; the command is relative, so each checkout (or worktree) uses its own .venv.
STRIP := .venv/bin/python -m nbstripout --keep-id --extra-keys "$(addprefix metadata.language_info.,codemirror_mode file_extension mimetype nbconvert_exporter pygments_lexer version)"

git-filter: $(VENV)/.runtime
	@if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ]; then \
	  git config filter.nbstripout.clean '$(STRIP)' && \
	  git config filter.nbstripout.smudge cat && \
	  git config diff.ipynb.textconv '$(STRIP) --textconv'; \
	fi

# JupyterLab saves the lessons without outputs (primary_source.savehook), so the tracked
# notebooks do not change when a class runs them.
lab: $(VENV)/.runtime git-filter
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) $(ROOT_FLAG) \
	  --ContentsManager.pre_save_hook=primary_source.savehook.strip_lesson_outputs $(FIRST)

test: $(VENV)/.dev git-filter $(if $(shell command -v npm),$(HUB_PROXY),)
	$(BIN)/ruff check lib tests tools
	$(BIN)/python -m pytest

check: $(VENV)/.runtime
	$(BIN)/primary-source check

# Voila 0.5 (a jupyter_server app) on loopback behind a token, as `make lab` is: a fresh one each
# time unless PRESENT_TOKEN is given; the address printed carries it (open it on the projector).
present: $(VENV)/.runtime
	@token="$${PRESENT_TOKEN:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(24))')}"; \
	echo "Presenting the lessons at: http://127.0.0.1:$(PRESENT_PORT)/?token=$$token"; \
	echo "Presentation mode: the lessons start blank and save nothing."; \
	exec env PRIMARY_SOURCE_PRESENT=1 $(BIN)/voila --no-browser --Voila.ip=127.0.0.1 --port=$(PRESENT_PORT) --Voila.token="$$token" notebooks/

bench: $(VENV)/.dev
	$(BIN)/python -m tools.bench

clean:
	rm -rf $(VENV) build .pytest_cache

screenshots: $(VENV)/.dev
	$(BIN)/python -m pytest tests/browser -q
	@# refresh the pictures the README shows (those already in docs/screens/), not every screenshot
	for f in $(notdir $(wildcard docs/screens/*.png)); do cp build/screens/$$f docs/screens/$$f; done

student: $(VENV)/.runtime
	$(BIN)/primary-source student-build build/student
	@echo "A copy without answers is in build/student/"

# Teacher tools (issue 15): a release, handouts, the exercise editor.
.PHONY: release handouts author

release: $(VENV)/.dev
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/python tools/check_release.py dist

handouts: $(VENV)/.runtime
	$(BIN)/primary-source handouts build/handouts --paper $(or $(PAPER),a4)

# The editor writes files: it asks for a fresh token, printed with the address to open.
author: $(VENV)/.runtime
	@token=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(24))"); \
	echo "Exercise editor: open http://127.0.0.1:$(AUTHOR_PORT)/?token=$$token"; \
	exec $(BIN)/voila --no-browser --Voila.ip=127.0.0.1 --port=$(AUTHOR_PORT) --token=$$token tools/author.ipynb
