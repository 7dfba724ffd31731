from django.contrib.syndication.views import Feed
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from participation.core.dialogues import dialogue_for
from participation.core.visibility import viewer_of

from .queries import recent_events


def _dialogue(request, dialogue_id):
    page = Page.objects.filter(pk=dialogue_id).first()
    if page is None or not viewer_of(request).sees_page(page):
        raise Http404
    dialogue = dialogue_for(page)
    if dialogue is None or dialogue.pk != page.pk:
        raise Http404
    # Contributions in every language count: comments belong to the translated dialogue pages.
    ids = list(Page.objects.filter(translation_key=dialogue.translation_key).values_list("pk", flat=True))
    return dialogue, ids


def activity(request, dialogue_id):
    dialogue, ids = _dialogue(request, dialogue_id)
    events = recent_events(ids, viewer_of(request))
    return TemplateResponse(request, "activity/activity.html", {"dialogue": dialogue, "events": events})


class _LanguageTaggedAtom(Atom1Feed):
    """Entries written in another language than the feed's say so (xml:lang), so a reader
    speaks and shapes a Ukrainian proposal in an English dialogue's feed as Ukrainian."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


class ActivityFeed(Feed):
    feed_type = _LanguageTaggedAtom

    def get_object(self, request, dialogue_id):
        return (*_dialogue(request, dialogue_id), viewer_of(request))

    def title(self, obj):
        return _("Activity: %(title)s") % {"title": obj[0].title}

    def link(self, obj):
        return reverse("activity:activity", args=[obj[0].pk])

    def items(self, obj):
        return [event for event in recent_events(obj[1], obj[2]) if not event.hidden]

    def item_title(self, item):
        return f"{item.kind}: {item.title}"

    def item_description(self, item):
        return _("By %(author)s") % {"author": item.author}

    def item_link(self, item):
        return item.url

    def item_extra_kwargs(self, item):
        return {"language": item.language}

    def item_pubdate(self, item):
        return item.when
