"""Telt deze baan mee, en voor welke werkgever?

Rust op: Wfsv art. 38b lid 4 en 38g lid 3 (een baan telt bij de werkgever die er verloonde uren
voor heeft); art. 38g lid 2 en 122n lid 4 (een Wsw-dienstbetrekking bij het SW-bedrijf zelf telt
niet, tenzij de Wsw-er ter beschikking is gesteld); art. 38g lid 4 en 7 met Besluit Wfsv art. 2.27
t/m 2.29 en Besluit SUWI art. 3.2a-3.2b (toerekening van uren van uitgeleende arbeidsbeperkten aan
de inlener, alleen door een 'uitlener' en bij overeenstemming; onzekerheid U6). Inkoop en Social
Return tellen bij de leverancier, niet bij de inkopende overheid (Kamerbrief BZK 2018 en 2023;
Werkagenda Rijk 2021-2022; APE 2018). In de monitor van het Rijk (beleid): inleen via de
raamovereenkomst Arbeidsparticipanten telt bij de inlener, banen via Binnenwerk worden toegedeeld
aan het ministerie waarvoor Binnenwerk gemandateerd werkgever is, en samenwerkingsbanen tellen
alleen als de persoon formeel bij het Rijk of via Binnenwerk in dienst is. In het kader
``wet_banenafspraak_2025``: art. 1, 4 en 6 Wet banenafspraak (voorwaardelijk, U1).
"""

from dataclasses import dataclass

from eligibility.facts import BOOL, CHOICE, KADER, TEXT, Fact
from eligibility.parameters import parameter
from eligibility.sources import document, law

from .predicates import (
    Facts,
    dated_predicate,
    decide,
    fact_predicate,
    kader_step,
    step,
)

TITEL = "Telt deze baan mee, en voor wie?"
EIGEN = "uw_organisatie"
BINNENWERK = frozenset({"ubr_binnenwerk", "binnenwerk"})
INLEEN = frozenset({"inleen", "uitzending", "detachering", "wsw_ter_beschikking"})
ONBETAALD = frozenset({"stage_onbetaald", "vrijwilligerswerk"})

FEITEN = (
    KADER,
    Fact(
        "persoon_in_doelgroep",
        BOOL,
        "Hoort de persoon bij de doelgroep van de banenafspraak?",
        "Bijvoorbeeld omdat hij in het doelgroepregister staat. Weet u het niet zeker, gebruik dan eerst de "
        "vraag 'doelgroep'.",
    ),
    Fact(
        "constructie",
        CHOICE,
        "Hoe werkt de persoon bij u?",
        "De vorm van de arbeidsrelatie.",
        choices=(
            ("dienstverband", "In dienst (eigen dienstverband)"),
            ("begeleid_werken", "In dienst met een Wsw-indicatie (begeleid werken)"),
            ("inleen", "Ingeleend (bijvoorbeeld via de raamovereenkomst Arbeidsparticipanten)"),
            ("uitzending", "Via een uitzendbureau"),
            ("detachering", "Gedetacheerd door een andere werkgever of een SW-bedrijf"),
            ("wsw_ter_beschikking", "Wsw-er, door het SW-bedrijf ter beschikking gesteld"),
            ("wsw_intern", "Wsw-er in dienst van en werkzaam binnen het SW-bedrijf"),
            ("binnenwerk", "Via Binnenwerk (gemandateerd werkgever van het Rijk)"),
            ("inkoop_sroi", "Bij een leverancier (inkoop of Social Return)"),
            ("samenwerking", "In een samenwerkingsbaan met een andere werkgever"),
            ("stage_onbetaald", "Onbetaalde stage"),
            ("vrijwilligerswerk", "Vrijwilligerswerk"),
        ),
    ),
    Fact(
        "loon_betaald",
        BOOL,
        "Wordt over de uren loon betaald (staan ze in de loonaangifte)?",
        "Alleen verloonde uren tellen. Niet opgegeven: aangenomen dat er loon wordt betaald, behalve bij "
        "onbetaalde stage en vrijwilligerswerk.",
    ),
    Fact(
        "vraag_voor_werkgever",
        TEXT,
        "Voor welke werkgever wilt u het weten?",
        "Een korte naam, bijvoorbeeld ministerie_van_ienw. Standaard: uw eigen organisatie.",
        default=EIGEN,
    ),
    Fact(
        "formele_werkgever",
        TEXT,
        "Wie is de formele werkgever (wie betaalt het loon)?",
        "Een korte naam, bijvoorbeeld ubr_binnenwerk of leverancier_schoonmaak_bv. Niet opgegeven: bij een "
        "dienstverband uw eigen organisatie.",
    ),
    Fact(
        "opdrachtgever",
        TEXT,
        "Bij welke organisatie werkt de persoon feitelijk (inlener, of het ministerie dat Binnenwerk "
        "betaalt)?",
        "Een korte naam, bijvoorbeeld ministerie_van_financien.",
        toon_als=(
            (
                "constructie",
                ("inleen", "uitzending", "detachering", "wsw_ter_beschikking", "binnenwerk", "samenwerking"),
            ),
        ),
    ),
    Fact(
        "via_raamovereenkomst",
        BOOL,
        "Loopt de inleen via de raamovereenkomst (Inhuur) Arbeidsparticipanten van het Rijk?",
        "De mantelovereenkomst van Rijk en Defensie uit 2017, opnieuw aanbesteed in 2021.",
        toon_als=(("constructie", ("inleen", "uitzending", "detachering")),),
    ),
    Fact(
        "uitlener_type",
        CHOICE,
        "Wie leent de persoon uit?",
        "Alleen een uitzendonderneming (ingeschreven met de activiteit 'ter beschikking stellen van "
        "arbeidskrachten') of de werkgever van een ter beschikking gestelde Wsw-er is een 'uitlener' die "
        "uren aan de inlener kan toerekenen (Besluit Wfsv art. 2.27).",
        choices=(
            ("uitzendbureau", "Een uitzendonderneming"),
            ("sw_bedrijf", "Een SW-bedrijf (Wsw-er ter beschikking gesteld)"),
            ("overheidswerkgever", "Een andere overheidswerkgever"),
            ("andere_werkgever", "Een andere werkgever"),
        ),
        toon_als=(("constructie", ("inleen", "uitzending", "detachering")),),
    ),
    Fact(
        "uren_toegerekend_aan_inlener",
        BOOL,
        "Zijn uitlener en inlener het eens dat de uren aan de inlener worden toegerekend?",
        "Uiterlijk op 1 augustus van het jaar na het heffingsjaar (Besluit Wfsv art. 2.28).",
        toon_als=(("constructie", ("inleen", "uitzending", "detachering", "wsw_ter_beschikking")),),
    ),
)

ANTWOORD = {
    "telt_mee": (
        {"type": ["boolean", "null"]},
        "Telt de baan mee voor de werkgever uit vraag_voor_werkgever? null: nog niet te beslissen.",
    ),
    "telt_mee_voor": (
        {"type": ["string", "null"]},
        "Voor welke werkgever de baan meetelt; null: voor niemand.",
    ),
    "voorwaarde": (
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
    ),
}

# --- predicates ----------------------------------------------------------------------------

in_doelgroep = fact_predicate("in_doelgroep", "persoon_in_doelgroep")
loon_betaald = fact_predicate("loon_betaald", "loon_betaald", default=True)
onbetaalde_vorm = fact_predicate("onbetaalde_vorm", "constructie", test=ONBETAALD.__contains__, default=False)
verloond = loon_betaald & ~onbetaalde_vorm


def _is_uitlener(value):
    return value in ("uitzendbureau", "sw_bedrijf")


# a Wsw-er ter beschikking gesteld, or an uitzendkracht: the lender is an 'uitlener' by definition
uitlener_door_vorm = fact_predicate(
    "uitlener_door_vorm",
    "constructie",
    test=lambda v: v in ("wsw_ter_beschikking", "uitzending"),
    default=False,
)
uitlener = uitlener_door_vorm | fact_predicate("uitlener", "uitlener_type", test=_is_uitlener)
toerekening_mogelijk = dated_predicate("toerekening_mogelijk", "telt_mee.toerekening_inleen")
toegerekend = fact_predicate("toegerekend", "uren_toegerekend_aan_inlener")
naar_inlener = uitlener & toerekening_mogelijk & toegerekend

# --- sources -------------------------------------------------------------------------------

VERLOONDE_UREN = (law("wfsv", "38b", "lid 4"), law("wfsv", "38g", "lid 3"))
WSW = (law("wfsv", "38g", "lid 2"), law("wfsv", "122n", "lid 4"))
TOEREKENING = (law("wfsv", "38g", "lid 4 en 7"), law("besluit_wfsv", "2.27"), law("besluit_wfsv", "2.28"))
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

    def step(self):
        outcome = self.voor if self.known and self.voor else (False if self.known else None)
        return step(self.regel_id, self.regel, outcome, self.toelichting, self.bronnen, self.artikel)


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
            "De wet regelt geen toerekening van inkoopbanen aan de inkoper; de baan telt bij de leverancier "
            f"({formeel}) (onzekerheid U7)."
        )
    else:
        text = (
            "In het nieuwe stelsel is er geen quotum per werkgever: de verloonde uren tellen mee voor de "
            f"landelijke doelstelling en bij de werkgever die ze verloont ({formeel})."
        )
    return Counted(
        formeel, "nieuw_stelsel", "Nieuw stelsel: verloonde uren", text, NIEUW, "wet-banenafspraak-2025"
    )


def _dienstverband(facts, peildatum, kader, vraag, formeel, inlener):
    return Counted(
        formeel,
        "dienstverband",
        "Dienstverband",
        f"De baan telt bij de werkgever die de uren verloont: {formeel}.",
        VERLOONDE_UREN,
        "wat-telt-mee",
    )


def _inleen(facts, peildatum, kader, vraag, formeel, inlener):
    regel = "Toerekening aan de inlener"
    if kader == "monitor_rijk":
        if facts.get("via_raamovereenkomst"):
            text = (
                "Inleen via de raamovereenkomst Arbeidsparticipanten telt in de monitor van het Rijk bij de "
                f"inlener ({inlener}), op basis van gegevens van de contractpartijen."
            )
            artikel = "raamovereenkomst-inhuur-arbeidsparticipanten"
        else:
            text = (
                "Inleen buiten de raamovereenkomst telt in de monitor van het Rijk bij de inlener "
                f"({inlener}); het ministerie levert de gegevens zelf aan."
            )
            artikel = "inleen-uitzending-detachering"
        return Counted(
            inlener, "inleen_monitor", "Inleen in de monitor van het Rijk", text, RAAMOVEREENKOMST, artikel
        )

    decision = decide(naar_inlener, facts, peildatum)
    if decision.outcome is None:
        text = (
            "Of de uren bij de inlener tellen, hangt af van wie uitleent en of de uren zijn toegerekend."
            if decision.missing
            else "Voor deze peildatum is niet bekend of uren van uitgeleende arbeidsbeperkten aan de inlener "
            "konden worden toegerekend (de bronnen noemen 2015/2016)."
        )
        artikel = "inleen-uitzending-detachering"
        return Counted(None, "toerekening", regel, text, TOEREKENING, artikel, decision.missing, known=False)
    if decision.outcome:
        text = (
            f"De uitlener heeft de verloonde uren toegerekend: ze tellen bij {inlener}, niet bij {formeel}."
        )
        return Counted(inlener, "toerekening", regel, text, TOEREKENING, "inleen-uitzending-detachering")
    if decide(uitlener, facts, peildatum).outcome:
        text = f"De uren zijn niet aan de inlener toegerekend; ze tellen bij de uitlener ({formeel})."
    else:
        text = (
            "Alleen een uitzendonderneming of de werkgever van een ter beschikking gestelde Wsw-er kan uren "
            f"toerekenen; bij deze detachering telt de baan bij de formele werkgever ({formeel}) (afgeleid, "
            "onzekerheid U6)."
        )
    return Counted(formeel, "toerekening", regel, text, TOEREKENING, "inleen-uitzending-detachering")


def _binnenwerk(facts, peildatum, kader, vraag, formeel, inlener):
    regel = "Binnenwerk: toedeling aan het ministerie"
    if kader != "monitor_rijk":
        text = (
            "In de wettelijke quotumregeling telt de baan bij de werkgever die de uren in zijn loonaangifte "
            f"verantwoordt ({formeel}); de toedeling aan ministeries is rijksbeleid (kader monitor_rijk)."
        )
        bronnen = (*VERLOONDE_UREN, *BINNENWERK_BRONNEN[:1])
        return Counted(
            formeel,
            "binnenwerk_wettelijk",
            "Binnenwerk in de wettelijke quotumregeling",
            text,
            bronnen,
            "binnenwerk",
        )
    opdrachtgever = facts.get("opdrachtgever")
    if opdrachtgever is None:
        text = (
            "De baan wordt toegedeeld aan het ministerie waarvoor Binnenwerk gemandateerd werkgever is; "
            "welk ministerie dat is, is nog niet opgegeven."
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
        f"baan toegedeeld aan het ministerie dat ervoor betaalt: {opdrachtgever}."
    )
    return Counted(opdrachtgever, "binnenwerk_toedeling", regel, text, BINNENWERK_BRONNEN, "binnenwerk")


def _inkoop(facts, peildatum, kader, vraag, formeel, inlener):
    counts_for_buyer = parameter("telt_mee.inkoop_telt_voor_inkoper", peildatum)
    text = (
        f"Een baan bij een leverancier telt bij de leverancier ({formeel}), die werkgever is, en niet bij de "
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
        text = f"De persoon is via Binnenwerk in dienst van het Rijk; de baan telt voor {voor}."
    elif kader == "monitor_rijk":
        voor = formeel
        text = (
            "Een samenwerkingsbaan telt alleen voor het Rijk als de persoon formeel bij het Rijk of via "
            f"Binnenwerk in dienst is; hier is {formeel} de werkgever."
        )
    else:
        voor = formeel
        text = f"De baan telt bij de werkgever die de uren verloont: {formeel}."
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
                "Vóór 1 mei 2015 bestond de wettelijke regeling nog niet; er telde dus nog niets mee.",
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
            else "Over onbetaalde stage of vrijwilligerswerk wordt geen loon betaald: er zijn geen "
            "verloonde uren.",
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
