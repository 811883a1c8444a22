# `make run` and `make test` do all set-up themselves on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS := corpora/press-release
LANGS  := en de es fr

# Every package is installed at the version in requirements.lock, the set the
# tests passed with (`make lock` refreshes it from pyproject.toml).
LOCK   := requirements.lock
PIP    := $(BIN)/pip install -q -c $(LOCK)

.PHONY: setup run test bench lock clean

setup: $(STAMP)

# torch is installed first and pinned: the CPU wheel lies on local disk, an
# unpinned torch would pull a multi-GB CUDA build. The venv's own pip is used
# as it comes (no upgrade first): the lock makes old and new pips install alike.
$(STAMP): pyproject.toml $(LOCK)
	@# the review page is tested in a real headless browser (Debian's chromium);
	@# ALIGNER_NO_BROWSER=1 skips it on purpose, nothing else does
	@if [ "$$ALIGNER_NO_BROWSER" != 1 ] && ! { command -v chromium && command -v chromedriver; } >/dev/null; then \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	  { echo "error: could not install chromium and chromium-driver for the browser tests;" \
	         "install them, or set ALIGNER_NO_BROWSER=1 to skip those tests" >&2; exit 1; }; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(PIP) torch==2.13.0
	$(PIP) -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@mkdir -p out
	@for l in $(LANGS); do \
	  $(BIN)/aligner align $(CORPUS)/ru.txt $(CORPUS)/$$l.txt -o out/ru-$$l.tsv || exit $$?; \
	  echo "wrote out/ru-$$l.tsv"; \
	done
	@echo; echo "== out/ru-de.tsv =="; cat out/ru-de.tsv

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(PIP) -e '.[test,bench]'
	$(BIN)/python bench/bench_align.py
	$(BIN)/python bench/tune_align.py
	$(BIN)/python bench/calibrate_confidence.py
	$(BIN)/python bench/bench_divergence.py
	$(BIN)/python bench/bench_real.py
	$(BIN)/python bench/bench_input.py
	$(BIN)/python bench/bench_recall.py
	$(BIN)/python bench/tune_rules.py
	$(BIN)/python bench/bench_peers.py
	$(BIN)/python bench/bench_scale.py
	$(BIN)/python bench/bench_commands.py
	$(BIN)/python bench/bench_batch.py

# Refresh the lock from pyproject.toml with pip-tools (torch stays the plain
# release, so that the CPU build on local disk and the registry's both match).
# pip-tools runs in a virtual environment of its own: the project's may not
# install until the lock agrees with pyproject.toml again.
LOCKVENV := .cache/lock-venv
lock:
	[ -x $(LOCKVENV)/bin/pip-compile ] || { $(PYTHON) -m venv $(LOCKVENV) && $(LOCKVENV)/bin/pip install -q pip-tools; }
	$(LOCKVENV)/bin/pip-compile -q --extra test --extra bench --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o $(LOCK) pyproject.toml
	sed -i 's/^torch==\(.*\)+cpu$$/torch==\1/' $(LOCK)

clean:
	rm -rf out .pytest_cache
