"""Forms of the checker's calculators and the placements upload, and one way to render a field.

Numbers are typed the Dutch way (25,5 and 40.575); the bounds come from the engine's fact schema,
so a calculator says exactly what the API would say about a bad value.
"""

from dataclasses import dataclass, field

from django import forms
from django.utils import timezone
from django.utils.functional import lazy

from eligibility.checker import state
from eligibility.facts import safe_text
from eligibility.parameters import fill_placeholders
from eligibility.vocabulary import VOCABULARY


@dataclass
class FieldView:
    """What the field templates need, for a Django form field or a checker question alike."""

    name: str
    id: str
    label: str
    help: str = ""
    errors: list = field(default_factory=list)
    value: str = ""
    widget: str = "text"  # text, number, date, radio
    choices: tuple = ()  # ((value, label), ...)
    suffix: str = ""
    heading: bool = False  # the label is the page's h1
    width: str = ""  # a CSS modifier for short inputs


def field_view(bound, widget="text", **extra):
    value = bound.value()
    if value is None:
        value = ""
    choices = tuple(bound.field.choices) if hasattr(bound.field, "choices") else ()
    return FieldView(
        name=bound.html_name,
        id=bound.id_for_label or f"id_{bound.html_name}",
        label=str(bound.label),
        help=str(bound.help_text or ""),
        errors=list(bound.errors),
        value=str(value),
        widget=widget,
        choices=choices,
        **extra,
    )


class TypedTextField(forms.Field):
    """A text field whose text is converted (a number, a date, ...); empty is None.

    The length and control characters are checked on the text, before it is converted.
    """

    max_chars = 40

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None:
            return self.empty()
        text = str(value).strip()
        if not text:
            return self.empty()
        if len(text) > self.max_chars:
            raise forms.ValidationError("Dit is te lang.")
        if any(ord(char) < 32 or ord(char) == 127 for char in text):
            raise forms.ValidationError("Dit bevat ongeldige tekens.")
        try:
            return self.convert(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def empty(self):
        return None

    def convert(self, text):
        return text


class DutchNumberField(TypedTextField):
    """A number typed the Dutch way (25,5 or 40.575)."""

    def convert(self, text):
        return state.plain_number(state.parse_number(text))


class YearField(TypedTextField):
    max_chars = 10

    def convert(self, text):
        if not text.isdigit() or len(text) != 4:
            raise ValueError("Vul een jaartal in, bijvoorbeeld 2025.")
        return int(text)


class PeildatumField(TypedTextField):
    max_chars = 20

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Peildatum")
        kwargs.setdefault(
            "help_text",
            "De datum waarop de regels worden toegepast, bijvoorbeeld 31-12-2025. Leeg: vandaag.",
        )
        super().__init__(**kwargs)

    def empty(self):
        return timezone.localdate()

    def convert(self, text):
        return state.parse_peildatum(text)


def _fact(question, name):
    return state.schema(question)[name]


def _fact_help(question, name):
    return _help(_fact(question, name).help)


def _help(text):
    """A help text whose [[parameter:...]] placeholders show the values in force when it is shown."""
    return lazy(lambda: fill_placeholders(text, timezone.localdate()), str)()


class EngineForm(forms.Form):
    """A form whose fields are facts of one question; the engine checks the values as well."""

    question = ""
    strict_params = ()  # other parameters allowed in the query string

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.unknown = []
        if data is not None:
            allowed = set(self.fields) | set(self.strict_params)
            self.unknown = [safe_text(key) for key in data if key not in allowed]

    def facts(self):
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in state.schema(self.question) and value is not None
        }

    def clean(self):
        cleaned = super().clean()
        if self.unknown:
            raise forms.ValidationError(
                "Onbekende gegevens in het adres: " + ", ".join(self.unknown[:10]) + "."
            )
        values = {
            name: value
            for name, value in cleaned.items()
            if name in state.schema(self.question) and value is not None and name not in self.errors
        }
        for name, message in state.validate(self.question, values).items():
            if name in self.fields:
                self.add_error(name, message)
        return cleaned


class QuotumCalculatorForm(EngineForm):
    question = "quotum"
    strict_params = ("bereken",)

    peildatum = PeildatumField(
        help_text="Bepaalt welke tekst van de wet geldt (bijvoorbeeld art. 122na Wfsv over het uitstel van "
        "de heffing). Vul de datum in als 31-12-2025. Leeg: vandaag."
    )
    jaar = YearField(
        label="Heffingsjaar", help_text="Het jaar waarvoor het quotum geldt. Leeg: het jaar van de peildatum."
    )
    sector = forms.ChoiceField(
        label="Sector",
        choices=_fact("quotum", "sector").choices,
        initial="overheid",
        help_text=_fact_help("quotum", "sector"),
    )
    fte = DutchNumberField(
        label="Aantal fte",
        help_text=_help(
            "Rekenen met fte, zoals de quotumcalculator van het Rijk: fte x uren per fte x "
            "quotumpercentage / [[parameter:banen.urennorm]]."
        ),
    )
    uren_per_fte_per_week = DutchNumberField(
        label="Uren per fte per week",
        initial="36",
        help_text=_fact_help("quotum", "uren_per_fte_per_week"),
    )
    verloonde_uren_jaar = DutchNumberField(
        label="Verloonde uren in het heffingsjaar",
        help_text="Of: reken met de verloonde uren uit de loonaangifte (het totaal aantal verloonde uren van art. 38g Wfsv). "
        "Ook nodig om te zien of u boven de drempel zit.",
    )
    verloonde_uren_vorig_jaar = DutchNumberField(
        label="Verloonde uren in het jaar ervoor",
        help_text=_help(
            "Voor de drempel van [[parameter:quotum.drempel_uren]] verloonde uren. Niet verplicht."
        ),
    )
    quotumpercentage = DutchNumberField(
        label="Quotumpercentage (niet verplicht)",
        help_text=_fact_help("quotum", "quotumpercentage"),
    )
    gerealiseerde_banen = DutchNumberField(
        label="Gerealiseerde banen (niet verplicht)",
        help_text=_help(
            "Het aantal banen van [[parameter:banen.urennorm]] uur per week dat u heeft gerealiseerd. Dan ziet u "
            "het tekort en de heffing."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        fte, hours = cleaned.get("fte"), cleaned.get("verloonde_uren_jaar")
        if "fte" not in self.errors and "verloonde_uren_jaar" not in self.errors:
            if fte is None and hours is None:
                self.add_error("fte", "Vul het aantal fte in, of de verloonde uren in het heffingsjaar.")
            elif (
                fte is not None
                and cleaned.get("uren_per_fte_per_week") is None
                and "uren_per_fte_per_week" not in self.errors
            ):
                self.add_error("uren_per_fte_per_week", "Vul in hoeveel uur per week één fte is.")
        return cleaned


class BanenCalculatorForm(EngineForm):
    question = "banen"
    strict_params = ("bereken",)

    peildatum = PeildatumField()
    uren_per_week = DutchNumberField(
        label="Verloonde uren per week",
        help_text=_help(
            "Van één persoon of van meer personen samen. Eén baan is [[parameter:banen.urennorm]] uur per week."
        ),
    )
    weken_per_jaar = DutchNumberField(
        label="Weken per jaar (niet verplicht)",
        help_text=_fact_help("banen", "weken_per_jaar"),
    )
    uren_per_jaar = DutchNumberField(
        label="Of: verloonde uren per jaar",
        help_text=_help(
            "Verloonde uren in een kalenderjaar; gedeeld door de jaarnorm van [[parameter:banen.jaarnorm]] uur."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("uren_per_week") is None and cleaned.get("uren_per_jaar") is None:
            self.add_error("uren_per_week", "Vul de uren per week of de uren per jaar in.")
        return cleaned


class PlacementsForm(forms.Form):
    """The settings of a placements file; the file itself is read by eligibility.placements."""

    peildatum = PeildatumField(
        help_text="De datum waarop de regels worden toegepast, bijvoorbeeld 31-12-2025 voor een heel jaar. "
        "Leeg: vandaag."
    )
    kader = forms.ChoiceField(
        label="Kader",
        choices=VOCABULARY["kader"].choices,
        initial=VOCABULARY["kader"].default,
        help_text=lazy(VOCABULARY["kader"].help_on, str)(),
    )
