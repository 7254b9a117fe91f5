# shopbot: `make run` starts the whole stack, `make test` runs every test. Both set up
# everything they need on a fresh machine (venvs, packages, catalog index, trained model).
SHELL := /bin/bash
.DEFAULT_GOAL := run
export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)

STORE ?= $(or $(SHOPBOT_STORE),stores/demo)
DATA ?= var
ENDPOINTS ?= endpoints.yml
VENV := .venv
BIN := $(VENV)/bin
ST_VENV := .venv-st
MODEL := models/shopbot.tar.gz
CHROMIUM := /usr/bin/chromium

# Rasa 3.6 runs on Python 3.10 only; the sentence-transformers backend (torch) uses 3.11.
find_python = $(shell for p in python$(1) $$HOME/.pyenv/versions/$(1)*/bin/python$(1) /usr/local/bin/python$(1) /usr/bin/python$(1); do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info[:2] != tuple(map(int, "$(1)".split("."))))' 2>/dev/null; then command -v $$p; break; fi; done)
PY310 ?= $(call find_python,3.10)
PY311 ?= $(call find_python,3.11)

.PHONY: run cluster cluster-test nginx test install index orders model lint unit e2e second-store browser chromium node_modules stories validate st-test merchant-fuzz bench bench-catalog bench-cluster bench-faults bench-soak cluster-faults clean

# A venv is rebuilt only when the requirements' content changed (a checkout that merely touches
# the file, e.g. a git worktree sharing the venv, keeps it); the copy in the venv records it.
$(BIN)/.installed: requirements.txt
	@if cmp -s requirements.txt $(VENV)/requirements.txt; then touch $@; else \
	  test -n "$(PY310)" || { echo "error: Python 3.10 not found. Rasa 3.6 needs it: install it (e.g. 'pyenv install 3.10') or pass PY310=/path/to/python3.10" >&2; exit 1; }; \
	  set -ex; rm -rf $(VENV); \
	  $(PY310) -m venv $(VENV); \
	  $(BIN)/pip install -q wheel; \
	  $(BIN)/pip install -q -r requirements.txt; \
	  $(BIN)/pip install -q --no-deps -e .; \
	  cp requirements.txt $(VENV)/requirements.txt; \
	  touch $@; \
	fi

# The project itself (the `shopbot` script, its packages) is re-installed into an existing venv
# when pyproject.toml's content changed. A venv shared from another checkout (a symlink, as in
# git worktrees) is left alone: an editable install there would point at this checkout.
$(BIN)/.project: pyproject.toml $(BIN)/.installed
	@if [ -L $(VENV) ]; then :; \
	elif cmp -s pyproject.toml $(VENV)/pyproject.toml; then touch $@; else \
	  set -ex; $(BIN)/pip install -q --no-deps -e .; \
	  cp pyproject.toml $(VENV)/pyproject.toml; \
	  touch $@; \
	fi

install: $(BIN)/.installed $(BIN)/.project

$(ST_VENV)/.installed: requirements-st.txt
	@test -n "$(PY311)" || { echo "error: Python 3.11 not found (needed for the sentence-transformers backend)" >&2; exit 1; }
	rm -rf $(ST_VENV)
	$(PY311) -m venv $(ST_VENV)
	$(ST_VENV)/bin/pip install -q -r requirements-st.txt
	touch $@

index: install
	$(BIN)/python -m bot.cli --store $(STORE) --data $(DATA) -q catalog build

$(MODEL): config.yml domain.yml $(shell find data -name '*.yml') bot/nlu_guard.py bot/nlu_use.py bot/nlu_classifier.py | $(BIN)/.installed
	$(BIN)/rasa train --config config.yml --domain domain.yml --data data --out models --fixed-model-name shopbot
	touch $@

model: $(MODEL)

# demo orders for the order-status / returns dialogues (kept once seeded; `shopbot orders seed` resets them)
orders: install
	$(BIN)/python -m bot.cli --store $(STORE) --data $(DATA) orders seed --if-empty

run: install index model orders node_modules
	ENDPOINTS=$(ENDPOINTS) $(BIN)/python -m bot.cli --store $(STORE) --data $(DATA) run

# nginx for the cluster (Debian's package; run as our own non-daemon child, no root needed)
NGINX_BIN := /usr/sbin/nginx
$(NGINX_BIN):
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y nginx-light
	# Debian starts its own nginx on port 80 after the install: the cluster runs its own, so stop that one
	-command -v systemctl >/dev/null && $$( [ "$$(id -u)" = 0 ] || echo sudo ) systemctl disable --now nginx

nginx: $(NGINX_BIN)

# the cluster (bot/cluster.py, docs/deploy.md): 2 Rasa + 2 action servers + 2 web apps behind nginx,
# on PostgreSQL, Redis and RabbitMQ at 127.0.0.1; its own data folder $(DATA)/cluster (index, logs, nginx config)
cluster: install model node_modules $(NGINX_BIN)
	$(BIN)/python -m bot.cli --store $(STORE) --data $(DATA) cluster

# bandit: security findings of medium severity and up; each accepted one carries `# nosec <id> # why`
lint: install
	$(BIN)/ruff check .
	$(BIN)/bandit -q -r bot actions catalog orders -ll

# includes the merchant tests (tests/test_merchant*.py) on SQLite and, when it runs, PostgreSQL
unit: install index node_modules $(NGINX_BIN)
	$(BIN)/pytest -q -m "not e2e and not st and not stories and not browser and not second_store and not cluster and not faults" tests

validate: install
	$(BIN)/rasa data validate --config config.yml --domain domain.yml --data data

stories: install model index
	$(BIN)/pytest -q -m stories tests

e2e: install model index node_modules
	$(BIN)/pytest -q -m e2e tests

# the second store (stores/nordstil, a raw Shopify export, never tuned on) end to end: import of its raw export, the `make run` set-up, grounded answers per kind
second-store: install model
	$(BIN)/pytest -q -m second_store tests

# Debian's chromium for the browser tests (Playwright drives it; no browser download)
$(CHROMIUM):
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y chromium

chromium: $(CHROMIUM)

# axe-core (pinned in package.json) for the accessibility checks of the browser tests
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

node_modules/chart.js/dist/chart.umd.min.js: node_modules/axe-core/axe.min.js

# axe-core for the browser tests; chart.js for the console dashboard (served from here, no CDN)
node_modules: node_modules/axe-core/axe.min.js node_modules/chart.js/dist/chart.umd.min.js

# the chat widget and the support console in headless Chromium against the real stack, with
# axe-core checks; writes docs/screenshots/*.png
browser: install model index $(CHROMIUM) node_modules
	$(BIN)/pytest -q -m browser tests

st-test: $(ST_VENV)/.installed
	$(ST_VENV)/bin/python -m pytest -q -m st tests/test_embedder.py -p no:cacheprovider

# schemathesis (in .venv-st) fuzzes the merchant API, served by the app from .venv
merchant-fuzz: install $(ST_VENV)/.installed
	$(BIN)/pytest -q -m fuzz tests/test_merchant_fuzz.py -p no:cacheprovider

# two Rasa servers (and action servers) sharing PostgreSQL and Redis: one conversation across both stays consistent
cluster-test: install model $(NGINX_BIN)
	$(BIN)/pytest -q -m cluster tests

test: lint unit validate stories e2e second-store browser st-test merchant-fuzz cluster-test

bench: install model index $(ST_VENV)/.installed
	$(ST_VENV)/bin/python -m bench.retrieval
	$(BIN)/python -m bench.latency
	$(BIN)/python -m bench.nlu_cv
	$(BIN)/python -m bench.catalog_scale
	$(BIN)/python -m bench.orders_backend

# catalog at scale only (import, index build, change-to-answer time, search latency)
bench-catalog: install
	$(BIN)/python -m bench.catalog_scale

# the load test's own venv: locust 2.47 needs Python 3.11 and gevent (requirements-load.txt)
LOAD_VENV := .venv-load
$(LOAD_VENV)/.installed: requirements-load.txt
	@test -n "$(PY311)" || { echo "error: Python 3.11 not found (needed for locust)" >&2; exit 1; }
	rm -rf $(LOAD_VENV)
	$(PY311) -m venv $(LOAD_VENV)
	$(LOAD_VENV)/bin/pip install -q -r requirements-load.txt
	touch $@

# the cluster under load (1 and 2 replicas; 20/50/100 shoppers; saturation), faults mid-load and
# a soak (SOAK_MINUTES); about 50 minutes in all. Not part of `make test`. Figures: bench/README.md
BENCH_SECONDS ?= 60
SOAK_MINUTES ?= 30
bench-cluster: install model index node_modules $(NGINX_BIN) $(LOAD_VENV)/.installed
	$(BIN)/python -m bench.cluster --seconds $(BENCH_SECONDS)
	$(BIN)/python -m bench.faults
	$(BIN)/python -m bench.soak --minutes $(SOAK_MINUTES)

# each fault once under a short load, with its checks (restarts the machine's PostgreSQL and
# freezes its Redis for 10 s: other work on the machine sees that too)
bench-faults: install model index node_modules $(NGINX_BIN) $(LOAD_VENV)/.installed
	$(BIN)/python -m bench.faults --seconds 45

# the same faults as a test with pass/fail per fault (tests/test_cluster_faults.py)
cluster-faults: install model index node_modules $(NGINX_BIN) $(LOAD_VENV)/.installed
	SHOPBOT_RUN_FAULTS=1 $(BIN)/pytest -q -m faults tests/test_cluster_faults.py

bench-soak: install model index node_modules $(NGINX_BIN) $(LOAD_VENV)/.installed
	$(BIN)/python -m bench.soak --minutes $(SOAK_MINUTES)

clean:
	rm -rf $(VENV) $(ST_VENV) $(LOAD_VENV) var models .rasa results
