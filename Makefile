# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NODE_TOOLS := tools/ajv/node_modules/.package-lock.json tools/typescript/node_modules/.package-lock.json

.PHONY: demo test lint typecheck unit bench generate clean system-tools

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "banzhang needs Python 3.11 or newer"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,desk]'
	touch $@

tools/ajv/node_modules/.package-lock.json: tools/ajv/package.json
	npm install --prefix tools/ajv --no-audit --no-fund --silent

tools/typescript/node_modules/.package-lock.json: tools/typescript/package.json
	npm install --prefix tools/typescript --no-audit --no-fund --silent

demo: $(STAMP)
	$(BIN)/banzhang demo --out demo-out

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

system-tools:
	tools/ensure-system-tools.sh

unit: $(STAMP) $(NODE_TOOLS) system-tools
	$(BIN)/pytest

test: lint typecheck unit

# Regenerate the committed files derived from the declarations (the drift tests compare them).
generate: $(STAMP)
	$(BIN)/python -m banzhang.generate schemas
	$(BIN)/python -m banzhang.generate.standard src/banzhang/_data/versions
	rm -rf docs && $(BIN)/banzhang docs --out docs

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --out benchmarks/results.json

clean:
	rm -rf $(VENV) demo-out tools/ajv/node_modules tools/typescript/node_modules .pytest_cache .mypy_cache .ruff_cache
