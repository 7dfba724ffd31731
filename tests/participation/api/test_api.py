"""The public API as a program sees it: what each endpoint answers, in which language, paged how,
what it refuses and why, and what it never tells."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from content.models import TopicPage
from participation.comments.services import post_comment
from participation.proposals import services as proposal_services
from participation.proposals.models import DialogueSettings, Proposal

from .conftest import make_person, state

pytestmark = pytest.mark.django_db
API = "/api/v1"


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, params, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def assert_private(data, secrets):
    text = json.dumps(data, ensure_ascii=False)
    for secret in secrets:
        assert secret not in text, f"{secret!r} came out of the API"


def by_id(items):
    return {item["id"]: item for item in items}


# --- where to start ------------------------------------------------------------------------------


def test_the_root_points_to_the_dialogues_the_schema_and_the_open_data(client):
    data = get(client, f"{API}/")
    assert data == {
        "dialogues": "http://testserver/api/v1/dialogues",
        "events": "http://testserver/api/v1/events/",
        "questionnaires": "http://testserver/api/v1/questionnaires/",
        "openapi": "http://testserver/api/v1/openapi.json",
        "open_data": "http://testserver/en/open-data/",
    }


def test_the_schema_is_openapi_3_and_there_is_no_swagger_page(client):
    schema = get(client, f"{API}/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/",
        "/api/v1/dialogues",
        "/api/v1/dialogues/{dialogue_id}",
        "/api/v1/dialogues/{dialogue_id}/proposals",
        "/api/v1/proposals/{proposal_id}",
        "/api/v1/proposals/{proposal_id}/comments",
        "/api/v1/events/",
        "/api/v1/events/{event_id}/",
        "/api/v1/questionnaires/",
        "/api/v1/questionnaires/{questionnaire_id}/",
        "/api/v1/questionnaires/{questionnaire_id}/results/",
    }
    assert all(set(operations) == {"get"} for operations in schema["paths"].values())
    # The Swagger UI would load scripts from a CDN: it is not served.
    assert get(client, f"{API}/docs", status=404)["error"]


# --- dialogues -----------------------------------------------------------------------------------


def test_dialogues_carry_their_public_counts(client, world):
    data = get(client, f"{API}/dialogues")
    assert data["count"] == 1 and data["offset"] == 0 and data["limit"] == 20
    [dialogue] = data["items"]
    assert dialogue["id"] == world.dialogue.pk
    assert dialogue["title"] == world.dialogue.title and dialogue["language"] == "en"
    assert dialogue["url"] == f"http://testserver{world.dialogue.url}"
    # Visible proposals (withdrawn ones count), their supports, comments neither hidden nor
    # deleted (on proposals and on the briefing), and what moderators hid.
    assert dialogue["counts"] == {"proposals": 4, "supports": 2, "comments": 5, "hidden_by_moderation": 2}
    assert dialogue["links"]["proposals"] == f"http://testserver/api/v1/dialogues/{world.dialogue.pk}/proposals"
    assert dialogue["links"]["proposals_csv"].endswith(f"/en/open-data/dialogues/{world.dialogue.pk}/proposals.csv")


def test_comments_written_on_a_translated_page_count_for_the_dialogue(client, world, locales):
    topic_fr = world.topic.get_translation(locales["fr"])
    post_comment(world.ana, topic_fr, "Un commentaire en français.")
    [dialogue] = get(client, f"{API}/dialogues")["items"]
    assert dialogue["counts"]["comments"] == 6


def test_a_dialogue_in_another_language_with_its_topics_and_states(client, world, locales):
    data = get(client, f"{API}/dialogues/{world.dialogue.pk}", lang="fr")
    french = world.dialogue.get_translation(locales["fr"])
    assert (data["title"], data["language"]) == (french.title, "fr")
    assert data["url"] == f"http://testserver{french.url}"
    topics = by_id(data["topics"])
    assert topics[world.topic.pk] == {"id": world.topic.pk, "title": world.topic.get_translation(locales["fr"]).title, "language": "fr"}
    states = {item["kind"]: item["name"] for item in data["states"]}
    assert states["accepted"] == "Acceptée"
    # Any language version of the dialogue names the same dialogue.
    assert get(client, f"{API}/dialogues/{french.pk}")["id"] == world.dialogue.pk


def test_untranslated_titles_fall_back_to_the_source_language(client, world, locales):
    world.topic.get_translation(locales["uk"]).unpublish()
    new_topic = world.dialogue.add_child(instance=TopicPage(title="Only in English", slug="only-in-english", question="Why?"))
    data = get(client, f"{API}/dialogues/{world.dialogue.pk}", lang="uk")
    topics = by_id(data["topics"])
    assert topics[world.topic.pk] == {"id": world.topic.pk, "title": world.topic.title, "language": "en"}
    assert topics[new_topic.pk]["language"] == "en"
    assert data["language"] == "uk"
    proposal = get(client, f"{API}/proposals/{world.on_topic.pk}", lang="uk")
    assert proposal["topic"] == {"id": world.topic.pk, "title": world.topic.title, "language": "en"}


def test_unknown_and_private_dialogues_are_404(client, world, topic, home):
    assert get(client, f"{API}/dialogues/999999", status=404) == {"error": "There is no such dialogue."}
    assert get(client, f"{API}/dialogues/{topic.pk}", status=404)["error"]  # a page, not a dialogue
    world.dialogue.unpublish()
    assert get(client, f"{API}/dialogues/{world.dialogue.pk}", status=404)["error"]
    assert get(client, f"{API}/dialogues/{world.dialogue.pk}/proposals", status=404)["error"]
    assert get(client, f"{API}/proposals/{world.on_topic.pk}", status=404)["error"]
    assert get(client, f"{API}/dialogues")["items"] == []


# --- proposals -----------------------------------------------------------------------------------


def test_proposals_list_newest_first_with_hidden_ones_as_placeholders(client, world):
    data = get(client, f"{API}/dialogues/{world.dialogue.pk}/proposals")
    assert data["count"] == 5
    assert [item["id"] for item in data["items"]] == [p.pk for p in (world.orphan, world.hidden, world.withdrawn, world.popular, world.on_topic)]
    items = by_id(data["items"])
    hidden = items[world.hidden.pk]
    assert hidden["hidden"] is True and hidden["reference"] == world.hidden.reference
    assert {key for key, value in hidden.items() if value is not None} == {"id", "reference", "hidden", "url"}
    assert items[world.orphan.pk]["author"] == "Deleted participant"
    assert items[world.withdrawn.pk]["withdrawn"] is True
    on_topic = items[world.on_topic.pk]
    assert on_topic["reference"] == f"DLG-PROP-{world.on_topic.pk}"
    assert on_topic["author"] == world.ana.participant.nickname
    assert on_topic["topic"]["id"] == world.topic.pk
    assert on_topic["state"]["kind"] == "accepted" and on_topic["state"]["name"] == "Accepted"
    assert on_topic["comment_count"] == 3 and items[world.popular.pk]["support_count"] == 2
    assert on_topic["url"] == f"http://testserver/en/proposals/{world.on_topic.pk}/"
    assert_private(data, world.secrets)


def test_proposals_filter_by_topic_and_state(client, world):
    url = f"{API}/dialogues/{world.dialogue.pk}/proposals"
    assert [item["id"] for item in get(client, url, topic=world.topic.pk)["items"]] == [world.on_topic.pk]
    accepted = state("accepted").pk
    assert [item["id"] for item in get(client, url, state=accepted)["items"]] == [world.on_topic.pk]
    assert world.on_topic.pk not in {item["id"] for item in get(client, url, state="none")["items"]}
    assert get(client, url, state=state("rejected").pk) == {"count": 0, "limit": 20, "offset": 0, "items": []}


def test_proposals_sort_like_the_proposals_page(client, world):
    url = f"{API}/dialogues/{world.dialogue.pk}/proposals"
    assert get(client, url, sort="supported")["items"][0]["id"] == world.popular.pk
    assert get(client, url, sort="commented")["items"][0]["id"] == world.on_topic.pk
    shuffled = [item["id"] for item in get(client, url, sort="random", seed=7)["items"]]
    assert shuffled == [item["id"] for item in get(client, url, sort="random", seed=7)["items"]]
    assert sorted(shuffled) == sorted(p.pk for p in (world.orphan, world.hidden, world.withdrawn, world.popular, world.on_topic))


def test_proposals_are_paged_with_limit_and_offset(client, world):
    url = f"{API}/dialogues/{world.dialogue.pk}/proposals"
    everything = [item["id"] for item in get(client, url)["items"]]
    first, second, third = (get(client, url, limit=2, offset=offset) for offset in (0, 2, 4))
    assert [first["count"], second["count"], third["count"]] == [5, 5, 5]
    assert [item["id"] for page in (first, second, third) for item in page["items"]] == everything
    assert (second["limit"], second["offset"]) == (2, 2)
    assert get(client, url, offset=50)["items"] == []


def test_a_proposal_in_full(client, world):
    data = get(client, f"{API}/proposals/{world.on_topic.pk}")
    assert data["title"] == "Libraries open on Sundays"
    assert data["body"] == "People work all week.\nSecond line."
    assert data["language"] == "en" and data["dialogue_id"] == world.dialogue.pk
    assert data["answer"] == {"text": "We will open them from June.", "language": "en"}
    assert data["answered_at"] and data["updated_at"] == data["answered_at"]
    assert data["withdrawn"] is False and data["withdrawn_at"] is None and data["edited_at"] is None
    assert data["comments_url"] == f"http://testserver/api/v1/proposals/{world.on_topic.pk}/comments"
    assert_private(data, world.secrets)


def test_the_official_answer_in_the_language_asked_else_its_source(client, world):
    french = get(client, f"{API}/proposals/{world.on_topic.pk}", lang="fr")
    assert french["answer"] == {"text": "Nous les ouvrirons en juin.", "language": "fr"}
    assert french["state"]["name"] == "Acceptée" and french["url"].endswith(f"/fr/proposals/{world.on_topic.pk}/")
    spanish = get(client, f"{API}/proposals/{world.on_topic.pk}", lang="es")
    assert spanish["answer"] == {"text": "We will open them from June.", "language": "en"}


def test_a_hidden_proposal_is_a_placeholder(client, world):
    data = get(client, f"{API}/proposals/{world.hidden.pk}")
    assert data["hidden"] is True
    assert data["title"] is None and data["body"] is None and data["author"] is None and data["answer"] is None
    assert_private(data, world.secrets)


def test_a_withdrawn_proposal_says_so(client, world):
    data = get(client, f"{API}/proposals/{world.withdrawn.pk}")
    assert data["withdrawn"] is True and data["withdrawn_at"] and data["updated_at"] == data["withdrawn_at"]


def test_a_custom_reference_prefix(client, world):
    DialogueSettings.objects.create(dialogue=world.dialogue, reference_prefix="WTI")
    assert get(client, f"{API}/proposals/{world.popular.pk}")["reference"] == f"WTI-PROP-{world.popular.pk}"
    items = get(client, f"{API}/dialogues/{world.dialogue.pk}/proposals")["items"]
    assert all(item["reference"].startswith("WTI-PROP-") for item in items)


# --- comments ------------------------------------------------------------------------------------


def test_comments_read_as_a_thread_with_placeholders(client, world):
    data = get(client, f"{API}/proposals/{world.on_topic.pk}/comments")
    assert data["count"] == 5
    rows = [(item["id"], item["parent_id"], item["depth"]) for item in data["items"]]
    assert rows == [
        (world.first.pk, None, 1),
        (world.reply.pk, world.first.pk, 2),
        (world.deleted.pk, None, 1),
        (world.answer_to_deleted.pk, world.deleted.pk, 2),
        (world.hidden_comment.pk, None, 1),
    ]
    items = by_id(data["items"])
    first = items[world.first.pk]
    assert (first["author"], first["body"], first["position"]) == (world.bob.participant.nickname, "I agree, and evenings too.", "for")
    assert (first["upvotes"], first["downvotes"]) == (2, 0) and items[world.reply.pk]["downvotes"] == 1
    assert first["url"] == f"http://testserver/en/proposals/{world.on_topic.pk}/?comment={world.first.pk}#comment-{world.first.pk}"
    for placeholder, flag in ((world.deleted, "deleted"), (world.hidden_comment, "hidden")):
        item = items[placeholder.pk]
        assert item[flag] is True
        assert item["body"] is None and item["author"] is None and item["position"] is None
    assert_private(data, world.secrets)


def test_comments_sort_and_page(client, world):
    url = f"{API}/proposals/{world.on_topic.pk}/comments"
    newest = [item["id"] for item in get(client, url, sort="newest")["items"]]
    assert newest[0] == world.hidden_comment.pk
    best = [item["id"] for item in get(client, url, sort="best")["items"]]
    assert best[:2] == [world.first.pk, world.reply.pk]  # replies stay under their parent
    pages = [get(client, url, limit=2, offset=offset) for offset in (0, 2, 4)]
    assert [item["id"] for page in pages for item in page["items"]] == [item["id"] for item in get(client, url)["items"]]


def test_an_edited_comment_is_marked(client, world):
    world.reply.edited_at = timezone.now()
    world.reply.save(update_fields=["edited_at"])
    items = by_id(get(client, f"{API}/proposals/{world.on_topic.pk}/comments")["items"])
    assert items[world.reply.pk]["edited"] is True and items[world.first.pk]["edited"] is False


def test_a_hidden_proposal_shows_no_conversation(client, world):
    assert get(client, f"{API}/proposals/{world.hidden.pk}/comments") == {"count": 0, "limit": 20, "offset": 0, "items": []}


# --- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, params, names",
    [
        ("/dialogues", {"lang": "xx"}, {"lang"}),
        ("/dialogues", {"limit": 101}, {"limit"}),
        ("/dialogues", {"limit": 0, "offset": -1}, {"limit", "offset"}),
        ("/dialogues/{dialogue}/proposals", {"sort": "loudest"}, {"sort"}),
        ("/dialogues/{dialogue}/proposals", {"state": "accepted"}, {"state"}),
        ("/dialogues/{dialogue}/proposals", {"topic": "abc", "seed": -3}, {"topic", "seed"}),
        ("/dialogues/{dialogue}/proposals", {"limit": "ten"}, {"limit"}),
        ("/dialogues/abc", {}, {"dialogue_id"}),
        ("/dialogues/99999999999999999999999", {}, {"dialogue_id"}),
        ("/proposals/0", {}, {"proposal_id"}),
        ("/proposals/{proposal}/comments", {"sort": "random"}, {"sort"}),
    ],
)
def test_bad_parameters_are_422_with_reasons(client, world, path, params, names):
    url = API + path.format(dialogue=world.dialogue.pk, proposal=world.on_topic.pk)
    data = get(client, url, status=422, **params)
    assert {problem["loc"][-1] for problem in data["detail"]} == names
    assert all(name in data["error"] for name in names)


def test_unknown_ids_and_addresses_are_404_json(client, world):
    assert get(client, f"{API}/proposals/999999", status=404) == {"error": "There is no such proposal."}
    assert get(client, f"{API}/proposals/999999/comments", status=404)["error"]
    assert get(client, f"{API}/dialogues/999999/proposals", status=404)["error"]
    for address in ("/nothing", "/dialogues/", f"/proposals/{world.on_topic.pk}/supports", "/docs"):
        assert "openapi.json" in get(client, API + address, status=404)["error"]


def test_errors_speak_the_language_asked(client, world):
    assert get(client, f"{API}/proposals/999999", status=404, lang="fr")["error"] != "There is no such proposal."
    # A refused ?lang= cannot choose the language: the browser's (Accept-Language) does.
    refused = client.get(f"{API}/dialogues", {"lang": "xx"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 422 and not refused.json()["error"].startswith("Some parameters")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_the_api_is_read_only(client, world, method):
    for path in ("/", "/dialogues", f"/dialogues/{world.dialogue.pk}/proposals", f"/proposals/{world.on_topic.pk}", "/nothing"):
        response = getattr(client, method)(API + path, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, path)
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["error"] == "This API is read-only: use GET."
    assert Proposal.objects.filter(dialogue=world.dialogue).count() == 5


def test_head_answers_like_get(client, world):
    response = client.head(f"{API}/dialogues/{world.dialogue.pk}/proposals")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")


def test_nothing_about_the_caller_comes_back(world):
    """Signed in, a supporter still gets the public answer: no supported_by_me, no votes of theirs."""
    client = Client()
    client.force_login(world.ana)
    anonymous = get(Client(), f"{API}/dialogues/{world.dialogue.pk}/proposals")
    assert get(client, f"{API}/dialogues/{world.dialogue.pk}/proposals") == anonymous
    assert "supported" not in json.dumps(anonymous)


# --- queries -------------------------------------------------------------------------------------


def populate(dialogue, topic, size):
    """`size` proposals by different people, half on a topic, some answered and supported, and
    `size` comments on the first one, some replies, one hidden."""
    people = [make_person(f"p{n}") for n in range(size)]
    proposals = []
    for n, person in enumerate(people):
        proposal = Proposal.objects.create(
            dialogue=dialogue, author=person, topic=topic if n % 2 else None, title=f"Idea {n}", body="Text.", language="fr"
        )
        if n % 3 == 0:
            proposal_services.answer_proposal(proposal, state=state("evaluating"), text=f"Answer {n}")
        proposals.append(proposal)
    proposal_services.cast_support(people[0], proposals[-1])
    parent = None
    for n, person in enumerate(people):
        comment = post_comment(person, proposals[0], f"Comment {n}", parent=parent if n % 2 else None)
        parent = comment
    return proposals


LIST_BUDGET = 12  # per list request, whatever its length (measured: 9 to 11 depending on the list)


@pytest.mark.parametrize("size", [3, 30])
def test_list_endpoints_need_a_fixed_number_of_queries(client, dialogue, topic, size, django_assert_max_num_queries):
    proposals = populate(dialogue, topic, size)
    urls = [
        f"{API}/dialogues?lang=fr",
        f"{API}/dialogues/{dialogue.pk}?lang=fr",
        f"{API}/dialogues/{dialogue.pk}/proposals?lang=fr&limit=100",
        f"{API}/dialogues/{dialogue.pk}/proposals?lang=ar&limit=100&sort=random&seed=3&state=none",
        f"{API}/proposals/{proposals[0].pk}/comments?lang=fr&limit=100",
        f"{API}/proposals/{proposals[0].pk}?lang=uk",
    ]
    client.get(urls[0])  # warm the site's caches (content types, site root), as in production
    for url in urls:
        with django_assert_max_num_queries(LIST_BUDGET):
            response = client.get(url)
        assert response.status_code == 200, url
    assert len(get(client, urls[2])["items"]) == size
    assert len(get(client, urls[4])["items"]) == size
