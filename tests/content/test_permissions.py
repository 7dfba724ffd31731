"""Partners translate their own language and nothing else; editors run the dialogue."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_translator_can_edit_and_publish_french_pages(translator_client, topic, locales):
    french = topic.get_translation(locales["fr"])
    response = translator_client.get(edit_url(french))
    assert response.status_code == 200
    permissions = french.permissions_for_user(response.wsgi_request.user)
    assert permissions.can_edit() and permissions.can_publish()


def test_translator_cannot_edit_english_source_or_other_locales(translator_client, topic, locales):
    for page in (topic, topic.get_translation(locales["es"]), topic.get_translation(locales["ar"])):
        response = translator_client.get(edit_url(page))
        assert response.status_code in (302, 403), page.url
        user = response.wsgi_request.user
        assert not page.permissions_for_user(user).can_edit()


def test_translator_cannot_submit_pages_for_translation(translator_client):
    user = translator_client.get("/admin/").wsgi_request.user
    assert not user.has_perm("wagtail_localize.submit_translation")
    assert translator_client.get("/admin/localize/submit/page/3/").status_code in (302, 403)


def test_translator_groups_exist_per_language_with_no_global_rights(locales):
    for code in ("fr", "es", "uk", "ar"):
        group = Group.objects.get(name=f"Translators ({code})")
        assert not group.permissions.filter(codename="submit_translation").exists()
        roots = {permission.page.locale.language_code for permission in group.page_permissions.select_related("page__locale")}
        assert roots == {code}


def test_editor_can_edit_every_locale_and_submit_translations(editor_client, topic, locales):
    for code in ("en", "fr", "ar"):
        assert editor_client.get(edit_url(topic.get_translation(locales[code]))).status_code == 200
    user = editor_client.get("/admin/").wsgi_request.user
    assert user.has_perm("wagtail_localize.submit_translation")


def test_anonymous_visitors_are_sent_to_login(client, topic):
    response = client.get(edit_url(topic))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def french_copies(dialogue, locales):
    """A questionnaire, a poll, an event theme and a series, each with its French translation."""
    from content.models import EventSeries, EventTheme
    from tests.factories import make_poll, make_questionnaire, translate_questionnaire

    questionnaire = make_questionnaire(dialogue)
    sources = [questionnaire, make_poll(), EventTheme.objects.create(name="Climate", slug="climate"), EventSeries.objects.create(name="Conversation hours")]
    french = [translate_questionnaire(questionnaire, locales["fr"])]
    for source in sources[1:]:
        copy = source.copy_for_translation(locales["fr"])
        copy.save()
        french.append(copy)
    return list(zip(sources, french))


@pytest.mark.parametrize("index", range(4), ids=["questionnaire", "poll", "theme", "series"])
def test_translator_changes_the_french_copy_of_a_snippet_and_nothing_else(translator_client, editor_client, dialogue, locales, index):
    from django.urls import reverse
    from wagtail.admin.admin_url_finder import AdminURLFinder

    source, french = french_copies(dialogue, locales)[index]
    user = translator_client.get("/admin/").wsgi_request.user
    finder = AdminURLFinder(user)
    assert translator_client.get(finder.get_edit_url(french)).status_code == 200
    assert translator_client.get(finder.get_edit_url(source)).status_code in (302, 403)
    listing = translator_client.get(reverse(type(source).snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    listed = {item.pk for item in listing.context["object_list"]}
    assert french.pk in listed and source.pk not in listed
    # editors keep every language
    editor = editor_client.get("/admin/").wsgi_request.user
    assert editor_client.get(AdminURLFinder(editor).get_edit_url(source)).status_code == 200


def test_a_translator_is_told_a_new_page_waits_for_the_editor_and_is_not_offered_translate(translator_client, editor_client, home, locales):
    from content.models import StandardPage

    page = home.add_child(instance=StandardPage(title="Fresh news", slug="fresh-news"))
    mirror = page.copy_for_translation(locales["fr"], alias=True)  # what locale synchronisation makes
    html = translator_client.get(edit_url(mirror)).content.decode()
    assert '<html lang="fr"' in html  # the demo translator's admin speaks French
    assert "/admin/localize/submit/" not in html and "data-translation-waiting" in html
    with translation.override("fr"):
        assert gettext("Translate this page") not in html
        assert "En attente que l’éditeur envoie cette page en traduction" in html
    html = editor_client.get(edit_url(mirror)).content.decode()
    assert "Translate this page" in html and "/admin/localize/submit/" in html and "data-translation-waiting" not in html


def test_the_admin_speaks_the_language_the_person_chose(locales):
    from tests.factories import client_for, make_person

    person = make_person("redactrice", language="uk", is_staff=True)
    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert '<html lang="uk"' in client_for(person).get("/admin/").content.decode()
    person.participant.language = "ar"
    person.participant.save()
    assert '<html lang="ar"' in client_for(person).get("/admin/").content.decode()
