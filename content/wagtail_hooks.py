from wagtail import hooks


@hooks.register("before_serve_page")
def mark_wagtail_page(page, request, serve_args, serve_kwargs):
    """Tell the anonymous page cache (content/page_cache.py) that Wagtail rendered this response."""
    request.serving_wagtail_page = True
