from django_tasks import task


@task()
def flush_pool(questionnaire_id):
    """Write the questionnaire's mixing pool as responses once at least k submissions wait."""
    from .services import flush

    flush(questionnaire_id)
