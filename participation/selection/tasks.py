from django.utils import translation
from django_tasks import task


@task()
def compute_selection(selection_id, language):
    """Compute a queued selection's distribution and tickets (services.compute), its progress
    messages in the language of the organiser who asked."""
    from .services import compute

    with translation.override(language):
        compute(selection_id)
