"""What the search remembers: queries that found nothing, so editors can fill the gap.

Every query is also counted in Wagtail's own ``Query``/``QueryDailyHits`` (search promotions use
those); this table adds what Wagtail does not keep: that a query found no result.
"""

from django.db import models
from django.db.models import F
from django.utils import timezone


class UnansweredQuery(models.Model):
    query_string = models.CharField("zoekvraag", max_length=255, unique=True)
    hits = models.PositiveIntegerField("aantal keer", default=0)
    first_seen = models.DateTimeField("eerst gezien", default=timezone.now)
    last_seen = models.DateTimeField("laatst gezien", default=timezone.now)

    class Meta:
        verbose_name = "zoekvraag zonder resultaat"
        verbose_name_plural = "zoekvragen zonder resultaat"
        ordering = ["-hits", "-last_seen"]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string):
        query_string = query_string.strip().lower()[:255]
        if not query_string:
            return
        now = timezone.now()
        updated = cls.objects.filter(query_string=query_string).update(hits=F("hits") + 1, last_seen=now)
        if not updated:
            cls.objects.get_or_create(
                query_string=query_string, defaults={"hits": 1, "first_seen": now, "last_seen": now}
            )
