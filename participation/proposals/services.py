"""Every write to proposals, supports and answers. Views call these; so can an API later.

Errors are `ProposalError`s carrying a translated message and an HTTP status, so callers show
the reason instead of a 500. Counts stay exact under concurrency: unique constraints, row locks
and conditional `F()` updates, never read-modify-write in Python. Text arrives cleaned by the
forms (forms.py); a service refuses anything else with a ValueError (a bug, not input)."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from participation.accounts.models import person_of
from participation.core.pages import canonical_page
from participation.core.signals import contribution_created, proposal_answered
from participation.core.visibility import viewer_for

from . import rules as proposal_rules
from .models import DialogueSettings, Proposal, ProposalAnswer, Support
from .queries import supports_used


class ProposalError(Exception):
    status = 400

    def __init__(self, message, status=None):
        super().__init__(str(message))
        self.message = message
        if status is not None:
            self.status = status


class NotAllowed(ProposalError):
    status = 403


class Conflict(ProposalError):
    status = 409


class NotFound(ProposalError):
    """What a person may not see does not exist for them (participation.core.visibility)."""

    status = 404

    def __init__(self):
        super().__init__(_("There is no such proposal."))


def _check_visible(proposal, user, viewer):
    if not proposal.is_visible_to(viewer or viewer_for(user)):
        raise NotFound


def _check(user, action, obj, status=403):
    reason = proposal_rules.denial(user, action, obj)
    if reason is not None:
        raise NotAllowed(reason, status)


def _checked(text, max_length, *, required=True, one_line=False):
    """Text as the forms leave it (plain, stripped, within its limit; a title on one line).
    Anything else is a caller's bug, not a person's input: refused, never quietly changed."""
    if (required and not text) or len(text) > max_length or (one_line and "\n" in text) or text != text.strip():
        raise ValueError(f"Text not cleaned by a form: {text[:40]!r}")
    return text


def _topic_for(dialogue, topic):
    """The topic's canonical page; it must be a child of the dialogue."""
    if topic is None:
        return None
    topic = canonical_page(topic)
    if topic.depth != dialogue.depth + 1 or not topic.path.startswith(dialogue.path):
        raise ProposalError(_("This topic does not belong to this dialogue."))
    return topic


def create_proposal(user, dialogue, *, title, body, topic=None, language=None, viewer=None):
    dialogue = canonical_page(dialogue)
    viewer = viewer or viewer_for(user)
    if not viewer.sees_page(dialogue) or (topic is not None and not viewer.sees_page(topic)):
        raise ProposalError(_("There is no such dialogue."), 404)
    _check(user, "create_proposal", dialogue)
    proposal = Proposal.objects.create(
        author=user,
        dialogue=dialogue,
        title=_checked(title, 150, one_line=True),
        body=_checked(body, 5000),
        topic=_topic_for(dialogue, topic),
        language=language or getattr(person_of(user), "language", "") or Proposal._meta.get_field("language").default,
    )
    transaction.on_commit(lambda: contribution_created.send(sender=Proposal, instance=proposal))
    return proposal


@transaction.atomic
def edit_proposal(user, proposal, *, title, body, topic=None, language=None, viewer=None):
    # Lock the row: a support arriving now waits, then finds the text it was shown.
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related("dialogue", "topic").get(pk=proposal.pk)
    _check_visible(proposal, user, viewer)
    if topic is not None and not (viewer or viewer_for(user)).sees_page(topic):
        raise ProposalError(_("This topic does not belong to this dialogue."))
    _check(user, "edit_proposal", proposal)
    proposal.title = _checked(title, 150, one_line=True)
    proposal.body = _checked(body, 5000)
    proposal.topic = _topic_for(proposal.dialogue, topic)
    if language:
        proposal.language = language
    proposal.edited_at = timezone.now()
    proposal.save(update_fields=["title", "body", "topic", "language", "edited_at"])
    return proposal


@transaction.atomic
def withdraw_proposal(user, proposal, viewer=None):
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related("dialogue", "topic").get(pk=proposal.pk)
    _check_visible(proposal, user, viewer)
    _check(user, "withdraw_proposal", proposal)
    proposal.withdrawn_at = timezone.now()
    proposal.save(update_fields=["withdrawn_at"])
    return proposal


def _lock_person(user):
    # One person's supports in a limited dialogue run one after the other, so the limit check
    # sees every support they made before (PostgreSQL; SQLite serialises all writes anyway).
    # Always taken after the proposal's row lock, never before: no deadlock.
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()


def _locked_for_supports(pk):
    """The proposal's row, locked, with what the support rules and answer read (its dialogue's
    settings included): the busiest query of a dialogue, so only those columns (others load if
    something asks for them)."""
    return (
        Proposal.objects.select_related("dialogue__proposal_settings", "topic")
        .only(*SUPPORT_FIELDS)
        .select_for_update(of=("self",))
        .get(pk=pk)
    )


SUPPORT_FIELDS = (
    "author_id", "dialogue_id", "withdrawn_at", "hidden_at", "answered_at", "support_count",
    "dialogue__live_revision_id", "dialogue__content_type_id", "dialogue__locale_id", "dialogue__translation_key",
    "dialogue__live", "dialogue__path", "topic__live", "topic__path",
    *(f"dialogue__proposal_settings__{field.name}" for field in DialogueSettings._meta.concrete_fields),
)  # fmt: skip


@transaction.atomic
def cast_support(user, proposal, viewer=None):
    """Support a proposal once; returns the proposal with its new count and `supported_by_me`.

    Exact under races: the proposal's row is locked while its count moves, and the unique
    constraint refuses a second support."""
    proposal = _locked_for_supports(proposal.pk)
    _check_visible(proposal, user, viewer)
    _check(user, "support_proposal", proposal)  # not withdrawn nor hidden: settled while the row is locked
    limit = DialogueSettings.for_dialogue(proposal.dialogue).support_limit
    if limit is not None:
        _lock_person(user)
        if supports_used(user, proposal.dialogue_id) >= limit:
            raise Conflict(
                ngettext(
                    "You have used your only support in this dialogue. Withdraw it to support this proposal.",
                    "You have used all %(limit)s of your supports in this dialogue. Withdraw one to support this proposal.",
                    limit,
                )
                % {"limit": limit}
            )
    try:
        Support.objects.create(user=user, proposal=proposal)
    except IntegrityError:
        # Supported already (maybe by a request of theirs racing this one). Raising ends the
        # transaction, which the failed INSERT spoiled, so no savepoint is needed.
        raise Conflict(_("You already support this proposal.")) from None
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    proposal.support_count += 1  # the row is locked: no one else changed it meanwhile
    proposal.supported_by_me = True
    return proposal


@transaction.atomic
def withdraw_support(user, proposal, viewer=None):
    # Locks as cast_support does, proposal first; no lock on the person: withdrawing only
    # frees allowance, and a racing support that missed it errs on the safe side.
    proposal = _locked_for_supports(proposal.pk)
    _check_visible(proposal, user, viewer)
    _check(user, "unsupport_proposal", proposal)
    deleted, _details = Support.objects.filter(user=user, proposal=proposal).delete()
    if not deleted:
        raise Conflict(_("You do not support this proposal."))
    Proposal.objects.filter(pk=proposal.pk, support_count__gt=0).update(support_count=F("support_count") - 1)
    proposal.support_count = max(proposal.support_count - 1, 0)
    proposal.supported_by_me = False
    return proposal


@transaction.atomic
def answer_proposal(proposal, *, state, text, user=None, locale=None):
    """Give (or change, or clear) the official answer: a state and a public text.

    The text is stored as a ProposalAnswer in `locale` (the default locale unless given);
    translations are made from it with wagtail-localize. Listeners hear about it after commit."""
    if user is not None:
        _check(user, "answer_proposal", proposal)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    text = _checked(text or "", 5000, required=False)
    if state is not None:
        state = canonical_state(state)
    locale = locale or Locale.get_default()
    answers = list(ProposalAnswer.objects.filter(proposal=proposal).order_by("pk"))
    source = next((answer for answer in answers if answer.locale_id == locale.pk), None) or (answers[0] if answers else None)
    changed = state != proposal.state or text != (source.text if source else "")
    now = timezone.now()
    if text:
        if source is None:
            source = ProposalAnswer.objects.create(proposal=proposal, locale=locale, text=text, answered_by=user, updated_at=now)
        elif source.text != text:
            source.text, source.answered_by, source.updated_at = text, user, now
            source.save(update_fields=["text", "answered_by", "updated_at"])
    elif answers:
        # No text any more: the translations go too, they would translate nothing.
        ProposalAnswer.objects.filter(proposal=proposal).delete()
        source = None
    proposal.state = state
    if state is None and not text:
        proposal.answered_at = None
    elif changed or proposal.answered_at is None:
        proposal.answered_at = now
    proposal.save(update_fields=["state", "answered_at"])
    if changed and proposal.answered_at is not None:
        answer = source
        transaction.on_commit(lambda: proposal_answered.send(sender=Proposal, proposal=proposal, answer=answer))
    return proposal


def canonical_state(state):
    default = Locale.get_default()
    if state.locale_id == default.pk:
        return state
    return state.get_translation_or_none(default) or state


def record_comment(instance):
    """A comment was made somewhere: count it when its target is a proposal."""
    target = getattr(instance, "target", None)
    if isinstance(target, Proposal):
        Proposal.objects.filter(pk=target.pk).update(comment_count=F("comment_count") + 1)


def dialogue_page(dialogue_id):
    """The live page with this id when it is a dialogue, else None."""
    page = Page.objects.live().filter(pk=dialogue_id).select_related("locale").first()
    if page is None or not getattr(page.specific_class, "participation_root", False):
        return None
    return page
