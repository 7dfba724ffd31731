import rules
from django import template
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from participation.core.text import render_plain_text
from participation.core import pending
from participation.core.http import sign_in_url
from participation.moderation.services import is_blocked

from ..models import Comment, Position, target_url
from ..queries import thread_for
from ..services import is_commentable

register = template.Library()

SORT_LABELS = [("oldest", _("Oldest first")), ("newest", _("Newest first")), ("best", _("Best rated"))]


@register.filter
def plain_text(value):
    """Citizen text: escaped, line breaks kept, links clickable with rel="nofollow ugc noopener"."""
    return render_plain_text(value)


def thread_context(request, user, thread, csrf_token=None):
    """What comments/thread.html and comments/includes/comment.html need (also for JSON replies)."""
    context = {
        "request": request,
        "user": user,
        "thread": thread,
        "comment_content_type_id": ContentType.objects.get_for_model(Comment).pk,
        "position_choices": Position.choices,
    }
    # Inclusion tags get a fresh context: pass the token on. render_to_string(request=...)
    # provides its own, which a None here would hide.
    if csrf_token is not None:
        context["csrf_token"] = csrf_token
    return context


@register.inclusion_tag("comments/thread.html", takes_context=True)
def comments_for(context, obj):
    """The comment thread of any object: `{% load comments_tags %}{% comments_for page %}`."""
    request = context.get("request")
    if obj is None or obj.pk is None:  # e.g. the admin preview of a page not saved yet
        return {"thread": None}
    user = getattr(request, "user", None) or AnonymousUser()
    query = request.GET if request is not None else QueryDict()
    sort = query.get("comments", "oldest")
    thread = thread_for(obj, user, sort, page=query.get("comments_page"), focus=query.get("comment"))
    path = request.path if request is not None else target_url(obj)

    def link(**changes):
        """This page with other thread parameters; the rest of the query string kept."""
        params = query.copy()
        params.pop("comment", None)  # a permanent link's focus would override the page asked for
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return f"{path}?{params.urlencode()}#comments"

    # A new order starts on its first page.
    sort_links = [(value, label, link(comments=value, comments_page=None)) for value, label in SORT_LABELS]
    page_obj = thread.page_obj
    pages = {
        "previous": link(comments_page=page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next": link(comments_page=page_obj.next_page_number()) if page_obj.has_next() else "",
    }
    blocked = is_blocked(user)
    result = thread_context(request, user, thread, context.get("csrf_token"))
    result.update(
        {
            "sort_links": sort_links,
            "pages": pages,
            "blocked": blocked,
            "open": is_commentable(obj, check_dialogue=False),
            "can_post": rules.has_perm("participation_comments.post_comment", user),
            "sign_in_url": sign_in_url(f"{path}#comments"),
        }
    )
    if user.is_authenticated:
        # A comment written before signing in (participation.core.pending): back in the form.
        kept = pending.take(request, "comment", content_type=thread.content_type_id, object=obj.pk)
        if kept:
            parent = Comment.objects.for_target(obj).filter(pk=kept["parent"]).first() if kept["parent"] else None
            result["kept"] = {"body": kept["body"], "position": kept["position"], "parent": parent}
    return result
