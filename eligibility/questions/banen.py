"""Hoeveel banen is dit (in banen van 25,5 uur per week)?

Rust op: de urennorm van de banenafspraak, 1 baan = 25,5 verloonde uren per week (Werkagenda
Banenafspraak Rijk 2021-2022; Kamerbrief BZK 2023; APE-onderzoek 2018), en voor uren per jaar de
jaarnorm (gekozen: 25,5 x 52 = 1.326 uur; het APE-onderzoek noemt 1.331, onzekerheid U3). Verloonde
uren zijn uren waarover loon is betaald (Wfsv art. 38b lid 4 en 38g lid 3). Deeltijd telt naar
rato; uren van meer personen tellen op.
"""

from decimal import ROUND_HALF_UP, Decimal

from eligibility.facts import KADER, NUMBER, NUMBER_LIST, Fact
from eligibility.nl import nl_number
from eligibility.parameters import parameter

from .predicates import Facts, kader_step, step

TITEL = "Hoeveel banen is dit?"
HOURS_IN_WEEK = 168
HOURS_IN_YEAR = 8784

FEITEN = (
    KADER,
    Fact(
        "uren_per_week",
        NUMBER,
        "Hoeveel verloonde uren per week werkt de persoon (of werken de personen samen)?",
        "Alleen uren waarover loon wordt betaald. Eén baan is 25,5 uur per week.",
        minimum=0,
        unit="uur per week",
    ),
    Fact(
        "uren_per_week_per_persoon",
        NUMBER_LIST,
        "Hoeveel verloonde uren per week werkt elke persoon?",
        "Een lijst met de uren per week van elke persoon; de uren tellen op.",
        minimum=0,
        maximum=HOURS_IN_WEEK,
        unit="uur per week",
    ),
    Fact(
        "weken_per_jaar",
        NUMBER,
        "Hoeveel weken per jaar wordt er gewerkt?",
        "Bijvoorbeeld 40 weken in het onderwijs, buiten de schoolvakanties. Dan wordt gerekend met uren per "
        "jaar en de jaarnorm.",
        minimum=0,
        maximum=53,
        unit="weken",
    ),
    Fact(
        "uren_per_jaar",
        NUMBER,
        "Hoeveel verloonde uren per jaar zijn het (samen)?",
        "Verloonde uren in een kalenderjaar; gedeeld door de jaarnorm.",
        minimum=0,
        unit="uur per jaar",
    ),
    Fact(
        "uren_per_jaar_per_persoon",
        NUMBER_LIST,
        "Hoeveel verloonde uren per jaar werkt elke persoon?",
        "Een lijst met de uren per jaar van elke persoon; de uren tellen op.",
        minimum=0,
        maximum=HOURS_IN_YEAR,
        unit="uur per jaar",
    ),
    Fact(
        "jaarnorm_uren",
        NUMBER,
        "Met hoeveel uur per jaar per baan wilt u rekenen?",
        "Standaard 1.326 uur (25,5 x 52). Het APE-onderzoek (2018) rekent met 1.331 uur.",
        minimum=1,
        maximum=HOURS_IN_YEAR,
        unit="uur per jaar",
    ),
)

ANTWOORD = {
    "banen": ({"type": ["number", "null"]}, "Aantal banen van 25,5 uur per week, op twee decimalen."),
    "urennorm_uren_per_week": ({"type": "number"}, "De gebruikte urennorm (uur per week per baan)."),
    "jaarnorm_uren": ({"type": "number"}, "De gebruikte jaarnorm (uur per jaar per baan)."),
    "voorwaarde": (
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
    ),
}

CENT = Decimal("0.01")


def _dec(value):
    return Decimal(str(value))


def _sum(facts, single, many):
    values = []
    if facts.given(single):
        values.append(_dec(facts.get(single)))
    if facts.given(many):
        values.extend(_dec(v) for v in facts.get(many))
    return sum(values, Decimal(0)) if values else None


def banen(uren_per_week=None, uren_per_jaar=None, urennorm=Decimal("25.5"), jaarnorm=Decimal("1326")):
    """Banen for weekly and yearly hours (Decimals), rounded half up to two decimals."""
    total = Decimal(0)
    if uren_per_week is not None:
        total += uren_per_week / urennorm
    if uren_per_jaar is not None:
        total += uren_per_jaar / jaarnorm
    return total.quantize(CENT, rounding=ROUND_HALF_UP)


def _norms(facts, peildatum):
    """(urennorm, jaarnorm, their sources) on the peildatum; a norm is None when unknown."""
    urennorm = parameter("banen.urennorm", peildatum)
    jaarnorm = parameter("banen.jaarnorm", peildatum)
    week_norm = None if urennorm.value is None else _dec(urennorm.value)
    week_sources = urennorm.reference
    if facts.given("jaarnorm_uren"):
        return week_norm, _dec(facts.get("jaarnorm_uren")), week_sources, week_sources
    year_norm = None if jaarnorm.value is None else _dec(jaarnorm.value)
    return week_norm, year_norm, week_sources, jaarnorm.reference


def evaluate(facts: Facts, peildatum):
    kader_uitleg, condition = kader_step(facts.get("kader"), peildatum)
    uitleg = [kader_uitleg]
    antwoord = {"voorwaarde": condition} if condition else {}
    week = _sum(facts, "uren_per_week", "uren_per_week_per_persoon")
    year = _sum(facts, "uren_per_jaar", "uren_per_jaar_per_persoon")
    weeks = facts.get("weken_per_jaar")
    if week is None and year is None:
        antwoord["banen"] = None
        return antwoord, uitleg, ("uren_per_week",)

    week_norm, year_norm, week_sources, year_sources = _norms(facts, peildatum)
    if week is not None and weeks is not None:
        from_weeks = week * _dec(weeks)
        uitleg.append(
            step(
                "uren_per_jaar",
                "Uren per jaar",
                nl_number(from_weeks),
                f"{nl_number(week)} uur per week x {nl_number(_dec(weeks))} weken = {nl_number(from_weeks)} "
                "verloonde uren per jaar.",
                year_sources,
                "banen-en-de-urennorm",
            )
        )
        year, week = (year or Decimal(0)) + from_weeks, None

    if (week is not None and week_norm is None) or (year is not None and year_norm is None):
        uitleg.append(
            step(
                "urennorm",
                "Urennorm",
                None,
                "Voor deze peildatum is geen urennorm bekend; de banenafspraak rekent vanaf 2013 met 25,5 "
                "uur per week.",
                week_sources,
                "banen-en-de-urennorm",
            )
        )
        antwoord["banen"] = None
        return antwoord, uitleg, ()

    result = banen(week, year, week_norm, year_norm)
    parts = []
    if week is not None:
        parts.append(f"{nl_number(week)} uur per week / {nl_number(week_norm, 1)}")
        antwoord["urennorm_uren_per_week"] = float(week_norm)
        uitleg.append(
            step(
                "urennorm",
                "Urennorm",
                f"{nl_number(week_norm, 1)} uur per week",
                f"Eén baan is {nl_number(week_norm, 1)} verloonde uren per week; deeltijd telt naar rato en "
                "uren van meer personen tellen op.",
                week_sources,
                "banen-en-de-urennorm",
            )
        )
    if year is not None:
        parts.append(f"{nl_number(year)} uur per jaar / {nl_number(year_norm, 0)}")
        antwoord["jaarnorm_uren"] = float(year_norm)
        uitleg.append(
            step(
                "jaarnorm",
                "Jaarnorm per baan",
                f"{nl_number(year_norm, 0)} uur per jaar",
                f"Opgegeven jaarnorm: {nl_number(year_norm, 0)} uur per baan."
                if facts.given("jaarnorm_uren")
                else f"Gerekend met {nl_number(year_norm, 0)} uur per jaar (25,5 uur x 52 weken); het "
                "APE-onderzoek (2018) noemt 1.331 uur (onzekerheid U3).",
                year_sources,
                "banen-en-de-urennorm",
            )
        )
    uitleg.append(
        step(
            "banen",
            "Aantal banen",
            nl_number(result),
            " + ".join(parts)
            + f" = {nl_number(result)} {'baan' if result == 1 else 'banen'} (afgerond op twee decimalen).",
            week_sources,
            "banen-en-de-urennorm",
        )
    )
    antwoord["banen"] = float(result)
    return antwoord, uitleg, ()
