"""Public views: thin. Reads come from queries, writes from services, rights from rules."""

import secrets

from django.apps import apps
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Subquery
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template import engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from participation.core import http, pending, ratelimit
from participation.core.http import number_from, refused, safe_next, wants_json
from participation.core.visibility import Viewer, viewer_of

from . import queries, services
from . import rules as proposal_rules
from .forms import ListFilterForm, ProposalForm
from .models import DialogueSettings, Proposal


def error_response(request, message, status, next_url=None):
    """JSON for scripts; for people, a message and a way back (or a page saying why)."""
    return refused(request, message, status=status, back_url=next_url, redirect_back=True)


def sign_in_first(request, next_url=None):
    return http.sign_in_first(request, next_url, message=proposal_rules.SIGN_IN)


def dialogue_or_404(request, dialogue_id):
    """The dialogue, if it exists for this person (participation.core.visibility)."""
    page = services.dialogue_page(dialogue_id)
    if page is None or not viewer_of(request).sees_page(page):
        raise Http404(_("There is no such dialogue."))
    return queries.Dialogue(page)


def proposal_or_404(request, queryset, pk):
    proposal = queryset.filter(pk=pk).first()
    if proposal is None or not proposal.is_visible_to(viewer_of(request)):
        raise Http404(_("There is no such proposal."))
    return proposal


def comments_available():
    """Comments render only when the comments app and its template tags exist."""
    return apps.is_installed("participation.comments") and "comments_tags" in engines["django"].engine.template_libraries


def decorate(proposals, topics, state_translations):
    """Names in the visitor's language for each row, from data already loaded."""
    titles = queries.topic_titles(topics)
    for proposal in proposals:
        proposal.topic_title = titles.get(proposal.topic_key, proposal.topic_source_title) if proposal.topic_key else ""
        proposal.state_name = proposal.state.display_name(state_translations) if proposal.state else ""
    return proposals


@require_GET
def proposal_list(request, dialogue_id):
    dialogue = dialogue_or_404(request, dialogue_id)
    topics = dialogue.topics()
    state_translations = queries.states_by_translation()
    form = ListFilterForm(
        request.GET,
        topics=topics,
        states=queries.canonical_states(state_translations),
        state_translations=state_translations,
        user=request.user,
    )
    filters = form.values()
    seed = filters.pop("seed")
    if filters["sort"] == "random":
        # The shuffle travels in the links (seed=…), never in a session: paging keeps the order,
        # and an anonymous reader gets no session row.
        if seed is None:
            seed = secrets.randbelow(queries.SEED_LIMIT)
    else:
        seed = None
    proposals = queries.proposal_list(dialogue, request.user, **filters, seed=seed or 0, viewer=viewer_of(request))
    page_obj = Paginator(proposals, queries.PER_PAGE).get_page(request.GET.get("page"))
    decorate(page_obj.object_list, topics, state_translations)
    return render(
        request,
        "proposals/proposal_list.html",
        {
            "dialogue": dialogue,
            "form": form,
            "page_obj": page_obj,
            "proposals": page_obj.object_list,
            "filtered": any(filters[name] for name in ("topic_key", "state", "mine", "supported")),
            "proposals_open": proposal_rules.proposals_open.test(request.user, dialogue.canonical),
            "settings": dialogue.settings,
            "seed": seed,
        },
    )


def _proposal_form_page(request, dialogue, form, similar=None, proposal=None, status=200):
    return render(
        request,
        "proposals/proposal_form.html",
        {"dialogue": dialogue, "form": form, "similar": similar, "checked_similar": similar is not None, "proposal": proposal},
        status=status,
    )


def preselected_topic(request, topics):
    """The topic a link chose with `?topic=<page id>` (any language version of it, e.g. from an
    event page's "Propose a topic"), among the visitor's topics; None otherwise."""
    topic_id = number_from(request.GET.get("topic"))
    if topic_id is None:
        return None
    return topics.filter(translation_key=Subquery(Page.objects.filter(pk=topic_id).values("translation_key")[:1])).first()


@require_http_methods(["GET", "POST"])
def proposal_create(request, dialogue_id):
    dialogue = dialogue_or_404(request, dialogue_id)
    if not request.user.is_authenticated:
        return sign_in_first(request)
    reason = proposal_rules.denial(request.user, "create_proposal", dialogue.canonical)
    if reason:
        return error_response(request, reason, 403)
    topics = Page.objects.child_of(dialogue.localized).live().public().order_by("path")
    if request.method == "GET":
        return _proposal_form_page(request, dialogue, ProposalForm(initial={"topic": preselected_topic(request, topics)}, topics=topics))
    if "check_similar" in request.POST:
        # Without JavaScript: show the similar proposals, keep the draft, judge nothing yet.
        form = ProposalForm(initial=request.POST.dict(), topics=topics)
        return _proposal_form_page(request, dialogue, form, similar=queries.similar_proposals(dialogue, request.POST.get("title"), viewer=viewer_of(request)))
    form = ProposalForm(request.POST, topics=topics)
    if not form.is_valid():
        return _proposal_form_page(request, dialogue, form, status=400)
    if not ratelimit.hit("proposal", f"user:{request.user.pk}"):
        form.add_error(None, _("You made many proposals in a short time. Please wait a while before making another one."))
        return _proposal_form_page(request, dialogue, form, status=429)
    try:
        proposal = services.create_proposal(request.user, dialogue.canonical, **form.cleaned_data, viewer=viewer_of(request))
    except services.ProposalError as error:
        form.add_error(None, error.message)
        return _proposal_form_page(request, dialogue, form, status=error.status)
    messages.success(request, _("Thank you: your proposal is published."))
    return redirect(proposal)


@require_GET
def proposal_similar(request, dialogue_id):
    """An HTML fragment for the form's live region."""
    dialogue = dialogue_or_404(request, dialogue_id)
    title = request.GET.get("title", "")
    exclude = request.GET.get("exclude", "")
    similar = queries.similar_proposals(dialogue, title, exclude_pk=number_from(exclude), viewer=viewer_of(request))
    # Nothing to say about a title too short to compare.
    checked = len(title.strip()) >= queries.MIN_SIMILAR_LENGTH
    return render(request, "proposals/includes/similar.html", {"similar": similar, "checked_similar": checked})


def support_context(request, proposal, settings):
    return {
        "proposal": proposal,
        "settings": settings,
        **proposal_rules.support_permissions(request.user, proposal),
        "allowance": queries.support_allowance(request.user, settings),
    }


@require_GET
def proposal_detail(request, pk):
    proposal = queries.proposal_detail(pk, request.user)
    if proposal is None or not proposal.is_visible_to(viewer_of(request)):
        raise Http404(_("There is no such proposal."))
    dialogue = queries.Dialogue(proposal.dialogue)
    answer, answer_is_fallback = queries.answer_for(proposal)
    topic = proposal.topic
    if topic is not None:
        topic = next((t for t in dialogue.topics() if t.translation_key == topic.translation_key), topic)
    user = request.user
    is_author = proposal_rules.is_author.test(user, proposal)
    context = support_context(request, proposal, dialogue.settings)
    context.update(
        {
            "dialogue": dialogue,
            "topic": topic,
            "state_name": proposal.state.display_name() if proposal.state else "",
            "answer": answer,
            "answer_is_fallback": answer_is_fallback,
            "can_edit": proposal_rules.can(user, "edit_proposal", proposal),
            "can_withdraw": proposal_rules.can(user, "withdraw_proposal", proposal),
            # Why an author cannot edit any more (supports, answer, phase), said next to the text.
            "edit_denial": (
                proposal_rules.denial(user, "edit_proposal", proposal) if is_author and not proposal.is_withdrawn else None
            ),
            "is_author": is_author,  # people report others' proposals, not their own
            "show_hidden": proposal_rules.is_moderator.test(user) or proposal_rules.is_editor.test(user),
            "comments_enabled": comments_available() and not proposal.is_hidden,
        }
    )
    return render(request, "proposals/proposal_detail.html", context)


@require_http_methods(["GET", "POST"])
def proposal_edit(request, pk):
    proposal = proposal_or_404(request, Proposal.objects.select_related("dialogue", "topic"), pk)
    if not request.user.is_authenticated:
        return sign_in_first(request)
    reason = proposal_rules.denial(request.user, "edit_proposal", proposal)
    if reason:
        return error_response(request, reason, 403)
    dialogue = queries.Dialogue(proposal.dialogue)
    topics = Page.objects.child_of(dialogue.localized).live().public().order_by("path")
    if request.method == "GET":
        topic = None
        if proposal.topic is not None:
            topic = topics.filter(translation_key=proposal.topic.translation_key).first() or proposal.topic
        initial = {"title": proposal.title, "body": proposal.body, "topic": topic, "language": proposal.language}
        return _proposal_form_page(request, dialogue, ProposalForm(initial=initial, topics=topics), proposal=proposal)
    if "check_similar" in request.POST:
        form = ProposalForm(initial=request.POST.dict(), topics=topics)
        similar = queries.similar_proposals(dialogue, request.POST.get("title"), exclude_pk=proposal.pk, viewer=viewer_of(request))
        return _proposal_form_page(request, dialogue, form, similar=similar, proposal=proposal)
    form = ProposalForm(request.POST, topics=topics)
    if not form.is_valid():
        return _proposal_form_page(request, dialogue, form, proposal=proposal, status=400)
    try:
        proposal = services.edit_proposal(request.user, proposal, **form.cleaned_data, viewer=viewer_of(request))
    except services.ProposalError as error:
        form.add_error(None, error.message)
        return _proposal_form_page(request, dialogue, form, proposal=proposal, status=error.status)
    messages.success(request, _("Your changes are saved."))
    return redirect(proposal)


@require_http_methods(["GET", "POST"])
def proposal_withdraw(request, pk):
    proposal = proposal_or_404(request, Proposal.objects.with_reference_prefix().select_related("dialogue", "topic"), pk)
    if not request.user.is_authenticated:
        return sign_in_first(request)
    reason = proposal_rules.denial(request.user, "withdraw_proposal", proposal)
    if reason:
        return error_response(request, reason, 403)
    if request.method == "GET":
        return render(request, "proposals/proposal_withdraw.html", {"proposal": proposal})
    try:
        services.withdraw_proposal(request.user, proposal, viewer=viewer_of(request))
    except services.ProposalError as error:
        return error_response(request, error.message, error.status)
    messages.success(request, _("Your proposal is withdrawn. It stays visible, marked as withdrawn."))
    return redirect(proposal)


def _support_action(request, pk, action, success_message):
    # The hot path of a busy dialogue: the service reads the proposal once and the answer is
    # built from what it returns, without reading anything again.
    proposal_url = reverse("proposals:detail", args=[pk])
    next_url = safe_next(request, proposal_url)
    if not request.user.is_authenticated:
        if action is services.cast_support:
            return pending.sign_in_to_finish(request, "support", proposal_url, proposal_rules.SIGN_IN, proposal=pk)
        return sign_in_first(request, next_url=proposal_url)
    if not ratelimit.hit("support", f"user:{request.user.pk}"):
        return error_response(request, _("Too many requests in a short time. Please wait a minute and try again."), 429, next_url)
    try:
        proposal = action(request.user, Proposal(pk=pk), viewer=viewer_of(request))
    except Proposal.DoesNotExist:
        raise Http404(_("There is no such proposal.")) from None
    except services.ProposalError as error:
        return error_response(request, error.message, error.status, next_url)
    if wants_json(request):
        context = support_context(request, proposal, DialogueSettings.for_dialogue(proposal.dialogue))
        return JsonResponse(
            {
                "supported": proposal.supported_by_me,
                "support_count": proposal.support_count,
                "message": str(success_message),
                "html": render_to_string("proposals/includes/support_box.html", context, request=request),
            }
        )
    messages.success(request, success_message)
    return HttpResponseRedirect(next_url)


@pending.finishes("support")
def finish_support(request, user, kept):
    """A support asked for before signing in, cast at sign-in as if asked now."""
    if not ratelimit.hit("support", f"user:{user.pk}"):
        messages.error(request, _("Too many requests in a short time. Please wait a minute and try again."))
        return
    try:
        services.cast_support(user, Proposal(pk=kept["proposal"]), viewer=Viewer(user=user, request=request))
    except Proposal.DoesNotExist:
        messages.error(request, _("There is no such proposal."))
    except services.ProposalError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you: you support this proposal."))


@require_POST
def proposal_support(request, pk):
    return _support_action(request, pk, services.cast_support, _("Thank you: you support this proposal."))


@require_POST
def proposal_unsupport(request, pk):
    return _support_action(request, pk, services.withdraw_support, _("You no longer support this proposal."))
