"""The one way tests make people and contributions. People: a user of the site's user model
(whatever AUTH_USER_MODEL is) with participation's Person, as sign-up and confirmation would
leave them."""

import csv
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from participation.accounts.models import Person
from participation.comments.models import Comment
from participation.comments.services import post_comment
from participation.events.models import Session
from participation.polls.models import Choice, Poll
from participation.proposals.models import Proposal
from participation.questionnaires.models import Option, PendingSubmission, Question, Questionnaire, Section
from participation.selection.quotas import Instance, Pool, Quota, Quotas

PASSWORD = "a-Long-and-Unusual-password-42"
MODERATORS = "Moderators (participation)"
SIGN_IN_BACKEND = "participation.accounts.backends.EmailOrUsernameBackend"
PERSON_FIELDS = {field.name for field in Person._meta.get_fields() if field.concrete} - {"id", "user"}
_numbers = itertools.count(1)


def make_person(name="citizen", *, nickname=None, email=None, password=PASSWORD, **fields):
    """An active, confirmed citizen who accepted the terms. `name` makes the username, address and
    default nickname unique (name-3, name-3@example.org, name3); `fields` may set the user's
    fields (is_active, is_staff...) and the Person's (full_name, language, deleted_at...)."""
    number = next(_numbers)
    person_fields = {key: fields.pop(key) for key in list(fields) if key in PERSON_FIELDS}
    User = get_user_model()
    user = User(**{User.USERNAME_FIELD: f"{name}-{number}", User.get_email_field_name(): email or f"{name}-{number}@example.org"})
    for key, value in {"is_active": True, **fields}.items():
        setattr(user, key, value)
    user.set_password(password)
    user.save()
    now = timezone.now()
    user.participant = Person.objects.create(
        user=user,
        nickname=nickname if nickname is not None else f"{name}{number}",
        **{"language": "en", "email_confirmed_at": now, "accepted_terms_at": now, **person_fields},
    )
    return user


def make_moderator(name="moderator", **fields):
    user = make_person(name, **fields)
    user.groups.add(Group.objects.get(name=MODERATORS))
    return get_user_model()._default_manager.select_related("participant").get(pk=user.pk)  # fresh permission cache


def client_for(user, **kwargs):
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user, backend=SIGN_IN_BACKEND)
    return client


def make_proposal(dialogue, author, title="More benches in the park", body="People need places to rest.", **extra):
    """A proposal written straight to the database (no phase or rate rule in the way)."""
    return Proposal.objects.create(dialogue=dialogue, author=author, title=title, body=body, **extra)


def comment_on(target, author, body="A thoughtful comment.", parent=None, **fields):
    """A comment posted through the service; `fields` then set what a test needs (hidden_at...)."""
    comment = post_comment(author, target, body, parent=parent)
    if fields:
        Comment.objects.filter(pk=comment.pk).update(**fields)
        comment.refresh_from_db()
    return comment


def make_session(page, **fields):
    """A session on `page` starting in a week, for an hour, written straight to the database."""
    starts_at = fields.pop("starts_at", timezone.now() + timedelta(days=7))
    fields.setdefault("ends_at", starts_at + timedelta(hours=1))
    return Session.objects.create(page=page, starts_at=starts_at, **fields)


def make_registration(session, user, status="confirmed", **fields):
    """A registration written straight to the database (answers={...} for profile answers)."""
    from participation.events.models import Registration

    return Registration.objects.create(session=session, user=user, status=status, **fields)


def make_focus_group(session, facilitator=None, registrations=()):
    """A focus group of `session` (the next number) with these registrations as members."""
    from participation.focusgroups.models import FocusGroup, Member

    group = FocusGroup.objects.create(session=session, number=FocusGroup.objects.filter(session=session).count() + 1, facilitator=facilitator)
    Member.objects.bulk_create(Member(group=group, registration=registration) for registration in registrations)
    return group


def make_edition(dialogue, title="Citizens' Dialogue in Ukraine", **fields):
    """A published country edition of `dialogue` (the site's page type), Kyiv time by default."""
    from django.utils.text import slugify

    from content.models import CountryEditionPage

    fields = {"slug": slugify(title), "intro": f"Welcome to your {title}.", "country": "UA", "time_zone": "Europe/Kyiv", **fields}
    edition = CountryEditionPage(title=title, **fields)
    dialogue.add_child(instance=edition)
    edition.save_revision().publish()
    return edition


# Profile questions in the block format the admin saves (list items with ids): wagtail-localize
# extracts list items only in that form.
PROFILE_QUESTIONS = [
    {
        "type": "question",
        "value": {
            "key": "age_band",
            "label": "Your age",
            "required": True,
            "choices": [
                {"type": "item", "id": "c1", "value": {"value": "18_29", "label": "18 to 29"}},
                {"type": "item", "id": "c2", "value": {"value": "30_plus", "label": "30 or more"}},
            ],
        },
    },
    {"type": "question", "value": {"key": "region", "label": "Your region", "required": False, "choices": []}},
]


def make_events_index(home, title="Conversation hours", **fields):
    """A published events index (the site's page type) under `home`."""
    from django.utils.text import slugify

    from content.models import EventsIndexPage

    index = EventsIndexPage(title=title, slug=fields.pop("slug", None) or slugify(title), intro="A monthly public call.", **fields)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_event(index, title="Data and trust", **fields):
    """A published event page under an events index."""
    from django.utils.text import slugify

    from content.models import EventPage

    event = EventPage(title=title, slug=fields.pop("slug", None) or slugify(title), **fields)
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def make_questionnaire(dialogue, title="How was your dialogue?", **fields):
    """An open questionnaire on `dialogue`, written straight to the database: a section of
    choices (single, multiple with at most 2, a ranking, a matrix, a scale) and one of the other
    kinds (number 0-120, short and long text), the short text shown only to those who chose
    "Other" in the single choice. Questions are named by their kind in `questionnaire.asks`."""
    questionnaire = Questionnaire.objects.create(dialogue=dialogue, title=title, **fields)
    choices = Section.objects.create(questionnaire=questionnaire, title="Your views", sort_order=0)
    others = Section.objects.create(questionnaire=questionnaire, title="About you", sort_order=1)
    specs = [
        (choices, Question.SINGLE, "Which topic matters most?", ["Health", "Climate", "Other"], {"required": True}),
        (choices, Question.MULTIPLE, "Which two topics next?", ["Privacy", "Access", "Safety"], {"max_choices": 2}),
        (choices, Question.RANKING, "Rank these actions", ["Laws", "Education", "Research"], {}),
        (choices, Question.MATRIX, "How much do you trust", ["Governments", "Companies"], {"scale_min": 1, "scale_max": 5}),
        (choices, Question.SCALE, "How useful was the dialogue?", [], {"scale_min": 0, "scale_max": 10, "min_label": "Useless", "max_label": "Very useful"}),
        (others, Question.NUMBER, "How old are you?", [], {"number_min": 0, "number_max": 120}),
        (others, Question.SHORT_TEXT, "Which other topic?", [], {}),
        (others, Question.LONG_TEXT, "Anything else?", [], {}),
    ]
    questionnaire.asks = {}
    for order, (section, kind, text, labels, extra) in enumerate(specs):
        question = Question.objects.create(section=section, kind=kind, text=text, sort_order=order, **extra)
        for position, label in enumerate(labels):
            Option.objects.create(question=question, label=label, sort_order=position)
        questionnaire.asks[kind] = question
    other = questionnaire.asks[Question.SINGLE].options.get(label="Other")
    Question.objects.filter(pk=questionnaire.asks[Question.SHORT_TEXT].pk).update(show_if_option=other)
    return questionnaire


def option_key(question, label):
    """The language-independent identity of `question`'s option `label`, as answers give it."""
    return str(question.options.get(label=label).translation_key)


def answers_for(questionnaire, single="Health", multiple=(), ranking=(), matrix=None, scale=None, number=None, other="", comment=""):
    """Raw answers to make_questionnaire's form, by option label (as a person would give them)."""
    asks = questionnaire.asks
    raw = {str(asks[Question.SINGLE].translation_key): option_key(asks[Question.SINGLE], single)}
    if multiple:
        raw[str(asks[Question.MULTIPLE].translation_key)] = [option_key(asks[Question.MULTIPLE], label) for label in multiple]
    if ranking:
        raw[str(asks[Question.RANKING].translation_key)] = {option_key(asks[Question.RANKING], label): rank for rank, label in enumerate(ranking, 1)}
    if matrix:
        raw[str(asks[Question.MATRIX].translation_key)] = {option_key(asks[Question.MATRIX], label): value for label, value in matrix.items()}
    for kind, value in ((Question.SCALE, scale), (Question.NUMBER, number), (Question.SHORT_TEXT, other), (Question.LONG_TEXT, comment)):
        if value not in (None, ""):
            raw[str(asks[kind].translation_key)] = value
    return raw


def add_responses(questionnaire, raw, count=1, country="FR", language="en", session_date=None, is_paper=False):
    """`count` responses with the answers `raw`, checked by the form and written through the
    mixing pool as submissions are (without receipts: nobody in particular gave them)."""
    from participation.questionnaires import services

    rows = services._checked_rows(questionnaire, raw)
    payload = {"country": country, "language": language, "session_date": session_date.isoformat() if session_date else None, "is_paper": is_paper, "answers": rows}
    PendingSubmission.objects.bulk_create(PendingSubmission(questionnaire=questionnaire.canonical, payload=payload) for _ in range(count))
    services.flush(questionnaire.canonical.pk, k=1)


def translate_questionnaire(questionnaire, locale, strings=None):
    """What a partner does in wagtail-localize's editor, through its own models: each string
    from `strings`, or "[xx] text". Returns the translated questionnaire."""
    from django.db import transaction
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
    from wagtail_localize.strings import StringValue

    strings = strings or {}
    source, _created = TranslationSource.get_or_create_from_instance(questionnaire)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locale, context=segment.context,
            data=StringValue.from_plaintext(strings.get(text, f"[{locale.language_code}] {text}")).data,
        )  # fmt: skip
    with transaction.atomic():
        translated, _created = source.create_or_update_translation(locale)
    return translated
def make_poll(choices=("Yes", "No", "Not sure"), question="Should the park stay open at night?", **fields):
    """An open poll (since an hour ago, until tomorrow unless `fields` say otherwise) in English."""
    fields.setdefault("opens_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("closes_at", timezone.now() + timedelta(days=1))
    poll = Poll(question=question, **fields)
    poll.choices = [Choice(text=text) for text in choices]
    poll.save()
    return poll


def place_poll(page, poll):
    """Add a poll block at the end of the page's body, as an editor would, and return the page."""
    page.body.append(("poll", poll))
    page.save()
    return page


def make_results_page(dialogue, questionnaire, title="What people said", **fields):
    """A published results page under `dialogue` showing `questionnaire`."""
    from django.utils.text import slugify

    from content.models import ResultsPage

    page = ResultsPage(title=title, slug=fields.pop("slug", None) or slugify(title), questionnaire=questionnaire.canonical, **fields)
    dialogue.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_page(page, locale):
    """The page's translation into `locale` (under its parent's translation), published."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return translated.specific


def make_selection(quotas, people, panel_size):
    """A selection problem (participation.selection) from plain data: `quotas` as
    (category, feature, min, max) rows, `people` as {reference: (feature per category, in the
    quotas' category order)}."""
    quotas = Quotas(tuple(Quota(*row) for row in quotas))
    return Instance.build(quotas, Pool(quotas.categories, dict(people)), panel_size)


def write_selection_files(folder, quotas, people, header=("category", "feature", "min", "max")):
    """categories.csv and people.csv in the Sortition Foundation's formats (with a name column
    the engine must not read); returns their paths."""
    categories = list(dict.fromkeys(row[0] for row in quotas))
    with open(folder / "categories.csv", "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(quotas)
    with open(folder / "people.csv", "w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "first_name", *categories])
        writer.writerows([reference, f"Name {reference}", *features] for reference, features in people.items())
    return folder / "categories.csv", folder / "people.csv"


def make_organiser(page, name="partner", **fields):
    """Someone in a group that may edit `page` and see its gatherings' registrations: the page's
    organiser in the admin (participation.events.organisers); `fields` as make_person's."""
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name=f"Organisers of {page.pk} ({name})")
    for codename in ("wagtailadmin.access_admin", "participation_events.view_session", "participation_events.view_registration"):
        app_label, code = codename.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=code))
    GroupPagePermission.objects.create(group=group, page=page, permission=Permission.objects.get(codename="change_page"))
    user = make_person(name, **fields)
    user.groups.add(group)
    return get_user_model().objects.get(pk=user.pk)


def make_computed_selection(page, quotas, people, panel_size, seed_source="the lottery of 14 March"):
    """A selection of `page` computed by the engine, its seed source announced, not drawn yet;
    from plain data (as make_selection) rather than registrations: `people` {reference:
    features in the quotas' category order}."""
    from participation.selection import services
    from participation.selection.models import Selection

    categories = list(dict.fromkeys(row[0] for row in quotas))
    selection = Selection.objects.create(
        page=page, run=Selection.objects.filter(page=page).count() + 1, panel_size=panel_size, status=Selection.QUEUED,
        quotas=[{"category": c, "feature": f, "min": low, "max": high} for c, f, low, high in quotas],
        pool={"categories": categories, "people": {reference: list(features) for reference, features in people.items()}, "registrations": {}},
    )  # fmt: skip
    services.compute(selection.pk)
    return services.announce_seed_source(selection, seed_source)


def make_drawn_selection(page, quotas, people, panel_size, seed_source="the lottery of 14 March", seed="4 8 15 16 23 42"):
    """make_computed_selection, then drawn with `seed`."""
    from participation.selection import services

    return services.draw_panel(make_computed_selection(page, quotas, people, panel_size, seed_source), seed, None)
