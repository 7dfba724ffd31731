"""Who may see what: one rule for every read and write path of participation.

A person sees a page's participation (its contributions, counts, feeds, exports, notifications)
only if the page and its dialogue are live, under live parents, and pass Wagtail's view
restrictions (login, groups, password) for that person: the answer Wagtail gives when it serves
the page. Writes are refused wherever reading is.

The rule needs the restrictions and the unpublished branches of the page tree. They change
rarely and are read on every request, so they are kept in the cache, dropped whenever a
restriction or a page's publication changes (signals below), and in any case re-read after
STATE_SECONDS, which bounds a change made without signals (a script's .update())."""

from functools import cached_property, reduce
from operator import and_

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

STATE_KEY = "participation:visibility-state"
STATE_SECONDS = 5


def _read_state():
    groups = {}
    for restriction_id, group_id in PageViewRestriction.groups.through.objects.values_list("pageviewrestriction_id", "group_id"):
        groups.setdefault(restriction_id, set()).add(group_id)
    restrictions = [
        (pk, path, kind, frozenset(groups.get(pk, ())))
        for pk, path, kind in PageViewRestriction.objects.values_list("pk", "page__path", "restriction_type")
    ]
    # Branches a visitor cannot reach: a live page under an unpublished one is not served.
    dark = list(Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True))
    return {"restrictions": restrictions, "dark": dark}


def state():
    current = cache.get(STATE_KEY)
    if current is None:
        current = _read_state()
        cache.set(STATE_KEY, current, STATE_SECONDS)
    return current


def forget_state(**kwargs):
    cache.delete(STATE_KEY)


def connect():
    """Called once the apps are ready (core's AppConfig.ready)."""
    for name, signal in (("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move)):
        signal.connect(forget_state, dispatch_uid=f"participation-visibility-page-{name}")
    post_save.connect(forget_state, sender=PageViewRestriction, dispatch_uid="participation-visibility-restriction-saved")
    post_delete.connect(forget_state, sender=PageViewRestriction, dispatch_uid="participation-visibility-restriction-deleted")
    post_delete.connect(forget_state, sender=Page, dispatch_uid="participation-visibility-page-deleted")


class Viewer:
    """A person looking: a user (anonymous or not) and, when there is one, their request (a page
    password passed this session counts only with it: emails have no session)."""

    def __init__(self, user=None, request=None):
        self.request = request
        self.user = user if user is not None else getattr(request, "user", None)

    @cached_property
    def _group_ids(self):
        user = self.user
        if user is None or not user.is_authenticated:
            return frozenset()
        return frozenset(user.groups.values_list("pk", flat=True))

    def _passes(self, restriction_id, kind, groups):
        user = self.user
        signed_in = bool(user is not None and user.is_authenticated)
        if kind == PageViewRestriction.LOGIN:
            return signed_in
        if kind == PageViewRestriction.GROUPS:
            return signed_in and (user.is_superuser or bool(groups & self._group_ids))
        if kind == PageViewRestriction.PASSWORD:
            session = getattr(self.request, "session", None)
            key = PageViewRestriction.passed_view_restrictions_session_key
            return session is not None and restriction_id in session.get(key, [])
        return True  # PageViewRestriction.NONE

    @cached_property
    def hidden_branches(self):
        """Paths of the branches of the page tree this person may not see."""
        current = state()
        refused = [path for pk, path, kind, groups in current["restrictions"] if not self._passes(pk, kind, groups)]
        return tuple(current["dark"]) + tuple(refused)

    def sees_page(self, page):
        return page is not None and page.live and not page.path.startswith(self.hidden_branches)

    def page_filter(self, field=None):
        """A Q for pages (or a relation to pages named `field`) this person may see."""
        prefix = f"{field}__" if field else ""
        conditions = [Q(**{f"{prefix}live": True})]
        conditions += [~Q(**{f"{prefix}path__startswith": path}) for path in self.hidden_branches]
        return reduce(and_, conditions)

    def visible_pages(self):
        return Page.objects.filter(self.page_filter())

    def sees(self, obj):
        """A page, or a contribution (its dialogue and the page it is on)."""
        if obj is None:
            return False
        if isinstance(obj, Page):
            return self.sees_page(obj)
        return obj.is_visible_to(self)


def viewer_of(request):
    """The request's viewer, made once per request."""
    viewer = getattr(request, "_participation_viewer", None)
    if viewer is None:
        viewer = request._participation_viewer = Viewer(request=request)
    return viewer


def public_viewer():
    """Anyone at all: what the API, open data and shared caches may show."""
    from django.contrib.auth.models import AnonymousUser

    return Viewer(user=AnonymousUser())


def viewer_for(user):
    """A person without a request (emails, digests): a page password never counts."""
    return Viewer(user=user)
