"""Post, reply, edit, delete and vote. Without JavaScript each answers with a redirect to the
comment (or a full page keeping the text when something is wrong); fetch() requests from
participation.js (Accept: application/json) get JSON: {"error": ...} with a 4xx status when refused."""

import functools

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from participation.core import pending, ratelimit
from participation.core.http import json_error, refused, sign_in_first, wants_json
from participation.core.visibility import viewer_of

from . import rules as comment_rules
from . import services
from .forms import RAW_MAX_LENGTH, CommentForm, DeleteCommentForm, NewCommentForm
from .models import Comment, allows_positions, comment_link, target_url
from .queries import Thread, decorate
from .templatetags.comments_tags import thread_context


SIGN_IN_TO_COMMENT = gettext_lazy("Sign in to take part in the discussion.")


def visible_comment_or_404(request, pk):
    comment = Comment.objects.filter(pk=pk).first()
    if comment is None or not comment.is_visible_to(viewer_of(request)):
        raise Http404(_("There is no such comment."))
    return comment


def participant_required(view):
    """Like login_required, but a fetch() gets a 401 JSON answer instead of a redirect."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            next_url = request.get_full_path() if request.method == "GET" else ""
            return sign_in_first(request, next_url, message=SIGN_IN_TO_COMMENT)
        return view(request, *args, **kwargs)

    return wrapper


def refuse(request, message, status=403, back=None):
    # A refused vote or edit returns to the discussion with the reason; a 403 says why on a page.
    return refused(request, message, status=status, back_url=back, redirect_back=status != 403)


def form_errors(form):
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def comment_url(comment, target=None):
    return comment_link(target_url(target if target is not None else comment.target), comment.pk)


def _rate_limited(user):
    return not ratelimit.hit("comment", f"user:{user.pk}")


@require_POST
def new(request):
    """A new comment (no parent) or a reply (parent = the comment answered)."""
    user = request.user
    form = NewCommentForm(request.POST)
    form.is_valid()
    target = form.target
    if target is None or not viewer_of(request).sees(target):
        if not user.is_authenticated and wants_json(request):
            return sign_in_first(request, "", message=SIGN_IN_TO_COMMENT)
        return refuse(request, _("This page or contribution does not exist (any more)."), status=404 if not wants_json(request) else 400)
    back = target_url(target)
    if not user.is_authenticated:
        # Signed out meanwhile (or never in): the text waits in the form after sign-in.
        return pending.sign_in_to_finish(
            request, "comment", f"{back}#comments", SIGN_IN_TO_COMMENT,
            content_type=form.cleaned_data["content_type"], object=form.cleaned_data["object_id"],
            body=request.POST.get("body", "")[:RAW_MAX_LENGTH], parent=form.cleaned_data.get("parent"),
            position=form.cleaned_data.get("position") or "",
        )  # fmt: skip
    reason = comment_rules.denial(user, "post_comment")
    if reason:
        return refuse(request, reason)
    if not services.is_commentable(target):
        return refuse(request, _("Comments are closed here."))
    parent = None
    # Resolved even when the text is refused, so the page that keeps the text keeps the reply too.
    if form.is_valid() or "parent" not in form.errors:
        parent_id = form.cleaned_data.get("parent")
        parent = Comment.objects.for_target(target).filter(pk=parent_id).select_related("parent").first() if parent_id else None
        if parent_id and parent is None:  # or it is on another page: not this page's to quote
            form.add_error(None, _("The comment you answered no longer exists."))
    status = 400
    if form.is_valid():
        if _rate_limited(user):
            form.add_error(None, _("You have posted many comments in a short time. Please wait a few minutes."))
            status = 429
        else:
            try:
                comment = services.post_comment(
                    user, target, form.cleaned_data["body"], parent=parent, position=form.cleaned_data.get("position", "")
                )
            except services.CommentError as refusal:
                form.add_error(None, refusal.message)
                status = refusal.status
            else:
                return _posted(request, form, comment, target)
    if wants_json(request):
        return json_error(form_errors(form), status=status, errors=form.errors.get_json_data())
    return TemplateResponse(
        request,
        "comments/comment_form.html",
        {"form": form, "target": target, "back_url": back, "parent": parent, "action": "new"},
        status=status,
    )


def _posted(request, form, comment, target):
    notice = _("Formatting and markup were removed: comments are plain text.") if form.neutralised else ""
    message = _("Your reply is posted.") if comment.parent_id else _("Your comment is posted.")
    if wants_json(request):
        decorate([comment], request.user, {})
        comment.author = request.user
        thread = Thread(target)
        context = thread_context(request, request.user, thread)
        context.update({"comment": comment, "open": True})
        html = render_to_string("comments/includes/comment.html", context, request=request)
        count = Comment.objects.for_target(target).shown().count()
        # Same msgids as the heading in comments/thread.html ({% blocktranslate count counter %}).
        heading = ngettext("%(counter)s comment", "%(counter)s comments", count) % {"counter": count}
        return JsonResponse(
            {
                "id": comment.pk,
                "parent": comment.parent_id,
                "html": html,
                "heading": heading,
                "message": str(message),
                "notice": str(notice),
            },
            status=201,
        )
    messages.success(request, message)
    if notice:
        messages.warning(request, notice)
    return HttpResponseRedirect(comment_url(comment, target))


@require_http_methods(["GET", "POST"])
@participant_required
def edit(request, pk):
    comment = visible_comment_or_404(request, pk)
    target = comment.target
    if target is None:
        raise Http404(_("This comment's page no longer exists."))
    back = comment_url(comment, target)
    reason = comment_rules.denial(request.user, "edit_comment", comment)
    if reason:
        return refuse(request, reason)
    positions = allows_positions(target)
    initial = {"body": comment.body, "position": comment.position}
    form = CommentForm(request.POST or None, initial=initial, allow_positions=positions)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if _rate_limited(request.user):
                form.add_error(None, _("You have posted many comments in a short time. Please wait a few minutes."))
                status = 429
            else:
                services.edit_comment(
                    request.user, comment, form.cleaned_data["body"], form.cleaned_data.get("position") if positions else None
                )
                if wants_json(request):
                    return JsonResponse({"id": comment.pk, "message": _("Your comment is updated.")})
                messages.success(request, _("Your comment is updated."))
                if form.neutralised:
                    messages.warning(request, _("Formatting and markup were removed: comments are plain text."))
                return HttpResponseRedirect(back)
        if wants_json(request):
            return json_error(form_errors(form), status=status, errors=form.errors.get_json_data())
    return TemplateResponse(
        request,
        "comments/comment_form.html",
        {"form": form, "target": target, "back_url": back, "comment": comment, "action": "edit"},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@participant_required
def delete(request, pk):
    comment = visible_comment_or_404(request, pk)
    target = comment.target
    back = comment_url(comment, target) if target is not None else "/"
    reason = comment_rules.denial(request.user, "remove_comment", comment)
    if reason:
        return refuse(request, reason)
    needs_reason = comment.author_id != request.user.pk
    form = DeleteCommentForm(request.POST if request.method == "POST" else None, needs_reason=needs_reason)
    error = ""
    if form.is_bound:
        if form.is_valid():
            services.delete_comment(request.user, comment, form.cleaned_data["reason"])
            if wants_json(request):
                return JsonResponse({"id": comment.pk, "message": _("The comment is deleted.")})
            messages.success(request, _("The comment is deleted."))
            return HttpResponseRedirect(back)
        error = form_errors(form)
        if wants_json(request):
            return json_error(error)
    return TemplateResponse(
        request,
        "comments/delete.html",
        {"comment": comment, "back_url": back, "needs_reason": needs_reason, "reason": form["reason"].value() or "", "error": error},
        status=400 if error else 200,
    )


VOTE_VALUES = {"up": 1, "down": -1}


@require_POST
@participant_required
def vote(request, pk):
    comment = visible_comment_or_404(request, pk)
    back = comment_url(comment)
    value = VOTE_VALUES.get(request.POST.get("value", ""))
    if value is None:
        return refuse(request, _("Vote up or down."), status=400, back=back)
    reason = comment_rules.denial(request.user, "vote_comment", comment)
    if reason:
        return refuse(request, reason, back=back)
    # Votes are cheap and frequent: a looser limit than posting, in the same scope.
    if not ratelimit.hit("comment", f"vote:{request.user.pk}", limit=120, period=60):
        return refuse(request, _("You have voted many times in a short time. Please wait a minute."), status=429, back=back)
    comment, current = services.vote(request.user, comment, value)
    if current == 1:
        message = _("You voted this comment up.")
    elif current == -1:
        message = _("You voted this comment down.")
    else:
        message = _("Your vote is withdrawn.")
    if wants_json(request):
        return JsonResponse(
            {"id": comment.pk, "upvotes": comment.upvotes, "downvotes": comment.downvotes, "vote": current, "message": message}
        )
    messages.success(request, message)
    return HttpResponseRedirect(back)
