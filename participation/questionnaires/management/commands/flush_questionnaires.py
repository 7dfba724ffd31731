"""Write out every questionnaire's mixing pool that holds at least k submissions.

Each submission already queues a flush; run this every few minutes (cron) to catch what a flush
running at the same moment left behind, and the last batch after a questionnaire closes. Fewer
than k are held, whatever the time. Like the task, it then has the new results made ready, and
those of any published questionnaire whose results are not ready (after a release changed what
is stored, or a task failed)."""

from django.core.management.base import BaseCommand

from participation.questionnaires.models import PendingSubmission
from participation.questionnaires.results import unprepared
from participation.questionnaires.services import flush
from participation.questionnaires.tasks import warm_results


class Command(BaseCommand):
    help = "Write waiting questionnaire submissions as responses, in shuffled batches of at least k."

    def handle(self, *args, **options):
        written = 0
        for questionnaire_id in PendingSubmission.objects.values_list("questionnaire_id", flat=True).distinct():
            written += flush(questionnaire_id)
        # As after a flush queued by a submission: the new figures ready before anyone asks.
        for questionnaire_id in unprepared():
            warm_results.enqueue(questionnaire_id)
        self.stdout.write(f"{written} responses written.")
