from django.core.management.base import BaseCommand

from portal.operations.backup import restore


class Command(BaseCommand):
    help = "Zet een back-up terug (database en media), bouwt de zoekindex opnieuw en controleert hem."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Map met de back-up van backup_portal.")
        parser.add_argument("--no-reindex", action="store_true", help="Zoekindex niet opnieuw bouwen.")

    def handle(self, *args, **options):
        manifest = restore(options["source"], reindex=not options["no_reindex"])
        if options["verbosity"]:
            self.stdout.write(f"Teruggezet: back-up van {manifest['made']}")
