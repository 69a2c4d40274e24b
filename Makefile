# The two commands: `make run` (serve the site with demo data) and `make test` (the whole suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: messages help install install-test system-test-deps system-packages postgres-package run migrate content test test-postgres bench load scan fuzz audit backup lint check clean lighthouse

help:
	@echo "make run    set up .venv, the SQLite database and the demo content, then serve on http://$(HOST):$(PORT)/"
	@echo "make test   install what the tests need (Chromium too, when root) and run the whole suite"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

VNU_JAR := var/tools/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := var/tools/node_modules/.bin/lighthouse

# Debian packages the tests use: Chromium for the browser tests, with Noto fonts so Arabic and
# Chinese screenshots show real glyphs; gettext for the catalogues; Java and npm for the Nu Html
# Checker (vnu-jar) and Lighthouse, from the npm registry.
system-test-deps: system-packages $(VNU_JAR) $(LIGHTHOUSE)

$(VNU_JAR): | system-packages
	mkdir -p var/tools
	npm install --prefix var/tools --no-audit --no-fund --silent vnu-jar@26.9.27

$(LIGHTHOUSE): | system-packages
	mkdir -p var/tools
	npm install --prefix var/tools --no-audit --no-fund --silent lighthouse@12.8.2

system-packages:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="$$missing chromium fonts-liberation"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-noto-cjk"; \
	fc-list :lang=ar family | grep -qi noto || missing="$$missing fonts-noto-core"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing Debian packages:$$missing (run as root, or install them)"; exit 1; \
		fi; \
	fi

migrate: install
	mkdir -p var
	$(MANAGE) migrate --no-input

content: migrate
	$(MANAGE) load_strategy
	$(MANAGE) seed_demo

run: content
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install-test audit
	$(BIN)/ruff check .
	$(BIN)/bandit -q -c pyproject.toml -r cms home strategy_pages search taskforce_forms tools
	$(MANAGE) makemigrations --check --dry-run

# Installed packages against known advisories: pip-audit, else PyPI's project pages; accepted
# ones in tools/audit-ignore.toml. AUDIT_STRICT=1 (full network) fails on packages not audited.
audit: install-test
	$(BIN)/python tools/audit.py

# A dated copy of the database and of the media files (README, "Backups and retention").
BACKUP_DIR ?= var/backups
backup: install
	@set -e; stamp=$$(date -u +%Y%m%dT%H%M%SZ); mkdir -p $(BACKUP_DIR); \
	$(MANAGE) backup_database $(BACKUP_DIR)/db-$$stamp.backup; \
	if [ -d var/media ]; then tar -czf $(BACKUP_DIR)/media-$$stamp.tar.gz -C var media; fi

test: install-test system-test-deps lint
	mkdir -p var
	$(BIN)/python -m pytest
	$(LIGHTHOUSE_MINIMUMS) $(BIN)/python tools/lighthouse.py /en/ /ar/task-forces/goal-c/c3/
	$(MAKE) --no-print-directory test-postgres

# Lighthouse on the home, strategy and objective pages in English and Arabic, served by gunicorn
# with the production settings (README, "Tests"); `make test` runs two of them.
LIGHTHOUSE_MINIMUMS := MIN_A11Y=100 MIN_BP=100 MIN_SEO=100
lighthouse: install system-packages $(LIGHTHOUSE)
	$(LIGHTHOUSE_MINIMUMS) $(BIN)/python tools/lighthouse.py

# The suite again on Debian's PostgreSQL, started for the run and stopped after (needs root).
PG_TEST := PG_ROOT=/tmp/taskforces-pg-test PGPORT=54329 DB_NAME=taskforces tools/postgres.sh
test-postgres: install-test postgres-package
	@set -e; eval "$$($(PG_TEST) start)"; trap '$(PG_TEST) stop' EXIT; \
	echo "PostgreSQL: $$DATABASE_URL"; \
	$(BIN)/python -m pytest

postgres-package:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing: postgresql"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
		else echo "PostgreSQL is needed (run as root, or install Debian's postgresql)"; exit 1; fi; }

# Page types under load with gunicorn and wrk, on SQLite and on PostgreSQL (README, "Speed").
PG_BENCH := PG_ROOT=/tmp/taskforces-pg-bench PGPORT=54330 DB_NAME=bench tools/postgres.sh
bench: install postgres-package
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	mkdir -p var
	@set -e; eval "$$($(PG_BENCH) start)"; trap '$(PG_BENCH) stop' EXIT; \
	BENCH_POSTGRES_URL=$$DATABASE_URL $(BIN)/python tools/bench.py

# 50 applicants complete the join form while anonymous visitors browse, on SQLite and
# PostgreSQL: no error, one application per form, latency of the last step (README, "Speed").
PG_LOAD := PG_ROOT=/tmp/taskforces-pg-load PGPORT=54331 DB_NAME=load tools/postgres.sh
load: install postgres-package
	mkdir -p var
	@set -e; eval "$$($(PG_LOAD) start)"; trap '$(PG_LOAD) stop' EXIT; \
	LOAD_POSTGRES_URL=$$DATABASE_URL $(BIN)/python tools/load.py

# The property-based tests searching far longer than `make test` does (~15 min).
fuzz: install-test
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest tests/join/test_properties.py tests/search/test_any_query.py tests/inbox/test_any_address.py

# Debian's wapiti against the site served as in production, on a copy of the demo database, as a
# visitor and logged in; reports in var/scan/ (README, "Tests"). Not part of `make test`.
scan: content
	@command -v wapiti >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wapiti >/dev/null; }
	$(BIN)/python tools/scan.py

# After changing a translatable string: update the catalogues, translate, then compile.
LANGUAGES_TO_TRANSLATE := fr es ar ru zh_Hans
messages: install
	$(MANAGE) makemessages $(addprefix -l ,$(LANGUAGES_TO_TRANSLATE)) --no-obsolete \
		--ignore=.venv --ignore=var --ignore=tests --ignore=node_modules
	$(MANAGE) compilemessages --ignore=.venv

clean:
	rm -rf var/db.sqlite3 var/static var/load var/lighthouse .pytest_cache
