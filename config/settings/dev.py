"""Development: `make run`. Debug on, console email, SQLite unless DATABASE_URL says otherwise."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
SERVE_IMAGES = env_bool("SERVE_IMAGES", True)  # noqa: F405

# The word-reversing dummy machine translator, for trying wagtail-localize's button: development
# only, and only when asked for (MACHINE_TRANSLATOR=dummy); production never offers it.
if (os.environ.get("MACHINE_TRANSLATOR") or "").lower() == "dummy":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
