"""The admin's actions on a submitted question: reply to the asker by e-mail (Eindredacteuren, who
alone see the address) and turn the question into a draft Q&A (any editor).

Both are reached from the "Behandelen" panel on the question's edit form; their URLs are part of
the submitted-question snippet viewset (knowledge/wagtail_hooks.py)."""

import logging
import smtplib

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, View
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import Panel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from knowledge.drafts import CannotDraft
from knowledge.forms import ReplyForm
from knowledge.submissions import SubmittedQuestion, make_draft, send_reply

logger = logging.getLogger(__name__)
CLOSE = "knowledge.close_submittedquestion"
HANDLE = "knowledge.handle_submittedquestion"
URL_NAMESPACE = "wagtailsnippets_knowledge_submittedquestion"


def url(name, submission):
    return reverse(f"{URL_NAMESPACE}:{name}", args=[submission.pk])


class ReplyView(WagtailAdminTemplateMixin, FormView):
    """GET: the reply form beside the question. POST: send the e-mail, then close the question
    (the address is erased). If the mail server refuses, the form comes back with the text kept
    and the address untouched."""

    form_class = ReplyForm
    template_name = "knowledge/admin/reply.html"
    header_icon = "mail"
    page_title = "Antwoord sturen"

    def dispatch(self, request, *args, pk, **kwargs):
        if not request.user.has_perm(CLOSE):
            return permission_denied(request)
        self.submission = get_object_or_404(SubmittedQuestion, pk=pk)
        if not self.submission.can_be_replied_to:
            messages.error(
                request,
                "Deze vraag heeft geen e-mailadres (meer) of is al afgesloten: er is niemand om te antwoorden.",
            )
            return redirect(url("edit", self.submission))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.submission)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:list"), "label": "Ingezonden vragen"},
            {"url": url("edit", self.submission), "label": str(self.submission)},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        page = self.submission.antwoord_pagina
        return {"antwoord_pagina": page.pk if page is not None and page.live else None}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            submission=self.submission,
            action_url=url("reply", self.submission),
            submit_button_label="Antwoord versturen",
            submit_button_active_label="Versturen…",
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            send_reply(
                self.submission, data["antwoord"], data["status"], data["antwoord_pagina"], self.request.user
            )
        except (smtplib.SMTPException, OSError):
            logger.exception("Reply to submitted question %s could not be sent", self.submission.pk)
            form.add_error(
                None,
                "Het antwoord kon niet worden verstuurd: de mailserver weigerde of was niet bereikbaar. "
                "Het e-mailadres is bewaard en uw tekst staat hieronder; probeer het later opnieuw.",
            )
            return self.form_invalid(form)
        messages.success(
            self.request, "Het antwoord is verstuurd en de vraag is afgesloten; het e-mailadres is gewist."
        )
        return redirect(reverse(f"{URL_NAMESPACE}:list"))


class DraftView(View):
    """POST: a draft Q&A in the vragenbank from this question, then its editor."""

    http_method_names = ["post"]

    def post(self, request, pk):
        if not request.user.has_perm(HANDLE):
            return permission_denied(request)
        submission = get_object_or_404(SubmittedQuestion, pk=pk)
        try:
            page, created = make_draft(submission, request.user)
        except CannotDraft as exc:
            messages.error(request, str(exc))
            return redirect(url("edit", submission))
        if created:
            messages.success(
                request,
                f"Conceptvraag '{page.title}' gemaakt. Schrijf het antwoord en dien de vraag in voor review.",
            )
        else:
            messages.info(request, f"Deze vraag hoort al bij '{page.title}' in de vragenbank.")
        return redirect("wagtailadmin_pages:edit", page.pk)


class SubmissionActionsPanel(Panel):
    """On the edit form: reply to the asker, the draft Q&A (or its link), the reply sent."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Behandelen")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "behandelen"

    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/admin/submission_actions.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            submission, user = self.instance, self.request.user
            context.update(
                submission=submission,
                may_close=user.has_perm(CLOSE),
                reply_url=url("reply", submission),
                draft_url=url("draft", submission),
                page=submission.antwoord_pagina,
            )
            return context
