from django.core.management.base import BaseCommand, CommandError

from portal.operations.site_url import configure_default_site


class Command(BaseCommand):
    help = "Zet hostnaam en poort van de standaardsite op PORTAL_BASE_URL (of --url)."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Bijvoorbeeld https://kennisportaal.example.nl")

    def handle(self, *args, **options):
        from django.core.exceptions import ImproperlyConfigured

        try:
            site = configure_default_site(options.get("url"))
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        if site is None:
            raise CommandError("Er is geen standaardsite: draai eerst migrate.")
        if options["verbosity"]:
            self.stdout.write(f"Site: {site.root_url}/")
