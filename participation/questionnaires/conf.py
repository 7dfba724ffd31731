"""Questionnaire settings, each with a default."""

from django.conf import settings

DEFAULT_MIX_BATCH = 10


def mix_batch():
    """QUESTIONNAIRE_MIX_BATCH: the fewest submissions written to the response tables at once
    (the mixing pool's k). Below 2 there is nothing to mix, so 2 is the floor."""
    return max(2, int(getattr(settings, "QUESTIONNAIRE_MIX_BATCH", DEFAULT_MIX_BATCH)))
