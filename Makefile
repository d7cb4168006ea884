# The two commands of the README: `make demo` and `make test`. Everything else is set up here.
SHELL := /bin/bash
PYTHON ?= python3.11
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
export XDG_RUNTIME_DIR := $(abspath var/run)
export PREFECT_HOME := $(abspath var/prefect)
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: demo test test-fast lint serve bench install system-packages clean

$(UV):
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) is needed (Python 3.11)"; exit 1; }
	@$(PYTHON) -m venv $(TOOLS)
	@$(TOOLS)/bin/pip install -q --disable-pip-version-check uv==$(UV_VERSION) 2>&1 | { grep -v "is ignored: it is neither" || true; }
	@test -x $(UV) || { echo "error: could not install uv into $(TOOLS)"; exit 1; }

$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	@echo "installing dependencies (uv, locked)…"
	@$(UV) sync --frozen --quiet
	@touch $@

# Debian packages the browser tests and the site benchmark use: Chromium, Hugo, a Devanagari font;
# and Caddy, the production web server, whose deploy/Caddyfile is tested.
system-packages:
	@if ! command -v chromium >/dev/null || ! command -v hugo >/dev/null || ! command -v caddy >/dev/null || ! fc-list 2>/dev/null | grep -qi lohit; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium, hugo, caddy, fonts-lohit-deva (apt-get)…"; \
	    export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq chromium hugo caddy fonts-lohit-deva >/dev/null; \
	  else echo "warning: install Debian's chromium, hugo, caddy and fonts-lohit-deva for the browser and deploy tests"; fi; \
	fi

install: $(VENV)/.installed
	@mkdir -p var/run && chmod 700 var/run

demo: install
	@$(VENV)/bin/jobs demo

serve: install
	@$(VENV)/bin/jobs serve

test: install system-packages
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/lint-imports --no-cache >/dev/null || $(VENV)/bin/lint-imports --no-cache
	@$(VENV)/bin/python -m pytest -n 2 --dist loadgroup

test-fast: install
	@$(VENV)/bin/python -m pytest -n 2 -m "not slow"

lint: install
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/lint-imports --no-cache >/dev/null || $(VENV)/bin/lint-imports --no-cache

bench: install system-packages
	@missed=""; for b in bench/bench_*.py; do echo "== $$b"; $(VENV)/bin/python $$b || missed="$$missed $$b"; done; \
	if [ -n "$$missed" ]; then echo "targets missed:$$missed"; exit 1; fi

clean:
	rm -rf site/output public .public-releases var/snapshot.json
