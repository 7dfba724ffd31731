"""The open-data page and its CSV files, as someone downloading them notices: the columns, the
rows, the language of names and answers, placeholders, spreadsheet safety, and no personal data."""

import pytest
from bs4 import BeautifulSoup
from django.http import StreamingHttpResponse

from participation.api.exports import cell
from participation.proposals.models import Proposal

from .conftest import csv_dicts, csv_rows
from .test_api import populate

pytestmark = pytest.mark.django_db


def csv_url(dialogue, what, language="en"):
    return f"/{language}/open-data/dialogues/{dialogue.pk}/{what}.csv"


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert isinstance(response, StreamingHttpResponse), "large dialogues must stream"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="dialogue-')
    return response


def assert_private(text, secrets):
    for secret in secrets:
        assert secret not in text, f"{secret!r} came out of the open data"


def test_open_data_redirects_to_the_visitors_language(client):
    response = client.get("/open-data/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302 and response["Location"] == "/fr/open-data/"


def test_the_page_lists_each_dialogue_with_its_downloads(client, world):
    response = client.get("/en/open-data/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.text == "Open data"
    [card] = html.select("main section.card")
    assert card.h3.text == world.dialogue.title
    figures = {div.dt.text: div.dd.text for div in card.select("dl div")}
    assert figures == {"Proposals": "4", "Supports": "2", "Comments": "5", "Hidden by moderation": "2"}
    links = [a["href"] for a in card.select("ul a")]
    assert links == [csv_url(world.dialogue, what) for what in ("proposals", "comments", "counts")]
    assert html.select_one('main a[href="/api/v1/openapi.json"]')
    assert_private(response.content.decode(), world.secrets)


def test_the_footer_links_to_the_open_data(client, home):
    html = BeautifulSoup(client.get(home.url).content, "html.parser")
    assert html.select_one('footer a[href="/en/open-data/"]').text == "Open data"


def test_the_page_speaks_the_visitors_language(client, world, locales):
    response = client.get("/ar/open-data/")
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["dir"] == "rtl"
    assert html.h1.text != "Open data"
    assert html.select_one("main section.card h3").text == world.dialogue.get_translation(locales["ar"]).title
    assert [a["href"] for a in html.select("main section.card ul a")][0] == csv_url(world.dialogue, "proposals", "ar")


def test_proposals_file(client, world):
    response = download(client, csv_url(world.dialogue, "proposals"))
    rows = {row["id"]: row for row in csv_dicts(response)}
    assert len(rows) == 5
    on_topic = rows[str(world.on_topic.pk)]
    assert on_topic["reference"] == world.on_topic.reference and on_topic["status"] == "visible"
    assert (on_topic["title"], on_topic["body"]) == ("Libraries open on Sundays", "People work all week.\nSecond line.")
    assert (on_topic["topic"], on_topic["state"]) == (world.topic.title, "Accepted")
    assert (on_topic["answer"], on_topic["answer_language"]) == ("We will open them from June.", "en")
    assert (on_topic["comments"], on_topic["author"], on_topic["language"]) == ("3", world.ana.participant.nickname, "en")
    assert on_topic["url"] == f"http://testserver/en/proposals/{world.on_topic.pk}/"
    assert rows[str(world.popular.pk)]["supports"] == "2"
    assert rows[str(world.withdrawn.pk)]["withdrawn_at"]
    assert rows[str(world.orphan.pk)]["author"] == "Deleted participant"
    hidden = rows[str(world.hidden.pk)]
    assert hidden["status"] == "hidden" and hidden["reference"] == world.hidden.reference
    assert {key for key, value in hidden.items() if value} == {"reference", "id", "status", "url"}


def test_names_and_answers_follow_the_page_language(client, world, locales):
    french = {row["id"]: row for row in csv_dicts(download(client, csv_url(world.dialogue, "proposals", "fr")))}
    on_topic = french[str(world.on_topic.pk)]
    assert on_topic["topic"] == world.topic.get_translation(locales["fr"]).title
    assert (on_topic["state"], on_topic["answer"], on_topic["answer_language"]) == ("Acceptée", "Nous les ouvrirons en juin.", "fr")
    assert french[str(world.orphan.pk)]["author"] == "Participant supprimé"
    assert download(client, csv_url(world.dialogue, "proposals", "fr"))["Content-Disposition"].endswith('-proposals-fr.csv"')
    spanish = {row["id"]: row for row in csv_dicts(download(client, csv_url(world.dialogue, "proposals", "es")))}
    assert (spanish[str(world.on_topic.pk)]["answer"], spanish[str(world.on_topic.pk)]["answer_language"]) == (
        "We will open them from June.",
        "en",
    )


def test_comments_file(client, world):
    rows = {row["id"]: row for row in csv_dicts(download(client, csv_url(world.dialogue, "comments")))}
    # The comment under the proposal hidden since is left out, like on the proposal's page.
    expected = {world.first, world.reply, world.deleted, world.answer_to_deleted, world.hidden_comment, world.briefing}
    assert set(rows) == {str(comment.pk) for comment in expected}
    first = rows[str(world.first.pk)]
    assert (first["target_type"], first["target"], first["parent_id"], first["depth"]) == ("proposal", world.on_topic.reference, "", "1")
    assert (first["text"], first["position"], first["upvotes"], first["author"]) == ("I agree, and evenings too.", "for", "2", world.bob.participant.nickname)
    assert rows[str(world.reply.pk)]["parent_id"] == str(world.first.pk)
    assert rows[str(world.reply.pk)]["downvotes"] == "1"
    for placeholder, status in ((world.deleted, "deleted"), (world.hidden_comment, "hidden")):
        row = rows[str(placeholder.pk)]
        assert row["status"] == status and row["text"] == "" and row["author"] == ""
    briefing = rows[str(world.briefing.pk)]
    assert (briefing["target_type"], briefing["target"]) == ("page", world.topic.title)
    assert briefing["target_url"] == f"http://testserver{world.topic.url}"


def test_counts_file(client, world):
    rows = csv_dicts(download(client, csv_url(world.dialogue, "counts")))
    by_topic = {(row["topic"], row["state"]): row for row in rows}
    on_topic = by_topic[(world.topic.title, "Accepted")]
    assert (on_topic["topic_id"], on_topic["proposals"], on_topic["comments"]) == (str(world.topic.pk), "1", "3")
    without = by_topic[("", "")]
    assert (without["proposals"], without["withdrawn"], without["supports"]) == ("3", "1", "2")  # hidden left out
    assert sum(int(row["proposals"]) for row in rows) == 4


def test_files_hold_no_personal_data(client, world):
    for what in ("proposals", "comments", "counts"):
        for language in ("en", "ar"):
            text = b"".join(download(client, csv_url(world.dialogue, what, language)).streaming_content).decode()
            assert_private(text, world.secrets)


def test_spreadsheet_formulas_are_neutralised(client, world):
    dangerous = ["=HYPERLINK(\"http://evil.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab first", "\rReturn first"]
    for text in dangerous:
        Proposal.objects.create(dialogue=world.dialogue, author=world.ana, title=text, body=text)
    rows = csv_rows(download(client, csv_url(world.dialogue, "proposals")))
    titles = [row[3] for row in rows[1:]]
    for text in dangerous:
        assert "'" + text in titles
    assert cell(-5) == -5 and cell("5 - 3") == "5 - 3" and cell(None) == ""


def test_excel_reads_arabic(client, world):
    Proposal.objects.create(dialogue=world.dialogue, author=world.ana, title="مكتبات مفتوحة", body="نص", language="ar")
    raw = b"".join(download(client, csv_url(world.dialogue, "proposals")).streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf") and "مكتبات مفتوحة".encode() in raw


def test_unknown_dialogues_are_404(client, world, topic):
    for url in (csv_url(topic, "proposals"), "/en/open-data/dialogues/999999/comments.csv", "/en/open-data/dialogues/99999999999999999999/counts.csv"):
        assert client.get(url).status_code == 404


def test_downloads_are_read_only(client, world):
    for url in ("/en/open-data/", csv_url(world.dialogue, "proposals")):
        assert client.post(url).status_code == 405
        assert client.head(url).status_code == 200


CSV_BUDGET = 12  # per file, whatever the dialogue's size


@pytest.mark.parametrize("size", [3, 30])
def test_files_need_a_fixed_number_of_queries(client, dialogue, topic, size, django_assert_max_num_queries):
    populate(dialogue, topic, size)
    client.get("/fr/open-data/")  # warm the site's caches, as in production
    with django_assert_max_num_queries(CSV_BUDGET):
        assert client.get("/fr/open-data/").status_code == 200
    for what in ("proposals", "comments", "counts"):
        with django_assert_max_num_queries(CSV_BUDGET):
            rows = csv_rows(download(client, csv_url(dialogue, what, "fr")))
        if what != "counts":
            assert len(rows) == size + 1
