"""Editors get a clear message when a document is refused, and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db
Document = get_document_model()


def upload(client, name, content):
    return client.post(
        "/admin/documents/add/", {"title": "Briefing", "file": SimpleUploadedFile(name, content), "collection": 1}
    )


def test_disallowed_type_is_refused_with_a_message(editor_client):
    count = Document.objects.count()
    response = upload(editor_client, "tool.exe", b"MZ" + b"0" * 100)
    assert response.status_code == 200
    assert "File extension “exe” is not allowed." in response.content.decode()
    assert Document.objects.count() == count


def test_oversized_document_is_refused_with_a_message(editor_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024
    count = Document.objects.count()
    response = upload(editor_client, "big.pdf", b"%PDF" + b"0" * 4096)
    assert response.status_code == 200
    assert "This file is 4.0\xa0KB; documents may be at most 1.0\xa0KB." in response.content.decode()
    assert Document.objects.count() == count


def test_allowed_document_is_stored(editor_client):
    response = upload(editor_client, "notes.pdf", b"%PDF-1.4 small")
    assert response.status_code == 302
    assert Document.objects.filter(title="Briefing").exists()
