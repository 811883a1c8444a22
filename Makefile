# `make run` and `make test` do all set-up themselves on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS := corpora/press-release
LANGS  := en de es fr

.PHONY: setup run test bench clean

setup: $(STAMP)

# torch is installed first and pinned: the CPU wheel lies on local disk, an
# unpinned torch would pull a multi-GB CUDA build.
$(STAMP): pyproject.toml
	@# the review page is tested in a real headless browser (Debian's chromium)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	  echo "warning: could not install chromium; browser tests will be skipped" >&2
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
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
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python bench/bench_align.py
	$(BIN)/python bench/tune_align.py
	$(BIN)/python bench/calibrate_confidence.py
	$(BIN)/python bench/bench_divergence.py
	$(BIN)/python bench/bench_real.py
	$(BIN)/python bench/bench_peers.py
	$(BIN)/python bench/bench_scale.py

clean:
	rm -rf out .pytest_cache
