# press-extract: the two commands a fresh clone needs are `make extract` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEEDS  := seeds
OUT    := outputs
GOLD   := tests/data/seeds_gold.jsonl
PEERS  ?= ../shared/peer-suites
DEV    ?= ../shared/dev
DB     ?= sqlite:///$(OUT)/press.db

.PHONY: install extract test eval eval-dev peer bench hostile compare lock clean

install: $(STAMP)

# The venv is rebuilt whenever the lock or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Ends with a database to query: outputs/press.db (SQLite; DB=duckdb:///... or postgresql://... for others).
extract: $(STAMP)
	$(BIN)/press-extract extract $(SEEDS) --out $(OUT) --db $(DB)

test: $(STAMP)
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest -q

eval: extract
	$(BIN)/press-extract eval --gold $(GOLD) --pred $(OUT)/mentions.csv

# The dev set (read from ../shared/dev, never copied here): extract with the model, then the
# scores per label, then per part (dA, dB, dC), then the facts' scores, overall and per part.
# `press-extract eval ... --errors` lists what went wrong.
eval-dev: $(STAMP)
	@test -d $(DEV)/raw || { echo "no dev set in $(DEV) (set DEV=...)"; exit 2; }
	$(BIN)/press-extract extract $(DEV)/raw --out $(OUT)/dev -q
	$(BIN)/press-extract eval --gold $(DEV)/gold.jsonl --pred $(OUT)/dev/mentions.csv
	@for part in dA dB dC; do printf "part %s: " $$part; $(BIN)/press-extract eval --gold $(DEV)/gold.jsonl --pred $(OUT)/dev/mentions.csv --docs $$part | grep micro; done
	$(BIN)/press-extract eval --facts-gold $(DEV)/facts.jsonl --pred $(OUT)/dev/mentions.csv
	@for part in dA dB dC; do echo "facts, part $$part:"; $(BIN)/press-extract eval --facts-gold $(DEV)/facts.jsonl --pred $(OUT)/dev/mentions.csv --docs $$part | tail -7; done

# Scores on the peer suites (read from ../shared when present; never copied here).
peer: $(STAMP)
	$(BIN)/press-extract peer --suites $(PEERS)

# This pipeline against spaCy sm, a blank tokenizer and quantulum3, interleaved in one run
# (about 10 minutes here): figures to outputs/bench.json and a table on stdout.
bench: $(STAMP)
	$(BIN)/python -m pipeline.bench --out $(OUT)/bench.json
	$(BIN)/python -m pipeline.bench.loads --out $(OUT)/bench_load.json

# The hostile-input set with the model (about 10 minutes; HOSTILE_FLAGS=--big adds 9 MB and
# 50 MB texts): per case exit code, rows, seconds and peak RSS to outputs/hostile.json.
hostile: $(STAMP)
	$(BIN)/python -m pipeline.bench.hostile --out $(OUT)/hostile.json $(HOSTILE_FLAGS)

# Outputs byte-identical to those of revision BASE? (seeds, dev, pages, 2,000 bench documents; with and without the model)
compare: $(STAMP)
	scripts/compare_outputs.sh $(BASE)

# Recompile the lock from requirements.in (needs network access to PyPI and uv). The model is
# pinned to its wheel's hash only (DEVELOPERS.md), so the sdist's hash is dropped.
lock:
	uv pip compile requirements.in --generate-hashes --universal --python-version 3.11 -o requirements.lock
	$(PYTHON) -c "import re,pathlib; p=pathlib.Path('requirements.lock'); p.write_text(re.sub(r' \\\n    --hash=sha256:f237882f9c6ff55334232036e0d07a9d995564dafbed53a7898b935297df7c2e', '', p.read_text()))"

clean:
	rm -rf $(VENV) $(OUT)/*.csv $(OUT)/*.json $(OUT)/*.parquet $(OUT)/press.db*
