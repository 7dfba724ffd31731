"""Settings for `make bench`: the production settings, served over plain http on loopback.

bench/run.py sets SECRET_KEY, DATABASE_URL and STATIC_ROOT in the environment; everything
else (whitenoise's manifest storage, persistent connections, middleware, caches) is exactly
what production runs, so the figures are realistic."""

import os

from config.settings.production import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = False  # plain http on 127.0.0.1
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"

# Mail must never leave the machine during a benchmark.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Quiet: one log line per request would measure the terminal, not the site.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}

# The support load of bench/run.py sends more supports per person than people ever do: it
# raises the per-person limit through BENCH_SUPPORT_RATE_LIMIT (attempts per minute).
if os.environ.get("BENCH_SUPPORT_RATE_LIMIT"):
    RATE_LIMITS = {**RATE_LIMITS, "support": (int(os.environ["BENCH_SUPPORT_RATE_LIMIT"]), 60)}  # noqa: F405
# bench/gatherings.py loads the public API from one address: BENCH_API_RATE_LIMIT lifts its limit.
if os.environ.get("BENCH_API_RATE_LIMIT"):
    RATE_LIMITS = {**globals().get("RATE_LIMITS", {}), "api": (int(os.environ["BENCH_API_RATE_LIMIT"]), 60)}
