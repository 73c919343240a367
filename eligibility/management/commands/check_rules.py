"""``manage.py check_rules VRAAG --feiten '{...}' [--peildatum YYYY-MM-DD]``.

Prints the same JSON as ``POST /api/checks/{vraag}``. Exit status 0, or 2 with the errors
(``{"fouten": [...]}`` on stdout, one line per error on stderr) on invalid input.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eligibility import engine
from eligibility.facts import safe_text


class Command(BaseCommand):
    help = "Beantwoord een vraag van de regelmodule (doelgroep, telt_mee, banen, quotum) voor gegeven feiten."

    def add_arguments(self, parser):
        parser.add_argument("vraag", help="doelgroep, telt_mee, banen of quotum")
        parser.add_argument(
            "--feiten", default="{}", help="De feiten als JSON-object, bijv. '{\"uren_per_week\": 25.5}'"
        )
        parser.add_argument("--peildatum", default=None, help="JJJJ-MM-DD; standaard vandaag")

    def handle(self, *args, vraag, feiten, peildatum, **options):
        try:
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
        except engine.InvalidInput as error:
            self.stdout.write(json.dumps({"fouten": error.fouten}, ensure_ascii=False, indent=2))
            for fout in error.fouten:
                self.stderr.write(f"{fout['veld']}: {fout['melding']}")
            raise CommandError("Ongeldige invoer.", returncode=2) from None
        self.stdout.write(json.dumps(answer, ensure_ascii=False, indent=2))
