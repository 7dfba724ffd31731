"""`make run` says where the site is served and where its emails go, so nobody waits for an
email that was printed in the terminal or written to a folder."""

from django.conf import settings
from django.core.management.base import BaseCommand

from participation.core.conf import base_url

WHERE = {
    "django.core.mail.backends.console.EmailBackend": lambda: "printed in this terminal (console backend)",
    "django.core.mail.backends.filebased.EmailBackend": lambda: f"written to {settings.EMAIL_FILE_PATH} (file backend)",
    "django.core.mail.backends.smtp.EmailBackend": lambda: f"sent through SMTP at {settings.EMAIL_HOST}:{settings.EMAIL_PORT}",
    "django.core.mail.backends.locmem.EmailBackend": lambda: "kept in memory (locmem backend)",
    "django.core.mail.backends.dummy.EmailBackend": lambda: "discarded (dummy backend)",
}


class Command(BaseCommand):
    help = "Print the public address the site serves and where its emails go."

    def handle(self, *args, **options):
        where = WHERE.get(settings.EMAIL_BACKEND, lambda: f"sent by {settings.EMAIL_BACKEND}")()
        self.stdout.write(f"Dialogue: {base_url()}/ (emails link there)")
        self.stdout.write(f"Emails: {where}")
