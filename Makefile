# Hearthside: `make run` serves the platform, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint tour bench bench-screen screener-cache bench-outreach bench-realtime bench-rooms bench-page-frame bench-handshake bench-synapse bench-supportline cluster eval-safety eval-perturbations eval-companion eval-moderation train-emotions train-screener venv messages clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m hearthside.safety.screening.cli cache
	@touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) -m hearthside.cli demo
	$(PY) -m hearthside.cli run --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

# docs/tour.md and its screenshots (docs/tour/), role by role, from a throw-away demo site
# (its own temporary database and keys; your database is not touched). Needs Chromium.
tour: $(STAMP)
	$(PY) scripts/tour.py

bench: $(STAMP)
	$(PY) bench/bench_api.py
	$(PY) bench/bench_screen.py
	$(PY) bench/bench_screen_cli.py
	$(PY) bench/bench_screen_turns.py
	$(PY) bench/bench_emotions.py
	$(PY) bench/bench_selfcare.py
	$(PY) bench/bench_rooms.py --groups 50 --procs 1 --rates 50,100 --step 5 --idle-wait 0

# `hearthside screen` on 10,000 chat messages, process start included; OLD=DIR (e.g. a worktree of
# another commit: git worktree add /tmp/old HEAD) runs that checkout side by side.
bench-screen: $(STAMP)
	$(PY) bench/bench_screen_cli.py $(if $(OLD),--old $(OLD))
	$(PY) bench/bench_screen_turns.py $(if $(OLD),--old $(OLD))

# The screener's derived tables, written once under hearthside/safety/screening/data/cache/ (also
# done by `make venv`, and by the first process that misses them where that directory is writable).
screener-cache: $(STAMP)
	$(PY) -m hearthside.safety.screening.cli cache

bench-outreach: $(STAMP)
	$(PY) bench/bench_outreach.py

bench-realtime: $(STAMP)
	$(PY) bench/bench_realtime.py
	$(PY) bench/bench_synapse.py

# Many rooms at once (issue #20): GROUPS groups of 20 members, one socket each, open-loop senders over
# all groups at RATES total msg/s; 1 and 2 ASGI processes (2 needs REDIS_URL). DATABASE_URL: its own
# database hs_rooms. OLD=DIR runs that checkout side by side.
bench-rooms: $(STAMP)
	$(PY) bench/bench_rooms.py --groups $(or $(GROUPS),500) --rates $(if $(RATES),$(RATES),25,50,100,250,500,1000) $(if $(OLD),--old $(OLD))

# Websocket handshakes, a reconnect storm and idle sockets on one ASGI process. N=1000,5000 sockets;
# OLD=DIR (git worktree add /tmp/old-hs HEAD) runs that checkout side by side.
bench-page-frame: $(STAMP)
	$(PY) bench/bench_page_frame.py

bench-handshake: $(STAMP)
	$(PY) bench/bench_handshake.py --members $(or $(N),1000) $(if $(OLD),--old $(OLD))

# Matrix Synapse under the same workload; installs Synapse into var/synapse-venv on first run.
bench-synapse: $(STAMP)
	$(PY) bench/bench_synapse.py

bench-supportline: $(STAMP)
	$(PY) bench/bench_supportline.py

# Three app hosts, a data host and nginx in network namespaces on this machine (root, nginx,
# redis-server, PostgreSQL's initdb); docs/deploy.md, "Several app hosts". ARGS="--members 90".
cluster: $(STAMP)
	$(PY) bench/cluster.py $(ARGS)

eval-companion: $(STAMP)
	$(PY) scripts/eval_companion.py --write

eval-moderation: $(STAMP)
	$(PY) scripts/eval_moderation.py --write

# Rebuilds the shipped crisis model (hearthside/safety/screening/data/base_model.json.gz) from the
# project's own corpus, the Suicide Risk Lexicon and GoEmotions; deterministic.
train-screener: $(STAMP)
	$(PY) scripts/train_screener.py

train-emotions: $(STAMP)
	$(PY) scripts/train_emotions.py

eval-safety: $(STAMP)
	$(PY) scripts/eval_safety.py --write

# Crisis messages written a little differently (a hedge, a word of address, no punctuation):
# how many fall below moderate, and how many look-alikes rise (docs/safety.md, "Robustness").
eval-perturbations: $(STAMP)
	$(PY) scripts/eval_perturbations.py $(ARGS)

messages: $(STAMP)
	cd hearthside && ../$(PY) ../manage.py makemessages -l es --no-obsolete -i "testing/*" -i "*/tests/*" && ../$(PY) ../manage.py compilemessages

clean:
	rm -rf $(VENV) .pytest_cache
