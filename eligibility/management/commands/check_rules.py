"""``manage.py check_rules VRAAG --feiten '{...}' [--peildatum YYYY-MM-DD]``.

Prints the same JSON as ``POST /api/checks/{vraag}``. Exit status 0, or 2 with the errors
(``{"fouten": [...]}`` on stdout, one line per error on stderr) on invalid input.

``manage.py check_rules --verslag FILE`` (``-`` reads stdin) checks a saved beslisverslag against
today's rules and prints the same JSON as ``POST /api/checks/verslag``. Exit status 0 when the
answer is still the same, 1 when it changed (the conclusion on stderr), 2 for a file that is not
an unchanged record.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eligibility import engine
from eligibility.facts import safe_text
from eligibility.verslag import compare, record


class Command(BaseCommand):
    help = (
        "Beantwoord een vraag van de regelmodule (doelgroep, telt_mee, banen, quotum) voor gegeven feiten, "
        "of reken met --verslag een bewaard beslisverslag na."
    )

    def add_arguments(self, parser):
        parser.add_argument("vraag", nargs="?", help="doelgroep, telt_mee, banen of quotum")
        parser.add_argument(
            "--feiten", default="{}", help="De feiten als JSON-object, bijv. '{\"uren_per_week\": 25.5}'"
        )
        parser.add_argument("--peildatum", default=None, help="JJJJ-MM-DD; standaard vandaag")
        parser.add_argument(
            "--verslag",
            default=None,
            metavar="BESTAND",
            help="Een bewaard beslisverslag (JSON-bestand, - voor stdin): reken het na met de regels van vandaag",
        )

    def handle(self, *args, vraag, feiten, peildatum, verslag, **options):
        try:
            if verslag is not None:
                if vraag is not None:
                    raise engine.InvalidInput(
                        [{"veld": "vraag", "melding": "Geef een vraag of --verslag, niet allebei."}]
                    )
                return self.recheck(verslag)
            if vraag not in engine.QUESTIONS:
                raise engine.InvalidInput(
                    [
                        {
                            "veld": "vraag",
                            "melding": f"Onbekende vraag '{safe_text(vraag)}'. Kies uit: "
                            + ", ".join(engine.QUESTIONS)
                            + ".",
                        }
                    ]
                )
            try:
                facts = json.loads(feiten)
            except ValueError:
                raise engine.InvalidInput([{"veld": "feiten", "melding": "Geen geldige JSON."}]) from None
            answer = engine.evaluate(vraag, facts, peildatum or timezone.localdate())
        except (engine.InvalidInput, record.InvalidRecord) as error:
            self.stdout.write(json.dumps({"fouten": error.fouten}, ensure_ascii=False, indent=2))
            for fout in error.fouten:
                self.stderr.write(f"{fout['veld']}: {fout['melding']}")
            raise CommandError("Ongeldige invoer.", returncode=2) from None
        self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))

    def recheck(self, path):
        raw = self.read(path)
        comparison = compare.recheck(record.loads(raw))
        self.stdout.write(json.dumps(comparison, ensure_ascii=False, indent=2))
        if not comparison["antwoord_gelijk"]:
            self.stderr.write(comparison["conclusie"])
            raise CommandError("Het antwoord is veranderd onder de regels van vandaag.", returncode=1)

    def read(self, path):
        """The file's bytes, at most record.MAX_BYTES (one byte more tells it is too big)."""
        try:
            if path == "-":
                return sys.stdin.buffer.read(record.MAX_BYTES + 1)
            with open(path, "rb") as handle:
                return handle.read(record.MAX_BYTES + 1)
        except OSError as error:
            raise engine.InvalidInput(
                [{"veld": "verslag", "melding": f"Het bestand kan niet worden gelezen: {error.strerror}."}]
            ) from None
