"""Black-box helpers: read forms and links from the HTML and submit them as a browser would."""

import re
from html.parser import HTMLParser

from django.core import mail
from django.test import Client

PASSWORD = "townhall-Password-2027"


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms, self.current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {"action": attrs.get("action") or "", "fields": {}}
            self.forms.append(self.current)
        elif self.current is not None and tag in ("input", "textarea", "select") and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind == "submit" or (kind in ("checkbox", "radio") and "checked" not in attrs):
                return
            self.current["fields"][attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def forms(html):
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def submit(client, url, data, action=None, **extra):
    """Open url, pick a form (the one whose action contains `action`, or else the page's own: the
    one posting back to url), fill in data over the form's own values and post it."""
    page = client.get(url, **extra)
    assert page.status_code == 200, (url, page.status_code)
    path = url.split("?")[0]
    candidates = [
        form
        for form in forms(page.content.decode())
        if (action in form["action"] if action is not None else form["action"].split("?")[0] in ("", path))
    ]
    assert candidates, f"no form posting to {action!r} on {url}"
    form = candidates[0]
    return client.post(form["action"] or url, {**form["fields"], **data}, **extra)


def link(html, pattern):
    """The first href matching the regular expression."""
    found = re.search(rf'href="({pattern})"', html)
    assert found, f"no link matching {pattern}"
    return found.group(1).replace("&amp;", "&")


def form_action(html, pattern):
    """The action of the first form whose action matches the regular expression."""
    found = [form["action"] for form in forms(html) if re.fullmatch(pattern, form["action"])]
    assert found, f"no form posting to {pattern}"
    return found[0]


def sign_up(email, nickname, remote_addr="127.0.0.1"):
    """A new person through the sign-up form and the emailed link; returns their signed-in client."""
    client = Client(REMOTE_ADDR=remote_addr)
    sent = len(mail.outbox)
    data = {"email": email, "nickname": nickname, "password1": PASSWORD, "password2": PASSWORD, "accept_terms": "on"}
    response = submit(client, "/accounts/signup/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    message = mail.outbox[sent]
    assert message.to == [email]
    confirm = re.search(r"http://testserver(/accounts/confirm/\S+/)", message.body).group(1)
    assert submit(client, confirm, {}).status_code == 302
    return client
