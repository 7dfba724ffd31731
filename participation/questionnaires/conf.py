"""Questionnaire settings, each with a default."""

from django.conf import settings

DEFAULT_MIX_BATCH = 10


def mix_batch():
    """QUESTIONNAIRE_MIX_BATCH: the fewest submissions written to the response tables at once
    (the mixing pool's k). Below 2 there is nothing to mix, so 2 is the floor."""
    return max(2, int(getattr(settings, "QUESTIONNAIRE_MIX_BATCH", DEFAULT_MIX_BATCH)))


def reports_storage():
    """Where built reports are kept: QUESTIONNAIRE_REPORTS_ROOT, by default a folder beside
    MEDIA_ROOT (not inside it: media are served to anyone by the proxy, and a report is only for
    those who may see its dialogue, through the download view)."""
    from pathlib import Path

    from django.core.files.storage import FileSystemStorage

    media = Path(settings.MEDIA_ROOT)
    root = getattr(settings, "QUESTIONNAIRE_REPORTS_ROOT", None) or media.with_name(f"{media.name}-reports")
    return FileSystemStorage(location=root)
