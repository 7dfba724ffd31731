"""Reads: a target's whole thread in one query, the person's votes in one more, the tree built
in Python. The number of queries does not grow with the number of comments."""

import rules
from django.db.models import F, Q
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from wagtail.models import Page

from participation.core.http import number_from
from participation.core.models import Contribution

from .models import Comment, CommentVote, allows_positions, target_content_type

SORTS = ("oldest", "newest", "best")
# Conversations (a top-level comment with its replies) per page of a thread: a long thread stays
# quick to load and to move through with a screen reader.
PER_PAGE = 50


def resolve_target(content_type_id, object_id):
    """The object named by a form's hidden fields, or None if it does not exist."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None:
        return None
    if issubclass(model, Page):
        return Page.objects.live().filter(pk=object_id).first()
    if issubclass(model, Contribution) and model is not Comment:
        return model._base_manager.filter(pk=object_id).first()
    return None


def decorate(comments, user, votes):
    """Attach what the templates need per comment: the person's vote and what they may do."""
    for comment in comments:
        comment.my_vote = votes.get(comment.pk, 0)
        comment.can_edit = rules.has_perm("participation_comments.edit_comment", user, comment)
        comment.can_delete = rules.has_perm("participation_comments.remove_comment", user, comment)
        comment.can_vote = rules.has_perm("participation_comments.vote_comment", user, comment)
        comment.can_reply = rules.has_perm("participation_comments.reply_comment", user, comment)
        comment.is_own = comment.author_id is not None and comment.author_id == getattr(user, "pk", None)
        comment.children = getattr(comment, "children", [])
    return comments


def _sort_key(sort):
    # On (pk, parent id, created at, score) rows: see thread_for.
    if sort == "newest":
        return lambda row: (-row[2].timestamp(), -row[0])
    if sort == "best":
        return lambda row: (-row[3], row[2], row[0])
    return lambda row: (row[2], row[0])


class Thread:
    """One page of a target's comments: `roots`, the conversations on it (replies under
    `children`), `count`, the visible comments of the whole thread."""

    def __init__(self, target, roots=(), sort="oldest", count=0, page_obj=None):
        self.target = target
        self.roots = roots
        self.sort = sort
        self.count = count
        self.page_obj = page_obj
        self.root_count = page_obj.paginator.count if page_obj is not None else len(roots)
        self.content_type_id = target_content_type(target).pk
        self.object_id = target.pk
        self.allow_positions = allows_positions(target)


def thread_for(target, user, sort="oldest", page=None, focus=None, per_page=PER_PAGE):
    """One page of the target's thread: top-level comments in the chosen order, replies oldest
    first under their parent so each conversation reads in order. `focus` (a comment id, as in
    a comment's permanent link) picks the page that holds that comment.

    The shape of the whole thread comes from one light query (ids, parents, dates, scores);
    only the comments on the page are loaded whole: a long thread costs little more than a
    short one."""
    if sort not in SORTS:
        sort = "oldest"
    rows = list(
        Comment.objects.for_target(target)
        .annotate(score=F("upvotes") - F("downvotes"), visible=Q(deleted_at__isnull=True, hidden_at__isnull=True))
        .values_list("pk", "parent_id", "created_at", "score", "visible")
        .order_by("created_at", "pk")
    )
    parents = {row[0]: row[1] for row in rows}
    roots = sorted((row for row in rows if row[1] not in parents), key=_sort_key(sort))
    root_ids = [row[0] for row in roots]

    def root_of(pk):
        while parents[pk] in parents:  # replies nest three deep at most
            pk = parents[pk]
        return pk

    focus = number_from(focus)
    if focus in parents:
        page = root_ids.index(root_of(focus)) // per_page + 1
    page_obj = Paginator(root_ids, per_page).get_page(page)
    shown_roots = set(page_obj.object_list)
    shown_ids = [pk for pk in parents if root_of(pk) in shown_roots]
    comments = {c.pk: c for c in Comment.objects.filter(pk__in=shown_ids).select_related("author__participant").order_by("created_at", "pk")}
    for comment in comments.values():
        comment.children = []
    for comment in comments.values():
        if comment.parent_id in comments:
            comments[comment.parent_id].children.append(comment)
    votes = {}
    if comments and user is not None and user.is_authenticated:
        votes = dict(CommentVote.objects.filter(user=user, comment__in=shown_ids).values_list("comment_id", "value"))
    decorate(comments.values(), user, votes)
    page_obj.object_list = [comments[pk] for pk in page_obj.object_list]
    count = sum(1 for row in rows if row[4])
    return Thread(target, page_obj.object_list, sort, count, page_obj)
