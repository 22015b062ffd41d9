# The README's commands. `make demo` and `make test` work on a fresh machine with python3.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
SHARED ?= ../shared

CONSTRAINTS ?= constraints.txt

.PHONY: setup demo test lint test-install test-lowest bench bench-ingest bench-startup bench-api eval clean

# Everything (all extras and the dev tools), at the exact versions of constraints.txt.
$(BIN)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]" -c $(CONSTRAINTS)
	touch $@

setup: $(BIN)/.installed

demo: setup  ## code the bundled example article
	$(BIN)/dragoman code examples/kazakhstan_osce.txt --date 2025-06-01

lint: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

test: lint  ## ruff, mypy and the whole test suite (pytest exit 5, "no tests", counts as failure-free)
	$(BIN)/pytest -q || [ $$? -eq 5 ]

test-install:  ## fresh venvs: the core install codes, ingests, exports; [server] adds serve
	rm -rf .venv-install
	$(PYTHON) -m venv .venv-install
	.venv-install/bin/pip install --quiet . -c $(CONSTRAINTS)
	sh scripts/check_install.sh .venv-install core
	.venv-install/bin/pip install --quiet ".[server]" -c $(CONSTRAINTS)
	sh scripts/check_install.sh .venv-install server
	rm -rf .venv-install

test-lowest:  ## the whole suite at the lowest versions pyproject.toml allows (constraints-lowest.txt)
	$(MAKE) test VENV=.venv-lowest CONSTRAINTS=constraints-lowest.txt

bench: setup  ## coding-stage benchmark on the VOA corpus from ../shared
	$(BIN)/python bench/bench_coding.py $(SHARED)/data/corpus/voa_stories.jsonl

bench-ingest: setup  ## parse alone vs dragoman ingest --workers 1 and 2 on the VOA corpus
	$(BIN)/python bench/bench_ingest.py $(SHARED)/data/corpus/voa_stories.jsonl

bench-startup: setup  ## dragoman code on one sentence vs loading spaCy and parsing it
	$(BIN)/python bench/bench_startup.py

bench-api: setup  ## dragoman serve under load: 20 clients for 30 s on a synthetic 100,000-event store
	$(BIN)/python bench/bench_api.py

eval: setup  ## accuracy on the gold sets and PETRARCH's unit tests in ../shared
	$(BIN)/dragoman eval $(SHARED)/data/gold/voa_docs_dev.jsonl
	$(BIN)/dragoman eval $(SHARED)/data/gold/news_sentences_dev.jsonl
	$(BIN)/dragoman eval $(SHARED)/data/gold/plover_gsr.jsonl
	$(BIN)/dragoman eval $(SHARED)/data/gold/cameo_examples.jsonl
	$(BIN)/dragoman eval $(SHARED)/data/petrarch2/PETR.UnitTest.records.xml --format petrarch-xml

clean:
	rm -rf $(VENV) .venv-install .venv-lowest build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
