"""Small helpers the demo's builders share."""

import uuid


def add_page(parent, page):
    """The child with the page's slug, else the page added and published: a page that exists is
    left as it is (an editor may have changed it)."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def list_items(values):
    # ListBlock items need ids for wagtail-localize to extract their text for translation.
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def paragraphs(texts):
    return "".join(f"<p>{text}</p>" for text in texts)
