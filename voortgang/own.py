"""Your own organisation's progress: its figures per year against its quotum from the rules module.

The figures live only in the query string: the form submits with GET, the answer is computed by
``eligibility.engine.evaluate("quotum", ...)`` for each year, and nothing is written anywhere. The
address of the answer page is the link a trekker keeps or hands on.

Per year the organisation gives its fte (with the hours of one fte) or its verloonde uren, and
the banen it realised; the rules module gives the doelbanen, with the quotumpercentage of that
year and its source. A year whose percentage is not known asks for one.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django import forms

from eligibility import engine
from eligibility.forms import DutchNumberField, YearField
from eligibility.nl import format_value
from eligibility.parameters import parameter
from voortgang.models import FIRST_YEAR, LAST_YEAR
from voortgang.progress import gap_text, number
from voortgang.progress import to_csv as progress_csv

ROWS = 6
EXTRA_PARAMS = ("bereken", "formaat")  # the submit button and the CSV download
MAX_QUERY = 4000  # characters; a filled-in form is far shorter
ROW_FIELDS = ("jaar", "fte", "uren", "banen", "pct")
STEPS = ("quotumpercentage", "doelbanen", "doelbanen_uren")  # the uitleg shown per year


def row_name(name, i):
    return f"{name}{i}"


class BoundedYearField(YearField):
    def convert(self, text):
        year = super().convert(text)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(f"Vul een jaar in van {FIRST_YEAR} tot en met {LAST_YEAR}.")
        return year


class OwnFiguresForm(forms.Form):
    """Sector, hours per fte, and up to ROWS years of figures; field names are the link's parameters."""

    sector = forms.ChoiceField(
        label="Sector",
        choices=(("overheid", "Sector overheid"), ("markt", "Sector niet-overheid (markt)")),
        initial="overheid",
        help_text="Overheidswerkgevers vallen in de sector overheid.",
        error_messages={"required": "Kies de sector.", "invalid_choice": "Kies de sector overheid of markt."},
    )
    uren_per_fte = DutchNumberField(
        label="Uren per fte per week",
        initial="36",
        help_text="Nodig als u met fte rekent. Bij het Rijk is één fte 36 uur.",
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for i in range(1, ROWS + 1):
            self.fields[row_name("jaar", i)] = BoundedYearField(label=f"Jaar (regel {i})")
            self.fields[row_name("fte", i)] = DutchNumberField(label=f"Aantal fte (regel {i})")
            self.fields[row_name("uren", i)] = DutchNumberField(
                label=f"Of: verloonde uren in het jaar (regel {i})"
            )
            self.fields[row_name("banen", i)] = DutchNumberField(
                label=f"Gerealiseerde banen (regel {i})",
            )
            self.fields[row_name("pct", i)] = DutchNumberField(
                label=f"Quotumpercentage, niet verplicht (regel {i})",
            )
        self.unknown = sorted(key for key in data or {} if key not in self.fields and key not in EXTRA_PARAMS)

    def clean(self):
        cleaned = super().clean()
        if self.unknown:
            shown = ", ".join(name[:30] for name in self.unknown[:5])
            raise forms.ValidationError(f"Onbekende gegevens in het adres: {shown}.")
        years, filled = {}, 0
        for i in range(1, ROWS + 1):
            values = {name: cleaned.get(row_name(name, i)) for name in ROW_FIELDS}
            if any(row_name(n, i) in self.errors for n in ROW_FIELDS):
                filled += 1
                continue
            if all(values[name] is None for name in ("fte", "uren", "banen", "pct")):
                continue
            filled += 1
            self._check_row(i, values, cleaned, years)
        if not filled:
            self.add_error(
                row_name("fte", 1), "Vul voor ten minste één jaar het aantal fte of de verloonde uren in."
            )
        return cleaned

    def _check_row(self, i, values, cleaned, years):
        for name in ("fte", "uren", "banen"):
            if values[name] is not None and values[name] < 0:
                self.add_error(row_name(name, i), "Vul een getal van 0 of meer in.")
        if values["pct"] is not None and not 0 <= values["pct"] <= 100:
            self.add_error(row_name("pct", i), "Vul een percentage van 0 tot en met 100 in.")
        if values["jaar"] is None:
            self.add_error(row_name("jaar", i), "Vul het jaar in waar deze cijfers over gaan.")
        elif values["jaar"] in years:
            self.add_error(
                row_name("jaar", i), f"Het jaar {values['jaar']} staat al in regel {years[values['jaar']]}."
            )
        else:
            years[values["jaar"]] = i
        if values["fte"] is None and values["uren"] is None:
            self.add_error(row_name("fte", i), "Vul het aantal fte of de verloonde uren in.")
        elif values["fte"] is not None and values["uren"] is not None:
            self.add_error(row_name("uren", i), "Vul het aantal fte of de verloonde uren in, niet allebei.")
        elif (
            values["fte"] is not None
            and cleaned.get("uren_per_fte") is None
            and "uren_per_fte" not in self.errors
        ):
            self.add_error("uren_per_fte", "Vul in hoeveel uur per week één fte is.")

    def rows(self):
        """The filled rows as {name: value}, by year."""
        out = []
        for i in range(1, ROWS + 1):
            values = {name: self.cleaned_data.get(row_name(name, i)) for name in ROW_FIELDS}
            if values["fte"] is not None or values["uren"] is not None:
                out.append({"regel": i, **values})
        return sorted(out, key=lambda row: row["jaar"])

    def link_query(self):
        """The query string of the filled-in figures only: the link that carries them."""
        data = self.data
        params = [(name, data.get(name).strip()) for name in self.fields if (data.get(name) or "").strip()]
        return urlencode(params)


@dataclass
class YearResult:
    """One year: the doelbanen from the rules module against the banen realised."""

    jaar: int
    doel: float | None
    gerealiseerd: float | None
    percentage: str
    uitleg: list = field(default_factory=list)
    bronnen: list = field(default_factory=list)
    doel_circa: bool = False
    gerealiseerd_circa: bool = False

    @property
    def periode(self):
        return str(self.jaar)

    @property
    def slug(self):
        return f"jaar-{self.jaar}"

    @property
    def sort_key(self):
        return (self.jaar, 4, self.slug)

    @property
    def verschil(self):
        if self.doel is None or self.gerealiseerd is None:
            return None
        return float((Decimal(str(self.gerealiseerd)) - Decimal(str(self.doel))).quantize(Decimal("0.01")))

    @property
    def tekort(self):
        return None if self.verschil is None else max(0.0, -self.verschil)

    @property
    def procent(self):
        if self.verschil is None or not self.doel:
            return None
        return int(
            (Decimal(100) * Decimal(str(self.gerealiseerd)) / Decimal(str(self.doel))).to_integral_value(
                ROUND_HALF_UP
            )
        )


class MissingPercentage(Exception):
    pass


def facts_for(row, sector, uren_per_fte):
    feiten = {"sector": sector, "jaar": row["jaar"]}
    if row["fte"] is not None:
        feiten.update(fte=row["fte"], uren_per_fte_per_week=uren_per_fte)
    else:
        feiten["verloonde_uren_jaar"] = row["uren"]
    if row["pct"] is not None:
        feiten["quotumpercentage"] = row["pct"]
    return feiten


def percentage(row, sector):
    """(text, sources) of the percentage the year is computed with: given, or the year's parameter."""
    if row["pct"] is not None:
        return f"{format_value(row['pct'])} % (zelf opgegeven)", []
    value = parameter(f"quotum.percentage_{sector}", on=datetime.date(row["jaar"], 12, 31))
    sources = [{"titel": ref.get("titel", ""), "url": ref.get("url") or ""} for ref in value.reference]
    return f"{format_value(value.value)} %" + (" (voorlopig)" if value.voorlopig else ""), sources


def evaluate_year(row, sector, uren_per_fte, peildatum):
    """The rules module's doelbanen for one year; raise MissingPercentage or engine.InvalidInput."""
    answer = engine.evaluate("quotum", facts_for(row, sector, uren_per_fte), peildatum)
    if "quotumpercentage" in answer["ontbrekende_feiten"]:
        raise MissingPercentage(row["jaar"])
    steps = answer["uitleg"]
    if any("regel_id" in step for step in steps):
        steps = [step for step in steps if step.get("regel_id") in STEPS]
    text, sources = percentage(row, sector)
    return YearResult(
        jaar=row["jaar"],
        doel=answer["antwoord"].get("doelbanen"),
        gerealiseerd=row["banen"],
        percentage=text,
        uitleg=[f"{step['regel']}: {step['toelichting']}" for step in steps],
        bronnen=sources,
    )


def suggested_years(today, count=ROWS):
    """The years the empty form suggests: the last ``count`` full calendar years."""
    return [today.year - count + i for i in range(count)]


TOO_LONG = "Het adres is te lang om te lezen. Vul de cijfers opnieuw in."


def shown(result):
    """The year's figures as the table shows them."""
    return {
        "doel": number(result.doel),
        "gerealiseerd": number(result.gerealiseerd),
        "verschil": gap_text(result),
    }


def to_csv(results):
    rows = [(r.jaar, r.percentage, r.doel, r.gerealiseerd, r.verschil) for r in results]
    return progress_csv(("jaar", "quotumpercentage", "doelbanen", "gerealiseerd", "verschil"), rows)
