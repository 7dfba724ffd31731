"""Participation journeys: a citizen signs up in French and takes part (comment, proposal,
support, report); a moderator hides a reported comment; an editor answers a proposal.

The data they act on (other people's proposals and comments, a moderator account) is made by
tests/e2e/seed_participation.py through the `participation` fixture."""

import re
import secrets
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .support import admin_messages, email_text, newest_email, sign_in

pytestmark = pytest.mark.e2e

HIDDEN_BY_MODERATION = {"en": "Hidden by moderation"}


def submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).click()


def test_citizen_signs_up_in_french_and_takes_part(page, server, shot, participation):
    nickname = f"camille-{secrets.token_hex(3)}"
    email = f"{nickname}@example.org"
    password = f"Lumiere-{secrets.token_urlsafe(10)}"

    # Sign up in French.
    page.goto("/fr/accounts/signup/")
    assert page.locator("html").get_attribute("lang") == "fr"
    shot(page, "signup form")
    page.fill("#id_email", email)
    page.fill("#id_nickname", nickname)
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.check("#id_accept_terms")
    assert page.input_value("#id_website") == "", "the honeypot stays empty"
    shot(page, "signup form filled")
    submit(page, "main form.account-form button[type=submit]")
    assert urlsplit(page.url).path == "/fr/accounts/signup/done/", page.url
    shot(page, "signup done")

    # The confirmation email, from the file backend: its link shows a confirmation button.
    text = email_text(newest_email(server, email))
    assert nickname in text
    match = re.search(r"https?://\S+/accounts/confirm/\S+", text)
    assert match, f"no confirmation link in:\n{text}"
    link = urlsplit(match.group(0))
    assert link.path.startswith("/fr/"), f"the link keeps the sign-up language: {link.path}"
    page.goto(link.path)
    assert page.locator("html").get_attribute("lang") == "fr"
    shot(page, "confirmation page")
    submit(page, "main form button[type=submit]")
    account = page.locator(".account-nav")
    expect(account).to_contain_text(nickname)
    assert page.locator("html").get_attribute("lang") == "fr"
    shot(page, "confirmed and signed in")

    # A comment on the French topic briefing, posted in place.
    page.goto(participation["french_topic_url"])
    comment = f"Je propose des ateliers sur la vie privée dans les bibliothèques. {secrets.token_hex(3)}"
    page.fill("#comment-body-new", comment)
    shot(page, "comment written")
    page.locator("form[data-comment-form]:has(#comment-body-new) button[type=submit]").click()
    posted = page.locator(".comment", has_text=comment)
    expect(posted).to_have_count(1)
    expect(posted.locator(".comment__author")).to_have_text(nickname)
    shot(page, "comment posted")

    # A proposal, on the dialogue's proposal form.
    title = f"Des cours du soir sur la sécurité numérique {secrets.token_hex(3)}"
    page.goto(f"/fr/dialogues/{participation['dialogue_id']}/proposals/new/")
    page.fill("#id_title", title)
    page.fill("#id_body", "Chaque mairie pourrait proposer un cours gratuit par mois, ouvert à toutes et à tous.")
    shot(page, "proposal form filled")
    submit(page, "main form.proposal-form > button[type=submit]")
    assert re.search(r"/fr/proposals/\d+/$", page.url), page.url
    expect(page.locator("main h1")).to_have_text(title)
    shot(page, "proposal published")

    # Support another citizen's proposal: the count goes up in place.
    other = participation["proposals"]["to_support"]
    page.goto(f"/fr/proposals/{other}/")
    count = page.locator(".support-box__count strong")
    before = int(count.inner_text())
    shot(page, "other proposal")
    url = page.url
    page.locator("form[data-support-form] button[type=submit]").click()
    expect(count).to_have_text(str(before + 1))
    expect(page.locator("[data-support-status]")).not_to_be_empty()
    assert page.url == url, "the support was given in place, without a page load"
    shot(page, "proposal supported")
    page.reload()
    expect(page.locator(".support-box__count strong")).to_have_text(str(before + 1))

    # Report an abusive comment by someone else.
    page.goto(participation["french_topic_url"])
    abusive = page.locator(f"#comment-{participation['comments']['to_report']}")
    abusive.scroll_into_view_if_needed()
    shot(page, "abusive comment")
    with page.expect_navigation():
        abusive.locator("a.comment__link[href*='/moderation/report/']").click()
    assert "/fr/moderation/report/" in page.url
    page.check("input[name=reason][value=offensive]")
    page.fill("textarea[name=note]", "Insultes envers les autres participants.")
    shot(page, "report form filled")
    submit(page, "main form.report-form button[type=submit]")
    expect(page.locator(".messages .message--success")).to_have_count(1)
    shot(page, "report sent")
    assert not page.js_errors, page.js_errors


def test_moderator_hides_a_reported_comment(page, server, shot, participation):
    comment_id = participation["comments"]["to_hide"]
    sign_in(page, server, "moderator")
    assert page.locator("a[href='/admin/moderation/']").count() >= 1, "no Moderation item in the admin menu"
    shot(page, "moderator dashboard")
    page.goto("/admin/moderation/")
    row = page.locator("table.moderation-queue tbody tr", has_text="abusive comment to hide")
    expect(row).to_have_count(1)
    shot(page, "moderation queue")
    with page.expect_navigation():
        row.locator(f"a[href$='/{comment_id}/']", has_text="Review").click()
    page.check("input[name=action][value=hide]")
    page.fill("textarea[name=reason]", "Spam: advertising unrelated to the dialogue.")
    shot(page, "hide decision")
    submit(page, "form:has(textarea[name=reason]) button[type=submit]")
    assert "error" not in admin_messages(page).lower(), admin_messages(page)
    shot(page, "comment hidden")

    page.goto(participation["topic_url"])
    hidden = page.locator(f"#comment-{comment_id}")
    expect(hidden.locator(".comment__placeholder")).to_have_text(HIDDEN_BY_MODERATION["en"])
    assert "spam dot example" not in hidden.inner_text()
    assert "spam dot example" not in page.content()
    hidden.scroll_into_view_if_needed()
    shot(page, "public page shows hidden by moderation")


def test_editor_answers_a_proposal(page, server, shot, participation):
    pk = participation["proposals"]["to_answer"]
    answer = f"We will publish the first data sets in March. {secrets.token_hex(3)}"
    sign_in(page, server, "editor")
    page.goto("/admin/snippets/participation_proposals/proposal/")
    expect(page.get_by_role("link", name="Publish the city's open data every month").first).to_be_visible()
    shot(page, "proposals in the admin")
    page.goto(f"/admin/snippets/participation_proposals/proposal/edit/{pk}/")
    # The state is a snippet chooser: a modal lists the states.
    page.get_by_role("button", name="Choose proposal state").click()
    modal = page.locator(".modal-content")
    modal.get_by_role("link", name="Accepted", exact=True).first.click()
    expect(modal).to_be_hidden()
    expect(page.locator("[data-chooser-title], .chooser__title").first).to_have_text("Accepted")
    page.fill("#id_answer_text", answer)
    shot(page, "official answer written")
    submit(page, "button[type=submit]:has-text('Save')")
    assert "saved" in admin_messages(page).lower() or "updated" in admin_messages(page).lower(), admin_messages(page)
    shot(page, "official answer saved")

    page.goto(f"/en/proposals/{pk}/")
    section = page.locator(".proposal-answer")
    expect(section.locator(".proposal-state")).to_have_text("Accepted")
    expect(section.locator(".proposal-answer__text")).to_contain_text(answer)
    section.scroll_into_view_if_needed()
    shot(page, "public proposal shows the answer")
