"""Helpers shared by the journeys: admin sign-in, page creation, axe-core and focus checks."""

import json
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

from content.demo import data

ROOT = Path(__file__).resolve().parents[2]
AXE_ARTIFACTS = ROOT / "artifacts" / "e2e" / "axe"

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Third-party video hosts that must not be contacted before the visitor consents.
VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "ytimg.com", "googlevideo.com", "vimeo.com", "vimeocdn.com", "framatube.org")
BLOCKING_IMPACTS = {"serious", "critical"}
_AXE = Axe()  # reads the axe.min.js bundled in the axe-playwright-python wheel: no CDN


def sign_in(page, server, username):
    """Sign into the Wagtail admin through its login form, as a person would."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", server.password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def admin_messages(page):
    messages = page.locator(".messages")
    return messages.inner_text() if messages.count() else ""


def create_topic_page(page, shot, *, title, question, summary):
    """In the admin explorer, add and publish a topic briefing under the English dialogue.

    Returns the admin edit URL of the new page."""
    page.goto("/admin/pages/")
    page.get_by_role("link", name=f"Explore child pages of '{data.HOME['title']}'").click()
    page.get_by_role("link", name=f"Explore child pages of '{data.DIALOGUE['title']}'").click()
    page.get_by_role("link", name="Add child page", exact=True).click()
    # A dialogue holds topic briefings and country editions: choose the type.
    page.get_by_role("link", name=re.compile(r"^Topic briefing")).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/add/content/topicpage/\d+/$"))
    page.fill("#id_title", title)
    page.fill("#id_question", question)
    page.fill("#id_summary", summary)
    shot(page, "new topic form filled")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert f"Page '{title}' created and published" in admin_messages(page), admin_messages(page)
    shot(page, "topic published")
    return page.get_by_role("link", name=title, exact=True).get_attribute("href")


# --------------------------------------------------------------------------- axe-core


def run_axe(page, label):
    """Run axe-core with the WCAG A/AA rules; save the full result under artifacts/e2e/axe/."""
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    response = results.response
    AXE_ARTIFACTS.mkdir(parents=True, exist_ok=True)
    summary = {
        "label": label,
        "url": page.url,
        "axe": response.get("testEngine", {}).get("version"),
        "violations": response["violations"],
    }
    (AXE_ARTIFACTS / f"{label}.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return response


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    target: {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_no_serious_violations(page, label):
    response = run_axe(page, label)
    violations = response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    others = [v for v in violations if v["impact"] not in BLOCKING_IMPACTS]
    if others:
        print(f"axe {label}: {len(others)} minor/moderate violation(s):\n{describe_violations(others)}")
    assert not blocking, (
        f"axe-core {response.get('testEngine', {}).get('version')} found serious or critical "
        f"WCAG A/AA violations on {label} ({page.url}):\n{describe_violations(blocking)}"
    )
    return response


# --------------------------------------------------------------------------- keyboard


FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    classes: el.getAttribute("class") || "",
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    href: el.getAttribute("href"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    matchesFocusVisible: el.matches(":focus-visible"),
    top: box.top, bottom: box.bottom, left: box.left, right: box.right,
    width: box.width, height: box.height,
    viewportWidth: window.innerWidth, viewportHeight: window.innerHeight,
  };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def assert_focus_visible(info):
    """The focused element draws a focus indicator and is on screen."""
    assert info is not None, "focus was lost (document.body is focused)"
    name = f"<{info['tag']}> {info['text']!r}"
    assert info["matchesFocusVisible"], f"{name} is focused but does not match :focus-visible"
    has_outline = info["outlineStyle"] != "none" and info["outlineWidth"] > 0
    has_ring = info["boxShadow"] not in ("", "none")
    assert has_outline or has_ring, f"{name} has no visible focus indicator (outline: {info['outlineStyle']} {info['outlineWidth']}px)"
    assert info["width"] > 0 and info["height"] > 0, f"{name} has no size while focused"
    assert info["bottom"] > 0 and info["top"] < info["viewportHeight"], f"{name} is focused off screen"


# --------------------------------------------------------------------------- citizens and email


_SESSIONS = {}  # email -> cookies of a signed-in session, so each citizen signs in once per run


def sign_in_citizen(page, server, email, shot=None, language="en"):
    """Sign in on the public sign-in form (first time) or reuse that session's cookies."""
    if email not in _SESSIONS:
        page.goto(f"/{language}/accounts/login/")
        page.fill("input[name=username]", email)
        page.fill("input[name=password]", server.password)
        if shot:
            shot(page, "sign-in form filled")
        with page.expect_navigation():
            page.locator("main form.account-form button[type=submit]").first.click()
        assert "/accounts/login/" not in page.url, f"sign-in failed for {email}: still on {page.url}"
        _SESSIONS[email] = page.context.cookies()
    else:
        page.context.add_cookies(_SESSIONS[email])


def newest_email(server, to):
    """The newest message to `to` written by Django's file email backend, as an EmailMessage."""
    import email
    from email import policy

    files = sorted(Path(server.mail_dir).glob("*"), key=lambda path: path.stat().st_mtime, reverse=True)
    for path in files:
        # One file per connection; messages are separated by a line of 79 dashes.
        for raw in reversed(path.read_text(errors="replace").split("\n" + "-" * 79 + "\n")):
            if not raw.strip():
                continue
            message = email.message_from_string(raw.strip() + "\n", policy=policy.default)
            if to.lower() in str(message.get("To", "")).lower():
                return message
    raise AssertionError(f"no email to {to} in {server.mail_dir}: {[path.name for path in files]}")


def email_text(message):
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else message.get_content()
