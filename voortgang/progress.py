"""What /voortgang/ shows: per sector the published metingen as a chart, a table, a CSV file and
one sentence, and the quotumpercentage per year from the rules parameters.

The chart, the table and the CSV are built from the same list of rows, so they cannot disagree.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from eligibility.nl import format_value, number_text
from eligibility.parameters import PARAMETERS, parameter
from voortgang.models import Sector, published

# The sectors in the order of the page, each with its heading.
SECTIONS = (
    (Sector.OVERHEID, "Sector overheid"),
    (Sector.RIJK, "Rijksoverheid (monitor banenafspraak Rijk)"),
    (Sector.MARKT, "Markt, ter vergelijking"),
    (Sector.TOTAAL, "Markt en overheid samen"),
)
NOT_KNOWN = "niet gevonden of niet vastgesteld"
FIRST_QUOTUM_YEAR = 2015  # the Wet banenafspraak en quotum arbeidsbeperkten, from 1 May 2015


def number(value, circa=False):
    """A number of jobs the Dutch way (22.500), 'ca. ' when the source rounds, '' when unknown."""
    if value is None:
        return ""
    return ("ca. " if circa else "") + format_value(value)


def gap_text(meting):
    verschil = meting.verschil
    if verschil is None:
        return ""
    if verschil < 0:
        return f"{number(-verschil)} te weinig"
    if verschil > 0:
        return f"{number(verschil)} meer dan het doel"
    return "doel gehaald"


# --- the chart: horizontal bars, one pair per meting, each with its text above it, in a 280-wide
# viewBox drawn for a phone's column: the CSS lets it shrink a little and grow 15 %, so the text
# stays at least as large as the body's small text ---------------------------------------------

WIDTH = 280
PERIOD, LINE, BAR, GAP, SPACE = 22, 18, 10, 4, 6


@dataclass
class Bar:
    kind: str  # doel | gerealiseerd
    text: str
    y: float
    width: float
    text_y: float


def chart(rows, sector):
    """SVG geometry for the metingen of one sector; the values are those of the table rows."""
    top = max([v for m in rows for v in (m.doel, m.gerealiseerd) if v is not None] or [1])
    items, y = [], 0
    for meting in rows:
        label_y = y + 16
        bars = []
        y += PERIOD
        for kind, value, circa in (
            ("doel", meting.doel, meting.doel_circa),
            ("gerealiseerd", meting.gerealiseerd, meting.gerealiseerd_circa),
        ):
            width = round(WIDTH * value / top, 1) if value else 0
            shown = number(value, circa) if value is not None else "geen cijfer"
            text = f"{'Doel' if kind == 'doel' else 'Gerealiseerd'}: {shown}"
            bars.append(Bar(kind, text, y + LINE, width, y + LINE - 4))
            y += LINE + BAR + GAP
        items.append({"label": meting.periode, "label_y": label_y, "bars": bars})
        y += SPACE
    return {"id": f"grafiek-{sector}", "width": WIDTH, "height": max(y, 40), "items": items}


# --- the sentence ------------------------------------------------------------------------------


def summary(rows, sector_label):
    """One sentence: the newest meting with both a target and a realisation, and what else there is."""
    if not rows:
        return f"Er zijn nog geen gepubliceerde cijfers voor {sector_label.lower()}."
    complete = [m for m in rows if m.verschil is not None]
    if not complete:
        last = rows[-1]
        if last.gerealiseerd is not None:
            return f"De laatste meting ({last.periode}) telt {number(last.gerealiseerd, last.gerealiseerd_circa)} banen."
        return f"Het doel is {number(last.doel, last.doel_circa)} banen ({last.periode})."
    last = complete[-1]
    if last.tekort:
        outcome = f"{number(last.tekort)} banen te weinig ({last.procent} % van het doel)"
    elif last.verschil:
        outcome = f"{number(last.verschil)} banen meer dan het doel"
    else:
        outcome = "precies het doel"
    later = [m for m in rows if m.sort_key > last.sort_key]
    return (
        f"{last.periode[:1].upper()}{last.periode[1:]}: {number(last.gerealiseerd, last.gerealiseerd_circa)} "
        f"banen gerealiseerd tegen een doel van {number(last.doel, last.doel_circa)}, {outcome}"
        + ("; latere cijfers staan in de tabel" if later else "")
        + "."
    )


def sections(metingen=None):
    """Per sector: the rows (metingen, oldest first), the chart, the sentence and the CSV link."""
    metingen = published() if metingen is None else metingen
    out = []
    for sector, heading in SECTIONS:
        rows = [m for m in metingen if m.sector == sector]
        out.append(
            {
                "sector": sector.value,
                "heading": heading,
                "rows": [table_row(m) for m in rows],
                "chart": chart(rows, sector.value) if rows else None,
                "summary": summary(rows, heading),
            }
        )
    return out


def table_row(meting):
    return {
        "slug": meting.slug,
        "periode": meting.periode,
        "doel": number(meting.doel, meting.doel_circa),
        "gerealiseerd": number(meting.gerealiseerd, meting.gerealiseerd_circa),
        "verschil": gap_text(meting),
        "bron": meting.citation,
        "url": meting.bron.url if meting.bron_id else "",
        "toelichting": meting.toelichting,
    }


# --- the quotumpercentage per year ---------------------------------------------------------


def quotum_years(today):
    """From the first quotum year to this year, or the last year a parameter value starts in."""
    last = max(
        [today.year]
        + [
            day.year
            for name in ("quotum.percentage_overheid", "quotum.percentage_markt")
            for day in PARAMETERS[name].dates
        ]
    )
    return range(FIRST_QUOTUM_YEAR, last + 1)


def quotum_percentages(sector, today):
    """[{jaar, waarde (float or None), tekst, bronnen: [{titel, url}]}] for the sector, per year.

    Read like the quotum rule reads it: the value in force on the year's last day.
    """
    rows = []
    for jaar in quotum_years(today):
        value = parameter(f"quotum.percentage_{sector}", on=datetime.date(jaar, 12, 31))
        rows.append(
            {
                "jaar": jaar,
                "waarde": value.value,
                "tekst": (f"{format_value(value.value)} %" + (" (voorlopig)" if value.voorlopig else ""))
                if value.known
                else NOT_KNOWN.capitalize(),
                "bronnen": [
                    {"titel": ref.get("titel", ""), "url": ref.get("url") or ""} for ref in value.reference
                ],
            }
        )
    return rows


def quotum_summary(rows, sector_label):
    known = [r for r in rows if r["waarde"] is not None]
    if not known:
        return f"Voor {sector_label} is in geen enkel jaar een quotumpercentage gevonden of vastgesteld."
    years = [str(r["jaar"]) for r in known]
    listed = years[0] if len(years) == 1 else ", ".join(years[:-1]) + " en " + years[-1]
    last = known[-1]
    return (
        f"Voor {sector_label} is het quotumpercentage bekend voor {listed} (laatst {last['tekst']} in "
        f"{last['jaar']}); voor de andere jaren is het {NOT_KNOWN}."
    )


# --- CSV ---------------------------------------------------------------------------------------

CSV_HEADER = (
    "sector",
    "jaar",
    "kwartaal",
    "periode",
    "doel",
    "gerealiseerd",
    "verschil",
    "afgerond_of_geschat",
    "bron",
    "bron_url",
    "toelichting",
)
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Text a spreadsheet will not run as a formula; numbers as plain digits."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float | Decimal):
        return number_text(value)
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_START) else text


def to_csv(header, rows):
    """UTF-8 with a BOM and ';' between cells, as Dutch spreadsheet programs open it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(c) for c in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def metingen_csv(metingen):
    rows = [
        (
            m.sector,
            m.jaar,
            m.kwartaal,
            m.periode,
            m.doel,
            m.gerealiseerd,
            m.verschil,
            ", ".join(
                name
                for name, flag in (("doel", m.doel_circa), ("gerealiseerd", m.gerealiseerd_circa))
                if flag
            ),
            m.citation,
            m.bron.url if m.bron_id else "",
            m.toelichting,
        )
        for m in metingen
    ]
    return to_csv(CSV_HEADER, rows)


def quotum_csv(today):
    rows = []
    for sector in ("overheid", "markt"):
        for row in quotum_percentages(sector, today):
            rows.append(
                (
                    sector,
                    row["jaar"],
                    "" if row["waarde"] is None else format_value(row["waarde"]),
                    "" if row["waarde"] is not None else NOT_KNOWN,
                    "; ".join(b["titel"] for b in row["bronnen"]),
                )
            )
    return to_csv(("sector", "jaar", "quotumpercentage", "opmerking", "bron"), rows)
