"""Selection by lot in a real browser: the organiser sets quotas, computes, announces the seed's
source, types the seed and draws; the public transparency page (English and Arabic, axe, a
320 px phone) lists the panel, and its bundle verifies."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from participation.selection import verify_standalone

from .support import admin_messages, assert_no_serious_violations, sign_in
from .test_layout import OVERFLOW

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_an_organiser_draws_a_panel_that_anyone_can_check(page, server, shot, participation, tmp_path):
    edition = participation["lot_edition_id"]
    sign_in(page, server, "editor")
    selection_url = f"/admin/selection/pages/{edition}/"
    # The page header's "Selection" button (its drop-down leaves the document until opened).
    assert selection_url in page.request.get(f"/admin/pages/{edition}/edit/").text()
    page.goto(selection_url)
    expect(page.get_by_text("40 people registered.")).to_be_visible()
    page.get_by_label("Panel size").first.fill("12")
    page.get_by_label("Minimum for Your age “18 to 29”").fill("6")
    page.get_by_label("Maximum for Your age “18 to 29”").fill("8")
    page.get_by_label("Minimum for Your age “30 or more”").fill("4")
    page.get_by_label("Minimum for Time slot", exact=False).first.fill("5")
    page.get_by_role("button", name="Check, save and compute").click()
    expect(page.locator("#selection-status")).to_contain_text("Computed, waiting for the draw")
    assert "being computed" in admin_messages(page)
    page.get_by_label("Where the seed will come from").fill("The six numbers of the national lottery of 14 March, in the order drawn")
    page.get_by_role("button", name="Announce the source").click()
    page.get_by_role("textbox", name="The seed").fill("4 8 15 16 23 42")
    page.get_by_role("button", name="Draw the panel").click()
    expect(page.locator("#selection-status")).to_contain_text("Drawn")
    admin_shot = shot(page, "admin after the draw")
    shutil.copy(admin_shot, DOCS / "selection-admin-en-1280.png")

    page.get_by_role("link", name="Public transparency page").click()
    expect(page.get_by_role("heading", name="Selection by lot", level=1)).to_be_visible()
    assert page.locator("section.selection__run ol.selection__references").first.locator("li").count() == 12
    public_shot = shot(page, "transparency page")
    shutil.copy(public_shot, DOCS / "selection-public-en-1280.png")
    assert_no_serious_violations(page, "transparency-en")

    bundle_url = page.get_by_role("link", name="Download the bundle to check it (zip)").get_attribute("href")
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(page.request.get(bundle_url).body())
    assert verify_standalone.check(archive) == []

    page.goto(page.url.replace("/en/", "/ar/", 1))
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl"
    assert_no_serious_violations(page, "transparency-ar")
    page.set_viewport_size({"width": 320, "height": 800})
    shot(page, "transparency page in Arabic on a phone")
    found = page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["innerWidth"], f"{found['scrollWidth']}px wide at 320px: {found['culprits']}"
