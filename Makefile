# Two commands on a fresh machine (Python 3.11 and apt): `make run` starts the app, `make test` passes every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
SERVE_FLAGS ?=
# Host names the app answers to (DNS rebinding guard): add the intranet server's name, e.g. HOSTS="localhost papi.so.gov.vn".
HOSTS ?= localhost 127.0.0.1 ::1
# Sites that may show the app in a frame (space-separated origins), e.g. EMBED_ORIGINS="https://portal.so.gov.vn"; none by default.
EMBED_ORIGINS ?= $(PAPI_EMBED_ORIGINS)
STORE := papi_data/built/CURRENT
SOURCES := $(wildcard papi_data/sources/*)
BUILD_CODE := $(shell find papi_data -name '*.py')  # a schema or rule change rebuilds the store too
CHROMIUM := /usr/bin/chromium
FONT := /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf
LIBREOFFICE := /usr/bin/libreoffice
PDFTOTEXT := /usr/bin/pdftotext
HAPROXY := /usr/sbin/haproxy
N ?= 2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test store check-year lint bench chromium office haproxy cluster cluster-status clean

run: $(VENV)/.installed $(STORE) chromium
	@echo "PAPI: http://localhost:$(PORT)"
	PAPI_EMBED_ORIGINS="$(EMBED_ORIGINS)" $(BIN)/python serve.py --server.port $(PORT) --server.address 0.0.0.0 \
		$(addprefix --server.allowedHosts=,$(HOSTS)) $(SERVE_FLAGS)

# Every test, on two pytest-xdist workers (one per core; tests/conftest.py keeps each browser/server module on one).
TEST_WORKERS ?= 2
test: lint $(STORE) chromium office haproxy node_modules/.installed
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

# Rebuild the store from papi_data/sources (also done by run/test when it is missing or older than a source).
store: $(VENV)/.installed
	$(BIN)/python -m papi_data.build

# What each papi_scores_<year>.csv holds, checked before a build (README, "Adding a year"); writes nothing.
check-year: $(VENV)/.installed
	$(BIN)/python -m papi_data.build --check

$(STORE): $(SOURCES) $(BUILD_CODE) | $(VENV)/.installed
	$(BIN)/python -m papi_data.build

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@dpkg -s libicu-dev pkg-config g++ >/dev/null 2>&1 || ($(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq libicu-dev pkg-config g++)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# N app servers behind HAProxy on PORT, under supervisord (deploy/cluster.py; README, "Several servers").
cluster: $(VENV)/.installed $(STORE) haproxy
	PAPI_EMBED_ORIGINS="$(EMBED_ORIGINS)" $(BIN)/python -m deploy.cluster --servers $(N) --port $(PORT) --hosts "$(HOSTS)"

# What supervisord says of the cluster on PORT (started by `make cluster`).
cluster-status:
	$(BIN)/supervisorctl -c $(VENV)/cluster-$(PORT)/supervisord.conf status

# Debian's HAProxy for `make cluster` and its tests.
haproxy:
	@test -x $(HAPROXY) || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq haproxy)

# The browser tests' npm tools (package.json: axe-core, injected into the pages by tests/e2e/test_accessibility.py).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm)
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium, for the exports (kaleido drives it: slide images, decks, the brief) and the browser tests, and
# fonts with Vietnamese glyphs (Liberation Sans 2 is metric-compatible with the charts' Arial). Neither Playwright nor
# kaleido ever downloads a browser here.
chromium:
	@test -x $(CHROMIUM) -a -f $(FONT) || ($(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium fonts-liberation2 fonts-dejavu-core)

# The export tests read what the exports make: LibreOffice Impress converts a deck to PDF, poppler-utils reads PDFs.
office:
	@test -x $(LIBREOFFICE) -a -x $(PDFTOTEXT) || ($(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-impress poppler-utils)

# Style, formatting, the layers' import contract and types (configured in pyproject.toml).
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(VENV)/.dev-installed $(STORE) chromium haproxy
	$(BIN)/python -m bench.all

clean:
	rm -rf $(VENV) papi_data/built
