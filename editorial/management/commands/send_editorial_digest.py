"""Send the weekly digest to the Eindredacteuren now (the scheduler sends it on Monday morning)."""

from django.core.management.base import BaseCommand

from editorial import digest


class Command(BaseCommand):
    help = "Stuurt het wekelijkse redactie-overzicht nu naar de eindredacteuren."

    def handle(self, *args, **options):
        sent = digest.send()
        self.stdout.write(f"Overzicht verstuurd aan {sent} eindredacteur(en).")
