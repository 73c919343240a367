"""Questions sent by visitors: a moderated queue that editors work through in the admin.

From the queue an Eindredacteur answers the asker by e-mail (``send_reply``: the address is erased
once the reply is sent) and any editor turns a question into a draft Q&A (``make_draft``)."""

import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
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
    MAX_ANTWOORD = 5000

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
        help_text="De vraag in de vragenbank die deze vraag beantwoordt (of gaat beantwoorden).",
    )
    notitie = models.TextField(blank=True, help_text="Interne notitie van de redactie.")
    antwoord = models.TextField(
        max_length=MAX_ANTWOORD,
        blank=True,
        editable=False,
        help_text="Het antwoord dat de vrager per e-mail kreeg.",
    )
    beantwoord_op = models.DateTimeField(null=True, blank=True, editable=False)
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

    @property
    def can_be_replied_to(self):
        return bool(self.email) and not self.is_closed

    def save(self, *args, **kwargs):
        if self.is_closed:
            self.email = ""
            self.afgesloten_op = self.afgesloten_op or timezone.now()
        super().save(*args, **kwargs)


def public_url(page):
    """The page's address on the public site (``PORTAL_BASE_URL``), never a development port."""
    return settings.PORTAL_BASE_URL.rstrip("/") + page.get_url_parts()[2]


def reply_message(submission, antwoord, page=None):
    """The e-mail to the asker: their question, the reply and, if chosen, the published answer."""
    context = {
        "vraag": submission.vraag,
        "antwoord": antwoord,
        "page_url": public_url(page) if page is not None else "",
        "ask_url": settings.PORTAL_BASE_URL.rstrip("/") + "/vragen/stel-een-vraag/",
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    body = render_to_string("knowledge/email/reply.txt", context)
    reply_to = [settings.PORTAL_CONTACT_EMAIL] if settings.PORTAL_CONTACT_EMAIL else None
    return EmailMessage(
        f"Antwoord op uw vraag aan het {settings.WAGTAIL_SITE_NAME}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [submission.email],
        reply_to=reply_to,
    )


def send_reply(submission, antwoord, status, page=None, user=None):
    """E-mail ``antwoord`` to the asker, then close the question (``status``: beantwoord or
    afgewezen), which erases the address. If sending fails the exception propagates and nothing
    changes: the address is kept for the next try."""
    from wagtail.log_actions import log

    if not submission.can_be_replied_to:
        raise ValueError("This question has no address to reply to, or is closed.")
    reply_message(submission, antwoord, page).send(fail_silently=False)
    with transaction.atomic():
        submission.antwoord = antwoord
        submission.beantwoord_op = timezone.now()
        submission.status = status
        if page is not None:
            submission.antwoord_pagina = page
        submission.save()
        log(submission, "knowledge.reply_sent", user=user)
    return submission


_SENTENCE_END = re.compile(r"(?<=[?.!])\s")


def draft_title(vraag, limit=255):
    """A page title from a visitor's question: personal data scrubbed (``portal.privacy``),
    white space collapsed, the first sentence that asks something (so "Wij zijn een gemeente.
    Telt X mee? Mail me op ..." becomes "Telt X mee?"), else the first sentence if the text is
    longer than a title may be, first letter capitalised."""
    from portal.privacy import scrub

    text = " ".join(scrub(vraag).split())
    asking = [sentence for sentence in _SENTENCE_END.split(text) if sentence.endswith("?")]
    if asking and len(asking[0]) <= limit:
        text = asking[0]
    if len(text) > limit:
        first = _SENTENCE_END.split(text, maxsplit=1)[0]
        text = first if len(first) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:] or "Nieuwe vraag"


@transaction.atomic
def make_draft(submission, user=None):
    """Turn a submitted question into a draft Q&A in the vragenbank (``knowledge.drafts``), linked
    as its answer page; a new question is marked "in behandeling". Returns (page, created): a
    question that already has an answer page keeps it. Raises ``knowledge.drafts.CannotDraft``."""
    from knowledge.drafts import draft_question

    if submission.antwoord_pagina_id:
        return submission.antwoord_pagina, False
    page = draft_question(draft_title(submission.vraag), user)
    submission.antwoord_pagina = page
    if submission.status == SubmittedQuestion.Status.NIEUW:
        submission.status = SubmittedQuestion.Status.IN_BEHANDELING
    submission.save(update_fields=["antwoord_pagina", "status"])
    return page, True
