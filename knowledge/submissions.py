"""Questions sent by visitors: a moderated queue that editors work through in the admin."""

from django.db import models
from django.utils import timezone


class SubmittedQuestion(models.Model):
    """A question from a visitor. The e-mail address is erased as soon as the question is closed."""

    class Status(models.TextChoices):
        NIEUW = "nieuw", "Nieuw"
        IN_BEHANDELING = "in_behandeling", "In behandeling"
        BEANTWOORD = "beantwoord", "Beantwoord"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    CLOSED = (Status.BEANTWOORD, Status.AFGEWEZEN)
    MAX_VRAAG = 1000
    MAX_CONTEXT = 3000

    vraag = models.TextField(max_length=MAX_VRAAG)
    context = models.TextField(max_length=MAX_CONTEXT, blank=True)
    email = models.EmailField(blank=True, help_text="Alleen om te antwoorden; wordt gewist bij afsluiten.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NIEUW)
    antwoord_pagina = models.ForeignKey(
        "knowledge.QuestionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text="De gepubliceerde vraag die deze vraag beantwoordt.",
    )
    notitie = models.TextField(blank=True, help_text="Interne notitie van de redactie.")
    ingediend_op = models.DateTimeField(default=timezone.now, editable=False)
    afgesloten_op = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "ingezonden vraag"
        verbose_name_plural = "ingezonden vragen"
        ordering = ["-ingediend_op"]
        permissions = [("close_submittedquestion", "Ingezonden vraag afsluiten")]

    def __str__(self):
        return self.vraag[:80]

    @property
    def is_closed(self):
        return self.status in self.CLOSED

    def save(self, *args, **kwargs):
        if self.is_closed:
            self.email = ""
            self.afgesloten_op = self.afgesloten_op or timezone.now()
        super().save(*args, **kwargs)
