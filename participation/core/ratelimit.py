"""Fixed-window rate limits in the cache (Redis in production, so shared by every worker)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def hit(scope, key, limit=None, period=None):
    """Count one attempt; False once `limit` attempts were made in the current `period` seconds.

    Limits default to settings.RATE_LIMITS[scope] = (limit, period)."""
    default_limit, default_period = settings.RATE_LIMITS[scope]
    limit = limit or default_limit
    period = period or default_period
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{int(time.time() // period)}"
    if cache.add(cache_key, 1, period):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, period)
        count = 1
    return count <= limit


def reset(scope, key):
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    _limit, period = settings.RATE_LIMITS[scope]
    cache.delete(f"ratelimit:{scope}:{digest}:{int(time.time() // period)}")
