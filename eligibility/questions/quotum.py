"""Wat is ons quotum, vallen wij onder de quotumheffing, en wordt die opgelegd?

Rust op: Wfsv art. 34 lid 4 en 6 met Besluit Wfsv art. 2.20 en 2.21 (drempel: 25 x 1.623 =
40.575 verloonde uren, in het jaar vóór het heffingsjaar en in het heffingsjaar zelf); art. 38c
en Regeling Wfsv art. 3.27 (sectorindeling: een overheidswerkgever met ten minste 50 % van zijn
uren premieplichtig aan een sectorfonds valt in de sector niet-overheid); art. 38f (quotum-
percentage per sector); art. 38g lid 3 en Besluit Wfsv art. 2.23 (quotumtekort = (A x B - C) / D,
naar beneden afgerond op 1 decimaal); art. 38h (EUR 5.000 per ontbrekende arbeidsplaats); art.
122n (activering, voor de sector overheid per 1 januari 2018); art. 122na (uitstel van de heffing,
per tekstversie). De doelbanen volgen de methode van de quotumcalculator van het Rijk: fte x uren
per fte per week x quotumpercentage / 25,5 (Kamerbrief BZK 2023; onzekerheid U8). In het kader
``wet_banenafspraak_2025``: art. 4 t/m 6 Wet banenafspraak (één doelstelling, inclusiviteitsopslag;
voorwaardelijk, U1).
"""

import datetime
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from rules import Predicate

from eligibility.facts import BOOL, CHOICE, DATE, INT, KADER, NUMBER, Fact
from eligibility.nl import nl_date, nl_number
from eligibility.parameters import parameter
from eligibility.sources import document, law

from .predicates import Facts, decide, kader_step, step

TITEL = "Wat is ons quotum en geldt de quotumheffing?"

FEITEN = (
    KADER,
    Fact(
        "jaar",
        INT,
        "Over welk kalenderjaar gaat het?",
        "Het jaar waarvoor het quotum geldt (het heffingsjaar). Standaard: het jaar van de peildatum.",
        minimum=2013,
        maximum=2100,
        default=lambda peildatum: peildatum.year,
    ),
    Fact(
        "sector",
        CHOICE,
        "In welke sector valt de werkgever?",
        "Overheidswerkgevers vallen in de sector overheid (Wfsv art. 38c).",
        choices=(("overheid", "Sector overheid"), ("markt", "Sector niet-overheid (markt)")),
    ),
    Fact(
        "aandeel_uren_sectorfonds_pct",
        NUMBER,
        "Welk deel van de verloonde uren is premieplichtig aan een sectorfonds (in procenten)?",
        "Een overheidswerkgever met ten minste 50 % valt in de sector niet-overheid. Peilmoment: het "
        "laatste aangiftetijdvak van het voorgaande jaar.",
        minimum=0,
        maximum=100,
        unit="procent",
        toon_als=(("sector", ("overheid",)),),
    ),
    Fact(
        "verloonde_uren_vorig_jaar",
        NUMBER,
        "Hoeveel verloonde uren had de werkgever in het jaar vóór het heffingsjaar?",
        "Alle uren in de eigen loonaangifte (ingeleende uren tellen niet mee voor de drempel), volgens de "
        "aangiften die uiterlijk op 1 mei zijn ingediend.",
        minimum=0,
        unit="uur",
    ),
    Fact(
        "verloonde_uren_jaar",
        NUMBER,
        "Hoeveel verloonde uren had de werkgever in het heffingsjaar zelf?",
        "Alle uren in de eigen loonaangifte (variabele A van art. 38g Wfsv).",
        minimum=0,
        unit="uur",
    ),
    Fact(
        "fte",
        NUMBER,
        "Hoeveel fte heeft de organisatie?",
        "Voor de doelbanen volgens de quotumcalculator van het Rijk.",
        minimum=0,
        unit="fte",
    ),
    Fact(
        "uren_per_fte_per_week",
        NUMBER,
        "Hoeveel uur per week is één fte?",
        "Bij het Rijk 36 uur.",
        minimum=0,
        exclusive_minimum=True,
        maximum=168,
        unit="uur per week",
        toon_als=(("fte", ("*",)),),
    ),
    Fact(
        "quotumpercentage",
        NUMBER,
        "Met welk quotumpercentage wilt u rekenen?",
        "Niet opgegeven: het vastgestelde percentage voor de sector en het jaar, als dat bekend is (2018: "
        "1,93; 2019: 2,14; 2023: 2,76 voor de sector overheid).",
        minimum=0,
        maximum=100,
        unit="procent",
    ),
    Fact(
        "gerealiseerde_banen",
        NUMBER,
        "Hoeveel banen (van 25,5 uur per week) heeft de werkgever gerealiseerd?",
        "Gebruik de vraag 'banen' om uren om te rekenen naar banen.",
        minimum=0,
        unit="banen",
    ),
    Fact(
        "verloonde_uren_arbeidsbeperkten",
        NUMBER,
        "Hoeveel verloonde uren van arbeidsbeperkten had de werkgever in het heffingsjaar?",
        "Variabele C van art. 38g Wfsv, inclusief uren die een uitlener aan u heeft toegerekend.",
        minimum=0,
        unit="uur",
    ),
    Fact(
        "quotumtekort_berekend",
        NUMBER,
        "Welk quotumtekort is al berekend (in banen)?",
        "Als u het tekort (A x B - C) / D al kent; een negatief getal betekent een overschot.",
        minimum=-1e12,
        unit="banen",
    ),
    Fact(
        "kleine_werkgever",
        BOOL,
        "Is de werkgever een kleine werkgever (voor de Aof-premie)?",
        "Kleine werkgevers betalen in het nieuwe stelsel geen inclusiviteitsopslag. Niet opgegeven: "
        "aangenomen dat de werkgever niet klein is.",
        toon_als=(("kader", ("wet_banenafspraak_2025",)),),
    ),
    Fact(
        "activeringsbesluit_datum",
        DATE,
        "Op welke datum is de quotumregeling van het nieuwe stelsel geactiveerd (art. 5 Wet banenafspraak)?",
        "De inclusiviteitsopslag is verschuldigd vanaf 1 januari van het tweede kalenderjaar na het "
        "activeringsbesluit. Nog niet opgegeven: er is geen activeringsbesluit.",
        toon_als=(("kader", ("wet_banenafspraak_2025",)),),
    ),
)

_BOOL = {"type": ["boolean", "null"]}
_NUMBER = {"type": ["number", "null"]}
ANTWOORD = {
    "sector": ({"type": "string", "enum": ["overheid", "markt"]}, "De sector na de sectorindeling."),
    "sector_quotum": ({"type": "boolean"}, "Is er een quotum per sector?"),
    "individueel_quotum": (
        _BOOL,
        "Geldt er een quotum voor de individuele werkgever (regeling geactiveerd)?",
    ),
    "doelbanen": (_NUMBER, "Aantal te realiseren banen, op twee decimalen."),
    "doelbanen_afgerond": ({"type": ["integer", "null"]}, "Doelbanen afgerond op een heel aantal."),
    "valt_onder_quotumheffing": (_BOOL, "Valt de werkgever onder de quotumheffing (activering en drempel)?"),
    "quotumtekort": (_NUMBER, "Het quotumtekort, naar beneden afgerond op één decimaal, nooit negatief."),
    "heffing_berekend_euro": ({"type": ["integer", "null"]}, "De berekende quotumheffing in euro."),
    "heffing_opgelegd": (
        _BOOL,
        "Wordt de heffing opgelegd volgens art. 122na Wfsv zoals dat op de peildatum gold?",
    ),
    "inclusiviteitsopslag_verschuldigd": (_BOOL, "Nieuw stelsel: is de inclusiviteitsopslag verschuldigd?"),
    "inclusiviteitsopslag_verschuldigd_vanaf": (
        {"type": ["string", "null"], "format": "date"},
        "Nieuw stelsel: vanaf wanneer de opslag verschuldigd is.",
    ),
    "nog_te_realiseren_banen": ({"type": "number"}, "Monitor Rijk: doelbanen min gerealiseerde banen."),
    "voorwaarde": (
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
    ),
}

ENTRY_FACTS = (
    "sector",
    "verloonde_uren_vorig_jaar",
    "verloonde_uren_jaar",
    "fte",
    "uren_per_fte_per_week",
    "gerealiseerde_banen",
)
HOURS = ("verloonde_uren_vorig_jaar", "verloonde_uren_jaar")
SHORTFALL = ("quotumtekort_berekend", "verloonde_uren_arbeidsbeperkten", "gerealiseerde_banen")

CENT, TENTH, ONE = Decimal("0.01"), Decimal("0.1"), Decimal(1)


def dec(value):
    return Decimal(str(value))


def round_half_up(value, step=CENT):
    return value.quantize(step, rounding=ROUND_HALF_UP)


def round_down(value, step=CENT):
    return value.quantize(step, rounding=ROUND_FLOOR)


def doelbanen(fte, uren_per_fte_per_week, percentage, urennorm=Decimal("25.5")):
    """Target jobs by the quotumcalculator's method: fte x hours per fte x pct / 25,5 (unrounded)."""
    return fte * uren_per_fte_per_week * percentage / 100 / urennorm


def quotumtekort(raw):
    """The tekort rounded down to one decimal, never below zero (Besluit Wfsv art. 2.23)."""
    return max(Decimal(0), round_down(raw, TENTH))


def tekort_uit_uren(a, b, c, d):
    """(A x B - C) / D with A, C and D rounded down to two decimals (art. 38g Wfsv)."""
    a, c, d = round_down(a), round_down(c), round_down(d)
    return (a * round_down(b) / 100 - c) / d


# --- predicates (the year comes from the facts, the text of 122na from the peildatum) -----------


def _year(facts):
    """The date on which the year's parameters are read: its last day, so a year the law starts
    in part of (2015) has the law's values."""
    return datetime.date(facts.get("jaar"), 12, 31)


def _sector(facts):
    """The sector after the sector rule (Wfsv art. 38c): sectorfonds hours can move an overheid to markt."""
    sector = facts.get("sector")
    share = facts.get("aandeel_uren_sectorfonds_pct")
    if sector == "overheid" and share is not None:
        limit = parameter("quotum.sectorfonds_grens_pct", _year(facts)).value
        if limit is not None and share >= limit:
            return "markt"
    return sector


def _geactiveerd(facts, peildatum):
    sector = _sector(facts)
    if sector is None:
        return facts.require("sector", "sector")
    value = parameter(f"quotum.activering_{sector}", _year(facts)).value
    return bool(value)


def _boven_drempel(fact):
    def check(facts, peildatum):
        hours = facts.values.get(fact)
        if hours is None:
            return facts.require(fact, fact)
        threshold = parameter("quotum.drempel_uren", _year(facts)).value
        return threshold is not None and hours >= threshold

    return Predicate(check, name=f"boven_drempel_{fact}")


def _heffingsjaar_bereikt(facts, peildatum):
    if _sector(facts) != "overheid":
        return True
    first = parameter("quotum.eerste_heffingsjaar_overheid", _year(facts)).value
    return first is None or facts.get("jaar") >= first


def _heeft_tekort(facts, peildatum):
    tekort = facts.values.get("_tekort")
    if tekort is None:
        return facts.require("heeft_tekort", "quotumtekort_berekend")
    return tekort > 0


def _uitgesteld(facts, peildatum):
    rule = parameter("quotum.heffing_uitstel", peildatum).value or {"regel": "geen"}
    if rule["regel"] == "jaren_voor":
        return facts.get("jaar") < rule["jaar"]
    # before the art. 2 Wet banenafspraak date the heffing is suspended; from it the old
    # heffing no longer exists: either way it is not imposed
    return rule["regel"] == "voor_inwerkingtreding_art2"


geactiveerd = Predicate(_geactiveerd, name="geactiveerd")
boven_drempel_vorig_jaar = _boven_drempel("verloonde_uren_vorig_jaar")
boven_drempel_jaar = _boven_drempel("verloonde_uren_jaar")
valt_onder_heffing = geactiveerd & boven_drempel_vorig_jaar & boven_drempel_jaar
heffingsjaar_bereikt = Predicate(_heffingsjaar_bereikt, name="heffingsjaar_bereikt")
heeft_tekort = Predicate(_heeft_tekort, name="heeft_tekort")
uitgesteld = Predicate(_uitgesteld, name="uitgesteld")
heffing_opgelegd = valt_onder_heffing & heffingsjaar_bereikt & heeft_tekort & ~uitgesteld

# --- sources -------------------------------------------------------------------------------

TEKORT = (law("wfsv", "38g", "lid 3"), law("besluit_wfsv", "2.23"))
CALCULATOR = (document("kamerbrief-bzk-2023"),)
NIEUW = (law("wet_banenafspraak", "4"), law("wet_banenafspraak", "5"), law("wet_banenafspraak", "6"))


class _Answer:
    """Collects the antwoord, the uitleg and the missing facts while the parts are worked out."""

    def __init__(self, kader, peildatum):
        kader_uitleg, condition = kader_step(kader, peildatum)
        self.antwoord = {"voorwaarde": condition} if condition else {}
        self.uitleg = [kader_uitleg]
        self.missing = []

    def need(self, *names):
        self.missing.extend(n for n in names if n not in self.missing)

    def add(self, regel_id, regel, outcome, toelichting, bronnen, artikel):
        """Add a step to the uitleg, once per rule."""
        if all(item["regel_id"] != regel_id for item in self.uitleg):
            self.uitleg.append(step(regel_id, regel, outcome, toelichting, bronnen, artikel))

    def result(self):
        return self.antwoord, self.uitleg, tuple(self.missing)


def _lookup_percentage(facts):
    """(percentage as a Decimal or None, the parameter value it came from or None)."""
    if facts.given("quotumpercentage"):
        return dec(facts.get("quotumpercentage")), None
    sector = _sector(facts)
    if sector is None:
        return None, None
    value = parameter(f"quotum.percentage_{sector}", _year(facts))
    return (None if value.value is None else dec(value.value)), value


def _percentage(facts, out):
    """The quotumpercentage as a Decimal, or None with what is missing."""
    pct, value = _lookup_percentage(facts)
    sector, jaar = _sector(facts), facts.get("jaar")
    if value is None and pct is None:
        out.need("sector")
    elif pct is None:
        out.add(
            "quotumpercentage",
            "Quotumpercentage",
            None,
            f"Het quotumpercentage voor de sector {sector} in {jaar} is niet bekend (onzekerheid U2); geef "
            "het percentage op om te rekenen.",
            value.reference,
            "quotumregeling",
        )
        out.need("quotumpercentage")
    elif value is not None:
        out.add(
            "quotumpercentage",
            "Quotumpercentage",
            f"{nl_number(pct)} %",
            f"Het quotumpercentage voor de sector {sector} in {jaar} is {nl_number(pct)} %.",
            value.reference,
            "quotumregeling",
        )
    return pct


def _sector_step(facts, out):
    sector = _sector(facts)
    if sector is None:
        return
    out.antwoord["sector"] = sector
    if sector != facts.get("sector"):
        out.add(
            "sectorindeling",
            "Sectorindeling",
            sector,
            "Een overheidswerkgever met ten minste 50 % van zijn verloonde uren premieplichtig aan een "
            "sectorfonds valt in de sector niet-overheid.",
            parameter("quotum.sectorfonds_grens_pct", _year(facts)).reference,
            "quotumregeling",
        )


def _doelbanen(facts, peildatum, out):
    """Target jobs by the calculator's method; returns the unrounded Decimal or None."""
    if not facts.given("fte"):
        return None
    pct = _percentage(facts, out)
    if not facts.given("uren_per_fte_per_week"):
        out.need("uren_per_fte_per_week")
    if pct is None or not facts.given("uren_per_fte_per_week"):
        out.antwoord.update(doelbanen=None, doelbanen_afgerond=None)
        return None
    urennorm = dec(parameter("banen.urennorm", _year(facts)).value or 25.5)
    fte, hours = dec(facts.get("fte")), dec(facts.get("uren_per_fte_per_week"))
    exact = doelbanen(fte, hours, pct, urennorm)
    rounded = round_half_up(exact)
    out.antwoord.update(doelbanen=float(rounded), doelbanen_afgerond=int(round_half_up(exact, ONE)))
    out.add(
        "doelbanen",
        "Doelbanen (quotumcalculator)",
        nl_number(rounded),
        f"{nl_number(fte)} fte x {nl_number(hours)} uur x {nl_number(pct)} % / {nl_number(urennorm)} = "
        f"{nl_number(rounded)} banen, afgerond {int(round_half_up(exact, ONE))}.",
        CALCULATOR,
        "quotumregeling",
    )
    return exact


def _doelbanen_uit_uren(facts, out):
    """Target jobs from the hours: A x B / D, when the percentage is known (no facts asked for)."""
    pct, _ = _lookup_percentage(facts)
    norm = parameter("banen.jaarnorm", _year(facts)).value
    if pct is None or norm is None:
        return
    hours = round_down(dec(facts.get("verloonde_uren_jaar")))
    places = hours * pct / 100 / dec(norm)
    out.antwoord.update(
        doelbanen=float(round_half_up(places)), doelbanen_afgerond=int(round_half_up(places, ONE))
    )
    out.add(
        "doelbanen_uren",
        "Doelbanen (verloonde uren)",
        nl_number(round_half_up(places)),
        f"{nl_number(hours)} verloonde uren x {nl_number(pct)} % / {nl_number(norm)} uur per baan = "
        f"{nl_number(round_half_up(places))} banen.",
        TEKORT,
        "quotumregeling",
    )


def _tekort(facts, target, out):
    """The raw shortfall (Decimal) from the first route the facts allow, or None."""
    if facts.given("quotumtekort_berekend"):
        return dec(facts.get("quotumtekort_berekend")), "opgegeven"
    if facts.given("verloonde_uren_arbeidsbeperkten"):
        if not facts.given("verloonde_uren_jaar"):
            out.need("verloonde_uren_jaar")
            return None, None
        pct = _percentage(facts, out)
        norm = parameter("banen.jaarnorm", _year(facts)).value
        if pct is None or norm is None:
            return None, None
        a, c = dec(facts.get("verloonde_uren_jaar")), dec(facts.get("verloonde_uren_arbeidsbeperkten"))
        how = f"({nl_number(a)} x {nl_number(pct)} % - {nl_number(c)}) / {nl_number(norm)}"
        return tekort_uit_uren(a, pct, c, dec(norm)), how
    if facts.given("gerealiseerde_banen"):
        if target is None:
            if not facts.given("fte"):
                out.need("fte", "uren_per_fte_per_week")
            return None, None
        done = dec(facts.get("gerealiseerde_banen"))
        return target - done, f"{nl_number(round_half_up(target))} doelbanen - {nl_number(done)} gerealiseerd"
    return None, None


def _wettelijk(facts, peildatum, out):
    _sector_step(facts, out)
    activation = decide(geactiveerd, facts, peildatum)
    if activation.outcome is not None:
        param = parameter(f"quotum.activering_{_sector(facts)}", _year(facts))
        out.antwoord.update(sector_quotum=True, individueel_quotum=activation.outcome)
        out.add(
            "activering",
            "Quotumregeling geactiveerd",
            activation.outcome,
            f"De quotumregeling is voor de sector {_sector(facts)} in {facts.get('jaar')} "
            + (
                "geactiveerd (voor de overheid sinds 1 januari 2018)."
                if activation.outcome
                else "niet geactiveerd."
            ),
            param.reference,
            "quotumregeling",
        )

    target = _doelbanen(facts, peildatum, out)
    if not facts.given("fte") and facts.given("verloonde_uren_jaar"):
        _doelbanen_uit_uren(facts, out)

    drempel_started = any(facts.given(name) for name in HOURS)
    valt_onder = decide(valt_onder_heffing, facts, peildatum)
    if valt_onder.outcome is not None or drempel_started:
        out.antwoord["valt_onder_quotumheffing"] = valt_onder.outcome
        out.need(*valt_onder.missing)
        threshold = parameter("quotum.drempel_uren", _year(facts))
        out.add(
            "drempel",
            "Drempel voor de quotumheffing",
            valt_onder.outcome,
            _drempel_text(facts, valt_onder.outcome, activation.outcome, threshold.value),
            threshold.reference,
            "quotumregeling",
        )

    raw, route = _tekort(facts, target, out)
    if raw is not None:
        tekort = quotumtekort(raw)
        facts.values["_tekort"] = tekort  # derived, read by the heeft_tekort predicate below
        out.antwoord["quotumtekort"] = float(tekort)
        out.add(
            "quotumtekort",
            "Quotumtekort",
            nl_number(tekort, 1),
            (f"Opgegeven tekort: {nl_number(raw)}" if route == "opgegeven" else f"{route} = {nl_number(raw)}")
            + f"; naar beneden afgerond op één decimaal en nooit negatief: {nl_number(tekort, 1)}.",
            TEKORT,
            "quotumheffing-en-uitstel",
        )
        amount = parameter("quotum.heffing_per_baan", _year(facts))
        not_applicable = activation.outcome is False or valt_onder.outcome is False
        if amount.value is None:
            out.antwoord["heffing_berekend_euro"] = None
        else:
            euro = 0 if not_applicable else int(tekort * dec(amount.value))
            out.antwoord["heffing_berekend_euro"] = euro
            out.add(
                "heffing_berekend",
                "Quotumheffing berekend",
                f"EUR {nl_number(euro, 0)}",
                "De werkgever valt niet onder de quotumheffing, dus er is geen heffing."
                if not_applicable
                else f"{nl_number(tekort, 1)} ontbrekende banen x EUR {nl_number(amount.value, 0)} = EUR "
                f"{nl_number(euro, 0)}.",
                amount.reference,
                "quotumheffing-en-uitstel",
            )

    imposed = decide(heffing_opgelegd, facts, peildatum)
    if imposed.outcome is not None or raw is not None or drempel_started:
        out.antwoord["heffing_opgelegd"] = imposed.outcome
        out.need(*imposed.missing)
        out.add(
            "heffing_opgelegd",
            "Quotumheffing opgelegd (art. 122na Wfsv)",
            imposed.outcome,
            _opgelegd_text(facts, peildatum, imposed.outcome),
            parameter("quotum.heffing_uitstel", peildatum).reference,
            "quotumheffing-en-uitstel",
        )
    facts.values.pop("_tekort", None)

    if not any(facts.given(name) for name in (*ENTRY_FACTS[1:], *SHORTFALL)):
        out.need(*(name for name in ENTRY_FACTS if not facts.given(name)))


def _drempel_text(facts, outcome, activated, threshold):
    if activated is False:
        return "De quotumregeling is voor deze sector en dit jaar niet geactiveerd; er is dus geen heffing."
    drempel = f"{nl_number(threshold or 0, 0)} verloonde uren"
    if outcome is None:
        return (
            f"Een werkgever valt onder de quotumheffing vanaf {drempel} (25 werknemers), zowel in het jaar "
            f"vóór het heffingsjaar als in het heffingsjaar zelf."
        )
    if outcome:
        before, during = facts.get("verloonde_uren_vorig_jaar"), facts.get("verloonde_uren_jaar")
        return (
            f"Met {nl_number(before)} verloonde uren in het jaar ervoor en {nl_number(during)} in het "
            f"heffingsjaar zit de werkgever op of boven de drempel van {drempel}."
        )
    return (
        f"De werkgever zit onder de drempel van {drempel} (in het jaar vóór het heffingsjaar of in het "
        f"heffingsjaar zelf) en valt dus niet onder de quotumheffing."
    )


def _opgelegd_text(facts, peildatum, outcome):
    rule = parameter("quotum.heffing_uitstel", peildatum).value or {"regel": "geen"}
    jaar = facts.get("jaar")
    if rule["regel"] == "voor_inwerkingtreding_art2":
        return (
            "Volgens art. 122na Wfsv (tekst vanaf 1 januari 2026) wordt de heffing niet uitgevoerd over "
            "jaren vóór de inwerkingtreding van artikel 2 van de Wet banenafspraak (datum nog niet bekend); "
            f"daarna bestaat de heffing van EUR 5.000 niet meer. Over {jaar} wordt dus geen heffing opgelegd."
        )
    if rule["regel"] == "jaren_voor" and jaar < rule["jaar"]:
        return (
            f"Volgens art. 122na Wfsv zoals dat op {nl_date(peildatum)} gold, wordt de heffing niet "
            f"uitgevoerd over jaren vóór {rule['jaar']}; over {jaar} wordt dus geen heffing opgelegd."
        )
    if outcome is False:
        return "Geen heffing: niet alle voorwaarden zijn vervuld (activering, drempel, tekort)."
    if outcome is None:
        return "Of de heffing wordt opgelegd, hangt nog af van de ontbrekende feiten."
    return (
        f"Volgens de wet zoals die op {nl_date(peildatum)} gold, wordt de heffing over {jaar} opgelegd (vóór "
        "1 november van het jaar erna). In de praktijk is de quotumheffing nooit opgelegd: latere "
        "wetswijzigingen verlengden het uitstel."
    )


def _monitor(facts, peildatum, out):
    target = _doelbanen(facts, peildatum, out)
    if target is not None and facts.given("gerealiseerde_banen"):
        remaining = max(Decimal(0), target - dec(facts.get("gerealiseerde_banen")))
        out.antwoord["nog_te_realiseren_banen"] = float(round_half_up(remaining))
    if not facts.given("fte"):
        out.need("fte", "uren_per_fte_per_week")


def _nieuw(facts, peildatum, out):
    out.antwoord.update(
        sector_quotum=False, individueel_quotum=False, valt_onder_quotumheffing=False, heffing_opgelegd=False
    )
    out.add(
        "een_doelstelling",
        "Eén doelstelling, geen quotum per werkgever",
        False,
        "Het nieuwe stelsel kent één landelijke doelstelling zonder onderscheid tussen markt en overheid, "
        "geen quotum per werkgever en geen heffing van EUR 5.000 per ontbrekende baan.",
        NIEUW,
        "wet-banenafspraak-2025",
    )
    besluit = facts.get("activeringsbesluit_datum")
    if besluit is None:
        out.antwoord.update(
            inclusiviteitsopslag_verschuldigd=False, inclusiviteitsopslag_verschuldigd_vanaf=None
        )
        out.add(
            "inclusiviteitsopslag",
            "Inclusiviteitsopslag",
            False,
            "De opslag op de hoge Aof-premie is pas verschuldigd na een activeringsbesluit (art. 5); er is "
            "geen activeringsbesluit opgegeven.",
            NIEUW,
            "wet-banenafspraak-2025",
        )
        return
    vanaf = datetime.date(besluit.year + 2, 1, 1)
    small = facts.get("kleine_werkgever", False)
    due = not small and facts.get("jaar") >= vanaf.year
    out.antwoord.update(
        inclusiviteitsopslag_verschuldigd=due, inclusiviteitsopslag_verschuldigd_vanaf=vanaf.isoformat()
    )
    if small:
        text = "Kleine werkgevers zijn de inclusiviteitsopslag niet verschuldigd."
    else:
        text = (
            f"De opslag is verschuldigd vanaf {nl_date(vanaf)}, het tweede kalenderjaar na het "
            f"activeringsbesluit van {nl_date(besluit)}; het gevraagde jaar is {facts.get('jaar')}."
            + ("" if facts.given("kleine_werkgever") else " Aangenomen dat de werkgever niet klein is.")
        )
    out.add("inclusiviteitsopslag", "Inclusiviteitsopslag", due, text, NIEUW, "wet-banenafspraak-2025")


def evaluate(facts: Facts, peildatum):
    kader = facts.get("kader")
    out = _Answer(kader, peildatum)
    if kader == "wet_banenafspraak_2025":
        _nieuw(facts, peildatum, out)
    elif kader == "monitor_rijk":
        _monitor(facts, peildatum, out)
    else:
        _wettelijk(facts, peildatum, out)
    return out.result()
