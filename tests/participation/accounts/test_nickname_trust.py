"""Names people can trust: a nickname with invisible or control characters, stacked marks or a mix
of scripts that can imitate another name is refused with a clear message in the visitor's language;
look-alike nicknames share one UTS #39 skeleton (what the uniqueness check compares)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from participation.accounts.validators import nickname_skeleton, validate_nickname

from .test_signup import User, form_data


def refusal(nickname):
    with pytest.raises(ValidationError) as refused:
        validate_nickname(nickname)
    return refused.value.code


@pytest.mark.parametrize(
    "nickname",
    [
        "bob\u200b",  # zero-width space
        "b\u200dob",  # zero-width joiner
        "\u202ebob",  # right-to-left override
        "bo\u2066b",  # bidi isolate
        "bob\ufe0f",  # variation selector (a nonspacing mark)
        "bo\u3164b",  # Hangul filler (a letter that shows nothing)
        "bo\u034fb",  # combining grapheme joiner
        "bo\u00adb",  # soft hyphen
        "bob\x07",
    ],
)
def test_invisible_and_control_characters_are_refused(nickname):
    assert refusal(nickname) == "invisible"


@pytest.mark.parametrize(
    "nickname",
    [
        "bo" + "b\u0301\u0302\u0303\u0304\u0306",  # five marks on one letter
        "Ze\u0301\u0301ro",  # the same accent twice
        "\u0301bob",  # a mark on nothing
    ],
)
def test_stacked_marks_are_refused(nickname):
    assert refusal(nickname) == "marks"


@pytest.mark.parametrize(
    "nickname",
    [
        "b\u043eb",  # Cyrillic о between Latin letters: renders as "bob"
        "\u0440aypal",  # Cyrillic р
        "admin\u03bf",  # Greek omicron
        "ali_\u0639\u0644\u064a",  # Latin and Arabic
    ],
)
def test_mixed_scripts_are_refused(nickname):
    assert refusal(nickname) == "mixed_scripts"


@pytest.mark.parametrize(
    "nickname",
    [
        "Nguyễn_Văn_Ệ",  # two marks on a letter (Vietnamese)
        "Оксана",
        "Ολγα",
        "محمد_علي",
        "नमस्ते",
        "བསྒྲུབས",  # a Tibetan stack: three marks on one letter
        "山田たろう",  # Han and Hiragana are written together
        "Tanaka田中カナ",
        "김민준_Kim",
        "user_42",
    ],
)
def test_names_written_in_one_script_still_pass(nickname):
    validate_nickname(nickname)


@pytest.mark.parametrize(
    "one, other",
    [
        ("bob", "b\u043eb"),  # Cyrillic о
        ("bob", "BOB"),
        ("bob", "b0b"),
        ("bob", "\u0412\u041e\u0412"),  # Cyrillic capitals ВОВ
        ("bob", "\u0392\u039f\u0392"),  # Greek capitals ΒΟΒ
        ("aop", "\u0430\u043e\u0440"),  # all Cyrillic: passes the script rule, not the skeleton
        ("Émile", "ÉMILE"),
        ("Émile", "E\u0301mile"),  # decomposed
        ("fiona", "\ufb01ona"),  # the "fi" ligature
        ("bob", "bo\u200bb"),  # invisible characters do not count
        ("paypal", "paypa\u0031"),  # digit one for l
        ("modern", "rnodern"),  # rn for m
    ],
)
def test_look_alikes_share_one_skeleton(one, other):
    assert nickname_skeleton(one) == nickname_skeleton(other)


@pytest.mark.parametrize("one, other", [("bob", "rob"), ("anna", "anne"), ("Оксана", "Олена"), ("user_1", "user_2")])
def test_different_names_keep_different_skeletons(one, other):
    assert nickname_skeleton(one) != nickname_skeleton(other)


def test_a_skeleton_is_its_own_skeleton():
    for nickname in ("b\u043eb", "\u0392\u039f\u0392", "ÉMILE", "Nguyễn", "محمد_علي"):
        assert nickname_skeleton(nickname_skeleton(nickname)) == nickname_skeleton(nickname)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "nickname, message",
    [
        ("b\u043eb", "A nickname may not mix letters of different alphabets, such as Latin and Cyrillic: it could imitate another name."),
        ("bob\u200b", "A nickname may not contain invisible or control characters, such as zero-width spaces or direction marks."),
        ("bo" + "b\u0301\u0302\u0303\u0304\u0306", "A nickname may have at most %(max)s accents or marks on each letter, each of them different."),
    ],
)
def test_sign_up_explains_the_refusal_in_the_visitors_language(nickname, message):
    response = Client().post("/fr/accounts/signup/", form_data(nickname=nickname))
    assert response.status_code == 200
    assert not User.objects.filter(email="lea@example.org").exists()
    with translation.override("fr"):
        french = gettext(message) % {"max": 4}
    assert french != message % {"max": 4}
    assert french in response.content.decode().replace("&#x27;", "'")


TOO_SIMILAR = "This nickname is too similar to an existing one. Please choose another one."
# "b0b" (a zero) and "ВОВ" (all Cyrillic) pass every rule of their own; only the comparison with
# "bob" refuses them. "bоb" (a Cyrillic о among Latin letters) is refused whichever rule runs first.
LOOK_ALIKES = ["b0b", "\u0412\u041e\u0412"]


@pytest.fixture
def bob(make_person):
    return make_person(nickname="bob")


def french(message):
    with translation.override("fr"):
        translated = gettext(message)
    assert translated != message
    return translated


@pytest.mark.django_db
@pytest.mark.parametrize("nickname", [*LOOK_ALIKES, "b\u043eb"])
def test_sign_up_refuses_a_look_alike_of_an_existing_nickname(bob, nickname):
    response = Client().post("/fr/accounts/signup/", form_data(nickname=nickname))
    assert response.status_code == 200
    assert not User.objects.filter(email="lea@example.org").exists()
    if nickname in LOOK_ALIKES:
        assert french(TOO_SIMILAR) in response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
@pytest.mark.parametrize("nickname", [*LOOK_ALIKES, "b\u043eb"])
def test_settings_refuse_a_look_alike_of_another_persons_nickname(bob, person, person_client, nickname):
    data = {"nickname": nickname, "full_name": "", "language": "fr", "email": person.email}
    response = person_client.post("/fr/accounts/settings/", data)
    assert response.status_code == 200
    if nickname in LOOK_ALIKES:
        assert french(TOO_SIMILAR) in response.content.decode().replace("&#x27;", "'")
    person.refresh_from_db()
    assert person.participant.nickname == "Amina"


@pytest.mark.django_db
def test_a_person_keeps_their_own_nickname_and_its_skeleton_is_stored(bob, person, person_client):
    assert bob.participant.nickname_skeleton == nickname_skeleton("ВОВ")
    response = person_client.post("/en/accounts/settings/", {"nickname": "AMINA", "full_name": "", "language": "en", "email": person.email})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.participant.nickname_skeleton == nickname_skeleton("amina")


@pytest.mark.django_db
@pytest.mark.parametrize("nickname", [*LOOK_ALIKES, "b\u043eb"])
def test_the_admin_refuses_a_look_alike_of_another_persons_nickname(bob, person, nickname):
    User.objects.create_superuser("root", "root@example.org", "a-Long-and-Unusual-password-42")
    admin = Client()
    admin.login(username="root", password="a-Long-and-Unusual-password-42")
    url = f"/admin/snippets/participation_accounts/person/edit/{person.participant.pk}/"
    response = admin.post(url, {"nickname": nickname, "full_name": "", "language": "en"})
    assert response.status_code == 200
    errors = response.context["form"].errors["nickname"]
    if nickname in LOOK_ALIKES:
        assert errors == [TOO_SIMILAR]
    person.refresh_from_db()
    assert person.participant.nickname == "Amina"
