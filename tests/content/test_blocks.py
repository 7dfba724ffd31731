"""Every briefing block renders what a reader needs, and bad data degrades to a placeholder."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from content.blocks import BriefingStreamBlock, CallToActionBlock, VideoBlock

Document = get_document_model()


def document(name, content=b"x" * 2048, title=None):
    doc = Document(title=title or name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def render(block_type, value):
    stream = BriefingStreamBlock()
    stream_value = StreamValue(stream, [(block_type, stream.child_blocks[block_type].to_python(value))])
    return BeautifulSoup(stream_value.render_as_block(), "html.parser")


pytestmark = pytest.mark.django_db


def test_heading_levels():
    assert render("heading", {"text": "Why it matters", "level": "h2"}).h2.text == "Why it matters"
    assert render("heading", {"text": "Detail", "level": "h3"}).h3.text == "Detail"


def test_rich_text_paragraph():
    html = render("paragraph", "<p>Some <b>bold</b> text</p>")
    assert html.select_one(".rich-text b").text == "bold"


def test_image_with_alt_text_and_caption():
    image = get_image_model().objects.create(title="Group", file=get_test_image_file())
    html = render("image", {"image": image.pk, "alt_text": "Eight citizens around a table", "caption": "Nairobi"})
    assert html.img["alt"] == "Eight citizens around a table"
    assert html.figcaption.text == "Nairobi"


def test_material_shows_title_type_size_and_language(settings):
    doc = document("briefing.pdf", b"%PDF" + b"x" * 3000, title="Data briefing")
    html = render("material", {"document": doc.pk, "title": "", "language": "fr", "description": "Two pages"})
    link = html.select_one("a.material__link")
    assert link.text == "Data briefing" and link["hreflang"] == "fr"
    meta = html.select_one(".material__meta").text
    assert "PDF" in meta and "2.9\xa0KB" in meta and "français" in meta and "(French)" in meta


def test_material_whose_document_was_deleted_renders_nothing():
    doc = document("gone.pdf")
    value = {"document": doc.pk, "title": "Gone", "language": "en", "description": ""}
    doc.delete()
    assert render("material", value).select_one(".material") is None


def test_provider_video_loads_nothing_before_consent():
    html = render(
        "video",
        {"title": "Why data matters", "url": "https://youtu.be/dQw4w9WgXcQ", "captions_language": "en", "transcript": "<p>Hello.</p>"},
    )
    assert html.find("iframe") is None  # no third-party request until the visitor clicks
    consent = html.select_one(".video__consent")
    assert consent["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert html.select_one(".video__play").has_attr("hidden")  # shown by JavaScript only
    assert html.find("a", href="https://www.youtube.com/watch?v=dQw4w9WgXcQ")  # works without JavaScript
    assert html.select_one(".video__transcript").text.strip().endswith("Hello.")


def test_broken_video_url_shows_placeholder_with_link():
    html = render(
        "video",
        {"title": "Broken", "url": "https://videos.example.org/watch/123", "captions_language": "en", "transcript": "<p>T</p>"},
    )
    placeholder = html.select_one(".video__unavailable")
    assert "cannot be played here" in placeholder.text
    assert placeholder.a["href"] == "https://videos.example.org/watch/123"
    assert "nofollow" in placeholder.a["rel"]


def test_self_hosted_video_has_captions_track():
    video = document("talk.mp4")
    captions = document("talk.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n")
    html = render(
        "video",
        {"title": "Talk", "url": "", "file": video.pk, "captions": captions.pk, "captions_language": "uk", "transcript": "<p>T</p>"},
    )
    assert html.video.source["src"] == video.url
    track = html.video.track
    assert track["kind"] == "captions" and track["srclang"] == "uk" and track["src"] == captions.url


def test_video_validation_requires_source_captions_and_types():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "T", "url": "", "transcript": "<p>T</p>", "captions_language": "en"}))
    assert "url" in error.value.block_errors
    video = document("clip.mp4")
    not_vtt = document("clip.srt")
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python({"title": "T", "file": video.pk, "captions": not_vtt.pk, "transcript": "<p>T</p>", "captions_language": "en"})
        )
    assert "captions" in error.value.block_errors


def test_quote_key_facts_and_faq():
    quote = render("quote", {"text": "We should decide together.", "attribution": "Participant, Kenya"})
    assert quote.blockquote.text.strip() == "We should decide together."
    assert quote.figcaption.text == "Participant, Kenya"
    facts = render("key_facts", {"heading": "Key facts", "facts": [{"value": "5 billion", "label": "people online"}]})
    assert facts.dt.text == "5 billion" and facts.dd.text == "people online"
    faq = render("faq", {"heading": "", "questions": [{"question": "Who decides?", "answer": "<p>Citizens too.</p>"}]})
    assert faq.details.summary.text == "Who decides?"
    assert "Citizens too." in faq.details.text


def test_call_to_action_links_to_page_in_visitor_language(topic, locales):
    from django.utils import translation

    dialogue = topic.get_parent()
    with translation.override("fr"):
        html = render("call_to_action", {"text": "Next", "label": "Continue", "page": dialogue.pk, "url": ""})
    assert html.a["href"] == dialogue.get_translation(locales["fr"]).url
    with pytest.raises(StructBlockValidationError):
        CallToActionBlock().clean({"text": "", "label": "Go", "page": None, "url": ""})
