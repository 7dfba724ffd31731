"""A dialogue people have already taken part in: citizens writing in their own languages,
proposals with supports (one past the threshold), comment threads with replies, official answers
in several states and languages, a comment hidden by a moderator, and the moderator's account.

Only in the full demo (build(with_gatherings=True)): the test suite's base counts what a dialogue
holds and stays empty of contributions. Every step looks for what exists first, so a second run
changes nothing; times are set back from now once, when a contribution is first written."""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Locale

from participation.accounts.models import Person
from participation.comments.models import Comment, target_content_type
from participation.comments.services import post_comment
from participation.moderation import services as moderation
from participation.moderation.models import Reason
from participation.proposals.models import DialogueSettings, Proposal, ProposalAnswer, ProposalState, Support
from participation.proposals.services import answer_proposal

from .gatherings import ensure_citizens

MODERATORS = "Moderators (participation)"  # the group participation.moderation's migration makes
SUPPORT_THRESHOLD = 6

# (username, nickname, language): people who write in the languages the dialogue is held in.
CITIZENS = [("olena", "Олена", "uk"), ("amina", "أمينة", "ar"), ("lucia", "Lucía", "es"), ("chloe", "Chloé", "fr")]

# Proposals: key, author, language, topic slug, title, body, supporters (first n other citizens).
PROPOSALS = [
    ("passwords", "maryna", "en", "data-safety", "A password manager for every public library",
     "Libraries already teach people to use computers. They could set up a free password manager with each visitor who asks, and show how to turn on two-step sign-in.", 8),
    ("labels", "olena", "uk", "disinformation", "Позначати згенеровані штучним інтелектом зображення",
     "Платформи мають чітко позначати зображення та відео, створені штучним інтелектом, особливо під час виборів.", 4),
    ("offline", "amina", "ar", "online-habits", "مراكز رقمية في كل حي",
     "نقترح مراكز مجانية في الأحياء يتعلم فيها كبار السن والشباب استخدام الإنترنت بأمان، مع مرافقين يتحدثون لغاتهم.", 3),
    ("appeal", "chloe", "fr", "disinformation", "Un droit d’appel quand une plateforme supprime un message",
     "Chaque personne dont un message est retiré devrait savoir pourquoi et pouvoir demander qu’un humain réexamine la décision.", 2),
    ("schools", "lucia", "es", "data-safety", "Educación digital desde la primaria",
     "Que las escuelas enseñen a proteger los datos personales y a reconocer estafas desde los primeros cursos.", 1),
]

# Official answers: proposal key, state kind, text in English, its translations.
ANSWERS = [
    ("passwords", ProposalState.Kind.ACCEPTED,
     "Accepted: the national library network will pilot this in ten libraries next spring, and report on it in the results.",
     {"fr": "Acceptée : le réseau national des bibliothèques la testera dans dix bibliothèques au printemps prochain et en rendra compte dans les résultats.",
      "es": "Aceptada: la red nacional de bibliotecas la probará en diez bibliotecas la próxima primavera e informará en los resultados.",
      "uk": "Прийнято: національна мережа бібліотек випробує це в десяти бібліотеках наступної весни й розповість про результати.",
      "ar": "مقبول: ستجرب شبكة المكتبات الوطنية هذا المقترح في عشر مكتبات في الربيع القادم، وسننشر ما نتج عنه في النتائج."}),
    ("labels", ProposalState.Kind.EVALUATING,
     "We are studying this with the electoral commission and the platforms; we will answer before the results phase.",
     {"uk": "Ми вивчаємо це разом із виборчою комісією та платформами й відповімо до етапу результатів."}),
    ("appeal", ProposalState.Kind.REJECTED,
     "Not retained as it stands: the Digital Services Act already gives this right in Europe. We will explain how to use it in the briefing.",
     {}),  # English only: readers in other languages see it with a note saying so
]

# Comment threads: target ("topic", slug, language) or ("proposal", key), then (author, text, [(author, reply)]).
THREADS = [
    (("topic", "data-safety", "en"), [
        ("kwame", "Two-step sign-in saved my email account last year. It should be the default everywhere.", [
            ("sofia", "Agreed, but it must work for people without a smartphone too."),
            ("maryna", "Some banks send codes by SMS or a small card reader: that could be the fallback."),
        ]),
        ("hiroshi", "Who checks what apps do with our data once we have said yes?", []),
    ]),
    (("topic", "disinformation", "uk"), [
        ("olena", "Під час війни фейки поширюються швидше за новини. Потрібні швидкі спростування.", [
            ("david", "Fact-checkers in Ukraine publish in English too: that helps the rest of us."),
        ]),
    ]),
    (("topic", "online-habits", "ar"), [
        ("amina", "كثير من الناس في قريتي لا يملكون اتصالاً بالإنترنت في البيت.", [
            ("olena", "У нас так само: бібліотека — єдине місце з добрим інтернетом."),
            ("lucia", "La biblioteca de mi barrio también presta portátiles."),
        ]),
    ]),
    (("proposal", "passwords"), [
        ("ines", "Would the library keep a copy of my passwords? That worries me.", [
            ("maryna", "No: the manager runs on your own phone or computer, the library only helps you set it up."),
        ]),
        ("david", "Buy cheap pills here, best prices!!!", []),  # hidden by the moderator below
    ]),
]
HIDDEN = "Buy cheap pills here, best prices!!!"


def ensure_people(password=None):
    """The citizens (those of the gatherings plus writers in other languages) by username, and
    the moderator's credentials for seed_demo to print."""
    User = get_user_model()
    now = timezone.now()
    people = {user.username.removeprefix("demo-"): user for user in ensure_citizens()}
    for username, nickname, language in CITIZENS:
        user, created = User.objects.get_or_create(username=f"demo-{username}", defaults={"email": f"{username}@dialogue.example"})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Person.objects.get_or_create(user=user, defaults={"nickname": nickname, "language": language, "accepted_terms_at": now, "email_confirmed_at": now})
        people[username] = user
    moderator, _ = User.objects.get_or_create(username="moderator", defaults={"email": "moderator@dialogue.example"})
    secret = password or secrets.token_urlsafe(12)
    moderator.set_password(secret)
    moderator.save()
    group = Group.objects.get(name=MODERATORS)
    moderator.groups.add(group)
    Person.objects.get_or_create(user=moderator, defaults={"nickname": "Moderator", "language": "en", "accepted_terms_at": now, "email_confirmed_at": now})
    people["moderator"] = moderator
    return people, (moderator.username, secret, group.name)


def _set_back(model, obj, hours):
    """Spread contributions over the past days, as a real dialogue's are."""
    model.objects.filter(pk=obj.pk).update(created_at=timezone.now() - datetime.timedelta(hours=hours))


def ensure_proposals(dialogue, people):
    settings = DialogueSettings.objects.get_or_create(dialogue=dialogue)[0]
    if settings.support_threshold != SUPPORT_THRESHOLD:
        settings.support_threshold = SUPPORT_THRESHOLD
        settings.save(update_fields=["support_threshold"])
    topics = {page.slug: page for page in dialogue.get_children()}
    citizens = [user for name, user in people.items() if name != "moderator"]
    proposals = {}
    for age, (key, author, language, topic, title, body, supports) in enumerate(PROPOSALS):
        proposal, created = Proposal.objects.get_or_create(
            dialogue=dialogue, title=title, defaults={"author": people[author], "body": body, "topic": topics[topic], "language": language}
        )
        if created:
            _set_back(Proposal, proposal, 24 * (len(PROPOSALS) - age) + 3)
        for citizen in [citizen for citizen in citizens if citizen != proposal.author][:supports]:
            Support.objects.get_or_create(user=citizen, proposal=proposal)
        proposals[key] = proposal
    for proposal in Proposal.objects.filter(dialogue=dialogue).annotate(n=Count("supports")):
        if proposal.support_count != proposal.n:
            Proposal.objects.filter(pk=proposal.pk).update(support_count=proposal.n)
    return proposals


def ensure_answers(proposals, people):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    default = Locale.get_default()
    for key, kind, text, translations in ANSWERS:
        proposal = proposals[key]
        if proposal.state_id is None:
            state = ProposalState.objects.get(kind=kind, is_builtin=True, locale=default)
            answer_proposal(proposal, state=state, text=text, user=None, locale=default)
        source = ProposalAnswer.objects.get(proposal=proposal, locale=default)
        for code, translated in translations.items():
            if not ProposalAnswer.objects.filter(proposal=proposal, locale=locales[code]).exists():
                copy = source.copy_for_translation(locales[code])
                copy.text = translated
                copy.save()


def _target(spec, dialogue, proposals):
    if spec[0] == "proposal":
        return proposals[spec[1]]
    _kind, slug, language = spec
    topic = dialogue.get_children().get(slug=slug)
    return topic.get_translation(Locale.objects.get(language_code=language)).specific


def _comment(author, target, body, parent, hours):
    existing = Comment.objects.filter(content_type=target_content_type(target), object_id=target.pk, author=author, body=body).first()
    if existing is not None:
        return existing
    comment = post_comment(author, target, body, parent=parent)
    _set_back(Comment, comment, hours)
    return comment


def ensure_threads(dialogue, proposals, people):
    hours = 48
    for spec, comments in THREADS:
        target = _target(spec, dialogue, proposals)
        for author, text, replies in comments:
            comment = _comment(people[author], target, text, None, hours)
            hours -= 2
            for reply_author, reply in replies:
                _comment(people[reply_author], target, reply, comment, hours)
                hours -= 1
    spam = Comment.objects.get(body=HIDDEN, author=people["david"])
    if spam.hidden_at is None:
        # As it happens: a citizen reports it, the moderator hides it (both in the transparency log).
        moderation.report(people["ines"], spam, Reason.SPAM)
        spam.refresh_from_db()
        if spam.hidden_at is None:
            moderation.hide(people["moderator"], spam, "Spam")


def ensure_living_dialogue(dialogue, password=None):
    """Everything above for `dialogue` (the default-language page); returns the moderator's credentials."""
    people, credentials = ensure_people(password)
    proposals = ensure_proposals(dialogue, people)
    ensure_answers(proposals, people)
    ensure_threads(dialogue, proposals, people)
    return credentials
