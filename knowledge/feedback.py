"""'Was deze pagina nuttig?': a yes/no per page, without anything that identifies the visitor."""

from django.db import models
from django.utils import timezone


class PageFeedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    nuttig = models.BooleanField()
    gegeven_op = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "reactie op een pagina"
        verbose_name_plural = "reacties op pagina's"
        ordering = ["-gegeven_op"]

    def __str__(self):
        return f"{self.page.title}: {'nuttig' if self.nuttig else 'niet nuttig'}"
