"""Whether a person may see a page, as Wagtail decides when it serves it."""


def page_visible_to(page, request):
    """Live, and every view restriction on the page or its ancestors (login, groups, password)
    lets this request through."""
    return page.live and all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
