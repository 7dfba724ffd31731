from django_tasks import task


@task()
def flush_pool(questionnaire_id):
    """Write the questionnaire's mixing pool as responses once at least k submissions wait."""
    from .services import flush

    if flush(questionnaire_id):
        warm_results.enqueue(questionnaire_id)


@task()
def warm_results(questionnaire_id):
    """Cache the questionnaire's results for its new results version (results.warm)."""
    from .models import Questionnaire
    from .results import warm

    questionnaire = Questionnaire.objects.filter(pk=questionnaire_id).first()
    if questionnaire is not None:
        warm(questionnaire)


@task()
def build_report(questionnaire_id, language):
    """Build the questionnaire's printable report in one language (report.py)."""
    from .models import Questionnaire
    from .report import build

    questionnaire = Questionnaire.objects.filter(pk=questionnaire_id).first()
    if questionnaire is not None:
        build(questionnaire, language)
