"""Submitting answers: every bad input is refused with a reason and stores nothing; a good
submission leaves a receipt apart from the answers, which wait in the mixing pool until at
least k are written together."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone, translation

from participation.events.models import Registration
from participation.questionnaires import services
from participation.questionnaires.models import Answer, Draft, PendingSubmission, Question, Receipt, Response
from tests.factories import make_edition, make_event, make_events_index, make_focus_group, make_person, make_session, option_key

pytestmark = pytest.mark.django_db


def keys(questionnaire):
    return {kind: str(question.translation_key) for kind, question in questionnaire.asks.items()}


def good_answers(questionnaire, **extra):
    asks, key = questionnaire.asks, keys(questionnaire)
    return {
        key["single"]: option_key(asks["single"], "Health"),
        key["multiple"]: [option_key(asks["multiple"], "Privacy"), option_key(asks["multiple"], "Safety")],
        key["ranking"]: {option_key(asks["ranking"], "Research"): "1", option_key(asks["ranking"], "Laws"): "2"},
        key["matrix"]: {option_key(asks["matrix"], "Governments"): "2", option_key(asks["matrix"], "Companies"): "4"},
        key["scale"]: "7",
        key["number"]: "34",
        key["long_text"]: "More meetings like this one.",
        **extra,
    }


def refused(person, questionnaire, answers):
    with pytest.raises(services.InvalidAnswers) as error:
        services.submit(person, questionnaire, answers)
    assert not Receipt.objects.exists() and not PendingSubmission.objects.exists() and not Response.objects.exists()
    return error.value.errors


def test_a_submission_leaves_a_receipt_and_pools_the_answers_without_the_person(questionnaire, people):
    person = people[0]
    services.save_draft(person, questionnaire, {keys(questionnaire)["scale"]: "7"})
    services.submit(person, questionnaire, good_answers(questionnaire))
    assert Receipt.objects.filter(user=person, questionnaire=questionnaire).count() == 1
    assert not Draft.objects.exists()  # the draft is gone with the submission
    pending = PendingSubmission.objects.get()
    assert set(pending.payload) == {"country", "language", "session_date", "is_paper", "answers"}
    assert not Response.objects.exists()  # below k: it waits


def test_the_kth_submission_writes_the_batch_with_every_answer(questionnaire, people, k3):
    for person in people[:k3]:
        with translation.override("fr"):
            services.submit(person, questionnaire, good_answers(questionnaire))
    assert not PendingSubmission.objects.exists()
    assert Response.objects.filter(questionnaire=questionnaire, language="fr", is_paper=False).count() == k3
    single = questionnaire.asks[Question.SINGLE]
    health = single.options.get(label="Health").translation_key
    assert Answer.objects.filter(question=single, option_key=health).count() == k3
    ranking = Answer.objects.filter(question=questionnaire.asks[Question.RANKING], value=1).values_list("option_key", flat=True)
    assert set(ranking) == {questionnaire.asks[Question.RANKING].options.get(label="Research").translation_key}
    assert Answer.objects.filter(response__questionnaire=questionnaire).count() == k3 * 10  # 1 + 2 + 2 ranked + 2 rows + 1 + 1 + 1


def test_fewer_than_k_are_held_even_after_closing(questionnaire, people, k3):
    for person in people[: k3 - 1]:
        services.submit(person, questionnaire, good_answers(questionnaire))
    questionnaire.closes_at = timezone.now()
    questionnaire.save()
    assert services.flush(questionnaire.pk) == 0
    assert PendingSubmission.objects.count() == k3 - 1 and not Response.objects.exists()


def test_country_and_session_date_come_from_the_persons_session(questionnaire, people, dialogue, k3):
    session = make_session(dialogue, starts_at=timezone.now() + timedelta(days=1))
    for person in people[:k3]:
        Registration.objects.create(session=session, user=person, status=Registration.CONFIRMED)
        services.submit(person, questionnaire, good_answers(questionnaire))
    assert set(Response.objects.values_list("session_date", flat=True)) == {session.starts_at.date()}


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("single", "other-question", "Choose one of the options given."),
        ("multiple", ["Privacy", "Access", "Safety"], "Choose at most 2 options."),
        ("scale", "11", "Choose a value from 0 to 10."),
        ("scale", "seven", "Choose a value from 0 to 10."),
        ("matrix", {"Governments": "6"}, "Choose a value from 1 to 5."),
        ("ranking", {"Laws": "1", "Education": "1"}, "Give each option a different rank."),
        ("ranking", {"Laws": "4"}, "Rank the options from 1 to 3."),
        ("number", "121", "Enter a number from 0 to 120."),
        ("number", "NaN", "Enter a number."),
        ("short_text", "Sport", "This question does not apply given your earlier answers: leave it empty."),
        ("long_text", "x" * 5001, "Keep your answer under 5000 characters."),
    ],
)
def test_each_bad_answer_is_refused_and_nothing_is_stored(questionnaire, people, kind, value, message):
    question = questionnaire.asks[kind]

    def as_key(label):
        # An option of another question, when the label is not one of this question's.
        other = questionnaire.asks["multiple"] if kind != "multiple" else questionnaire.asks["single"]
        return option_key(question, label) if question.options.filter(label=label).exists() else option_key(other, "Privacy")

    if kind in ("single", "multiple"):
        value = as_key(value) if isinstance(value, str) else [as_key(label) for label in value]
    elif kind in ("matrix", "ranking"):
        value = {as_key(label): number for label, number in value.items()}
    errors = refused(people[0], questionnaire, good_answers(questionnaire, **{str(question.translation_key): value}))
    assert errors == {str(question.translation_key): message}


def test_missing_required_answers_are_pointed_out_in_the_persons_language(questionnaire, people):
    answers = good_answers(questionnaire)
    del answers[str(questionnaire.asks["single"].translation_key)]
    with translation.override("fr"):
        errors = refused(people[0], questionnaire, answers)
    assert errors == {str(questionnaire.asks["single"].translation_key): "Veuillez répondre à cette question."}


def test_tampered_fields_are_refused(questionnaire, people):
    errors = refused(people[0], questionnaire, good_answers(questionnaire, **{"not-a-question": "1"}))
    assert errors == {"": "This form was changed in a way it cannot be: reload it and try again."}
    assert refused(people[0], questionnaire, good_answers(questionnaire, **{str(questionnaire.asks["scale"].translation_key): ["7"]}))


def test_a_second_submission_is_refused(questionnaire, people):
    services.submit(people[0], questionnaire, good_answers(questionnaire))
    with pytest.raises(services.QuestionnaireError) as error:
        services.submit(people[0], questionnaire, good_answers(questionnaire))
    assert error.value.status == 409 and error.value.message == "You have already answered this questionnaire."
    assert PendingSubmission.objects.count() == 1 and Receipt.objects.count() == 1


@pytest.mark.parametrize(
    ("window", "message"),
    [
        ({"closes_at": timezone.now() - timedelta(minutes=1)}, "This questionnaire has closed."),
        ({"opens_at": timezone.now() + timedelta(days=1)}, "This questionnaire is not open yet."),
    ],
)
def test_answers_outside_the_opening_times_are_refused(questionnaire, people, window, message):
    for name, value in window.items():
        setattr(questionnaire, name, value)
    questionnaire.save()
    with pytest.raises(services.QuestionnaireError) as error:
        services.submit(people[0], questionnaire, good_answers(questionnaire))
    assert error.value.message == message and not Receipt.objects.exists() and not PendingSubmission.objects.exists()


def test_a_session_questionnaire_is_for_its_confirmed_participants(questionnaire, people, dialogue):
    session = make_session(dialogue)
    questionnaire.session = session
    questionnaire.save()
    with pytest.raises(services.QuestionnaireError) as error:
        services.submit(people[0], questionnaire, good_answers(questionnaire))
    assert error.value.message == "This questionnaire is for the participants of its session."
    Registration.objects.create(session=session, user=people[0], status=Registration.CONFIRMED)
    services.submit(people[0], questionnaire, good_answers(questionnaire))
    assert Receipt.objects.count() == 1


def test_a_facilitator_enters_paper_questionnaires_counted_and_linked_to_nobody(questionnaire, people, dialogue, k3):
    facilitator = make_person("facilitator")
    with pytest.raises(services.QuestionnaireError) as error:
        services.enter_paper(facilitator, questionnaire, good_answers(questionnaire))
    assert error.value.message == "Only the group's facilitator may enter paper questionnaires."
    edition = make_edition(dialogue, country="KE", time_zone="Africa/Nairobi")
    session = make_session(edition, starts_at=datetime(2026, 11, 28, 22, 0, tzinfo=UTC), time_zone="Africa/Nairobi")
    group = make_focus_group(session, facilitator)
    for _ in range(k3):
        services.enter_paper(facilitator, questionnaire, good_answers(questionnaire))
    assert list(Response.objects.filter(is_paper=True).values_list("country", "session_date").distinct()) == [("KE", date(2026, 11, 29))]
    assert not Receipt.objects.exists()  # a facilitator may enter many; nobody is marked as having answered
    other = make_focus_group(make_session(edition), make_person("other-facilitator"))
    with pytest.raises(services.QuestionnaireError) as error:
        services.enter_paper(facilitator, questionnaire, good_answers(questionnaire), group=other)
    assert error.value.message == "Choose the group whose paper questionnaires you are typing in."
    assert group.pk != other.pk


def test_facilitating_a_group_of_another_dialogue_gives_no_paper_entry(questionnaire, home):
    facilitator = make_person("facilitator")
    elsewhere = make_session(make_event(make_events_index(home)))
    make_focus_group(elsewhere, facilitator)
    with pytest.raises(services.QuestionnaireError) as error:
        services.enter_paper(facilitator, questionnaire, good_answers(questionnaire))
    assert error.value.message == "Only the group's facilitator may enter paper questionnaires."


def test_a_draft_resumes_on_another_device_with_what_was_typed(questionnaire, people):
    raw = {str(questionnaire.asks["scale"].translation_key): "eleven"}
    services.save_draft(people[0], questionnaire, raw)
    assert services.draft_of(people[0], questionnaire) == raw  # kept as typed, even when not valid yet
    assert services.draft_of(people[1], questionnaire) == {}


def test_a_dialogue_the_person_may_not_see_has_no_questionnaire(questionnaire, people, dialogue):
    dialogue.unpublish()
    with pytest.raises(services.QuestionnaireError) as error:
        services.submit(people[0], questionnaire, good_answers(questionnaire))
    assert error.value.status == 404
