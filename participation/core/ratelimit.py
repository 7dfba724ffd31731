"""Fixed-window rate limits in the cache (Redis in production, so shared by every worker)."""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.http import JsonResponse
from django.utils.translation import ngettext

from . import conf


def client_ip(request):
    """The address of the client, counted by the limits.

    Without proxies, REMOTE_ADDR. Behind TRUSTED_PROXY_COUNT proxies, each of which appends the
    address it received the request from to X-Forwarded-For, the Nth value from the right: the
    address our outermost proxy saw. Values further left were written by the client itself and
    prove nothing (rotating them must not buy new attempts)."""
    proxies = conf.trusted_proxy_count()
    forwarded = [value.strip() for value in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if value.strip()]
    if proxies > 0 and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "")


def _cache_key(scope, key, period):
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{int(time.time() // period)}"


def hit(scope, key, limit=None, period=None):
    """Count one attempt; False once `limit` attempts were made in the current `period` seconds.

    Limits default to settings.RATE_LIMITS[scope] = (limit, period)."""
    default_limit, default_period = conf.rate_limit(scope)
    limit = limit or default_limit
    period = period or default_period
    cache_key = _cache_key(scope, key, period)
    if cache.add(cache_key, 1, period):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, period)
        count = 1
    return count <= limit


def reset(scope, key):
    _limit, period = conf.rate_limit(scope)
    cache.delete(_cache_key(scope, key, period))


def seconds_left(scope):
    """Seconds until the current window of `scope` ends and its attempts are counted afresh."""
    _limit, period = conf.rate_limit(scope)
    return period - int(time.time()) % period


def too_many_requests(scope):
    """429 with Retry-After and a JSON reason, for machines (the API, data downloads)."""
    seconds = seconds_left(scope)
    message = ngettext(
        "Too many requests from your address. Please wait %(seconds)s second and try again.",
        "Too many requests from your address. Please wait %(seconds)s seconds and try again.",
        seconds,
    ) % {"seconds": seconds}
    response = JsonResponse({"error": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def per_client(scope):
    """Decorate a view: at most settings.RATE_LIMITS[scope] requests per client address."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not hit(scope, f"ip:{client_ip(request)}"):
                return too_many_requests(scope)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
