"""Development: `make run`. Debug on, console email, SQLite unless DATABASE_URL says otherwise."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

DEBUG = env_bool("DEBUG", True)  # noqa: F405
SERVE_IMAGES = env_bool("SERVE_IMAGES", True)  # noqa: F405
