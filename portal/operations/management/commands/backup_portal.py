from django.core.management.base import BaseCommand

from portal.operations.backup import backup


class Command(BaseCommand):
    help = "Maakt een back-up van de database en de mediabestanden in een map."

    def add_arguments(self, parser):
        parser.add_argument("target", help="Map voor de back-up (wordt aangemaakt).")

    def handle(self, *args, **options):
        manifest = backup(options["target"])
        if options["verbosity"]:
            self.stdout.write(f"Back-up ({manifest['vendor']}) in {options['target']}")
