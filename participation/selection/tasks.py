from django_tasks import task


@task()
def compute_selection(selection_id):
    """Compute a queued selection's distribution and tickets (services.compute)."""
    from .services import compute

    compute(selection_id)
