"""The form for asking the vragenbank a new question, the admin's page form and the reply form."""

import datetime
import unicodedata

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from knowledge.submissions import SubmittedQuestion

AUTOSAVE_TWIN_WINDOW = datetime.timedelta(hours=1)


def clean_text(value):
    """Drop control characters (null bytes and the like) but keep newlines and tabs."""
    return "".join(
        ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Co")
    ).strip()


class AskQuestionForm(forms.Form):
    vraag = forms.CharField(
        label="Uw vraag",
        min_length=10,
        max_length=SubmittedQuestion.MAX_VRAAG,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Stel één vraag, zo concreet mogelijk. Ten hoogste {SubmittedQuestion.MAX_VRAAG} tekens.",
        error_messages={
            "required": "Vul uw vraag in.",
            "min_length": "Uw vraag is te kort: gebruik ten minste %(limit_value)d tekens.",
            "max_length": "Uw vraag is te lang: gebruik ten hoogste %(limit_value)d tekens (nu %(show_value)d).",
        },
    )
    context = forms.CharField(
        label="Toelichting (niet verplicht)",
        required=False,
        max_length=SubmittedQuestion.MAX_CONTEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld het soort organisatie of de situatie. Noem geen namen of andere persoonsgegevens.",
        error_messages={
            "max_length": "De toelichting is te lang: gebruik ten hoogste %(limit_value)d tekens (nu %(show_value)d).",
        },
    )
    email = forms.EmailField(
        label="E-mailadres voor het antwoord (niet verplicht)",
        required=False,
        max_length=254,
        help_text="Alleen als u persoonlijk antwoord wilt. We wissen het adres zodra uw vraag is afgehandeld.",
        error_messages={"invalid": "Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl."},
    )
    # Honeypot: hidden from people, filled in by simple bots.
    website = forms.CharField(required=False, label="Laat dit veld leeg")
    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_vraag(self):
        value = clean_text(self.cleaned_data["vraag"])
        if len(value) < 10:
            raise forms.ValidationError("Uw vraag is te kort: gebruik ten minste 10 tekens.")
        return value

    def clean_context(self):
        return clean_text(self.cleaned_data["context"])

    @property
    def is_spam(self):
        return bool(self.data.get("website"))


class PortalPageForm(WagtailAdminPageForm):
    """The admin form of every portal page: the slug is never a reason a page cannot be saved.

    - An empty slug is made from the title (also without JavaScript, and for the Q&A type, whose
      title field is labelled "Vraag"), with -2, -3 ... when a sibling already has it.
    - A slug clash is named at the top of the form, not only on the "Eigenschappen" tab where the
      slug field sits; and when the clash is with the draft that autosave made of this very page a
      moment ago (a second submit of the create form), the message links to that draft.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is not None:
            slug.required = False
            slug.help_text = (
                f"{slug.help_text} Laat leeg om het webadres uit de titel te maken."
                if slug.help_text
                else "Laat leeg om het webadres uit de titel te maken."
            )

    def clean(self):
        if "slug" in self.fields and not self.cleaned_data.get("slug") and "slug" not in self.errors:
            self.cleaned_data["slug"] = self.slug_from_title()
        self.checked_slug = self.cleaned_data.get("slug") or ""
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        if "slug" in self.errors:
            self.add_error(None, self.slug_clash_message())

    def slug_from_title(self):
        base = slugify(self.cleaned_data.get("title") or "", allow_unicode=self._unicode_slugs())
        base = base[: Page._meta.get_field("slug").max_length - 4].strip("-") or "pagina"
        if self.autosaved_twin(base) is not None:
            return base  # the clash message will point at the draft
        candidate, suffix = base, 1
        while self.parent_page is not None and not Page._slug_is_available(
            candidate, self.parent_page, self.instance
        ):
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    @staticmethod
    def _unicode_slugs():
        return getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)

    def autosaved_twin(self, slug):
        """The draft that autosave made of this new page a moment ago, if the slug is its slug."""
        if self.instance.pk is not None or self.parent_page is None or self.for_user is None:
            return None
        recent = timezone.now() - AUTOSAVE_TWIN_WINDOW
        return (
            self.parent_page.get_children()
            .filter(
                slug=slug,
                live=False,
                first_published_at__isnull=True,
                owner_id=self.for_user.pk,
                latest_revision_created_at__gte=recent,
            )
            .first()
        )

    def slug_clash_message(self):
        slug = getattr(self, "checked_slug", "") or self.data.get(self.add_prefix("slug"), "")
        twin = self.autosaved_twin(slug)
        if twin is not None:
            return format_html(
                "Deze pagina is al als concept opgeslagen, automatisch terwijl u typte: "
                '<a href="{}">{}</a>. Ga in dat concept verder en kijk of uw laatste wijzigingen erin staan.',
                reverse("wagtailadmin_pages:edit", args=[twin.pk]),
                twin.title,
            )
        where = f" onder '{self.parent_page.title}'" if self.parent_page is not None else ""
        return (
            f"Het webadres (slug) '{slug}' is al in gebruik door een andere pagina{where}. Kies een ander "
            "webadres op het tabblad 'Eigenschappen', of maak het veld leeg: dan wordt het uit de titel gemaakt."
        )


class ReplyForm(forms.Form):
    """The Eindredacteur's reply to a visitor's question, sent by e-mail from the admin."""

    CLOSING = [
        (SubmittedQuestion.Status.BEANTWOORD, "Beantwoord"),
        (SubmittedQuestion.Status.AFGEWEZEN, "Afgewezen (de vraag valt buiten het portaal)"),
    ]

    antwoord = forms.CharField(
        label="Antwoord aan de vrager",
        min_length=10,
        max_length=SubmittedQuestion.MAX_ANTWOORD,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=(
            "Gewone tekst; de vraag van de bezoeker staat al boven uw antwoord in de e-mail. "
            f"Ten hoogste {SubmittedQuestion.MAX_ANTWOORD} tekens."
        ),
        error_messages={
            "required": "Schrijf het antwoord.",
            "min_length": "Het antwoord is te kort: gebruik ten minste %(limit_value)d tekens.",
            "max_length": "Het antwoord is te lang: gebruik ten hoogste %(limit_value)d tekens (nu %(show_value)d).",
        },
    )
    antwoord_pagina = forms.ModelChoiceField(
        label="Verwijs naar een vraag in de vragenbank (niet verplicht)",
        queryset=Page.objects.none(),
        required=False,
        help_text="Alleen gepubliceerde vragen; de link in de e-mail wijst naar de publieke site.",
    )
    status = forms.ChoiceField(
        label="Daarna afsluiten als",
        choices=CLOSING,
        initial=SubmittedQuestion.Status.BEANTWOORD,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        from knowledge.models import QuestionPage

        super().__init__(*args, **kwargs)
        self.fields["antwoord_pagina"].queryset = QuestionPage.objects.live().order_by("title")

    def clean_antwoord(self):
        value = clean_text(self.cleaned_data["antwoord"])
        if len(value) < 10:
            raise forms.ValidationError("Het antwoord is te kort: gebruik ten minste 10 tekens.")
        return value
