"""The form for asking the vragenbank a new question."""

import unicodedata

from django import forms

from knowledge.submissions import SubmittedQuestion


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
