"""Compare the rules YAML files with the versions the portal last saw (make run, deploy)."""

from django.core.management.base import BaseCommand

from editorial import rule_changes


class Command(BaseCommand):
    help = (
        "Vergelijkt de parameterbestanden met de versie die het portaal het laatst zag en zet de "
        "pagina's die een gewijzigde regel noemen op 'te controleren'."
    )

    def handle(self, *args, **options):
        result = rule_changes.check()
        for error in result.errors:
            self.stderr.write(f"Overgeslagen: {error}")
        if result.baseline:
            self.stdout.write(f"Eerste momentopname van {result.files} regelbestanden opgeslagen.")
        elif options["verbosity"] >= 1 and (result.changes or options["verbosity"] >= 2):
            self.stdout.write(
                f"{len(result.changed_files)} gewijzigde bestanden, {len(result.changes)} wijzigingen, "
                f"{len(result.flags)} pagina's te controleren."
            )
            for change in result.changes:
                self.stdout.write(f"- {change}")
        if result.errors:
            raise SystemExit(1)
