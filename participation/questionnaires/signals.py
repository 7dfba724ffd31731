"""Publishing results: the results are made ready for every worker and the report is built in
every site language, and cached pages that show the results are dropped (participation.core's
public_content_changed)."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save

from participation.core.pages import default_language_code
from participation.core.signals import public_content_changed

from .models import Option, Question, Questionnaire, ResultsSnapshot, Section


def enqueue_reports(questionnaire):
    """Build the report in every language of the site, once the current transaction commits (the
    worker must read what it commits)."""
    from .tasks import build_report

    pk = questionnaire.canonical.pk
    for code, _name in settings.LANGUAGES:
        transaction.on_commit(lambda code=code: build_report.enqueue(pk, code))


def remember_publication(sender, instance, **kwargs):
    instance._was_published = bool(instance.pk and Questionnaire.objects.filter(pk=instance.pk, results_published=True).exists())


def on_save(sender, instance, created, **kwargs):
    if instance.results_published:
        # Just published, or edited while published (its results_version rose): the results and
        # the API's JSON are made again by the task (results.warm), not by the first visitors of
        # each worker, which may be many for days when no batch follows (the dialogue is over).
        from .tasks import warm_results

        pk = instance.canonical.pk
        transaction.on_commit(lambda: warm_results.enqueue(pk))
    was = getattr(instance, "_was_published", False)
    if was == instance.results_published:
        return
    public_content_changed.send(sender=Questionnaire)
    if not instance.results_published:
        # No aggregate is kept ready for results nobody may see.
        ResultsSnapshot.objects.filter(questionnaire=instance.canonical).delete()
    # Translations carry the same flag (synchronised): the default-locale one builds the reports.
    if instance.results_published and instance.locale.language_code == default_language_code():
        enqueue_reports(instance)


def structure_changed(sender, instance, **kwargs):
    """A question, option or section edited (in any language): cached results show its labels."""
    questionnaire = instance
    while not isinstance(questionnaire, Questionnaire):
        questionnaire = getattr(questionnaire, {Option: "question", Question: "section", Section: "questionnaire"}[type(questionnaire)], None)
        if questionnaire is None:
            return
    Questionnaire.objects.filter(translation_key=questionnaire.translation_key).update(results_version=F("results_version") + 1)


def connect():
    for model in (Questionnaire, Section, Question, Option):
        post_save.connect(structure_changed, sender=model, dispatch_uid=f"questionnaires-structure-{model.__name__}")
        post_delete.connect(structure_changed, sender=model, dispatch_uid=f"questionnaires-structure-delete-{model.__name__}")
    pre_save.connect(remember_publication, sender=Questionnaire, dispatch_uid="questionnaires-publication-before")
    post_save.connect(on_save, sender=Questionnaire, dispatch_uid="questionnaires-publication-after")
