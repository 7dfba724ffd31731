import os

from django.core.management.base import BaseCommand

from content.demo.build import build


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo dialogue in every locale. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD"),
            help="Password for the demo accounts (default: $DEMO_PASSWORD, or a new random one each run).",
        )

    def handle(self, *args, password=None, **options):
        credentials = build(password=password)
        self.stdout.write(self.style.SUCCESS("Demo content is ready at http://127.0.0.1:8000/"))
        self.stdout.write("Admin: http://127.0.0.1:8000/admin/")
        for username, secret, group in credentials:
            self.stdout.write(f"  {username:<14} password: {secret:<20} ({group})")
