# newsmon — the two commands that matter: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1

.PHONY: install demo test test-unit test-integration bench bench-core bench-quality chaos chaos-contention lint check schemas clean

install: $(STAMP)

# Re-install only when the dependency list changes; silent when already done.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing newsmon into $(VENV) (first run only)…"
	@$(BIN)/python -m pip install --disable-pip-version-check -e '.[dev]' > $(VENV)/install.log 2>&1 \
		|| { tail -40 $(VENV)/install.log; echo "install failed: full log in $(VENV)/install.log"; exit 1; }
	@touch $(STAMP)

demo: install
	@$(BIN)/newsmon demo

# 11 to 18 minutes on 2 cores, by the machine; the deployment tests install two
# Debian packages when missing.
test: install
	@command -v promtool >/dev/null && command -v docker-compose >/dev/null || echo "make test: the \
	deployment tests first install Debian's prometheus and docker-compose packages (apt-get, as root)"
	@$(BIN)/python -m pytest -q

bench: install
	@$(BIN)/python -m bench.stream

bench-core: install
	@$(BIN)/python -m bench.core

bench-quality: install
	@$(BIN)/python -m bench.quality

# CHAOS_ARGS passes options through, e.g. `make chaos CHAOS_ARGS="--kills 20 --seed 3"`.
chaos: install
	@$(BIN)/python -m bench.chaos $(CHAOS_ARGS)

# The same with every core kept busy by other processes for the whole run.
chaos-contention: install
	@$(BIN)/python -m bench.chaos --contention $(CHAOS_ARGS)

lint: install
	@$(BIN)/ruff check .

# Static checks, run by .ci/run before the tests: ruff, and mypy as configured in pyproject.toml.
check: install
	@$(BIN)/ruff check .
	@$(BIN)/mypy

schemas: install
	@$(BIN)/python -m schemas.generate

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
