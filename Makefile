# The two commands of the README:
#   make demo  - set up, start a local Neo4j, load reference data + seeds, analyse, start the app
#   make test  - set up, start a separate test Neo4j, run the whole test suite
# Neither needs Docker: the local Neo4j comes from Maven Central and runs on Java 17/21.
# With NEO4J_URI pointing at another server, `demo` uses that one and starts nothing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SV     := $(VENV)/bin/samverkan

# the test instance: its own data directory and ports, so tests never touch your graph;
# NEO4J_PASSWORD= (empty) makes it use its own generated password even when .env sets one
TEST_ENV := SAMVERKAN_HOME=$(HOME)/.cache/samverkan/test-instance SAMVERKAN_BOLT_PORT=7688 NEO4J_PASSWORD= \
            SAMVERKAN_HTTP_PORT=7475 NEO4J_URI=bolt://127.0.0.1:7688 SAMVERKAN_TEST_DB=1

.PHONY: setup demo test browser-deps bench clean-test-db

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(SV) db start
	$(SV) db init
	$(SV) load data/seeds
	$(SV) analyze
	$(SV) app

# Debian's Chromium and playwright-core (no browser download) for the browser test
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@if [ -f tests/browser/package.json ]; then cd tests/browser && npm install --silent --no-audit --no-fund; fi

test: setup browser-deps
	@$(TEST_ENV) $(SV) db start
	@$(TEST_ENV) $(PY) -m pytest -q -p no:cacheprovider; rc=$$?; \
	  $(TEST_ENV) $(SV) db stop >/dev/null; exit $$rc

bench: setup
	$(PY) -m bench.run
