# Every target creates .venv and installs what it needs by itself: `make run` and `make test`
# work on a fresh clone with nothing but Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out

.PHONY: run test eval bench lint clean browser

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsbeam run --input 'seeds/*' --output $(OUT) --overwrite

# The report's browser test needs Debian's chromium + chromium-driver; installed when root, else
# the test skips (and fails under CI=true).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (apt-get install -y -qq chromium chromium-driver || \
	   (apt-get update -qq && apt-get install -y -qq chromium chromium-driver)); } || \
	  echo "chromium missing: run 'apt-get install -y chromium chromium-driver' as root"

test: $(STAMP) browser
	$(BIN)/ruff check pipeline transforms schemas tests benchmarks
	$(BIN)/python -m pytest -q

# dev scores (with CI floors) and PolNeAR train in 5 folds next to them (~5 min more)
eval: $(STAMP)
	$(BIN)/newsbeam eval --train_folds --write docs/quality.md $(EVAL_ARGS)

# 1, 300, 1,000 and all 2,225 BBC articles; a s b c d p, 3 runs each, interleaved (about an hour on
# 2 quiet cores); appends its table to docs/benchmarks.md. A quick look:
# BENCH_ARGS="--sizes 1,20 --runs 2 --no-append"; BENCH_ARGS=--memory for Reuters 2k vs 19k;
# on a many-core machine BENCH_ARGS="--sweep 1,2,4,8,16": --workers N on the DirectRunner and Dask.
bench: $(STAMP)
	$(BIN)/python benchmarks/run_benchmarks.py $(BENCH_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check pipeline transforms schemas tests benchmarks

clean:
	rm -rf $(OUT) build dist *.egg-info .pytest_cache
