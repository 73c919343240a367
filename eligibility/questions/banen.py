"""Hoeveel banen is dit (in banen van de urennorm van de banenafspraak)?

Rust op: de urennorm van de banenafspraak, 1 baan = het aantal verloonde uren per week van de
parameter banen.urennorm (Werkagenda Banenafspraak Rijk 2021-2022; Kamerbrief BZK 2023;
APE-onderzoek 2018), een FTA (fulltime arbeidsparticipant) is één zo'n baan, en voor uren per jaar
de jaarnorm: het gemiddeld aantal verloonde uren van een arbeidsbeperkte per jaar (Besluit Wfsv art.
2.32 onder d, parameter banen.jaarnorm). Alleen verloonde uren van mensen uit de doelgroep tellen
(Wfsv art. 38b lid 4 en 38g lid 3): geen loon, of niet in de doelgroep, is 0 banen. Deeltijd telt
naar rato; uren van meer personen tellen op.
"""

from decimal import ROUND_HALF_UP, Decimal

from eligibility.nl import nl_number
from eligibility.parameters import PARAMETERS, parameter
from eligibility.sources import law
from eligibility.vocabulary import pick

from .predicates import Facts, Field, kader_step, parameter_step, since_text, step

TITEL = "Hoeveel banen is dit?"

FEITEN = pick(
    "kader",
    "uren_per_week",
    "uren_per_week_per_persoon",
    "fta",
    "weken_per_jaar",
    "uren_per_jaar",
    "uren_per_jaar_per_persoon",
    "jaarnorm_uren",
    "loon_betaald",
    "persoon_in_doelgroep",
)

ANTWOORD = {
    "banen": Field(
        {"type": ["number", "null"]},
        "Aantal banen van de urennorm (uur per week), op twee decimalen.",
        "Aantal banen",
    ),
    "urennorm_uren_per_week": Field(
        {"type": "number"},
        "De gebruikte urennorm (uur per week per baan).",
        "Urennorm (uur per week per baan)",
    ),
    "jaarnorm_uren": Field(
        {"type": "number"},
        "De gebruikte jaarnorm (uur per jaar per baan).",
        "Jaarnorm (uur per jaar per baan)",
    ),
    "voorwaarde": Field(
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
        "Voorwaarde",
    ),
}

CENT = Decimal("0.01")
VERLOONDE_UREN = (law("wfsv", "38b", "lid 4"), law("wfsv", "38g", "lid 3"))
HOURS = ("uren_per_week", "uren_per_week_per_persoon", "fta", "uren_per_jaar", "uren_per_jaar_per_persoon")


def _dec(value):
    return Decimal(str(value))


def _sum(facts, single, many):
    values = []
    if facts.given(single):
        values.append(_dec(facts.get(single)))
    if facts.given(many):
        values.extend(_dec(v) for v in facts.get(many))
    return sum(values, Decimal(0)) if values else None


def banen(uren_per_week, uren_per_jaar, urennorm, jaarnorm):
    """Banen for weekly and yearly hours (Decimals or None), rounded half up to two decimals."""
    total = Decimal(0)
    if uren_per_week is not None:
        total += uren_per_week / urennorm
    if uren_per_jaar is not None:
        total += uren_per_jaar / jaarnorm
    return total.quantize(CENT, rounding=ROUND_HALF_UP)


def _zero(antwoord, uitleg, regel_id, regel, text):
    uitleg.append(step(regel_id, regel, False, text, VERLOONDE_UREN, "banen-en-de-urennorm"))
    antwoord["banen"] = 0.0
    return antwoord, uitleg, ()


def evaluate(facts: Facts, peildatum):
    kader_uitleg, condition = kader_step(facts.get("kader"), peildatum)
    uitleg = [kader_uitleg]
    antwoord = {"voorwaarde": condition} if condition else {}
    week = _sum(facts, "uren_per_week", "uren_per_week_per_persoon")
    year = _sum(facts, "uren_per_jaar", "uren_per_jaar_per_persoon")
    fta = facts.get("fta")
    weeks = facts.get("weken_per_jaar")
    if week is None and year is None and fta is None:
        antwoord["banen"] = None
        return antwoord, uitleg, ("uren_per_week",)
    if facts.get("persoon_in_doelgroep") is False:
        return _zero(
            antwoord,
            uitleg,
            "persoon_in_doelgroep",
            "De persoon hoort bij de doelgroep",
            "Alleen uren van mensen uit de doelgroep tellen als banen; deze uren zijn 0 banen.",
        )
    if facts.get("loon_betaald") is False:
        return _zero(
            antwoord,
            uitleg,
            "verloonde_uren",
            "Verloonde uren",
            "Over deze uren wordt geen loon betaald. Alleen verloonde uren tellen: dit is 0 banen.",
        )

    urennorm = parameter("banen.urennorm", peildatum)
    per_fta = parameter("banen.uren_per_fta", peildatum)
    jaarnorm = parameter("banen.jaarnorm", peildatum)
    week_norm = None if urennorm.value is None else _dec(urennorm.value)
    year_norm = (
        _dec(facts.get("jaarnorm_uren"))
        if facts.given("jaarnorm_uren")
        else (None if jaarnorm.value is None else _dec(jaarnorm.value))
    )

    if fta is not None and per_fta.value is not None:
        from_fta = _dec(fta) * _dec(per_fta.value)
        uitleg.append(
            parameter_step(
                "fta",
                "FTA",
                f"{nl_number(from_fta)} uur per week",
                f"{nl_number(_dec(fta))} FTA x {nl_number(_dec(per_fta.value))} uur per week = "
                f"{nl_number(from_fta)} verloonde uren per week.",
                per_fta,
                "banen-en-de-urennorm",
            )
        )
        week = (week or Decimal(0)) + from_fta

    if week is not None and weeks is not None:
        from_weeks = week * _dec(weeks)
        uitleg.append(
            step(
                "uren_per_jaar",
                "Uren per jaar",
                nl_number(from_weeks),
                f"{nl_number(week)} uur per week x {nl_number(_dec(weeks))} weken = {nl_number(from_weeks)} "
                "verloonde uren per jaar.",
                jaarnorm.reference,
                "banen-en-de-urennorm",
            )
        )
        year, week = (year or Decimal(0)) + from_weeks, None

    if (week is not None and week_norm is None) or (year is not None and year_norm is None):
        first = PARAMETERS[urennorm.name].on(PARAMETERS[urennorm.name].first())
        uitleg.append(
            parameter_step(
                "urennorm",
                "Urennorm",
                None,
                "Voor deze peildatum is geen urennorm bekend; de banenafspraak rekent vanaf "
                f"{since_text(urennorm.name)} met {nl_number(_dec(first.value))} uur per week.",
                urennorm,
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
            parameter_step(
                "urennorm",
                "Urennorm",
                f"{nl_number(week_norm, 1)} uur per week",
                f"Eén baan is {nl_number(week_norm, 1)} verloonde uren per week; deeltijd telt naar rato en "
                "uren van meer personen tellen op.",
                urennorm,
                "banen-en-de-urennorm",
            )
        )
    if year is not None:
        parts.append(f"{nl_number(year)} uur per jaar / {nl_number(year_norm, 0)}")
        antwoord["jaarnorm_uren"] = float(year_norm)
        if facts.given("jaarnorm_uren"):
            uitleg.append(
                step(
                    "jaarnorm",
                    "Jaarnorm per baan",
                    f"{nl_number(year_norm, 0)} uur per jaar",
                    f"Opgegeven jaarnorm: {nl_number(year_norm, 0)} uur per baan.",
                    jaarnorm.reference,
                    "banen-en-de-urennorm",
                )
            )
        else:
            uitleg.append(
                parameter_step(
                    "jaarnorm",
                    "Jaarnorm per baan",
                    f"{nl_number(year_norm, 0)} uur per jaar",
                    f"Gerekend met {nl_number(year_norm, 0)} uur per jaar: het gemiddeld aantal verloonde uren "
                    "van een arbeidsbeperkte per jaar volgens het Besluit Wfsv.",
                    jaarnorm,
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
            urennorm.reference,
            "banen-en-de-urennorm",
        )
    )
    antwoord["banen"] = float(result)
    return antwoord, uitleg, ()
