"""A counter per client and window for the rate limits, shared by all workers and hosts."""

from django.db import models


class RateLimitCounter(models.Model):
    """Hits of one client (a hash, never the address) in one window of one scope."""

    key = models.CharField(max_length=80, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "teller voor een limiet"
        verbose_name_plural = "tellers voor limieten"

    def __str__(self):
        return f"{self.key}: {self.count}"
