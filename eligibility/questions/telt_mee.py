"""Telt deze baan mee, en voor welke werkgever?

Rust op: Wfsv art. 38b lid 4 en 38g lid 3 (een baan telt bij de werkgever die er verloonde uren
voor heeft); art. 38g lid 2 en 122n (een Wsw-dienstbetrekking bij het SW-bedrijf zelf telt niet,
tenzij de Wsw-er ter beschikking is gesteld); art. 38g lid 4 en 7 met Besluit Wfsv art. 2.27 t/m
2.31 en Besluit SUWI art. 3.2a-3.2b: een 'uitlener' kan de uren van een uitgeleende arbeidsbeperkte
aan de inlener toerekenen als beide het uiterlijk op 1 augustus van het jaar na het heffingsjaar
eens zijn; bij de uitlener gaan de uren van uitgeleende arbeidsbeperkten van zijn eigen telling af
(2.28 lid 5, 2.31), dus zonder afspraak tellen ze voor niemand. Inkoop en Social
Return tellen bij de leverancier, niet bij de inkopende overheid (Kamerbrief BZK 2018 en 2023;
Werkagenda Rijk 2021-2022; APE 2018). In de monitor van het Rijk (beleid): inleen via de
raamovereenkomst Arbeidsparticipanten telt bij de inlener, banen via Binnenwerk worden toegedeeld
aan het ministerie waarvoor Binnenwerk gemandateerd werkgever is, en samenwerkingsbanen tellen
alleen als de persoon formeel bij het Rijk of via Binnenwerk in dienst is. In het kader
``wet_banenafspraak_2025``: art. 1, 4 en 6 Wet banenafspraak (voorwaardelijk).

'Voor wie' (de formele werkgever, de opdrachtgever die betaalt) beslist, niet 'waar' iemand werkt
(de werkplek): een Binnenwerk-baan bij Staatsbosbeheer voor LNV telt in de monitor voor LNV.
"""

from dataclasses import dataclass

from eligibility.labels import werkgever
from eligibility.nl import format_value
from eligibility.parameters import parameter
from eligibility.sources import document, law
from eligibility.vocabulary import EIGEN, pick

from .predicates import (
    Facts,
    Field,
    dated_predicate,
    decide,
    fact_predicate,
    kader_step,
    since_text,
    step,
)

TITEL = "Telt deze baan mee, en voor wie?"
BINNENWERK = frozenset({"ubr_binnenwerk", "binnenwerk"})
INLEEN = frozenset({"inleen", "uitzending", "detachering", "wsw_ter_beschikking"})
ONBETAALD = frozenset({"stage_onbetaald", "vrijwilligerswerk"})

FEITEN = pick(
    "kader",
    "persoon_in_doelgroep",
    "constructie",
    "loon_betaald",
    "vraag_voor_werkgever",
    "formele_werkgever",
    "opdrachtgever",
    "werkplek",
    "via_raamovereenkomst",
    "uitlener_type",
    "uren_toegerekend_aan_inlener",
    "jaar",
)

ANTWOORD = {
    "telt_mee": Field(
        {"type": ["boolean", "null"]},
        "Telt de baan mee voor de werkgever uit vraag_voor_werkgever? null: nog niet te beslissen.",
        "Telt mee",
    ),
    "telt_mee_voor": Field(
        {"type": ["string", "null"]},
        "Voor welke werkgever de baan meetelt; null: voor niemand.",
        "Telt mee bij",
    ),
    "voorwaarde": Field(
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
        "Voorwaarde",
    ),
}

# --- predicates ----------------------------------------------------------------------------

in_doelgroep = fact_predicate("in_doelgroep", "persoon_in_doelgroep")
loon_betaald = fact_predicate("loon_betaald", "loon_betaald", default=True)
onbetaalde_vorm = fact_predicate("onbetaalde_vorm", "constructie", test=ONBETAALD.__contains__, default=False)
verloond = loon_betaald & ~onbetaalde_vorm

UITLENERS = ("uitzendbureau", "sw_bedrijf")
# a Wsw-er ter beschikking gesteld, or an uitzendkracht: the lender is an 'uitlener' by definition;
# otherwise the lender is taken to be one unless the facts say it is another employer
uitlener_door_vorm = fact_predicate(
    "uitlener_door_vorm",
    "constructie",
    test=lambda v: v in ("wsw_ter_beschikking", "uitzending"),
    default=False,
)
uitlener = uitlener_door_vorm | fact_predicate(
    "uitlener", "uitlener_type", test=UITLENERS.__contains__, default=True
)
toerekening_mogelijk = dated_predicate("toerekening_mogelijk", "telt_mee.toerekening_inleen")
toegerekend = fact_predicate("toegerekend", "uren_toegerekend_aan_inlener")
naar_inlener = toerekening_mogelijk & toegerekend

# --- sources -------------------------------------------------------------------------------

VERLOONDE_UREN = (law("wfsv", "38b", "lid 4"), law("wfsv", "38g", "lid 3"))
WSW = (law("wfsv", "38g", "lid 2"), law("wfsv", "122n"))
TOEREKENING = (
    law("wfsv", "38g", "lid 4 en 7"),
    law("besluit_wfsv", "2.27"),
    law("besluit_wfsv", "2.28"),
    law("besluit_wfsv", "2.31"),
)
RAAMOVEREENKOMST = (
    document("werkagenda-rijk-2021"),
    document("folder-rijksinclusief"),
    document("kamerbrief-bzk-2023"),
)
BINNENWERK_BRONNEN = (
    document("kamerbrief-bzk-2023"),
    document("folder-rijksinclusief"),
    document("kamerbrief-bzk-2018"),
    document("werkagenda-rijk-2021"),
)
SAMENWERKING = (
    document("werkagenda-rijk-2021"),
    document("kamerbrief-bzk-2018"),
    document("kamerbrief-bzk-2023"),
)
NIEUW = (law("wet_banenafspraak", "1"), law("wet_banenafspraak", "4"), law("wet_banenafspraak", "6"))


@dataclass(frozen=True)
class Counted:
    """For whom a constructie's verloonde uren count (None: nobody, or not yet known), and why."""

    voor: str | None
    regel_id: str
    regel: str
    toelichting: str
    bronnen: tuple
    artikel: str
    missing: tuple = ()
    known: bool = True
    onzekerheden: tuple = ()

    def step(self):
        outcome = self.voor if self.known and self.voor else (False if self.known else None)
        return step(
            self.regel_id,
            self.regel,
            outcome,
            self.toelichting,
            self.bronnen,
            self.artikel,
            self.onzekerheden,
        )


def _employers(facts):
    """(vraag_voor_werkgever, formele werkgever, inlener) with the defaults per constructie."""
    vraag = facts.get("vraag_voor_werkgever", EIGEN)
    constructie = facts.get("constructie")
    formeel = facts.get("formele_werkgever")
    if formeel is None:
        formeel = {
            "dienstverband": vraag,
            "begeleid_werken": vraag,
            "binnenwerk": "ubr_binnenwerk",
            "inkoop_sroi": "leverancier",
            "samenwerking": "andere_werkgever",
            "wsw_intern": "sw_bedrijf",
            "wsw_ter_beschikking": "sw_bedrijf",
        }.get(constructie, "uitlener")
    inlener = facts.get("opdrachtgever")
    if inlener is None:
        inlener = vraag if vraag != formeel else "inlener"
    return vraag, formeel, inlener


def _where(facts, peildatum):
    """A sentence on the werkplek when it is given: where someone works does not decide."""
    werkplek = facts.get("werkplek")
    if not werkplek:
        return ""
    return f" Dat de persoon feitelijk bij {werkgever(werkplek, peildatum)} werkt, verandert daar niets aan."


# the werkgevers _employers fills in when none is given: named generically, not twice in a sentence
GENERIC = ("uitlener", "inlener", "leverancier", "andere_werkgever", "sw_bedrijf")


def _paren(key, peildatum):
    """' (het ministerie van ...)' after a generic word, or nothing when the werkgever is the generic one."""
    return "" if key in GENERIC else f" ({werkgever(key, peildatum)})"


def _wsw_intern(facts, peildatum, kader, vraag, formeel, inlener):
    return Counted(
        None,
        "wsw_intern",
        "Wsw-dienstbetrekking binnen het SW-bedrijf",
        "Een Wsw-er in dienst van het SW-bedrijf die daar ook werkt, geldt niet als werknemer en niet als "
        "arbeidsbeperkte: deze baan telt voor niemand mee.",
        WSW,
        "wat-telt-mee",
    )


def _nieuw_stelsel(facts, peildatum, kader, vraag, formeel, inlener):
    if facts.get("constructie") == "inkoop_sroi":
        text = (
            "De wet regelt geen toerekening van inkoopbanen aan de inkoper; de baan telt bij de leverancier"
            f"{_paren(formeel, peildatum)}."
        )
        notes = ("inkoop_nieuw_stelsel",)
    else:
        text = (
            "In het nieuwe stelsel is er geen quotum per werkgever: de verloonde uren tellen mee voor de "
            f"landelijke doelstelling en bij de werkgever die ze verloont{_paren(formeel, peildatum)}."
        )
        notes = ()
    return Counted(
        formeel,
        "nieuw_stelsel",
        "Nieuw stelsel: verloonde uren",
        text,
        NIEUW,
        "wet-banenafspraak-2025",
        (),
        True,
        notes,
    )


def _dienstverband(facts, peildatum, kader, vraag, formeel, inlener):
    return Counted(
        formeel,
        "dienstverband",
        "Dienstverband",
        f"De baan telt bij de werkgever die de uren verloont: {werkgever(formeel, peildatum)}.",
        VERLOONDE_UREN,
        "wat-telt-mee",
    )


def deadline(facts, peildatum):
    """'1 augustus 2025': the last day for the toerekening of the hours of ``jaar`` (the heffingsjaar)."""
    jaar = facts.get("jaar", peildatum.year)
    return f"{format_value(parameter('telt_mee.toerekening_uiterlijk', peildatum).value)} {jaar + 1}"


def _inleen_monitor(facts, peildatum, inlener):
    if facts.get("via_raamovereenkomst"):
        text = (
            "Inleen via de raamovereenkomst Arbeidsparticipanten telt in de monitor van het Rijk bij de "
            f"inlener{_paren(inlener, peildatum)}, op basis van gegevens van de contractpartijen."
        )
        artikel = "raamovereenkomst-inhuur-arbeidsparticipanten"
    else:
        text = (
            "Inleen buiten de raamovereenkomst telt in de monitor van het Rijk bij de inlener"
            f"{_paren(inlener, peildatum)}; het ministerie levert de gegevens zelf aan."
        )
        artikel = "inleen-uitzending-detachering"
    return Counted(
        inlener, "inleen_monitor", "Inleen in de monitor van het Rijk", text, RAAMOVEREENKOMST, artikel
    )


def _inleen(facts, peildatum, kader, vraag, formeel, inlener):
    if kader == "monitor_rijk":
        return _inleen_monitor(facts, peildatum, inlener)
    regel = "Toerekening aan de inlener"
    artikel = "inleen-uitzending-detachering"
    param = parameter("telt_mee.toerekening_inleen", peildatum)
    bronnen = (*TOEREKENING, *param.reference)
    notes = ("inleen_uitlener", *param.onzekerheden)
    lender = decide(uitlener, facts, peildatum)
    if not lender.outcome:
        text = (
            "Alleen een uitzendonderneming of de werkgever van een ter beschikking gestelde Wsw-er is een "
            "'uitlener' die uren aan de inlener kan toerekenen. Deze uitlener is dat niet: de baan telt bij de "
            f"formele werkgever die de uren verloont{_paren(formeel, peildatum)}."
        )
        return Counted(formeel, "toerekening", regel, text, bronnen, artikel, (), True, notes)
    assumed = (
        ""
        if facts.given("uitlener_type") or decide(uitlener_door_vorm, facts, peildatum).outcome
        else (" Aangenomen is dat de uitlener een uitzendonderneming of een SW-bedrijf is.")
    )
    decision = decide(naar_inlener, facts, peildatum)
    afspraak = (
        f"Komen uitlener en inlener uiterlijk op {deadline(facts, peildatum)} overeen hoeveel uren worden "
        f"toegerekend, dan tellen die uren bij de inlener{_paren(inlener, peildatum)}, tot ten hoogste de uren in de "
        "polisadministratie."
    )
    if decision.outcome is None:
        if decision.missing:
            text = (
                "Of de uren bij de inlener tellen, hangt af van de afspraak tussen uitlener en inlener. "
                + afspraak
            )
        else:
            text = (
                "Voor deze peildatum is niet bekend of uren van uitgeleende arbeidsbeperkten aan de inlener "
                "konden worden toegerekend."
            )
        return Counted(
            None, "toerekening", regel, text + assumed, bronnen, artikel, decision.missing, False, notes
        )
    if decision.outcome:
        text = (
            f"Uitlener en inlener zijn het eens over de toerekening: de verloonde uren tellen bij de inlener"
            f"{_paren(inlener, peildatum)}, niet bij de uitlener{_paren(formeel, peildatum)}."
        )
        return Counted(inlener, "toerekening", regel, text + assumed, bronnen, artikel, (), True, notes)
    wsw = (
        " Een Wsw-er telt ook nooit bij het SW-bedrijf zelf."
        if facts.get("constructie") == "wsw_ter_beschikking" or facts.get("uitlener_type") == "sw_bedrijf"
        else ""
    )
    text = (
        "De uren zijn niet aan de inlener toegerekend. Bij de uitlener gaan de uren van uitgeleende "
        "arbeidsbeperkten van zijn eigen telling af, dus tellen ze voor niemand: niet bij de uitlener"
        f"{_paren(formeel, peildatum)} en niet bij de inlener{_paren(inlener, peildatum)}.{wsw} {afspraak}"
    )
    return Counted(None, "toerekening", regel, text + assumed, (*bronnen, *WSW[:1]), artikel, (), True, notes)


def _binnenwerk(facts, peildatum, kader, vraag, formeel, inlener):
    regel = "Binnenwerk: toedeling aan het ministerie"
    opdrachtgever = facts.get("opdrachtgever")
    if kader != "monitor_rijk":
        ministerie = (
            werkgever(opdrachtgever, peildatum)
            if opdrachtgever
            else "het ministerie waarvoor het werk wordt gedaan"
        )
        text = (
            "In de wettelijke quotumregeling telt de baan bij de werkgever die de uren in zijn loonaangifte "
            f"verantwoordt; doet Binnenwerk (UBR) die aangifte, dan is dat {werkgever(formeel, peildatum)}. Dat is een lezing, geen "
            "zekerheid: Binnenwerk is gemandateerd werkgever namens het ministerie, en volgens de andere "
            f"lezing is {ministerie} de werkgever en telt de baan daar." + _where(facts, peildatum)
        )
        bronnen = (*VERLOONDE_UREN, *BINNENWERK_BRONNEN[:2])
        return Counted(
            formeel,
            "binnenwerk_wettelijk",
            "Binnenwerk in de wettelijke quotumregeling",
            text,
            bronnen,
            "binnenwerk",
            (),
            True,
            ("binnenwerk_wettelijk",),
        )
    if opdrachtgever is None:
        text = (
            "De baan wordt toegedeeld aan het ministerie waarvoor Binnenwerk gemandateerd werkgever is en dat "
            "ervoor betaalt; welk ministerie dat is, is nog niet opgegeven."
        )
        return Counted(
            None,
            "binnenwerk_toedeling",
            regel,
            text,
            BINNENWERK_BRONNEN,
            "binnenwerk",
            ("opdrachtgever",),
            False,
        )
    text = (
        "Binnenwerk neemt mensen in dienst als gemandateerd werkgever; in de monitor van het Rijk wordt de "
        f"baan toegedeeld aan het ministerie waarvoor het werk wordt gedaan en dat ervoor betaalt: "
        f"{werkgever(opdrachtgever, peildatum)}." + _where(facts, peildatum)
    )
    return Counted(opdrachtgever, "binnenwerk_toedeling", regel, text, BINNENWERK_BRONNEN, "binnenwerk")


def _inkoop(facts, peildatum, kader, vraag, formeel, inlener):
    counts_for_buyer = parameter("telt_mee.inkoop_telt_voor_inkoper", peildatum)
    text = (
        f"Een baan bij een leverancier telt bij de leverancier{_paren(formeel, peildatum)}, die werkgever is, en niet bij de "
        "inkopende overheid."
    )
    voor = vraag if counts_for_buyer.value else formeel
    return Counted(
        voor,
        "inkoop_sroi",
        "Inkoop en Social Return",
        text,
        counts_for_buyer.reference,
        "inkoop-en-social-return",
    )


def _samenwerking(facts, peildatum, kader, vraag, formeel, inlener):
    if kader == "monitor_rijk" and formeel in BINNENWERK:
        voor = facts.get("opdrachtgever", vraag)
        text = (
            f"De persoon is via Binnenwerk in dienst van het Rijk; de baan telt voor {werkgever(voor, peildatum)}."
            + _where(facts, peildatum)
        )
    elif kader == "monitor_rijk":
        voor = formeel
        text = (
            "Een samenwerkingsbaan telt alleen voor het Rijk als de persoon formeel bij het Rijk of via "
            f"Binnenwerk in dienst is; hier is {werkgever(formeel, peildatum)} de werkgever."
        )
    else:
        voor = formeel
        text = (
            f"De baan telt bij de werkgever die de uren verloont: {werkgever(formeel, peildatum)}."
            + _where(facts, peildatum)
        )
    regel = "Samenwerking met andere werkgevers"
    return Counted(voor, "samenwerking", regel, text, SAMENWERKING, "samenwerking-met-andere-werkgevers")


BY_CONSTRUCTIE = {
    "dienstverband": _dienstverband,
    "begeleid_werken": _dienstverband,
    **dict.fromkeys(INLEEN, _inleen),
    "binnenwerk": _binnenwerk,
    "inkoop_sroi": _inkoop,
    "samenwerking": _samenwerking,
}


def _counts_for(facts, peildatum, kader):
    """For whom the verloonde uren of this constructie count, per kader."""
    constructie = facts.get("constructie")
    if constructie == "wsw_intern":
        rule = _wsw_intern
    elif kader == "wet_banenafspraak_2025":
        rule = _nieuw_stelsel
    else:
        rule = BY_CONSTRUCTIE[constructie]
    return rule(facts, peildatum, kader, *_employers(facts))


def evaluate(facts: Facts, peildatum):
    kader = facts.get("kader")
    kader_uitleg, condition = kader_step(kader, peildatum)
    uitleg = [kader_uitleg]
    antwoord = {"voorwaarde": condition} if condition else {}
    if kader == "wettelijk_quotum" and not parameter("stelsel.wet_bqa_in_werking", peildatum).value:
        uitleg.append(
            step(
                "wet_in_werking",
                "Wet banenafspraak en quotum arbeidsbeperkten in werking",
                False,
                f"Vóór {since_text('stelsel.wet_bqa_in_werking')} bestond de wettelijke regeling nog niet; er "
                "telde dus nog niets mee.",
                (document("kamerstuk-33981"),),
                "wat-telt-mee",
            )
        )
        antwoord.update(telt_mee=False, telt_mee_voor=None)
        return antwoord, uitleg, ()

    doelgroep = decide(in_doelgroep, facts, peildatum)
    if doelgroep.outcome is None:
        antwoord.update(telt_mee=None, telt_mee_voor=None)
        missing = doelgroep.missing + (() if facts.given("constructie") else ("constructie",))
        return antwoord, uitleg, missing
    uitleg.append(
        step(
            "persoon_in_doelgroep",
            "De persoon hoort bij de doelgroep",
            doelgroep.outcome,
            "Alleen banen van mensen uit de doelgroep tellen mee."
            if doelgroep.outcome
            else "De persoon hoort niet bij de doelgroep; de baan telt voor niemand mee.",
            (law("wfsv", "38b"),),
            "doelgroep-banenafspraak",
        )
    )
    if not doelgroep.outcome:
        antwoord.update(telt_mee=False, telt_mee_voor=None)
        return antwoord, uitleg, ()
    if not facts.given("constructie"):
        antwoord.update(telt_mee=None, telt_mee_voor=None)
        return antwoord, uitleg, ("constructie",)

    paid = decide(verloond, facts, peildatum)
    uitleg.append(
        step(
            "verloonde_uren",
            "Verloonde uren",
            paid.outcome,
            (
                "Over de uren wordt loon betaald."
                if facts.given("loon_betaald")
                else "Aangenomen dat over de uren loon wordt betaald."
            )
            if paid.outcome
            else "Over deze uren wordt geen loon betaald: er zijn geen verloonde uren, dus telt de baan voor "
            "niemand mee.",
            VERLOONDE_UREN,
            "wat-telt-mee",
        )
    )
    if not paid.outcome:
        antwoord.update(telt_mee=False, telt_mee_voor=None)
        return antwoord, uitleg, ()

    counted = _counts_for(facts, peildatum, kader)
    uitleg.append(counted.step())
    if not counted.known:
        antwoord.update(telt_mee=None, telt_mee_voor=None)
        return antwoord, uitleg, counted.missing
    vraag = facts.get("vraag_voor_werkgever", EIGEN)
    antwoord.update(telt_mee=counted.voor is not None and counted.voor == vraag, telt_mee_voor=counted.voor)
    return antwoord, uitleg, ()
