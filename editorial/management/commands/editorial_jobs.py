"""Run the editorial jobs that are due (the scheduler calls this every minute)."""

from django.core.management.base import BaseCommand

from editorial import jobs


class Command(BaseCommand):
    help = "Voert de redactietaken uit die aan de beurt zijn (regelwijzigingen, kennisgaten, meting, wekelijks overzicht)."

    def handle(self, *args, **options):
        ran = jobs.run_due()
        if ran and options["verbosity"] >= 1:
            self.stdout.write("Uitgevoerd: " + ", ".join(ran))
