# The two commands of the README: `make run` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup browser lint messages bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py demo --base-url http://$(HOST):$(PORT)
	$(BIN)/daphne -b $(HOST) -p $(PORT) workshop.asgi:application

# Browser tests drive Debian's Chromium (no browser download): install it when it is missing.
# axe-core (accessibility checks) comes from the npm registry, pinned in package-lock.json.
browser: node_modules/axe-core/axe.min.js
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing and cannot be installed here: browser tests will skip."; fi; }

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	  else echo "npm is missing: the accessibility checks will skip."; fi

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# First the database-bound unit and live tests on SQLite, then the whole suite on the
# configured database (PostgreSQL when DATABASE_URL is set, as in CI). Each run has Redis keys
# of its own (CHANNELS_PREFIX): two runs on one Redis would otherwise hear each other's rooms.
test: setup browser lint
	CHANNELS_PREFIX=verticaal-test-$$$$ env -u DATABASE_URL $(BIN)/pytest tests/unit tests/live -q -p no:cacheprovider
	CHANNELS_PREFIX=verticaal-test-$$$$ $(BIN)/pytest -q -p no:cacheprovider

messages: setup
	$(BIN)/python manage.py makemessages -l nl -l en --ignore '.venv/*' --ignore 'var/*'
	$(BIN)/python manage.py compilemessages --ignore '.venv/*'

bench: setup
	$(BIN)/python bench/fanout.py
	$(BIN)/python bench/votes.py
	$(BIN)/python bench/join.py
	$(BIN)/python bench/broadcast.py
	$(BIN)/python bench/document.py
	$(BIN)/python bench/page.py
	$(BIN)/python bench/privacy.py

clean:
	rm -rf $(VENV) var
