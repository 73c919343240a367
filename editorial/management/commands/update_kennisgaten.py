"""Rebuild the kennisgaten from the search statistics, comments and submitted questions."""

from django.core.management.base import BaseCommand

from editorial import gaps


class Command(BaseCommand):
    help = "Werkt de kennisgaten bij uit zoekvragen, 'niet nuttig'-opmerkingen en ingezonden vragen."

    def handle(self, *args, **options):
        open_gaps = gaps.refresh()
        self.stdout.write(f"{open_gaps} open kennisgaten.")
        for gap in gaps.ranked(limit=10):
            self.stdout.write(f"- {gap.total:>4}  {gap.title}")
