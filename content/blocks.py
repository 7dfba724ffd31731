"""StreamField blocks for topic briefings and standard pages, shared in one module."""

from django.conf import settings
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from participation.polls.blocks import PollBlock

from .video import parse_video_url

VIDEO_EXTENSIONS = {"mp4", "webm"}


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "content/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "content/blocks/image.html"


class MaterialBlock(blocks.StructBlock):
    """An information material: a Wagtail document shown with its title, language and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), required=False, help_text=_("Defaults to the document's title."))
    language = blocks.ChoiceBlock(choices=language_choices, default="en", label=_("Language of the document"))
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        template = "content/blocks/material.html"


class VideoBlock(blocks.StructBlock):
    """A provider video (YouTube, Vimeo, PeerTube) or a self-hosted file with captions.

    Provider players load only after the visitor clicks, so no third party is contacted before
    consent; a transcript is always required."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Provider URL"), required=False, help_text=_("YouTube, Vimeo or PeerTube."))
    file = DocumentChooserBlock(label=_("Video file"), required=False, help_text=_("An MP4 or WebM file."))
    captions = DocumentChooserBlock(label=_("Captions (WebVTT)"), required=False)
    captions_language = blocks.ChoiceBlock(choices=language_choices, default="en", label=_("Language of the captions"))
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=["bold", "italic", "link"])

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("url") and not value.get("file"):
            errors["url"] = ErrorList([_("Give a provider URL or choose a video file.")])
        video_file = value.get("file")
        if video_file and video_file.file_extension.lower() not in VIDEO_EXTENSIONS:
            errors["file"] = ErrorList([_("The video file must be MP4 or WebM.")])
        captions = value.get("captions")
        if captions and captions.file_extension.lower() != "vtt":
            errors["captions"] = ErrorList([_("Captions must be a WebVTT (.vtt) file.")])
        if video_file and not captions:
            errors["captions"] = ErrorList([_("A self-hosted video needs WebVTT captions.")])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["source"] = parse_video_url(value.get("url")) if value.get("url") else None
        return context

    class Meta:
        icon = "media"
        template = "content/blocks/video.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "content/blocks/quote.html"


class FactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40)
    label = blocks.CharBlock(label=_("What it measures"), max_length=200)


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    facts = blocks.ListBlock(FactBlock(), min_num=1, label=_("Facts"))

    class Meta:
        icon = "list-ul"
        template = "content/blocks/key_facts.html"


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    questions = blocks.ListBlock(QuestionAnswerBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "help"
        template = "content/blocks/faq.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=500)
    label = blocks.CharBlock(label=_("Link label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external URL"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([_("Choose a page or give a URL (one of the two).")])}
            )
        return value

    class Meta:
        icon = "link"
        template = "content/blocks/call_to_action.html"


class BriefingStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "document-link", "ol", "ul"],
        template="content/blocks/paragraph.html",
        label=_("Rich text"),
    )
    image = ImageBlock()
    material = MaterialBlock(label=_("Information material"))
    video = VideoBlock()
    quote = QuoteBlock()
    key_facts = KeyFactsBlock(label=_("Key facts"))
    faq = FAQBlock(label=_("FAQ"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
    # Personal (each visitor's vote): see TopicPage.body_is_shared.
    poll = PollBlock()




class KeyBlock(blocks.RegexBlock):
    """A machine name such as `age_band`. wagtail-localize extracts only text blocks (CharBlock,
    TextBlock, rich text), so a RegexBlock stays the same in every language: answers keep
    comparing across countries."""

    def __init__(self, **kwargs):
        super().__init__(
            regex=r"^[a-z0-9_]+$",
            max_length=40,
            error_messages={"invalid": _("Use lowercase letters, digits and underscores only.")},
            **kwargs,
        )


class AnswerChoiceBlock(blocks.StructBlock):
    value = KeyBlock(label=_("Value"), help_text=_("Stored with the answer, the same in every language, e.g. 18_29."))
    label = blocks.CharBlock(label=_("Label"), max_length=200)


class RegistrationQuestionBlock(blocks.StructBlock):
    """A profile question asked on registration (selection by lot may use the answers)."""

    key = KeyBlock(label=_("Key"), help_text=_("Names the answer in exports, the same in every language, e.g. age_band."))
    label = blocks.CharBlock(label=_("Question"), max_length=200)
    required = blocks.BooleanBlock(label=_("Required"), required=False)
    choices = blocks.ListBlock(
        AnswerChoiceBlock(), label=_("Choices"), help_text=_("Leave empty for a free text answer.")
    )

    def clean(self, value):
        value = super().clean(value)
        values = [choice["value"] for choice in value["choices"]]
        if len(values) != len(set(values)):
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ErrorList([_("Each choice needs its own value.")])}
            )
        return value

    class Meta:
        icon = "form"


class RegistrationQuestionsBlock(blocks.StreamBlock):
    question = RegistrationQuestionBlock(label=_("Question"))

    def clean(self, value):
        value = super().clean(value)
        seen, errors = set(), {}
        for index, child in enumerate(value):
            key = child.value["key"]
            if key in seen:
                errors[index] = blocks.StructBlockValidationError(
                    block_errors={"key": ErrorList([_("Another question already uses this key.")])}
                )
            seen.add(key)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=200)
    link = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "user"
