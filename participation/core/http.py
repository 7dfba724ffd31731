from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default):
    """The `next` URL the request carries, if it stays on this site; `default` otherwise.

    Redirect to it with HttpResponseRedirect, not redirect(): a bare word such as "home" is a
    valid relative URL, and redirect() would try to reverse it as a view name."""
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default
