"""Wat is ons quotum, vallen wij onder de quotumheffing, en wordt die opgelegd?

Rust op: Wfsv art. 34 lid 4 en 6 met Besluit Wfsv art. 2.20 en 2.21 (de drempel in verloonde
uren, in het jaar vóór het heffingsjaar en in het heffingsjaar zelf); art. 38c en Regeling Wfsv
art. 3.27, later 3.31 (sectorindeling: een overheidswerkgever met ten minste de helft van zijn
uren premieplichtig aan een sectorfonds valt in de sector niet-overheid; sinds de Wet
arbeidsmarkt in balans zijn de sectorfondsen opgegaan in het Awf); art. 38f (quotumpercentage per
sector); art. 38g lid 3 en Besluit Wfsv art. 2.23 (quotumtekort = (A x B - C) / D, naar beneden
afgerond op 1 decimaal); art. 38h (de heffing per ontbrekende arbeidsplaats); art. 122n (activering
per sector); art. 122na (uitstel van de heffing, per tekstversie: de tekst die op de peildatum geldt
beslist). De doelbanen volgen de methode van de quotumcalculator van het Rijk: fte x uren per fte
per week x quotumpercentage / urennorm (Kamerbrief BZK 2023). In het kader
``wet_banenafspraak_2025``: art. 4 t/m 6 Wet banenafspraak (één doelstelling, inclusiviteitsopslag;
voorwaardelijk).

Het antwoord zegt eerst of de heffing wordt opgelegd, en dan hoe hoog zij zou zijn.
"""

import datetime
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from rules import Predicate

from eligibility.nl import euro as euro_text
from eligibility.nl import nl_date, nl_number
from eligibility.parameters import PARAMETERS, parameter
from eligibility.sources import document, law
from eligibility.vocabulary import VOCABULARY, pick

from .predicates import Facts, Field, decide, kader_step, parameter_step, step

TITEL = "Wat is ons quotum en geldt de quotumheffing?"
SECTOR_LABELS = {value: label[:1].lower() + label[1:] for value, label in VOCABULARY["sector"].choices}

FEITEN = pick(
    "kader",
    "jaar",
    "sector",
    "aandeel_uren_sectorfonds_pct",
    "verloonde_uren_vorig_jaar",
    "verloonde_uren_jaar",
    "fte",
    "uren_per_fte_per_week",
    "quotumpercentage",
    "gerealiseerde_banen",
    "verloonde_uren_arbeidsbeperkten",
    "quotumtekort_berekend",
    "kleine_werkgever",
    "activeringsbesluit_datum",
)

_BOOL = {"type": ["boolean", "null"]}
_NUMBER = {"type": ["number", "null"]}
ANTWOORD = {
    "sector": Field(
        {"type": "string", "enum": ["overheid", "markt"]}, "De sector na de sectorindeling.", "Sector"
    ),
    "sector_quotum": Field({"type": "boolean"}, "Is er een quotum per sector?", "Quotum per sector"),
    "individueel_quotum": Field(
        _BOOL,
        "Geldt er een quotum voor de individuele werkgever (regeling geactiveerd)?",
        "Quotumregeling geactiveerd",
    ),
    "doelbanen": Field(_NUMBER, "Aantal te realiseren banen, op twee decimalen.", "Doelbanen"),
    "doelbanen_afgerond": Field(
        {"type": ["integer", "null"]}, "Doelbanen afgerond op een heel aantal.", "Doelbanen, afgerond"
    ),
    "valt_onder_quotumheffing": Field(
        _BOOL,
        "Valt de werkgever onder de quotumheffing (activering en drempel)?",
        "Valt onder de quotumheffing",
    ),
    "quotumtekort": Field(
        _NUMBER,
        "Het quotumtekort, naar beneden afgerond op één decimaal, nooit negatief.",
        "Quotumtekort (banen)",
    ),
    "heffing_opgelegd": Field(
        _BOOL,
        "Wordt de heffing opgelegd volgens art. 122na Wfsv zoals dat op de peildatum gold?",
        "Heffing opgelegd (art. 122na Wfsv)",
    ),
    "heffing_berekend_euro": Field(
        {"type": ["integer", "null"]},
        "De quotumheffing zoals zij berekend wordt, in euro, ook als zij niet wordt opgelegd.",
        "Berekende quotumheffing",
    ),
    "quotumpercentage": Field(_NUMBER, "Het quotumpercentage waarmee is gerekend.", "Quotumpercentage"),
    "quotumpercentage_voorlopig": Field(
        {"type": "boolean"}, "Noemt de bron het gebruikte quotumpercentage voorlopig?", "Percentage voorlopig"
    ),
    "laatst_bekende_quotumpercentage": Field(
        {
            "type": "object",
            "properties": {
                "percentage": {"type": "number"},
                "jaar": {"type": "integer"},
                "voorlopig": {"type": "boolean"},
                "bronnen": {"type": "array", "items": {"type": "object"}},
            },
        },
        "Als het percentage van het jaar niet bekend is: het laatst bekende percentage van de sector, met "
        "het jaar en de bron (de rekenhulpen rekenen daarmee, en zeggen dat erbij).",
        "Laatst bekende quotumpercentage",
    ),
    "inclusiviteitsopslag_verschuldigd": Field(
        _BOOL, "Nieuw stelsel: is de inclusiviteitsopslag verschuldigd?", "Inclusiviteitsopslag verschuldigd"
    ),
    "inclusiviteitsopslag_verschuldigd_vanaf": Field(
        {"type": ["string", "null"], "format": "date"},
        "Nieuw stelsel: vanaf wanneer de opslag verschuldigd is.",
        "Inclusiviteitsopslag verschuldigd vanaf",
    ),
    "nog_te_realiseren_banen": Field(
        {"type": "number"}, "Monitor Rijk: doelbanen min gerealiseerde banen.", "Nog te realiseren banen"
    ),
    "voorwaarde": Field(
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
        "Voorwaarde",
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


def doelbanen(fte, uren_per_fte_per_week, percentage, urennorm):
    """Target jobs by the quotumcalculator's method: fte x hours per fte x pct / urennorm (unrounded)."""
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

    def add(self, regel_id, regel, outcome, toelichting, bronnen, artikel, onzekerheden=()):
        """Add a step to the uitleg, once per rule."""
        if all(item["regel_id"] != regel_id for item in self.uitleg):
            self.uitleg.append(step(regel_id, regel, outcome, toelichting, bronnen, artikel, onzekerheden))

    def add_parameter(self, regel_id, regel, outcome, toelichting, value, artikel, onzekerheden=()):
        """Add a step that rests on a dated parameter value, once per rule."""
        if all(item["regel_id"] != regel_id for item in self.uitleg):
            self.uitleg.append(
                parameter_step(regel_id, regel, outcome, toelichting, value, artikel, onzekerheden)
            )

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


def last_known_percentage(sector, jaar):
    """The last known quotumpercentage of a sector on or before ``jaar``: a ParameterValue, or None."""
    return PARAMETERS[f"quotum.percentage_{sector}"].last_known(datetime.date(jaar, 12, 31))


def _percentage(facts, out):
    """The quotumpercentage as a Decimal, or None with what is missing."""
    pct, value = _lookup_percentage(facts)
    sector, jaar = _sector(facts), facts.get("jaar")
    if value is None and pct is None:
        out.need("sector")
    elif pct is None:
        last = last_known_percentage(sector, jaar)
        if last is not None:
            out.antwoord["laatst_bekende_quotumpercentage"] = {
                "percentage": last.value,
                "jaar": last.valid_from.year,
                "voorlopig": last.voorlopig,
                "bronnen": [dict(ref) for ref in last.reference],
            }
        out.add_parameter(
            "quotumpercentage",
            "Quotumpercentage",
            None,
            f"Het quotumpercentage voor de {SECTOR_LABELS[sector]} in {jaar} is niet gevonden; geef het "
            "percentage op om te rekenen."
            + (
                f" Het laatst bekende percentage is {nl_number(last.value)} % (vanaf {last.valid_from.year})."
                if last is not None
                else ""
            ),
            value,
            "quotumregeling",
        )
        out.need("quotumpercentage")
    elif value is not None:
        out.antwoord["quotumpercentage"] = float(pct)
        if value.voorlopig:
            out.antwoord["quotumpercentage_voorlopig"] = True
        out.add_parameter(
            "quotumpercentage",
            "Quotumpercentage",
            f"{nl_number(pct)} %",
            f"Het quotumpercentage voor de {SECTOR_LABELS[sector]} in {jaar} is {nl_number(pct)} %"
            + (" (volgens de bron een voorlopig percentage)." if value.voorlopig else "."),
            value,
            "quotumregeling",
        )
    else:
        out.antwoord["quotumpercentage"] = float(pct)
    return pct


def _sector_step(facts, peildatum, out):
    sector = _sector(facts)
    if sector is None:
        return
    out.antwoord["sector"] = sector
    if not facts.given("aandeel_uren_sectorfonds_pct") or facts.get("sector") != "overheid":
        return
    limit = parameter("quotum.sectorfonds_grens_pct", _year(facts))
    if limit.value is None:
        return
    share = facts.get("aandeel_uren_sectorfonds_pct")
    text = (
        f"Een overheidswerkgever met ten minste {nl_number(limit.value)} % van zijn verloonde uren premieplichtig "
        f"aan een sectorfonds valt in de sector niet-overheid; hier is dat {nl_number(share)} %, dus "
        f"{SECTOR_LABELS[sector]}."
    )
    text += (
        " Gemeten wordt volgens de Regeling Wfsv in het laatste aangiftetijdvak van het jaar ervoor; de wet "
        "zelf noemt geen peilmoment."
    )
    if "sectorfondsen" in limit.onzekerheden:
        abolished = _sectorfondsen_opgeheven()
        text += (
            f" Let op: sinds de Wet arbeidsmarkt in balans ({nl_date(abolished)}) zijn de sectorfondsen opgegaan "
            "in het Algemeen Werkloosheidsfonds. Dan is geen werkgever meer premieplichtig aan een sectorfonds, "
            "en heeft dit criterium mogelijk geen betekenis meer; het UWV toetst nu aan de premie voor het "
            "Uitvoeringsfonds voor de overheid."
        )
        peilmoment = datetime.date(facts.get("jaar") - 1, 12, 31)
        if peilmoment < abolished:
            text += (
                f" Het peilmoment voor {facts.get('jaar')} ligt in {peilmoment.year}, toen de sectorfondsen nog "
                "bestonden."
            )
    out.add_parameter(
        "sectorindeling", "Sectorindeling", sector, text, limit, "quotumregeling", ("sector_peilmoment",)
    )


def _sectorfondsen_opgeheven():
    """The first day the sectorfonds criterion carries the open question 'sectorfondsen' (the Wab)."""
    limit = PARAMETERS["quotum.sectorfonds_grens_pct"]
    return next(
        day
        for day, entry in zip(limit.dates, limit.entries, strict=True)
        if "sectorfondsen" in entry.onzekerheden
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
    norm = parameter("banen.urennorm", _year(facts)).value
    if norm is None:
        out.antwoord.update(doelbanen=None, doelbanen_afgerond=None)
        return None
    urennorm = dec(norm)
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
        ("calculator_fte",),
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
    _sector_step(facts, peildatum, out)
    activation = decide(geactiveerd, facts, peildatum)
    if activation.outcome is not None:
        param = parameter(f"quotum.activering_{_sector(facts)}", _year(facts))
        since = PARAMETERS[param.name].first()
        out.antwoord.update(sector_quotum=True, individueel_quotum=activation.outcome)
        out.add_parameter(
            "activering",
            "Quotumregeling geactiveerd",
            activation.outcome,
            f"De quotumregeling is voor de {SECTOR_LABELS[_sector(facts)]} in {facts.get('jaar')} "
            + (
                f"geactiveerd (sinds {nl_date(since)})."
                if activation.outcome and since
                else "niet geactiveerd."
            ),
            param,
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
    berekend = None
    if raw is not None:
        tekort = quotumtekort(raw)
        facts.values["_tekort"] = tekort  # derived, read by the heeft_tekort predicate below
        out.antwoord["quotumtekort"] = float(tekort)
        norm = parameter("banen.jaarnorm", _year(facts))
        out.add(
            "quotumtekort",
            "Quotumtekort",
            nl_number(tekort, 1),
            (f"Opgegeven tekort: {nl_number(raw)}" if route == "opgegeven" else f"{route} = {nl_number(raw)}")
            + f"; naar beneden afgerond op één decimaal en nooit negatief: {nl_number(tekort, 1)}.",
            (*TEKORT, *([] if route == "opgegeven" else norm.reference)),
            "quotumheffing-en-uitstel",
        )
        amount = parameter("quotum.heffing_per_baan", _year(facts))
        not_applicable = activation.outcome is False or valt_onder.outcome is False
        if amount.value is None:
            out.antwoord["heffing_berekend_euro"] = None
        else:
            euro = 0 if not_applicable else int(tekort * dec(amount.value))
            out.antwoord["heffing_berekend_euro"] = euro
            berekend = step(
                "heffing_berekend",
                "Quotumheffing berekend",
                euro_text(euro),
                "De werkgever valt niet onder de quotumheffing, dus er is geen heffing."
                if not_applicable
                else f"Zou de heffing worden opgelegd, dan is zij {nl_number(tekort, 1)} ontbrekende banen x "
                f"{euro_text(amount.value)} = {euro_text(euro)}.",
                amount.reference,
                "quotumheffing-en-uitstel",
            )

    imposed = decide(heffing_opgelegd, facts, peildatum)
    if imposed.outcome is not None or raw is not None or drempel_started:
        out.antwoord["heffing_opgelegd"] = imposed.outcome
        out.need(*imposed.missing)
        uitstel = parameter("quotum.heffing_uitstel", peildatum)
        opgelegd = parameter_step(
            "heffing_opgelegd",
            "Quotumheffing opgelegd (art. 122na Wfsv)",
            imposed.outcome,
            _opgelegd_text(facts, peildatum, imposed.outcome, uitstel),
            uitstel,
            "quotumheffing-en-uitstel",
        )
        if not _heffingsjaar_bereikt(facts, peildatum):  # a year the sources say had no heffing yet
            first = parameter("quotum.eerste_heffingsjaar_overheid", _year(facts))
            opgelegd["bronnen"] += [dict(bron) for bron in first.reference]
            opgelegd.setdefault("onzekerheden", []).append("eerste_heffingsjaar")
        out.uitleg.insert(1, opgelegd)  # the answer leads with whether the heffing is imposed
        if berekend:
            out.uitleg.insert(2, berekend)
    elif berekend:
        out.uitleg.append(berekend)
    facts.values.pop("_tekort", None)

    if not any(facts.given(name) for name in (*ENTRY_FACTS[1:], *SHORTFALL)):
        out.need(*(name for name in ENTRY_FACTS if not facts.given(name)))


def _drempel_text(facts, outcome, activated, threshold):
    if activated is False:
        return "De quotumregeling is voor deze sector en dit jaar niet geactiveerd; er is dus geen heffing."
    per_werknemer = parameter("quotum.uren_per_werknemer", _year(facts)).value
    werknemers = (
        f" ({nl_number(threshold / per_werknemer, 0)} werknemers)" if threshold and per_werknemer else ""
    )
    drempel = f"{nl_number(threshold or 0, 0)} verloonde uren"
    if outcome is None:
        return (
            f"Een werkgever valt onder de quotumheffing vanaf {drempel}{werknemers}, zowel in het jaar vóór het "
            "heffingsjaar als in het heffingsjaar zelf."
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


def _opgelegd_text(facts, peildatum, outcome, uitstel):
    rule = uitstel.value or {"regel": "geen"}
    jaar = facts.get("jaar")
    tekst = f"art. 122na Wfsv in de tekst die op {nl_date(peildatum)} gold" + (
        f" (geldend vanaf {nl_date(uitstel.since)})" if uitstel.since else ""
    )
    if rule["regel"] == "voor_inwerkingtreding_art2":
        amount = parameter("quotum.heffing_per_baan", peildatum).value
        heffing = f"de heffing van {euro_text(amount)} per ontbrekende baan" if amount else "de quotumheffing"
        return (
            f"Nee. Volgens {tekst} wordt de heffing niet uitgevoerd over jaren vóór de inwerkingtreding van "
            f"artikel 2 van de Wet banenafspraak (datum nog niet bekend); daarna bestaat {heffing} niet meer. "
            f"Over {jaar} wordt dus geen heffing opgelegd."
        )
    if rule["regel"] == "jaren_voor" and jaar < rule["jaar"]:
        return (
            f"Nee. Volgens {tekst} wordt de heffing niet uitgevoerd over kalenderjaren vóór 1 januari "
            f"{rule['jaar']}; over {jaar} wordt dus geen heffing opgelegd."
        )
    if outcome is False and not _heffingsjaar_bereikt(facts, peildatum):
        first = parameter("quotum.eerste_heffingsjaar_overheid", _year(facts)).value
        return (
            f"Nee. Voor de sector overheid is {first} het eerste jaar waarover een heffing kon volgen; over "
            f"{jaar} wordt dus geen heffing opgelegd. Die datum komt uit het APE-onderzoek en de kamerbrief "
            "over de activering, niet uit een gelezen wettekst."
        )
    if outcome is False:
        return "Nee: niet alle voorwaarden zijn vervuld (activering, drempel, tekort)."
    if outcome is None:
        return "Of de heffing wordt opgelegd, hangt nog af van de ontbrekende feiten."
    return (
        f"Ja. Volgens de wet zoals die op {nl_date(peildatum)} gold, wordt de heffing over {jaar} opgelegd (vóór "
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
        "geen quotum per werkgever en geen heffing per ontbrekende baan.",
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
