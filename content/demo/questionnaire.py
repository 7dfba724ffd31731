"""The demo dialogue's questionnaire, its generated responses and the quick poll in a briefing.

Built only with the whole demo (`seed_demo`), not the test suite's base (tests/conftest.py):
several hundred responses would slow every test run and change what tests count. Everything
is looked up first, so running it again changes nothing. Responses are generated from a fixed
seed and written through the mixing pool, as submissions are."""

import datetime
import random

from django.utils import timezone

from participation.polls.models import Choice, Poll, Selection, Vote
from participation.questionnaires.answers import Form
from participation.questionnaires.models import Answer, Option, PendingSubmission, Question, Questionnaire, Response, Section
from participation.questionnaires.services import flush


SINGLE, MULTIPLE, SCALE, MATRIX, RANKING, NUMBER, SHORT, LONG = (
    Question.SINGLE, Question.MULTIPLE, Question.SCALE, Question.MATRIX, Question.RANKING, Question.NUMBER,
    Question.SHORT_TEXT, Question.LONG_TEXT,
)  # fmt: skip

TITLE = "After the dialogue: your views"
INTRO = "Answer on your own, after your group's discussion. Your answers are anonymous: they are stored without your name and cannot be linked back to you."
METHOD = "In each country, the national partner selected participants to reflect the diversity of its population in age, gender, education and place of residence. Groups of seven or eight discussed the six topics with a facilitator, after reading the same briefings, and then everyone answered this questionnaire on their own."

# (section title, [(kind, text, options, settings)]); a "show_if" setting names an option of
# an earlier question by its (question text, option label).
SECTIONS = [
    ("Your life online", [
        (SINGLE, "How often do you use the internet?", ["Several times a day", "About once a day", "A few times a week", "Rarely or never"], {"required": True}),
        (NUMBER, "About how many hours a day do you spend online?", [], {"number_min": 0, "number_max": 24}),
        (MULTIPLE, "What do you mostly use the internet for? Choose up to three.", ["Keeping in touch with family and friends", "Work or study", "News and information", "Shopping and banking", "Entertainment", "Public services"], {"max_choices": 3}),
        (SCALE, "Since the COVID-19 pandemic, how much of your daily life has moved online?", [], {"scale_min": 1, "scale_max": 5, "min_label": "Nothing", "max_label": "Almost everything"}),
    ]),
    ("Data safety and digital identity", [
        (SCALE, "How safe do you feel about the personal data you share online?", [], {"scale_min": 0, "scale_max": 10, "min_label": "Not safe at all", "max_label": "Completely safe"}),
        (MATRIX, "How much do you trust each of these to protect your data?", ["Governments", "Large technology companies", "Banks", "Health services"], {"scale_min": 1, "scale_max": 5, "min_label": "No trust", "max_label": "Full trust"}),
        (SINGLE, "Should everyone have one digital identity for all public services?", ["Yes", "No", "I don't know"], {}),
    ]),
    ("Disinformation", [
        (SINGLE, "Have you come across false news in the last month?", ["Yes, often", "Yes, sometimes", "No", "I am not sure"], {"required": True}),
        (SHORT, "Where did you see it most often?", [], {"show_if": ("Have you come across false news in the last month?", "Yes, often")}),
        (RANKING, "Who should act first against disinformation? Rank them from 1 (first).", ["Platforms", "Governments", "Journalists and fact-checkers", "Schools", "Each of us"], {}),
    ]),
    ("Freedom of expression and content moderation", [
        (SCALE, "Platforms should remove harmful content even when it is legal.", [], {"scale_min": 1, "scale_max": 5, "min_label": "Strongly disagree", "max_label": "Strongly agree"}),
        (SINGLE, "Who should decide what is removed from social media?", ["The platforms", "Independent bodies", "Courts", "The users themselves"], {}),
        (MULTIPLE, "Which of these should always stay online?", ["Political satire", "Criticism of the government", "Offensive jokes", "Health advice that contradicts the authorities"], {}),
    ]),
    ("Artificial intelligence", [
        (SCALE, "Overall, will artificial intelligence make your life better or worse?", [], {"scale_min": 1, "scale_max": 5, "min_label": "Much worse", "max_label": "Much better"}),
        (MATRIX, "How comfortable are you with artificial intelligence helping to decide on these?", ["Job applications", "Medical diagnoses", "Loans", "Court cases"], {"scale_min": 1, "scale_max": 5, "min_label": "Not comfortable", "max_label": "Very comfortable"}),
        (LONG, "What is your greatest hope or fear about artificial intelligence?", [], {}),
    ]),
    ("Who decides? Internet governance", [
        (SINGLE, "Who should have the most say over the future of the internet?", ["Governments", "Companies", "Citizens", "International organisations", "Technical experts"], {"required": True}),
        (SCALE, "How much do you feel your voice counts in decisions about the internet?", [], {"scale_min": 0, "scale_max": 10, "min_label": "Not at all", "max_label": "A lot"}),
        (MULTIPLE, "Which two principles matter most for the internet we want?", ["Privacy", "Freedom of expression", "Access for everyone", "Security", "Fair competition"], {"max_choices": 2}),
        (LONG, "What would you tell the decision makers who will read these results?", [], {}),
    ]),
]

# Respondents per country and the languages they answered in (the demo editions' countries and others).
COUNTRIES = {
    "UA": (60, ["uk"]), "MX": (55, ["es"]), "KE": (50, ["en"]), "FR": (45, ["fr"]), "EG": (35, ["ar"]),
    "MA": (30, ["ar", "fr"]), "IN": (25, ["en"]), "AR": (20, ["es"]),
}  # fmt: skip
PAPER_SHARE = 0.15  # entered by facilitators from paper questionnaires

# Free-text answers by language: the first ones are published, the last waits for a moderator.
TEXTS = {
    "Where did you see it most often?": {
        "en": ["On messaging apps", "On video platforms", "In family group chats"],
        "fr": ["Sur les messageries", "Sur les réseaux sociaux", "Dans les groupes de famille"],
        "es": ["En WhatsApp", "En las redes sociales", "En videos cortos"],
        "uk": ["У Telegram-каналах", "У соціальних мережах", "У чатах з родиною"],
        "ar": ["في تطبيقات المراسلة", "على مواقع التواصل الاجتماعي", "في مجموعات العائلة"],
    },
    "What is your greatest hope or fear about artificial intelligence?": {
        "en": ["I hope it helps doctors find illnesses earlier.", "I fear that nobody will be responsible when it makes a mistake.", "My neighbour Peter lost his job to a machine, call him on 0722 000 000."],
        "fr": ["J'espère qu'elle aidera les enseignants.", "Je crains qu'elle décide à notre place sans qu'on le sache.", "Mon chef M. Durand l'utilise pour nous surveiller."],
        "es": ["Ojalá ayude a traducir entre lenguas indígenas.", "Temo que aumente la desigualdad.", "Mi prima Lucía trabaja en eso, escríbanle a lucia@example.org."],
        "uk": ["Сподіваюся, що вона допоможе відбудувати країну.", "Боюся, що її використають для пропаганди.", "Мій сусід Андрій каже, що це все обман."],
        "ar": ["آمل أن تساعد في تعليم الأطفال في القرى.", "أخشى أن تُستخدم لمراقبة الناس.", "جاري أحمد يعمل في هذا المجال ويمكن الاتصال به."],
    },
    "What would you tell the decision makers who will read these results?": {
        "en": ["Ask citizens before you decide, not after.", "Make the internet affordable in rural areas."],
        "fr": ["Écoutez les citoyens avant de décider.", "Protégez nos données comme vous protégez nos maisons."],
        "es": ["Que el acceso a internet sea un derecho.", "Escuchen a los pueblos, no solo a las empresas."],
        "uk": ["Захистіть інтернет під час війни.", "Слухайте людей, а не лише компанії."],
        "ar": ["اجعلوا الإنترنت في متناول الجميع.", "استمعوا إلى الشباب قبل أن تقرروا."],
    },
}

POLL_TOPIC = "disinformation"
POLL_QUESTION = "Have you ever shared a news story and found out later that it was false?"
POLL_CHOICES = ["Yes", "No", "I am not sure"]
POLL_VOTES = [0, 1, 0, 2, 1, 0]  # the six demo citizens' choices, by index


def ensure_questionnaire(dialogue):
    """The dialogue's questionnaire, open since the dialogue day (its results are published once
    its responses are in: build_questionnaire)."""
    found = Questionnaire.objects.filter(dialogue=dialogue, title=TITLE, locale=dialogue.locale).first()
    if found is not None:
        return found
    now = timezone.now()
    questionnaire = Questionnaire.objects.create(
        dialogue=dialogue, locale=dialogue.locale, title=TITLE, intro=INTRO, method=METHOD,
        opens_at=now - datetime.timedelta(days=30), closes_at=now + datetime.timedelta(days=30),
    )  # fmt: skip
    by_text = {}
    for section_order, (title, questions) in enumerate(SECTIONS):
        section = Section.objects.create(questionnaire=questionnaire, title=title, sort_order=section_order, locale=dialogue.locale)
        for order, (kind, text, labels, settings) in enumerate(questions):
            settings = dict(settings)
            condition = settings.pop("show_if", None)
            if condition:
                settings["show_if_option"] = by_text[condition[0]].options.get(label=condition[1])
            question = Question.objects.create(section=section, kind=kind, text=text, sort_order=order, locale=dialogue.locale, **settings)
            Option.objects.bulk_create(
                Option(question=question, label=label, sort_order=position, locale=dialogue.locale) for position, label in enumerate(labels)
            )
            by_text[text] = question
    return questionnaire


def respond(rng, form, language):
    """One respondent's raw answers: a plausible, random pick for most questions."""
    raw = {}
    for question in form.questions:
        kind, keys = question.kind, question.option_keys()
        if not question.question.required and rng.random() < 0.12:
            continue  # optional questions are sometimes left out
        if question.question.show_if_option_id and not form.shown(question, raw):
            continue
        if kind == SINGLE:
            raw[question.key] = keys[min(int(rng.triangular(0, len(keys), 0)), len(keys) - 1)]
        elif kind == MULTIPLE:
            most = question.question.max_choices or len(keys)
            raw[question.key] = rng.sample(keys, rng.randint(1, most))
        elif kind == RANKING:
            order = rng.sample(keys, len(keys))
            raw[question.key] = {key: rank for rank, key in enumerate(order, start=1)}
        elif kind == MATRIX:
            low, high = question.question.scale_min, question.question.scale_max
            raw[question.key] = {key: rng.randint(low, high) for key in keys}
        elif kind == SCALE:
            low, high = question.question.scale_min, question.question.scale_max
            raw[question.key] = round(rng.triangular(low, high, (low + high) / 2 + rng.choice([-1, 0, 1])))
        elif kind == NUMBER:
            raw[question.key] = str(round(rng.triangular(0, 14, 4)))
        else:
            texts = TEXTS[question.question.text][language]
            if rng.random() < 0.5:
                raw[question.key] = rng.choice(texts)
    return raw


def ensure_responses(questionnaire, rng=None):
    """A few hundred responses across eight countries, written through the mixing pool: the
    first texts of each list published by a moderator, the last left waiting."""
    if Response.objects.filter(questionnaire=questionnaire).exists():
        return
    rng = rng or random.Random(42)
    form = Form(questionnaire)
    days = [timezone.localdate() - datetime.timedelta(days=days) for days in (14, 13)]
    pending = []
    for country, (count, languages) in COUNTRIES.items():
        for _number in range(count):
            language = rng.choice(languages)
            clean, errors = form.clean(respond(rng, form, language))
            assert not errors, errors  # the generator only gives what the form accepts
            payload = {
                "country": country,
                "language": language,
                "session_date": rng.choice(days).isoformat(),
                "is_paper": rng.random() < PAPER_SHARE,
                "answers": form.rows(clean),
            }
            pending.append(PendingSubmission(questionnaire=questionnaire, payload=payload))
    PendingSubmission.objects.bulk_create(pending)
    flush(questionnaire.pk, k=1)
    waiting = {texts[language][-1] for texts in TEXTS.values() for language in texts}
    answers = Answer.objects.filter(response__questionnaire=questionnaire).exclude(text="")
    answers.exclude(text__in=waiting).update(text_status=Answer.PUBLISHED)


def ensure_poll(topic):
    """A quick poll at the end of a briefing (before it is translated, so every language has it)."""
    poll = Poll.objects.filter(question=POLL_QUESTION, locale=topic.locale).first()
    if poll is None:
        poll = Poll(question=POLL_QUESTION, locale=topic.locale, opens_at=timezone.now() - datetime.timedelta(days=7))
        poll.choices = [Choice(text=text, locale=topic.locale) for text in POLL_CHOICES]
        poll.save()
    if not any(block.block_type == "poll" for block in topic.body):
        topic.body.append(("poll", poll))
        topic.save_revision().publish()
    return poll


def sync_briefing(topic, locales):
    """Bring the poll into translations of the briefing made before it was placed (a demo built
    earlier), the way a translator's "Sync translated pages" does: from the translation memory."""
    from django.db import transaction
    from wagtail_localize.models import TranslationSource

    stale = [locale for locale in locales if not _has_poll(topic.get_translation_or_none(locale))]
    if not stale:
        return
    source = TranslationSource.objects.get_for_instance_or_none(topic)
    source.update_from_db()
    for locale in stale:
        with transaction.atomic():
            source.create_or_update_translation(locale, publish=True, fallback=False)


def _has_poll(page):
    return page is None or any(block.block_type == "poll" for block in page.specific.body)


def ensure_votes(poll, citizens):
    choices = list(poll.choices.order_by("sort_order"))
    for citizen, index in zip(citizens, POLL_VOTES):
        vote, created = Vote.objects.get_or_create(poll=poll, user=citizen)
        if created:
            Selection.objects.create(vote=vote, choice=choices[index])


def build_questionnaire(dialogue, locales, translate, translations):
    """The dialogue's questionnaire, translated into every other locale (`translate` as
    build.translate, with `translations` {language: strings}), with its responses. Returns the
    default-locale questionnaire: the one its results page and report are about."""
    questionnaire = ensure_questionnaire(dialogue)
    for locale in locales:
        translate(questionnaire, locale, translations[locale.language_code])
    ensure_responses(questionnaire)
    if not questionnaire.results_published:
        # Publishing builds the report in every language (participation.questionnaires.signals).
        questionnaire.results_published = True
        questionnaire.save()
    page = ensure_results_page(dialogue, questionnaire)
    for locale in locales:
        translate(page, locale, translations[locale.language_code])
    return questionnaire


RESULTS_TITLE = "What the participants said"
RESULTS_INTRO = (
    "These are the answers of the participants to the individual questionnaire they filled in after their "
    "discussions, country by country. Compare the countries, filter by language or by session date, and "
    "download the anonymised answers or the report for decision makers."
)


def ensure_results_page(dialogue, questionnaire):
    """The dialogue's results page, about its questionnaire."""
    from content.models import ResultsPage

    found = ResultsPage.objects.child_of(dialogue).filter(locale=dialogue.locale).first()
    if found is not None:
        return found
    page = ResultsPage(title=RESULTS_TITLE, slug="results", intro=f"<p>{RESULTS_INTRO}</p>", questionnaire=questionnaire)
    dialogue.add_child(instance=page)
    page.save_revision().publish()
    return page
