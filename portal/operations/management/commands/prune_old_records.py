"""Delete what the portal keeps of its visitors once the retention period has passed.

- search texts that found nothing (``portal.search`` UnansweredQuery: by when last searched), the
  editorial counts per day and query (``editorial`` SearchDay) and the queries a kennisgat keeps
  (``editorial`` GapQuery, also of a gap that became a draft: by when last typed): after
  ``PORTAL_SEARCH_TEXT_RETENTION_DAYS`` (365; Wagtail's own search counts use the same period
  through ``WAGTAILSEARCH_HITS_MAX_AGE`` and ``searchpromotions_garbage_collect``);
- the "was deze pagina nuttig?" votes and comments: after ``PORTAL_FEEDBACK_RETENTION_DAYS`` (365).

The periods are the ones the privacy statement names (content/paginas/privacy.md; a test keeps
the two in step). `run_scheduler` runs this every day.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone


def prune_old_records(now=None):
    """Delete the rows older than their retention period; returns {what: how many}."""
    from editorial.models import GapQuery, SearchDay
    from knowledge.feedback import PageFeedback
    from portal.search.models import UnansweredQuery

    now = now or timezone.now()
    search_cutoff = now - timedelta(days=settings.PORTAL_SEARCH_TEXT_RETENTION_DAYS)
    feedback_cutoff = now - timedelta(days=settings.PORTAL_FEEDBACK_RETENTION_DAYS)
    return {
        "zoekvragen zonder resultaat": UnansweredQuery.objects.filter(last_seen__lt=search_cutoff).delete()[
            0
        ],
        "zoektellingen per dag": SearchDay.objects.filter(day__lt=timezone.localdate(search_cutoff)).delete()[
            0
        ],
        "zoekvragen van kennisgaten": GapQuery.objects.filter(
            last_seen__lt=timezone.localdate(search_cutoff)
        ).delete()[0],
        "reacties": PageFeedback.objects.filter(gegeven_op__lt=feedback_cutoff).delete()[0],
    }


class Command(BaseCommand):
    help = "Verwijdert zoekvragen, zoektellingen en reacties die ouder zijn dan hun bewaartermijn."

    def handle(self, *args, **options):
        deleted = prune_old_records()
        if options["verbosity"]:
            self.stdout.write(", ".join(f"{what}: {n} verwijderd" for what, n in deleted.items()))
