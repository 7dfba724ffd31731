"""A signed-in citizen writes a proposal; bad input is refused with reasons and the text kept."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from participation.core.signals import contribution_created
from participation.proposals.models import Proposal

from .conftest import client_for, configure

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def new_url(dialogue, language="en"):
    return f"/{language}/dialogues/{dialogue.pk}/proposals/new/"


def test_visitor_is_asked_to_sign_in(client, dialogue):
    response = client.get(new_url(dialogue))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=" in response["Location"]


def test_form_offers_the_dialogues_topics_and_the_visitors_language(dialogue, topic, citizen):
    html = soup(client_for(citizen).get(new_url(dialogue)))
    topics = [option.text for option in html.select("select[name=topic] option")]
    assert topic.title in topics and "No particular topic" in topics
    assert html.select_one("select[name=language] option[selected]")["value"] == "en"
    assert html.select_one("label[for=id_title]").text == "Title"


def test_french_form_lists_french_topics(dialogue, topic, citizen, locales):
    french_dialogue = dialogue.get_translation(locales["fr"])
    french_topic = topic.get_translation(locales["fr"])
    html = soup(client_for(citizen).get(new_url(french_dialogue, "fr")))
    topics = [option.text for option in html.select("select[name=topic] option")]
    assert french_topic.title in topics and topic.title not in topics
    assert html.select_one("select[name=language] option[selected]")["value"] == "fr"


def test_publishing_a_proposal(dialogue, topic, citizen, django_capture_on_commit_callbacks):
    heard = []
    client = client_for(citizen)
    contribution_created.connect(lambda sender, instance, **kw: heard.append(instance), weak=False, dispatch_uid="t-create")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                new_url(dialogue),
                {"title": "Teach online safety in schools", "body": "Every pupil should learn it.", "topic": topic.pk, "language": "en"},
            )
    finally:
        contribution_created.disconnect(dispatch_uid="t-create")
    proposal = Proposal.objects.get(title="Teach online safety in schools")
    assert response.status_code == 302 and response["Location"] == f"/en/proposals/{proposal.pk}/"
    assert (proposal.author, proposal.dialogue_id, proposal.topic_id, proposal.language) == (citizen, dialogue.pk, topic.pk, "en")
    assert heard == [proposal]
    page = client.get(response["Location"])
    assert "Thank you: your proposal is published." in page.content.decode()


def test_proposal_written_on_the_french_page_belongs_to_the_dialogue(dialogue, topic, citizen, locales):
    french_dialogue = dialogue.get_translation(locales["fr"])
    french_topic = topic.get_translation(locales["fr"])
    client = client_for(citizen)
    client.post(
        new_url(french_dialogue, "fr"),
        {"title": "Des bancs publics", "body": "Pour se reposer.", "topic": french_topic.pk, "language": "fr"},
    )
    proposal = Proposal.objects.get(title="Des bancs publics")
    assert proposal.dialogue_id == dialogue.pk and proposal.topic_id == topic.pk
    english_list = client.get(f"/en/dialogues/{dialogue.pk}/proposals/").content.decode()
    assert "Des bancs publics" in english_list


@pytest.mark.parametrize("title", ["", "   ", "<b></b>", "<script>alert(1)</script>"])
def test_empty_title_is_refused_and_the_body_kept(dialogue, citizen, title):
    response = client_for(citizen).post(new_url(dialogue), {"title": title, "body": "My careful text.", "language": "en"})
    assert response.status_code == 400
    html = soup(response)
    assert html.select_one("#id_title_error") is not None
    assert html.select_one("#id_title")["aria-invalid"] == "true"
    assert html.select_one("textarea[name=body]").text.strip() == "My careful text."
    assert not Proposal.objects.exists()


def test_a_title_is_kept_on_one_line(dialogue, citizen):
    response = client_for(citizen).post(new_url(dialogue), {"title": "Free\r\nWi-Fi   in\tlibraries", "body": "Line one.\nLine two.", "language": "en"})
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert (proposal.title, proposal.body) == ("Free Wi-Fi in libraries", "Line one.\nLine two.")


def test_the_service_takes_only_text_a_form_cleaned(dialogue, citizen):
    from participation.proposals.services import create_proposal

    for title in ["", " Padded", "Two\nlines", "x" * 151]:
        with pytest.raises(ValueError):
            create_proposal(citizen, dialogue, title=title, body="Text.")
    assert not Proposal.objects.exists()


def test_overlong_title_is_refused_and_kept(dialogue, citizen):
    title = "x" * 151
    response = client_for(citizen).post(new_url(dialogue), {"title": title, "body": "Text.", "language": "en"})
    html = soup(response)
    assert response.status_code == 400
    assert "at most 150 characters" in html.select_one("#id_title_error").text
    assert html.select_one("#id_title")["value"] == title


def test_overlong_body_is_refused(dialogue, citizen):
    response = client_for(citizen).post(new_url(dialogue), {"title": "Fine title", "body": "y" * 5001, "language": "en"})
    assert response.status_code == 400
    assert "at most 5000 characters" in soup(response).select_one("#id_body_error").text


def test_markup_is_refused_with_the_neutralised_text_put_back(dialogue, citizen):
    response = client_for(citizen).post(
        new_url(dialogue),
        {"title": "Safer <b>passwords</b>", "body": "Use <script>steal()</script>long passwords.", "language": "en"},
    )
    html = soup(response)
    assert response.status_code == 400
    assert "HTML and scripts are not allowed" in html.select_one("#id_body_error").text
    assert html.select_one("#id_title")["value"] == "Safer passwords"
    assert html.select_one("textarea[name=body]").text.strip() == "Use long passwords."
    assert "<script" not in response.content.decode().split("<main", 1)[1]
    resent = client_for(citizen).post(
        new_url(dialogue), {"title": "Safer passwords", "body": "Use long passwords.", "language": "en"}
    )
    assert resent.status_code == 302


def test_text_in_arabic_script_is_marked_arabic(dialogue, citizen):
    client_for(citizen).post(new_url(dialogue), {"title": "مقاعد في الحديقة", "body": "نحتاج إلى أماكن للراحة.", "language": "en"})
    assert Proposal.objects.get().language == "ar"


def test_text_in_cyrillic_script_is_marked_ukrainian(dialogue, citizen):
    client_for(citizen).post(new_url(dialogue), {"title": "Лавки в парку", "body": "Потрібні місця для відпочинку.", "language": "en"})
    assert Proposal.objects.get().language == "uk"


def test_chosen_language_is_kept_for_latin_script(dialogue, citizen):
    client_for(citizen).post(new_url(dialogue), {"title": "Bancos en el parque", "body": "Para descansar.", "language": "es"})
    assert Proposal.objects.get().language == "es"


def test_topic_of_another_dialogue_is_refused(dialogue, citizen, home):
    response = client_for(citizen).post(new_url(dialogue), {"title": "A title", "body": "A body", "topic": home.pk, "language": "en"})
    assert response.status_code == 400
    assert soup(response).select_one("#id_topic_error") is not None


def test_rate_limit_keeps_the_text(dialogue, citizen, settings):
    settings.RATE_LIMITS = {"proposal": (1, 3600)}
    client = client_for(citizen)
    assert client.post(new_url(dialogue), {"title": "First idea", "body": "One.", "language": "en"}).status_code == 302
    response = client.post(new_url(dialogue), {"title": "Second idea", "body": "Two.", "language": "en"})
    assert response.status_code == 429
    assert "Please wait a while" in response.content.decode()
    assert soup(response).select_one("#id_title")["value"] == "Second idea"
    assert Proposal.objects.count() == 1


def test_closed_phase_refuses_new_proposals(dialogue, citizen):
    configure(dialogue, proposals_open_phases=["results"])
    client = client_for(citizen)
    response = client.get(new_url(dialogue))
    assert response.status_code == 403
    assert "Proposals are closed in the current phase" in response.content.decode()
    response = client.post(new_url(dialogue), {"title": "Late idea", "body": "Too late.", "language": "en"})
    assert response.status_code == 403 and not Proposal.objects.exists()
    listing = client.get(f"/en/dialogues/{dialogue.pk}/proposals/").content.decode()
    assert "New proposals are closed" in listing and "Make a proposal" not in listing


def test_unknown_dialogue_or_ordinary_page_is_404(client, citizen, home):
    client = client_for(citizen)
    assert client.get("/en/dialogues/999999/proposals/new/").status_code == 404
    assert client.get(f"/en/dialogues/{home.pk}/proposals/").status_code == 404
