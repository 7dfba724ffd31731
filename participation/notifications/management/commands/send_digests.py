from django.core.management.base import BaseCommand

from participation.notifications.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Queue the daily notification digests (run once a day, e.g. from cron)."

    def handle(self, *args, **options):
        result = send_daily_digests.enqueue()
        self.stdout.write(f"Digest task queued ({result.id}).")
