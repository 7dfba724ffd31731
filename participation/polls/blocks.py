"""The StreamField block that places a poll in a page (a host adds it to its own StreamBlocks)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock


class PollBlock(SnippetChooserBlock):
    """A poll chosen among the snippets; shown by `{% poll_block poll page %}` for each visitor.

    What it shows depends on the person (their vote, whether they may see results): a page
    caching its rendered body for everyone must leave out bodies with this block."""

    def __init__(self, **kwargs):
        super().__init__("participation_polls.Poll", **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Poll")
        template = "polls/blocks/poll.html"
