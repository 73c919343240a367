# One target per habit. `make run` and `make test` work on a fresh clone (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
PG_URL := postgres://portal:portal@127.0.0.1:5432/portal
PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
RUN_ENV := DJANGO_SETTINGS_MODULE=portal.settings.local_run PORTAL_BASE_URL=$(PORTAL_BASE_URL)

.PHONY: run dev test test-sqlite test-postgres lint format bench migrations-check clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(PY)
	$(PY) -m pip install -q -r requirements-test.txt
	touch $@ $(VENV)/.installed-run

## run: install, migrate, load the content on an empty database, build the index, serve with gunicorn
##      (and scheduled publishing every minute beside it)
run: $(VENV)/.installed-run
	$(RUN_ENV) $(PY) manage.py migrate --noinput -v0
	$(RUN_ENV) $(PY) manage.py createcachetable
	$(RUN_ENV) $(PY) manage.py configure_site -v0
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(RUN_ENV) $(PY) manage.py load_initial_content --if-empty
	$(RUN_ENV) $(PY) manage.py check_parameter_changes
	$(RUN_ENV) $(PY) manage.py update_index -v0
	@echo "Kennisportaal Banenafspraak: http://$(HOST):$(PORT)/"
	$(RUN_ENV) $(PY) manage.py run_scheduler & scheduler=$$!; trap 'kill $$scheduler' EXIT INT TERM; \
	$(RUN_ENV) $(VENV)/bin/gunicorn portal.wsgi --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - --config portal/gunicorn.conf.py --env DJANGO_SETTINGS_MODULE=portal.settings.local_run

## dev: the auto-reloading development server
dev: $(VENV)/.installed-run
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable
	$(PY) manage.py load_initial_content --if-empty
	$(PY) manage.py runserver $(HOST):$(PORT)

## test: every test on SQLite + Whoosh; the tests that use the database again on PostgreSQL + the
##       database search backend when CI or PG=1
test: $(VENV)/.installed-test
	./scripts/browser.sh
	$(MAKE) test-sqlite
	@if [ -n "$$CI" ] || [ -n "$$PG" ]; then $(MAKE) test-postgres; else echo "PostgreSQL run skipped (set PG=1 or CI=1)"; fi
	@if [ -n "$$CI" ] || [ -n "$$CLOCK" ]; then $(MAKE) test-clock; else echo "Day-boundary run skipped (set CLOCK=1 or CI=1)"; fi

test-sqlite:
	$(PY) -m pytest -n 2 --dist loadgroup -q

test-postgres:
	./scripts/postgres.sh
	DATABASE_URL=$(PG_URL) PORTAL_SEARCH_BACKEND=database PORTAL_TESTS_DATABASE_ONLY=1 $(PY) -m pytest -n 2 --dist loadgroup -q -m "not browser"

## test-clock: the test files that use dates again, with the clock at 23:30 UTC on 31 December
##       (already 1 January in Amsterdam; Wagtail counts search hits by the UTC day): a test must
##       pass at any hour, and CI runs at any hour
CLOCK_AT = $(shell date -u +%Y)-12-31 23:30:00
test-clock:
	./scripts/faketime.sh
	faketime -f "@$(CLOCK_AT)" $(PY) -m pytest -n 2 -q -p no:cacheprovider -m "not browser" \
		$$(grep -rlE 'localdate|timezone\.now|date\.today|datetime\.now|timedelta' tests --include='test_*.py')

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates portal/search/templates
	$(VENV)/bin/yamllint --strict eligibility/parameters content/taxonomie.yaml

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: $(VENV)/.installed-test
	$(PY) manage.py makemigrations --check --dry-run

bench: $(VENV)/.installed-test
	$(PY) bench/rules.py
	$(PY) bench/search_quality.py
	$(PY) bench/search_speed.py

clean:
	rm -rf var db.sqlite3 db.sqlite3-wal db.sqlite3-shm
