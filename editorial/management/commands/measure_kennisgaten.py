"""Measure now whether the published answers to kennisgaten are found (the scheduler does it daily)."""

from django.core.management.base import BaseCommand

from editorial import closure


class Command(BaseCommand):
    help = "Meet of de zoekvragen van beantwoorde kennisgaten de nieuwe pagina in de top 3 vinden."

    def handle(self, *args, **options):
        for m in closure.measure_all():
            self.stdout.write(
                f"{m.gap.title}: {m.in_top3} van {m.queries} in de top 3; zonder resultaat "
                f"{m.zero_before}/{m.searches_before} vóór, {m.zero_after}/{m.searches_after} na."
            )
