"""Participation data for the journeys, run with `manage.py shell` after seed_demo.

Citizens (confirmed, password E2E_PASSWORD), a moderator, proposals and comments by someone
else than the journeys' citizens. Prints one JSON line the harness reads."""

import json
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from content.demo import data
from content.models import DialoguePage, TopicPage
from participation.accounts import services as accounts
from participation.accounts.models import Person
from participation.comments.services import post_comment
from participation.moderation import services as moderation
from participation.proposals.services import create_proposal
from tests.factories import (
    PROFILE_QUESTIONS, add_responses, answers_for, make_edition, make_person, make_questionnaire, make_registration, make_results_page,
    make_session, translate_page,
)  # fmt: skip

password = os.environ["E2E_PASSWORD"]
User = get_user_model()


def citizen(nickname):
    user = accounts.register(email=f"{nickname}@example.org", nickname=nickname, password=password, language="en")
    accounts.confirm_email(user)
    user.refresh_from_db()
    return user


english = Locale.objects.get(language_code="en")
dialogue = DialoguePage.objects.get(locale=english, slug=data.DIALOGUE["slug"])
topic = TopicPage.objects.child_of(dialogue).get(slug=data.TOPICS[0]["slug"])

alice, bob, carol = citizen("alice-e2e"), citizen("bob-e2e"), citizen("carol-e2e")
# The demo has its moderator (content/demo/living.py): the journeys sign in with the e2e password.
moderator, _created = User.objects.get_or_create(username="moderator", defaults={"email": "moderator@example.org"})
moderator.set_password(password)
moderator.save()
Person.objects.get_or_create(user=moderator, defaults={"nickname": "moderator-e2e", "language": "en"})
moderator.groups.add(Group.objects.get(name="Moderators (participation)"))

proposals = {
    "to_support": create_proposal(alice, dialogue, title="Free public Wi-Fi in every library", body="Every public library should offer free Wi-Fi without registration."),
    "keyboard": create_proposal(alice, dialogue, title="Teach data safety in secondary schools", body="One hour a month on passwords, privacy settings and scams."),
    "to_answer": create_proposal(alice, dialogue, title="Publish the city's open data every month", body="Budgets, transport and air quality, in open formats."),
}
french_topic = topic.get_translation_or_none(Locale.objects.get(language_code="fr")) or topic
to_report = post_comment(alice, french_topic, "You are all idiots and should shut up. (abusive comment to report)")
to_hide = post_comment(carol, topic, "Buy cheap pills at spam dot example, best prices!!! (abusive comment to hide)")
moderation.report(bob, to_hide, "spam", "Advertising.")

# A questionnaire with published results, answered in three countries, and its results page in
# English and Arabic (tests/e2e/test_questionnaire_accessibility.py).
questionnaire = make_questionnaire(dialogue, title="After the dialogue", method="Participants were drawn by lot.")
add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], ["Laws", "Research"], {"Governments": 2, "Companies": 4}, 7, 34), 14, "FR", "fr")
add_responses(questionnaire, answers_for(questionnaire, "Climate", ["Access", "Safety"], ["Research", "Laws", "Education"], {"Governments": 4}, 3, 61), 9, "EG", "ar")
add_responses(questionnaire, answers_for(questionnaire, "Other", other="Water"), 6, "KE", "en")
questionnaire.results_published = True
questionnaire.save()
results_page = make_results_page(dialogue, questionnaire, title="What the participants said")
arabic_results = translate_page(results_page, Locale.objects.get(language_code="ar"))

# A pre-selected edition of its own with 40 registrants over two slots, for the selection journey
# (tests/e2e/test_selection_journey.py), apart from the demo's editions other journeys register for.
lot_edition = make_edition(
    dialogue, title="Citizens' Dialogue by lot", slug="by-lot-e2e", profile_questions=PROFILE_QUESTIONS, participants_preselected=True,
    total_places=12,
)  # fmt: skip
lot_slots = [make_session(lot_edition, title="Morning"), make_session(lot_edition, title="Afternoon")]
for number in range(40):
    make_registration(lot_slots[number % 2], make_person(f"lot{number}"), answers={"age_band": "18_29" if number % 3 else "30_plus"})

print(
    "E2E-SEED "
    + json.dumps(
        {
            "dialogue_id": dialogue.pk,
            "topic_url": topic.get_url(),
            "french_topic_url": french_topic.get_url(),
            "proposals": {key: proposal.pk for key, proposal in proposals.items()},
            "comments": {"to_report": to_report.pk, "to_hide": to_hide.pk},
            "citizens": {"alice": alice.email, "bob": bob.email, "carol": carol.email},
            "questionnaire_id": questionnaire.pk,
            "results_urls": {"en": results_page.get_url(), "ar": arabic_results.get_url()},
            "lot_edition_id": lot_edition.pk,
        }
    )
)
