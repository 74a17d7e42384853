# Two commands for a fresh machine (see README): `make demo` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
PYTHON := $(VENV)/bin/python
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=

.PHONY: demo test test-only install system-deps browser messages lint format bench soak bandit clean

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PYTHON) || $(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check --upgrade pip
	$(VENV)/bin/pip install -q --disable-pip-version-check -c constraints.txt ".[test]"
	touch $@

install: $(VENV)/.installed system-deps messages

# gettext compiles the Vietnamese catalogues; Debian's package, installed once.
system-deps:
	@command -v msgfmt >/dev/null || { echo "Cài gettext (apt-get)..."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq gettext >/dev/null; }

# Browser tests drive Debian's chromium (a test tool's own browser download fails here).
browser:
	@test -x $(CHROMIUM) || { echo "Cài chromium (apt-get)..."; \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq && \
	  $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null; }

messages: $(VENV)/.installed system-deps
	$(PYTHON) manage.py compilemessages --ignore=.venv -v 0

demo: install
	$(PYTHON) manage.py migrate --no-input -v 0
	$(PYTHON) manage.py load_demo
	@echo "Trang web: http://127.0.0.1:$(PORT)/   Quản trị: http://127.0.0.1:$(PORT)/admin/"
	$(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

test: install browser test-only

# The suite on whatever DATABASE_URL says (SQLite when unset). Exit code 5 (no tests) is a failure
# here: an empty run must not pass silently.
test-only:
	$(PYTHON) manage.py makemigrations --check --dry-run -v 0 --settings=congdoan.settings.test
	$(VENV)/bin/ruff check --quiet .
	$(VENV)/bin/bandit -q -c pyproject.toml -r . --severity-level medium
	# Scratch databases of subprocess tests (browser site, backup restore) live in RAM when possible.
	TMPDIR=$${TMPDIR:-$$( [ -w /dev/shm ] && echo /dev/shm || echo /tmp )} \
	  $(VENV)/bin/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Security lint of the code that runs in production (settings in pyproject.toml [tool.bandit]);
# also run by test-only (reviewed findings: docs/security.md "bandit").
bandit:
	$(VENV)/bin/bandit -q -c pyproject.toml -r . --severity-level medium

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install
	$(PYTHON) bench/run.py $(BENCH_ARGS)

# Readers and writers against gunicorn for SOAK_SECONDS (default 600); `make soak SOAK_ARGS="--fault db"`
# also stops the local PostgreSQL for a few seconds mid-run (docs/operations.md, "Chạy thử tải").
soak: $(VENV)/.installed
	$(PYTHON) soak/run.py $(SOAK_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected artifacts
