# Dialogue: `make run` serves the demo on http://$(HOST):$(PORT)/ (127.0.0.1:8000 by default),
# `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The public address every email links to (participation.core.conf.base_url): the one served.
BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install install-test messages messages-extract wheel migrate demo bench bench-registrations bench-gatherings bench-questionnaires lighthouse e2e-browser check clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Compile the gettext catalogues, the site's (locale/) and the plugin's (participation/locale/);
# needs msgfmt from gettext.
messages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore "$(VENV)" --ignore build --ignore dist -v0

# Extract the strings into both catalogues at once: makemessages files each string under the
# nearest locale folder, so participation's strings go to participation/locale/ and the site's
# (content/, site/, config/) to locale/. A string used in both places is in both. Then translate
# the new entries (no empty msgstr, no fuzzy flags); tests/test_catalogues.py checks both.
messages-extract: $(VENV)/.installed
	$(PY) manage.py makemessages -l fr -l es -l uk -l ar --add-location file --no-obsolete -v0 \
		--ignore "$(VENV)/*" --ignore "tests/*" --ignore "bench/*" --ignore "build/*" --ignore "dist/*"

# The plugin's wheel in dist/ (pyproject.toml). The .mo files are not committed: compile them first.
# A fresh build folder, so files deleted from the sources do not linger in the wheel.
wheel: messages
	rm -rf build
	$(BIN)/pip wheel --no-deps --quiet --wheel-dir dist .

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput -v0

# Load the demo only into an empty database, so `make run` never overwrites edits.
demo: migrate
	@if $(PY) manage.py shell -c "from content.models import HomePage; import sys; sys.exit(0 if HomePage.objects.exists() else 1)"; then \
		echo "Database already has content: skipping the demo (run 'manage.py seed_demo' to refresh it)."; \
	else $(PY) manage.py seed_demo; fi

run: install messages demo
	@BASE_URL=$(BASE_URL) $(PY) manage.py describe_site
	BASE_URL=$(BASE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

test: install-test messages
	$(BIN)/pytest $(PYTEST_ARGS)

check: install-test
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$(openssl rand -hex 32) ALLOWED_HOSTS=dialogue.example \
		$(PY) manage.py check --deploy --fail-level WARNING

bench: install-test
	$(PY) bench/run.py

# A thousand citizens register for one 100-place session at the same moment (docs/performance.md).
bench-registrations: install-test
	$(PY) bench/registration_rush.py

# Calendar feeds, the events API, the events page and an event page (docs/performance.md#gatherings).
bench-gatherings: install-test
	$(PY) bench/gatherings.py
	$(PY) bench/gathering_pages.py

# 100,000 questionnaire responses over 80 countries: results, API, CSV, PDF; 200 submitting at once.
bench-questionnaires: install-test
	$(PY) bench/questionnaires.py

# Lighthouse (npm, package-lock.json) in mobile mode on the demo's main pages in en and ar, driving
# Debian's chromium (docs/performance.md#lighthouse). Needs node and the demo in the database.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

lighthouse: install-test node_modules/.installed demo
	$(PY) bench/lighthouse.py

clean:
	rm -rf $(VENV) db.sqlite3 media static var build dist *.egg-info node_modules
