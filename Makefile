# Two commands on a fresh machine with python3 and make:  make site  |  make test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt 2>/dev/null | cksum | cut -d' ' -f1)

.PHONY: site test lint serve generate catalogs eval bench clean

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

site: $(STAMP)  ## build site/ in every language
	$(BIN)/briefing build

generate: $(STAMP)
	$(BIN)/briefing generate

serve: $(STAMP)
	$(BIN)/briefing serve

test: $(STAMP)  ## unit, end-to-end and browser tests
	$(BIN)/python -m pytest -q

LINT_PATHS := generator tests evaluation benchmarks
# Runs all three, then fails if any failed (one run shows every problem).
lint: $(STAMP)  ## ruff check, ruff format --check and mypy; config in pyproject.toml
	@status=0; \
	$(BIN)/ruff check $(LINT_PATHS) || status=1; \
	$(BIN)/ruff format --check $(LINT_PATHS) || status=1; \
	$(BIN)/mypy || status=1; \
	exit $$status

# Translators: pull new UI strings into the catalogs, then edit locales/*/LC_MESSAGES/messages.po.
catalogs: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k N_ -k ngettext:1,2 --sort-by-file --omit-header --no-location -o locales/messages.pot generator
	$(BIN)/pybabel update -i locales/messages.pot -d locales --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d locales --statistics

EVAL ?= ../shared/eval
eval: $(STAMP)  ## quality tables (README "Quality"); EVAL=path/to/eval
	$(BIN)/python evaluation/eval_facts.py --eval-dir $(EVAL) --seeds-gold evaluation/gold/seeds_facts.jsonl
	$(BIN)/python evaluation/eval_entities.py --eval-dir $(EVAL) --seeds-gold evaluation/gold/seeds_entities.jsonl
	$(BIN)/python evaluation/eval_linking.py --eval-dir $(EVAL)

clean:
	rm -rf site content/generated .cache
