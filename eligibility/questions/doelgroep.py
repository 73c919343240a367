"""Hoort deze persoon bij de doelgroep van de banenafspraak (is hij 'arbeidsbeperkte')?

Rust op: Wfsv art. 38b lid 1 onder a t/m g, lid 2 en lid 6 (BWBR0017745), met de wijzigingen per
1 januari 2026 (Wajong in dienstbetrekking; jonggehandicapte hoeft geen voorziening meer te
ontvangen; nieuwe grond onder g, het WIA-experiment); onder f de overgangsgroep (Wsw of Wajong op
of na 1 januari 2013, op 1 mei 2015 niet meer); Besluit Wfsv art. 2.24 (VSO/PRO-schoolverlaters); Regeling Wfsv art. 3.26 en Wfsv
art. 38f (WIW/ID-banen, art. 78d Participatiewet); Besluit SUWI art. 3.2 (registratie, t+2-regel,
beëindiging); Participatiewet art. 10b (uitsluiting beschut werk); de Praktijkroute sinds
1 januari 2017. In het kader ``wet_banenafspraak_2025``: art. 2 Wet banenafspraak (BWBR0051018),
voorwaardelijk zolang de datum van inwerkingtreding onbekend is (onzekerheid U1).

Gronden die niet genoemd worden, gelden als niet aanwezig; wordt over geen enkele grond iets
gezegd, dan is de vraag nog niet te beantwoorden.
"""

import datetime

from rules import Predicate

from eligibility.facts import BOOL, CHOICE, INT, KADER, NUMBER, Fact
from eligibility.parameters import parameter
from eligibility.sources import document, law

from .predicates import (
    Decision,
    Facts,
    Rule,
    dated_predicate,
    fact_predicate,
    kader_step,
    step,
)

TITEL = "Hoort deze persoon bij de doelgroep?"
NEW_RULES_FROM = datetime.date(2026, 1, 1)  # Wfsv 38b as changed by the Wet banenafspraak

FEITEN = (
    KADER,
    Fact(
        "beschut_werk_vastgesteld",
        BOOL,
        "Heeft het college vastgesteld dat de persoon uitsluitend in beschut werk kan werken?",
        "Beschut werk volgens art. 10b Participatiewet. Wie alleen zo kan werken, hoort niet bij de "
        "doelgroep; een lopende registratie eindigt de dag na de vaststelling.",
    ),
    Fact(
        "opgenomen_in_doelgroepregister",
        BOOL,
        "Staat de persoon in het doelgroepregister van het UWV?",
        "Een werkgever kan dit bij het UWV nagaan met het BSN (Wfsv art. 38d lid 7).",
    ),
    Fact(
        "voldoet_nog_aan_oorspronkelijke_grond",
        BOOL,
        "Voldoet de persoon nog aan de grond waarmee hij in het register kwam?",
        "Bijvoorbeeld: heeft hij nog recht op Wajong of een Wsw-indicatie?",
        toon_als=(("opgenomen_in_doelgroepregister", (True,)),),
    ),
    Fact(
        "jaar_niet_meer_voldaan",
        INT,
        "In welk jaar voldeed de persoon niet meer aan zijn grond?",
        "Alleen nodig voor peildata vóór 2018, toen de t+2-regel gold.",
        minimum=2013,
        maximum=2100,
        toon_als=(("voldoet_nog_aan_oorspronkelijke_grond", (False,)),),
    ),
    Fact(
        "registratie_beeindigd_op_verzoek",
        BOOL,
        "Heeft de persoon zelf gevraagd om uit het register te worden gehaald?",
        "Beëindiging op eigen verzoek kan niet eerder ingaan dan 1 januari 2021.",
        toon_als=(("opgenomen_in_doelgroepregister", (True,)),),
    ),
    Fact(
        "aow_leeftijd_bereikt",
        BOOL,
        "Heeft de persoon de AOW-leeftijd bereikt?",
        "De registratie eindigt op de dag dat de persoon de AOW-leeftijd bereikt.",
        toon_als=(("opgenomen_in_doelgroepregister", (True,)),),
    ),
    Fact(
        "heeft_wsw_indicatie",
        BOOL,
        "Heeft de persoon een Wsw-indicatie?",
        "Een indicatie volgens de Wet sociale werkvoorziening, ook een nog geldende indicatiebeschikking "
        "volgens art. 11 Wsw (stand 31 december 2014).",
    ),
    Fact(
        "heeft_wajong_recht",
        BOOL,
        "Heeft de persoon recht op Wajong (arbeidsondersteuning of een uitkering)?",
        "Oude Wajong, Wajong 2010 of Wajong 2015.",
    ),
    Fact(
        "wajong_regime",
        CHOICE,
        "Welke Wajong?",
        "De Wajong 2015 is er alleen voor wie duurzaam geen arbeidsvermogen heeft.",
        choices=(
            ("oude_wajong", "Oude Wajong (vóór 2010)"),
            ("wajong_2010", "Wajong 2010"),
            ("wajong_2015", "Wajong 2015"),
        ),
        toon_als=(("heeft_wajong_recht", (True,)),),
    ),
    Fact(
        "wajong_duurzaam_geen_arbeidsvermogen",
        BOOL,
        "Heeft het UWV vastgesteld dat de persoon duurzaam geen mogelijkheden tot arbeidsparticipatie heeft?",
        "Art. 1a:1 lid 1, 2:4 lid 1 of 3:8a lid 1 Wajong (duurzaam geen arbeidsvermogen).",
        toon_als=(("heeft_wajong_recht", (True,)), ("vso_pro_schoolverlater", ("vso", "pro"))),
    ),
    Fact(
        "werkt_in_dienstbetrekking",
        BOOL,
        "Verricht de persoon arbeid in een dienstbetrekking?",
        "Vanaf 1 januari 2026 hoort een Wajonger zonder arbeidsvermogen bij de doelgroep als hij in "
        "dienstbetrekking werkt.",
        toon_als=(("wajong_duurzaam_geen_arbeidsvermogen", (True,)),),
    ),
    Fact(
        "overgangsgroep_wsw_of_wajong_2013_2015",
        BOOL,
        "Viel de persoon op of na 1 januari 2013 onder de Wsw of de Wajong, maar op 1 mei 2015 niet meer?",
        "De overgangsgroep van Wfsv art. 38b lid 1 onder f: wie op of na 1 januari 2013 een Wsw-indicatie "
        "of recht op Wajong had en op 1 mei 2015 niet meer. Een Wajonger die nu duurzaam geen "
        "arbeidsvermogen heeft, valt er niet onder.",
    ),
    Fact(
        "pwet_uwv_vastgesteld_geen_wml",
        BOOL,
        "Heeft het UWV vastgesteld dat de persoon (onder de Participatiewet) het wettelijk minimumloon niet "
        "zelfstandig kan verdienen?",
        "Bij iemand die het college naar werk toeleidt of voor wie loonkostensubsidie wordt verstrekt; op "
        "verzoek van het college of van de persoon zelf (Wfsv art. 38b lid 1 onder a en e).",
    ),
    Fact(
        "praktijkroute_loonwaarde_pct",
        NUMBER,
        "Welke loonwaarde heeft het college vastgesteld (Praktijkroute), in procenten van het WML?",
        "Een loonwaarde lager dan 100 % van het wettelijk minimumloon, vastgesteld volgens de eisen van een "
        "loonwaardevaststelling, geeft sinds 1 januari 2017 toegang zonder UWV-beoordeling.",
        minimum=0,
        maximum=100,
        unit="procent",
    ),
    Fact(
        "vso_pro_schoolverlater",
        CHOICE,
        "Behoorde de persoon tot de doelgroep van het voortgezet speciaal onderwijs of het "
        "praktijkonderwijs?",
        "VSO = voortgezet speciaal onderwijs, PRO = praktijkonderwijs.",
        choices=(("vso", "Ja, VSO"), ("pro", "Ja, praktijkonderwijs"), ("geen", "Nee")),
    ),
    Fact(
        "aangemeld_bij_uwv",
        BOOL,
        "Heeft de schoolverlater zich schriftelijk bij het UWV gemeld?",
        "Met het aanmeldformulier (ABA-formulier) van het UWV (Besluit Wfsv art. 2.24).",
        toon_als=(("vso_pro_schoolverlater", ("vso", "pro")),),
    ),
    Fact(
        "wiw_id_baan",
        BOOL,
        "Werkt de persoon in een voormalige WIW- of ID-baan (dienstbetrekking volgens art. 78d "
        "Participatiewet)?",
        "Deze werknemers zijn gelijkgesteld met arbeidsbeperkten.",
    ),
    Fact(
        "beperking_voor_18_of_tijdens_studie",
        BOOL,
        "Heeft de persoon volgens het UWV een beperking door ziekte of gebrek die is ontstaan vóór zijn 18e "
        "of tijdens zijn studie?",
        "De groep jonggehandicapten met een voorziening (Wfsv art. 38b lid 2).",
    ),
    Fact(
        "wml_alleen_met_voorziening",
        BOOL,
        "Kan de persoon zonder voorziening het wettelijk minimumloon niet verdienen?",
        "Een voorziening volgens art. 10 Participatiewet of art. 35 WIA, zoals vervoer, werkplekaanpassing "
        "of persoonlijke ondersteuning.",
        toon_als=(("beperking_voor_18_of_tijdens_studie", (True,)),),
    ),
    Fact(
        "ontvangt_voorziening",
        BOOL,
        "Ontvangt de persoon zo'n voorziening?",
        "Tot en met 2025 eiste de wet dat de persoon de voorziening ontvangt; vanaf 2026 niet meer.",
        toon_als=(("beperking_voor_18_of_tijdens_studie", (True,)),),
    ),
    Fact(
        "heeft_wia_uitkering",
        BOOL,
        "Heeft de persoon een WIA-uitkering?",
        "Een gewone WIA-uitkering is op zichzelf geen grond voor de doelgroep.",
    ),
    Fact(
        "wia_experiment_wajong_instrument",
        BOOL,
        "Is bij de persoon in een experiment het Wajong-instrument ingezet?",
        "Een experiment volgens art. 82a Wet SUWI, waarin iemand met een WIA-uitkering ondersteuning krijgt "
        "zoals een Wajonger. Vanaf 1 januari 2026 is dat een grond voor de doelgroep (Wfsv art. 38b lid 1 "
        "onder g); daarvoor niet.",
        toon_als=(("heeft_wia_uitkering", (True,)),),
    ),
)

GRONDEN_WAARDEN = (
    "wsw_indicatie",
    "wajong_met_arbeidsvermogen",
    "wajong_duurzaam_geen_arbeidsvermogen_met_dienstbetrekking",
    "participatiewet_uwv_beoordeling",
    "praktijkroute",
    "vso_pro_schoolverlater",
    "wiw_id_baan",
    "jonggehandicapte_met_voorziening",
    "overgangsgroep",
    "wia_experiment",
    "blijfgrond_registratie",
)
ANTWOORD = {
    "in_doelgroep": (
        {"type": ["boolean", "null"]},
        "Hoort de persoon bij de doelgroep? null: nog niet te beslissen.",
    ),
    "grond": (
        {"type": ["string", "null"], "enum": [*GRONDEN_WAARDEN, "uitgesloten_beschut_werk", "geen", None]},
        "De grond waarop de persoon bij de doelgroep hoort, of waarom niet.",
    ),
    "gronden": ({"type": "array", "items": {"type": "string"}}, "Alle gronden die van toepassing zijn."),
    "telt_voor": (
        {"type": "string", "enum": ["banenafspraak_en_quotumregeling", "quotumregeling"]},
        "Waarvoor de persoon meetelt; een jonggehandicapte met voorziening telt volgens APE (2018) alleen "
        "voor de quotumregeling (onzekerheid U4).",
    ),
    "voorwaarde": (
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
    ),
}

ENTRY_FACTS = (
    "opgenomen_in_doelgroepregister",
    "heeft_wsw_indicatie",
    "heeft_wajong_recht",
    "pwet_uwv_vastgesteld_geen_wml",
    "praktijkroute_loonwaarde_pct",
    "vso_pro_schoolverlater",
    "wiw_id_baan",
    "beperking_voor_18_of_tijdens_studie",
)
MENTIONS = (
    *ENTRY_FACTS,
    "wajong_regime",
    "overgangsgroep_wsw_of_wajong_2013_2015",
    "heeft_wia_uitkering",
    "wia_experiment_wajong_instrument",
)

# --- atomic predicates ---------------------------------------------------------------------

beschut_werk = fact_predicate("beschut_werk", "beschut_werk_vastgesteld", default=False)
wsw_indicatie = fact_predicate("wsw_indicatie", "heeft_wsw_indicatie", default=False)
pwet_uwv = fact_predicate("pwet_uwv", "pwet_uwv_vastgesteld_geen_wml", default=False)
wiw_id = fact_predicate("wiw_id", "wiw_id_baan", default=False)


def _heeft_wajong(facts, peildatum):
    value = facts.values.get("heeft_wajong_recht")
    return facts.given("wajong_regime") if value is None else value


heeft_wajong = Predicate(_heeft_wajong, name="heeft_wajong")


def _duurzaam_geen_av(facts, peildatum):
    value = facts.values.get("wajong_duurzaam_geen_arbeidsvermogen")
    if value is None:
        if facts.values.get("wajong_regime") == "wajong_2015":
            return True  # the Wajong 2015 is only for those without arbeidsvermogen
        return facts.require("duurzaam_geen_av", "wajong_duurzaam_geen_arbeidsvermogen")
    return value


duurzaam_geen_av = Predicate(_duurzaam_geen_av, name="duurzaam_geen_av")
wajong_dgav_regel = dated_predicate("wajong_dgav_regel", "doelgroep.wajong_duurzaam_met_dienstbetrekking")
in_dienstbetrekking = fact_predicate("in_dienstbetrekking", "werkt_in_dienstbetrekking")

loonwaarde_onder_wml = fact_predicate(
    "loonwaarde_onder_wml", "praktijkroute_loonwaarde_pct", test=lambda pct: pct < 100, default=False
)
praktijkroute_open = dated_predicate("praktijkroute_open", "doelgroep.praktijkroute_open")

vso_pro = fact_predicate(
    "vso_pro", "vso_pro_schoolverlater", test=lambda v: v in ("vso", "pro"), default=False
)
aangemeld_uwv = fact_predicate("aangemeld_uwv", "aangemeld_bij_uwv")
vso_zonder_av = fact_predicate("vso_zonder_av", "wajong_duurzaam_geen_arbeidsvermogen", default=False)

jong_beperkt = fact_predicate("jong_beperkt", "beperking_voor_18_of_tijdens_studie", default=False)
wml_met_voorziening = fact_predicate("wml_met_voorziening", "wml_alleen_met_voorziening")
ontvangt_voorziening = fact_predicate("ontvangt_voorziening", "ontvangt_voorziening")
voorziening_vereist = dated_predicate("voorziening_vereist", "doelgroep.voorziening_ontvangen_vereist")

overgangsgroep_fact = fact_predicate(
    "overgangsgroep", "overgangsgroep_wsw_of_wajong_2013_2015", default=False
)

wia_experiment_regel = dated_predicate("wia_experiment_regel", "doelgroep.wia_experiment_grond")


def _heeft_wia(facts, peildatum):
    value = facts.values.get("heeft_wia_uitkering")
    if value is not None:
        return value
    if facts.given(
        "wia_experiment_wajong_instrument"
    ):  # the experiment is only for those with a WIA-uitkering
        return facts.require("heeft_wia", "heeft_wia_uitkering")
    return False  # a ground that was not mentioned is taken not to apply


heeft_wia = Predicate(_heeft_wia, name="heeft_wia")
wajong_instrument = fact_predicate("wajong_instrument", "wia_experiment_wajong_instrument")

opgenomen = fact_predicate("opgenomen", "opgenomen_in_doelgroepregister", default=False)
voldoet_nog = fact_predicate("voldoet_nog", "voldoet_nog_aan_oorspronkelijke_grond")
aow_bereikt = fact_predicate("aow_bereikt", "aow_leeftijd_bereikt", default=False)
op_verzoek = fact_predicate("op_verzoek", "registratie_beeindigd_op_verzoek", default=False)


def _verzoek_kan_ingaan(facts, peildatum):
    start = parameter("doelgroep.beeindiging_op_verzoek_vanaf", peildatum).value
    return start is not None and peildatum >= start


verzoek_kan_ingaan = Predicate(_verzoek_kan_ingaan, name="verzoek_kan_ingaan")
t_plus_2 = dated_predicate("t_plus_2", "doelgroep.registratie_regime", test=lambda v: v == "t_plus_2")


def _binnen_t_plus_2(facts, peildatum):
    jaar = facts.values.get("jaar_niet_meer_voldaan")
    if jaar is None:
        return facts.require("binnen_t_plus_2", "jaar_niet_meer_voldaan")
    return peildatum.year <= jaar + 2


binnen_t_plus_2 = Predicate(_binnen_t_plus_2, name="binnen_t_plus_2")

# --- the grounds ---------------------------------------------------------------------------

wajong_met_av = heeft_wajong & ~duurzaam_geen_av
wajong_dgav_db = heeft_wajong & duurzaam_geen_av & wajong_dgav_regel & in_dienstbetrekking
praktijkroute = loonwaarde_onder_wml & praktijkroute_open
vso_pro_schoolverlater = vso_pro & aangemeld_uwv & ~vso_zonder_av
jonggehandicapte = jong_beperkt & wml_met_voorziening & (~voorziening_vereist | ontvangt_voorziening)
overgangsgroep = overgangsgroep_fact & ~(heeft_wajong & duurzaam_geen_av)
wia_experiment = wia_experiment_regel & heeft_wia & wajong_instrument
registratie_loopt = (
    opgenomen
    & ~aow_bereikt
    & ~(op_verzoek & verzoek_kan_ingaan)
    & (~t_plus_2 | voldoet_nog | binnen_t_plus_2)
)


def _wajong_nee(facts, peildatum):
    if not facts.get("heeft_wajong_recht", facts.given("wajong_regime")):
        return "De persoon heeft geen recht op Wajong."
    return "De persoon heeft duurzaam geen arbeidsvermogen; dat valt niet onder deze grond."


def _wajong_dgav_nee(facts, peildatum):
    if not facts.get("heeft_wajong_recht", facts.given("wajong_regime")):
        return "De persoon heeft geen recht op Wajong."
    if not parameter("doelgroep.wajong_duurzaam_met_dienstbetrekking", peildatum).value:
        return (
            "Tot en met 31 december 2025 hoort een Wajonger met duurzaam geen mogelijkheden tot "
            "arbeidsparticipatie niet bij de doelgroep, ook niet als hij in dienstbetrekking werkt."
        )
    if facts.get("wajong_duurzaam_geen_arbeidsvermogen") is False:
        return "De persoon heeft arbeidsvermogen; deze grond is alleen voor wie dat duurzaam niet heeft."
    return "De persoon werkt niet in een dienstbetrekking."


def _praktijkroute_nee(facts, peildatum):
    pct = facts.get("praktijkroute_loonwaarde_pct")
    if pct is not None and pct < 100 and not parameter("doelgroep.praktijkroute_open", peildatum).value:
        return (
            "De Praktijkroute is pas op 1 januari 2017 opengesteld; op de peildatum gaf een loonwaarde die "
            "het college vaststelde nog geen toegang tot de doelgroep."
        )
    return "Een loonwaarde van 100 % of meer is niet lager dan het wettelijk minimumloon."


def _vso_nee(facts, peildatum):
    if facts.get("vso_pro_schoolverlater") in (None, "geen"):
        return "De persoon behoorde niet tot de doelgroep van het VSO of het praktijkonderwijs."
    if facts.get("wajong_duurzaam_geen_arbeidsvermogen"):
        return "Wie duurzaam geen arbeidsvermogen heeft, valt niet onder de grond voor schoolverlaters."
    return "De schoolverlater heeft zich niet schriftelijk bij het UWV gemeld."


def _jong_ja(facts, peildatum):
    if parameter("doelgroep.voorziening_ontvangen_vereist", peildatum).value:
        return (
            "Het UWV stelde een beperking vast van vóór het 18e jaar of tijdens de studie, de persoon kan "
            "zonder voorziening het WML niet verdienen en ontvangt die voorziening. Volgens het "
            "APE-onderzoek (2018) telt deze groep alleen voor de quotumregeling."
        )
    return (
        "Het UWV stelde een beperking vast van vóór het 18e jaar of tijdens de studie en zonder voorziening "
        "kan de persoon het WML niet verdienen; vanaf 2026 hoeft hij de voorziening niet te ontvangen."
    )


def _jong_nee(facts, peildatum):
    if not facts.get("beperking_voor_18_of_tijdens_studie"):
        return "Er is geen beperking vastgesteld die vóór het 18e jaar of tijdens de studie is ontstaan."
    if facts.get("wml_alleen_met_voorziening") is False:
        return "De persoon kan het WML ook zonder voorziening verdienen."
    return "Tot en met 2025 eist de wet dat de persoon een voorziening ontvangt; dat is hier niet zo."


def _overgangsgroep_nee(facts, peildatum):
    if not facts.get("overgangsgroep_wsw_of_wajong_2013_2015"):
        return (
            "De persoon viel niet op of na 1 januari 2013 onder de Wsw of de Wajong en op 1 mei 2015 niet "
            "meer."
        )
    return (
        "De persoon hoort wel tot de overgangsgroep, maar heeft recht op Wajong en duurzaam geen "
        "arbeidsvermogen; die Wajonger is van deze grond uitgezonderd."
    )


def _wia_experiment_nee(facts, peildatum):
    if not parameter("doelgroep.wia_experiment_grond", peildatum).value:
        return (
            "Deze grond bestaat pas vanaf 1 januari 2026 (Wfsv art. 38b lid 1 onder g, Kamerstuk 36 449 nr. "
            "7); op de peildatum hoort iemand met een WIA-uitkering er op deze grond niet bij, ook niet als "
            "in een experiment het Wajong-instrument is ingezet."
        )
    if facts.get("heeft_wia_uitkering") is False:
        return "De persoon heeft geen WIA-uitkering."
    return "Bij de persoon is niet in een experiment (art. 82a Wet SUWI) het Wajong-instrument ingezet."


def _registratie_ja(facts, peildatum):
    regime = parameter("doelgroep.registratie_regime", peildatum).value
    if regime == "blijfgrond":
        return (
            "De persoon staat in het register en de registratie is niet geëindigd (AOW-leeftijd, overlijden "
            "of eigen verzoek): eens in het register, altijd in het register."
        )
    if regime == "t_plus_2_opgeschort":
        return "De persoon staat in het register; de t+2-regel was op de peildatum opgeschort."
    if facts.get("voldoet_nog_aan_oorspronkelijke_grond"):
        return "De persoon staat in het register en voldoet nog aan zijn grond."
    return (
        "De persoon staat in het register; volgens de t+2-regel loopt de registratie door tot en met 31 "
        "december van het tweede jaar nadat hij niet meer voldeed."
    )


def _registratie_nee(facts, peildatum):
    if not facts.get("opgenomen_in_doelgroepregister"):
        return "De persoon staat niet in het doelgroepregister."
    if facts.get("aow_leeftijd_bereikt"):
        return "De registratie is geëindigd: de persoon heeft de AOW-leeftijd bereikt."
    if facts.get("registratie_beeindigd_op_verzoek"):
        return "De registratie is op eigen verzoek geëindigd."
    return "De t+2-termijn is verstreken: de registratie is geëindigd."


WFSV_38B = law("wfsv", "38b")

GRONDEN = (
    Rule(
        "wsw_indicatie",
        "Grond: Wsw-indicatie",
        wsw_indicatie,
        "doelgroep-wsw",
        (law("wfsv", "38b", "lid 1 onder b"), document("werkagenda-rijk-2021")),
        "De persoon heeft een Wsw-indicatie.",
        "De persoon heeft geen Wsw-indicatie.",
    ),
    Rule(
        "wajong_met_arbeidsvermogen",
        "Grond: Wajong met arbeidsvermogen",
        wajong_met_av,
        "doelgroep-wajong",
        (law("wfsv", "38b", "lid 1 onder c"), document("werkagenda-rijk-2021")),
        "De persoon heeft recht op Wajong en niet duurzaam geen arbeidsvermogen.",
        _wajong_nee,
    ),
    Rule(
        "wajong_duurzaam_geen_arbeidsvermogen_met_dienstbetrekking",
        "Grond: Wajong zonder arbeidsvermogen, met dienstbetrekking",
        wajong_dgav_db,
        "doelgroep-wajong",
        (law("wfsv", "38b", "lid 1 onder c (tekst vanaf 2026)"), document("kamerstuk-36449")),
        "Vanaf 1 januari 2026 hoort een Wajonger zonder arbeidsvermogen bij de doelgroep als hij in "
        "dienstbetrekking werkt, en dat doet deze persoon.",
        _wajong_dgav_nee,
    ),
    Rule(
        "participatiewet_uwv_beoordeling",
        "Grond: Participatiewet met UWV-beoordeling",
        pwet_uwv,
        "doelgroep-participatiewet-en-praktijkroute",
        (law("wfsv", "38b", "lid 1 onder a en e"), document("werkagenda-rijk-2021")),
        "Het UWV heeft vastgesteld dat de persoon het wettelijk minimumloon niet zelfstandig kan verdienen.",
        "Er is geen UWV-vaststelling dat de persoon het WML niet zelfstandig kan verdienen.",
    ),
    Rule(
        "praktijkroute",
        "Grond: Praktijkroute (loonwaarde onder het WML)",
        praktijkroute,
        "doelgroep-participatiewet-en-praktijkroute",
        (
            law("wfsv", "38b", "lid 1 onder a"),
            document("praktijkroute-2017"),
            document("werkagenda-rijk-2021"),
        ),
        "Het college stelde een loonwaarde lager dan het WML vast; sinds 1 januari 2017 geeft dat toegang "
        "zonder UWV-beoordeling.",
        _praktijkroute_nee,
    ),
    Rule(
        "vso_pro_schoolverlater",
        "Grond: schoolverlater VSO of praktijkonderwijs",
        vso_pro_schoolverlater,
        "doelgroep-vso-pro-schoolverlaters",
        (law("besluit_wfsv", "2.24"), law("wfsv", "38b", "lid 1 onder d"), document("werkagenda-rijk-2021")),
        "De persoon behoorde tot de doelgroep van het VSO of praktijkonderwijs en heeft zich schriftelijk "
        "bij het UWV gemeld.",
        _vso_nee,
    ),
    Rule(
        "wiw_id_baan",
        "Grond: WIW- of ID-baan",
        wiw_id,
        "doelgroep-wiw-id-banen",
        (document("regeling-wfsv-2015"), law("pwet", "78d"), law("wfsv", "38f")),
        "Een werknemer in een dienstbetrekking volgens art. 78d Participatiewet is gelijkgesteld met een "
        "arbeidsbeperkte.",
        "De persoon werkt niet in een WIW- of ID-baan.",
    ),
    Rule(
        "jonggehandicapte_met_voorziening",
        "Grond: jonggehandicapte met voorziening",
        jonggehandicapte,
        "doelgroep-jonggehandicapten-met-voorziening",
        (law("wfsv", "38b", "lid 2"), document("ape-onderzoek-2018")),
        _jong_ja,
        _jong_nee,
    ),
    Rule(
        "overgangsgroep",
        "Grond: overgangsgroep (Wsw of Wajong tussen 2013 en 1 mei 2015)",
        overgangsgroep,
        "doelgroep-banenafspraak",
        (law("wfsv", "38b", "lid 1 onder f"),),
        "De persoon viel op of na 1 januari 2013 onder de Wsw of de Wajong en op 1 mei 2015 niet meer, en is "
        "geen Wajonger met duurzaam geen arbeidsvermogen.",
        _overgangsgroep_nee,
    ),
    Rule(
        "wia_experiment",
        "Grond: WIA-uitkering met Wajong-instrument in een experiment",
        wia_experiment,
        "doelgroep-banenafspraak",
        (law("wfsv", "38b", "lid 1 onder g (tekst vanaf 2026)"), document("kamerstuk-36449")),
        "Vanaf 1 januari 2026 hoort iemand met een WIA-uitkering bij wie in een experiment (art. 82a Wet "
        "SUWI) het Wajong-instrument is ingezet bij de doelgroep, en dat is bij deze persoon zo.",
        _wia_experiment_nee,
    ),
    Rule(
        "blijfgrond_registratie",
        "Grond: registratie in het doelgroepregister (blijfgrond)",
        registratie_loopt,
        "blijven-in-het-register",
        (law("wfsv", "38b", "lid 6"), law("besluit_suwi", "3.2")),
        _registratie_ja,
        _registratie_nee,
    ),
)

ENTRY_OF = {
    "wsw_indicatie": ("heeft_wsw_indicatie",),
    "wajong_met_arbeidsvermogen": ("heeft_wajong_recht", "wajong_regime"),
    "wajong_duurzaam_geen_arbeidsvermogen_met_dienstbetrekking": ("heeft_wajong_recht", "wajong_regime"),
    "participatiewet_uwv_beoordeling": ("pwet_uwv_vastgesteld_geen_wml",),
    "praktijkroute": ("praktijkroute_loonwaarde_pct",),
    "vso_pro_schoolverlater": ("vso_pro_schoolverlater",),
    "wiw_id_baan": ("wiw_id_baan",),
    "jonggehandicapte_met_voorziening": ("beperking_voor_18_of_tijdens_studie",),
    "overgangsgroep": ("overgangsgroep_wsw_of_wajong_2013_2015",),
    "wia_experiment": ("heeft_wia_uitkering", "wia_experiment_wajong_instrument"),
    "blijfgrond_registratie": ("opgenomen_in_doelgroepregister",),
}

UITSLUITING = Rule(
    "uitgesloten_beschut_werk",
    "Uitsluiting: alleen beschut werk",
    beschut_werk,
    "doelgroep-banenafspraak",
    (law("wfsv", "38b", "lid 1 aanhef"), law("pwet", "10b"), law("besluit_suwi", "3.2", "lid 3")),
    "Het college heeft vastgesteld dat de persoon uitsluitend in beschut werk kan werken; dan hoort hij "
    "niet bij de doelgroep, welke grond er ook is.",
    lambda facts, _: (
        "Het college heeft niet vastgesteld dat de persoon alleen in beschut werk kan werken."
        if facts.given("beschut_werk_vastgesteld")
        else "Niet opgegeven; aangenomen is dat het college niet heeft vastgesteld dat de persoon alleen "
        "in beschut werk kan werken."
    ),
)

in_doelgroep = ~beschut_werk & (
    wsw_indicatie
    | wajong_met_av
    | wajong_dgav_db
    | pwet_uwv
    | praktijkroute
    | vso_pro_schoolverlater
    | wiw_id
    | jonggehandicapte
    | overgangsgroep
    | wia_experiment
    | registratie_loopt
)

IN_DOELGROEP = Rule(
    "in_doelgroep",
    "Hoort bij de doelgroep",
    in_doelgroep,
    "doelgroep-banenafspraak",
    (WFSV_38B,),
    "Er is een grond en geen uitsluiting.",
    "Er is geen grond, of de uitsluiting geldt.",
)


def _wet_in_werking(peildatum):
    return parameter("stelsel.wet_bqa_in_werking", peildatum).value


def evaluate(facts: Facts, peildatum):
    """The answer for these facts: (antwoord, uitleg, ontbrekende_feiten)."""
    kader = facts.get("kader")
    new_system = kader == "wet_banenafspraak_2025"
    kader_uitleg, condition = kader_step(kader, peildatum)
    uitleg = [kader_uitleg]
    antwoord = {"voorwaarde": condition} if condition else {}
    on = max(peildatum, NEW_RULES_FROM) if new_system else peildatum
    if not new_system and not _wet_in_werking(peildatum):
        uitleg.append(
            step(
                "wet_in_werking",
                "Wet banenafspraak en quotum arbeidsbeperkten in werking",
                False,
                "Vóór 1 mei 2015 bestond de wettelijke doelgroep (Wfsv art. 38b) nog niet.",
                (document("kamerstuk-33981"),),
                "doelgroep-banenafspraak",
            )
        )
        return {"in_doelgroep": False, "grond": "geen", **antwoord}, uitleg, ()

    excluded = UITSLUITING.decide(facts, on)
    uitleg.append(UITSLUITING.explain(excluded, facts, on))
    if excluded.outcome:
        return {"in_doelgroep": False, "grond": "uitgesloten_beschut_werk", **antwoord}, uitleg, ()

    if not any(facts.given(name) for name in MENTIONS):
        uitleg.append(
            step(
                "gronden",
                "Gronden voor de doelgroep",
                None,
                "Er is nog niets opgegeven over de gronden waarop iemand bij de doelgroep hoort.",
                (WFSV_38B,),
                "doelgroep-banenafspraak",
            )
        )
        return {"in_doelgroep": None, "grond": None, **antwoord}, uitleg, ENTRY_FACTS

    gronden, unmentioned, undecided = [], [], []
    for rule in GRONDEN:
        mentioned = any(facts.given(name) for name in ENTRY_OF[rule.id])
        decision = rule.decide(facts, on) if mentioned else Decision(False)
        undecided.extend(decision.missing)
        if mentioned or decision.outcome is not False:
            uitleg.append(rule.explain(decision, facts, on))
        else:
            unmentioned.append(rule.regel.removeprefix("Grond: "))
        if decision.outcome:
            gronden.append(rule.id)
    if unmentioned:
        uitleg.append(
            step(
                "overige_gronden",
                "Overige gronden",
                False,
                "Niet opgegeven, dus aangenomen dat ze niet van toepassing zijn: "
                + ", ".join(unmentioned)
                + ".",
                (WFSV_38B,),
                "doelgroep-banenafspraak",
            )
        )
    if facts.get("heeft_wia_uitkering") and "wia_experiment" not in gronden:
        uitleg.append(
            step(
                "wia_geen_grond",
                "WIA-uitkering",
                False,
                "Een gewone WIA-uitkering is op zichzelf geen grond voor de doelgroep (de opsomming in art. "
                "38b Wfsv is limitatief); alleen vanaf 1 januari 2026 wel als in een experiment het "
                "Wajong-instrument is ingezet (lid 1 onder g).",
                (WFSV_38B,),
                "doelgroep-banenafspraak",
            )
        )

    overall = IN_DOELGROEP.decide(facts, on)
    antwoord["in_doelgroep"] = overall.outcome
    if overall.outcome is None:
        antwoord["grond"] = None
        return antwoord, uitleg, overall.missing
    grond = gronden[0] if gronden else (None if overall.outcome else "geen")
    antwoord["grond"] = grond
    if grond is None:  # in the doelgroep either way, but on which ground depends on what is missing
        return {**antwoord, "gronden": []}, uitleg, tuple(undecided)
    if overall.outcome:
        antwoord["gronden"] = gronden
        if grond == "jonggehandicapte_met_voorziening" and not new_system:
            antwoord["telt_voor"] = "quotumregeling"
        else:
            antwoord["telt_voor"] = "banenafspraak_en_quotumregeling"
    return antwoord, uitleg, ()
