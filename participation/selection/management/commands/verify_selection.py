"""Check a selection's transparency bundle without the database (participation/selection/bundle.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from participation.selection.bundle import verify


class Command(BaseCommand):
    help = "Recompute a selection from its bundle: the seed's ticket and panel, the quotas, the probabilities."

    def add_arguments(self, parser):
        parser.add_argument("bundle", help="the bundle folder or its .zip")

    def handle(self, *args, **options):
        if not Path(options["bundle"]).exists():
            raise CommandError(_("No bundle at %(path)s.") % {"path": options["bundle"]})
        problems = verify(options["bundle"])
        if problems:
            raise CommandError("\n".join([_("The bundle does not check out:"), *problems]))
        self.stdout.write(_("The bundle checks out: the seed gives the published ticket, panel and reserve list, every quota holds, and the probabilities are the tickets' shares."))
