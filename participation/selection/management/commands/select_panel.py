"""Select a panel by lot from the Sortition Foundation's CSV files, with the published lottery."""

import csv
import json
import secrets
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from participation.selection import bundle
from participation.selection.check import check_panel
from participation.selection.engine import ALGORITHMS, DEFAULT_TIME_LIMIT, find_distribution
from participation.selection.lottery import draw, make_lottery
from participation.selection.quotas import Instance, SelectionInputError, read_categories, read_people


class Command(BaseCommand):
    help = "Select a panel by lot: LEXIMIN (or maximin, nash) over the quotas, 1,000 tickets, one drawn from the seed."

    def add_arguments(self, parser):
        parser.add_argument("--categories", required=True, help="CSV: category,feature,min,max (or feature,value,min,max)")
        parser.add_argument("--people", required=True, help="CSV: an id column and one column per category")
        parser.add_argument("--panel-size", type=int, required=True)
        parser.add_argument("--seed", help="the seed announced before the draw; without it a random one is made and says so")
        parser.add_argument("--seed-source", default="", help="where the seed comes from, for the record")
        parser.add_argument("--id-column", help="the people file's id column (default: id, nationbuilder_id or the first)")
        parser.add_argument("--algorithm", choices=ALGORITHMS, default="leximin")
        parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, help="seconds for LEXIMIN before it gives way")
        parser.add_argument("--out", required=True, help="folder for panel.csv, reserve.csv, probabilities.csv, summary.json, bundle/")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if options["time_limit"] <= 0:
            raise CommandError(_("The time limit must be more than 0 seconds."))
        out = Path(options["out"])
        if (out / "summary.json").exists():  # a finished selection is never silently replaced
            raise CommandError(_("%(out)s already holds a selection; choose another folder.") % {"out": out})
        seed, seed_source = options["seed"], options["seed_source"]
        if seed is not None and not seed.strip():
            raise CommandError(_("The seed is empty."))
        if seed is None:
            seed = secrets.token_hex(16)
            seed_source = _("made at random by select_panel: not announced before the draw")
        try:
            quotas = read_categories(options["categories"])
            pool = read_people(options["people"], quotas, options["id_column"])
            instance = Instance.build(quotas, pool, options["panel_size"])
            distribution = find_distribution(instance, options["algorithm"], options["time_limit"], progress=self.progress)
        except SelectionInputError as error:
            raise CommandError(str(error)) from None
        lottery = make_lottery(distribution)
        drawn = draw(lottery, seed)
        problems = check_panel(instance, drawn.panel)
        if problems:  # the checks do not trust the solver; nothing is written when they fail
            raise CommandError("\n".join(problems))
        out.mkdir(parents=True, exist_ok=True)
        self.write_people(out / "panel.csv", instance, drawn.panel)
        self.write_people(out / "reserve.csv", instance, drawn.reserve)
        probabilities = lottery.person_probabilities()
        with open(out / "probabilities.csv", "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["id", "probability"])
            writer.writerows([reference, f"{probabilities[reference]:.12f}"] for reference in sorted(probabilities))
        summary = bundle.summary(lottery, drawn, seed_source)
        (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        folder, archive = bundle.write(out / "bundle", lottery, drawn, seed_source)
        self.stdout.write(
            _(
                "Panel of %(size)s drawn from %(people)s people by %(algorithm)s (ticket %(ticket)s of %(tickets)s). "
                "Probabilities from %(min)s to %(max)s, Gini %(gini)s. Written to %(out)s."
            )
            % {
                "size": len(drawn.panel),
                "people": len(pool.people),
                "algorithm": distribution.algorithm,
                "ticket": drawn.ticket,
                "tickets": len(lottery.tickets),
                "min": f"{summary['probabilities']['min']:.4f}",
                "max": f"{summary['probabilities']['max']:.4f}",
                "gini": f"{summary['probabilities']['gini']:.3f}",
                "out": out,
            }
        )
        self.stdout.write(distribution.reason)

    def progress(self, fraction, message):
        if self.verbosity >= 2:
            self.stderr.write(f"{fraction:4.0%} {message}")

    def write_people(self, path, instance, references):
        with open(path, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["id", *instance.pool.categories])
            writer.writerows([reference, *instance.pool.people[reference]] for reference in references)
