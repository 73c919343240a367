"""Hoort deze persoon bij de doelgroep van de banenafspraak (is hij 'arbeidsbeperkte')?

Rust op: Wfsv art. 38b lid 1 onder a t/m g, lid 2 en lid 6 (BWBR0017745), met de wijzigingen per
1 januari 2026 (Wajong in dienstbetrekking; jonggehandicapte hoeft geen voorziening meer te
ontvangen; nieuwe grond onder g, het WIA-experiment); onder f de overgangsgroep; onder d de
aanwijzingen van het Besluit Wfsv: art. 2.24 (VSO/PRO-schoolverlaters) en art. 2.25 (entree-
opleiding, afgewezen Wajong-aanvraag, verlopen Wsw-indicatie); Regeling Wfsv art. 3.26, later 3.30,
en Wfsv art. 38f (WIW/ID-banen, art. 78d Participatiewet); Besluit SUWI art. 3.2 (registratie,
t+2-regel, beëindiging); Participatiewet art. 10b (uitsluiting beschut werk); de Praktijkroute;
art. 122n lid 1 (waarvoor de persoon meetelt). In het kader ``wet_banenafspraak_2025``: art. 2 Wet
banenafspraak (BWBR0051018), voorwaardelijk zolang de datum van inwerkingtreding onbekend is.

Een grond die niet is gevraagd, is niet afwezig: zolang er geen grond geldt en niet elke grond is
beantwoord, is het antwoord nog niet 'nee' en noemt het de ontbrekende feiten.
"""

import datetime
import functools
import operator

from rules import Predicate

from eligibility.nl import nl_date
from eligibility.parameters import PARAMETERS, fill_placeholders, parameter
from eligibility.sources import document, law
from eligibility.vocabulary import pick

from .predicates import (
    Decision,
    Facts,
    Field,
    Rule,
    dated_predicate,
    decide,
    entry_predicate,
    fact_predicate,
    kader_step,
    since_text,
    step,
)

TITEL = "Hoort deze persoon bij de doelgroep?"

FEITEN = pick(
    "kader",
    "beschut_werk_vastgesteld",
    "opgenomen_in_doelgroepregister",
    "voldoet_nog_aan_oorspronkelijke_grond",
    "jaar_niet_meer_voldaan",
    "registratie_beeindigd_op_verzoek",
    "aow_leeftijd_bereikt",
    "heeft_wsw_indicatie",
    "wsw_indicatie_verlopen",
    "heeft_wajong_recht",
    "wajong_regime",
    "wajong_duurzaam_geen_arbeidsvermogen",
    "werkt_in_dienstbetrekking",
    "overgangsgroep_wsw_of_wajong_2013_2015",
    "pwet_uwv_vastgesteld_geen_wml",
    "entreeopleiding_uwv_geen_wml",
    "wajong_afgewezen_uwv_geen_wml",
    "praktijkroute_loonwaarde_vastgesteld",
    "praktijkroute_loonwaarde_pct",
    "vso_pro_schoolverlater",
    "aangemeld_bij_uwv",
    "wiw_id_baan",
    "beperking_voor_18_of_tijdens_studie",
    "wml_alleen_met_voorziening",
    "ontvangt_voorziening",
    "heeft_wia_uitkering",
    "wia_experiment_wajong_instrument",
)

NEW_SYSTEM_FROM = "doelgroep.wajong_duurzaam_met_dienstbetrekking"  # the 38b text of the Wet banenafspraak
TELT_VOOR = "doelgroep.telt_voor_jonggehandicapte"

# --- atomic predicates ---------------------------------------------------------------------

beschut_werk = fact_predicate("beschut_werk", "beschut_werk_vastgesteld", default=False)  # "tenzij"
wsw_indicatie = entry_predicate("wsw_indicatie", "heeft_wsw_indicatie")
wsw_verlopen = entry_predicate("wsw_verlopen", "wsw_indicatie_verlopen")
pwet_uwv = entry_predicate("pwet_uwv", "pwet_uwv_vastgesteld_geen_wml")
entree = entry_predicate("entree", "entreeopleiding_uwv_geen_wml")
wajong_afgewezen = entry_predicate("wajong_afgewezen", "wajong_afgewezen_uwv_geen_wml")
wiw_id = entry_predicate("wiw_id", "wiw_id_baan") & dated_predicate(
    "wiw_id_regel", "doelgroep.wiw_id_gelijkgesteld"
)


def _heeft_wajong(facts, peildatum):
    value = facts.values.get("heeft_wajong_recht")
    if value is None:
        return True if facts.given("wajong_regime") else facts.require("heeft_wajong", "heeft_wajong_recht")
    return value


heeft_wajong = Predicate(_heeft_wajong, name="heeft_wajong")
genoemde_wajong = Predicate(
    lambda facts, peildatum: facts.get("heeft_wajong_recht", facts.given("wajong_regime")),
    name="genoemde_wajong",
)


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

praktijkroute_open = dated_predicate("praktijkroute_open", "doelgroep.praktijkroute_open")


def _loonwaarde_vastgesteld(facts, peildatum):
    value = facts.values.get("praktijkroute_loonwaarde_vastgesteld")
    if value is None:
        if facts.given("praktijkroute_loonwaarde_pct"):
            return True
        return facts.require("loonwaarde_vastgesteld", "praktijkroute_loonwaarde_vastgesteld")
    return value


loonwaarde_vastgesteld = Predicate(_loonwaarde_vastgesteld, name="loonwaarde_vastgesteld")
loonwaarde_onder_wml = fact_predicate(
    "loonwaarde_onder_wml", "praktijkroute_loonwaarde_pct", lambda pct: pct < 100
)

vso_pro = entry_predicate("vso_pro", "vso_pro_schoolverlater", lambda v: v in ("vso", "pro"))
aangemeld_uwv = fact_predicate("aangemeld_uwv", "aangemeld_bij_uwv")
vso_zonder_av = fact_predicate("vso_zonder_av", "wajong_duurzaam_geen_arbeidsvermogen", default=False)

jong_beperkt = entry_predicate("jong_beperkt", "beperking_voor_18_of_tijdens_studie")
wml_met_voorziening = fact_predicate("wml_met_voorziening", "wml_alleen_met_voorziening")
ontvangt_voorziening = fact_predicate("ontvangt_voorziening", "ontvangt_voorziening")
voorziening_vereist = dated_predicate("voorziening_vereist", "doelgroep.voorziening_ontvangen_vereist")

overgangsgroep_fact = entry_predicate("overgangsgroep", "overgangsgroep_wsw_of_wajong_2013_2015")

wia_experiment_regel = dated_predicate("wia_experiment_regel", "doelgroep.wia_experiment_grond")


def _heeft_wia(facts, peildatum):
    value = facts.values.get("heeft_wia_uitkering")
    if value is None:
        return facts.require("heeft_wia", "heeft_wia_uitkering")
    return value


heeft_wia = Predicate(_heeft_wia, name="heeft_wia")
wajong_instrument = fact_predicate("wajong_instrument", "wia_experiment_wajong_instrument")

opgenomen = entry_predicate("opgenomen", "opgenomen_in_doelgroepregister")
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
# A dated predicate comes first in a ground, so that a ground which does not exist on the
# peildatum asks for nothing.

wajong_met_av = heeft_wajong & ~duurzaam_geen_av
wajong_dgav_db = heeft_wajong & duurzaam_geen_av & wajong_dgav_regel & in_dienstbetrekking
praktijkroute = praktijkroute_open & loonwaarde_vastgesteld & loonwaarde_onder_wml
vso_pro_schoolverlater = vso_pro & aangemeld_uwv & ~vso_zonder_av
jonggehandicapte = jong_beperkt & wml_met_voorziening & (~voorziening_vereist | ontvangt_voorziening)
# The exception of onder f ("de persoon, bedoeld in onderdeel c, die duurzaam geen mogelijkheden
# tot arbeidsparticipatie meer heeft") is a "tenzij": asked about when a Wajong is mentioned, taken
# not to apply otherwise, and applied whenever the UWV's finding of duurzaam geen arbeidsvermogen
# is given, also without a current Wajong right: that finding (Wajong 1a:1) is made for a Wajonger,
# and a former Wajonger is exactly who onder f is about (MinBZK scenario "Tegen-uitsluiting van
# onderdeel f", tests/eligibility/cases/minbzk_wet_financiering_sociale_verzekeringen.yaml).
dgav_opgegeven = Predicate(
    lambda facts, peildatum: facts.given("wajong_duurzaam_geen_arbeidsvermogen"), name="dgav_opgegeven"
)
overgangsgroep = overgangsgroep_fact & ~((genoemde_wajong | dgav_opgegeven) & duurzaam_geen_av)
wia_experiment = wia_experiment_regel & heeft_wia & wajong_instrument
registratie_loopt = (
    opgenomen
    & ~aow_bereikt
    & ~(op_verzoek & verzoek_kan_ingaan)
    & (~t_plus_2 | voldoet_nog | binnen_t_plus_2)
)

# --- explanations --------------------------------------------------------------------------


def _wajong_nee(facts, peildatum):
    if not facts.get("heeft_wajong_recht", facts.given("wajong_regime")):
        return "De persoon heeft geen recht op Wajong."
    return "De persoon heeft duurzaam geen arbeidsvermogen; dat valt niet onder deze grond."


def _wajong_dgav_ja(facts, peildatum):
    return (
        f"Vanaf {since_text(NEW_SYSTEM_FROM)} hoort een Wajonger zonder arbeidsvermogen bij de doelgroep als "
        "hij in dienstbetrekking werkt, en dat doet deze persoon."
    )


def _wajong_dgav_nee(facts, peildatum):
    if not facts.get("heeft_wajong_recht", facts.given("wajong_regime")):
        return "De persoon heeft geen recht op Wajong."
    if not parameter(NEW_SYSTEM_FROM, peildatum).value:
        return (
            f"Vóór {since_text(NEW_SYSTEM_FROM)} hoort een Wajonger met duurzaam geen mogelijkheden tot "
            "arbeidsparticipatie niet bij de doelgroep, ook niet als hij in dienstbetrekking werkt."
        )
    if facts.get("wajong_duurzaam_geen_arbeidsvermogen") is False:
        return "De persoon heeft arbeidsvermogen; deze grond is alleen voor wie dat duurzaam niet heeft."
    return "De persoon werkt niet in een dienstbetrekking."


def _praktijkroute_ja(facts, peildatum):
    return (
        "Het college stelde een loonwaarde lager dan het WML vast; vanaf "
        f"{since_text('doelgroep.praktijkroute_open')} geeft dat toegang zonder UWV-beoordeling."
    )


def _praktijkroute_nee(facts, peildatum):
    if not parameter("doelgroep.praktijkroute_open", peildatum).value:
        return (
            f"De Praktijkroute is pas op {since_text('doelgroep.praktijkroute_open')} opengesteld; op de "
            "peildatum gaf een loonwaarde die het college vaststelde nog geen toegang tot de doelgroep."
        )
    if facts.get("praktijkroute_loonwaarde_vastgesteld") is False:
        return "Het college heeft geen loonwaarde vastgesteld."
    return "Een loonwaarde van 100 % of meer is niet lager dan het wettelijk minimumloon."


def _vso_nee(facts, peildatum):
    if facts.get("vso_pro_schoolverlater") in (None, "geen"):
        return "De persoon behoorde niet tot de doelgroep van het VSO of het praktijkonderwijs."
    if facts.get("wajong_duurzaam_geen_arbeidsvermogen"):
        return "Wie duurzaam geen arbeidsvermogen heeft, valt niet onder de grond voor schoolverlaters."
    return "De schoolverlater heeft zich niet schriftelijk bij het UWV gemeld."


VOORZIENING_VERVALLEN = ("doelgroep.voorziening_ontvangen_vereist", lambda value: value is False)


def _jong_ja(facts, peildatum):
    if parameter("doelgroep.voorziening_ontvangen_vereist", peildatum).value:
        return (
            "Het UWV stelde een beperking vast van vóór het 18e jaar of tijdens de studie, de persoon kan "
            "zonder voorziening het WML niet verdienen en ontvangt die voorziening."
        )
    return (
        "Het UWV stelde een beperking vast van vóór het 18e jaar of tijdens de studie en zonder voorziening "
        f"kan de persoon het WML niet verdienen; vanaf {since_text(*VOORZIENING_VERVALLEN)} hoeft hij de "
        "voorziening niet te ontvangen."
    )


def _jong_nee(facts, peildatum):
    if not facts.get("beperking_voor_18_of_tijdens_studie"):
        return "Er is geen beperking vastgesteld die vóór het 18e jaar of tijdens de studie is ontstaan."
    if facts.get("wml_alleen_met_voorziening") is False:
        return "De persoon kan het WML ook zonder voorziening verdienen."
    return (
        f"Tot {since_text(*VOORZIENING_VERVALLEN)} eist de wet dat de persoon een voorziening ontvangt; dat "
        "is hier niet zo."
    )


# the dates of the overgangsgroep (38b lid 1 onder f), written once: in the parameters (a rule's title
# and label are not dated, so they take the latest values)
NOW = datetime.date.max
OVERGANG = "Wsw of Wajong op of na [[parameter:doelgroep.overgangsgroep_vanaf]], op [[parameter:doelgroep.overgangsgroep_niet_meer_op]] niet meer"


def _overgangsgroep_ja(facts, peildatum):
    return fill_placeholders(
        "De persoon viel op of na [[parameter:doelgroep.overgangsgroep_vanaf]] onder de Wsw of de Wajong en op "
        "[[parameter:doelgroep.overgangsgroep_niet_meer_op]] niet meer, en is geen Wajonger met duurzaam geen "
        "arbeidsvermogen.",
        peildatum,
    )


def _overgangsgroep_nee(facts, peildatum):
    if not facts.get("overgangsgroep_wsw_of_wajong_2013_2015"):
        return fill_placeholders(
            "De persoon viel niet op of na [[parameter:doelgroep.overgangsgroep_vanaf]] onder de Wsw of de Wajong "
            "en op [[parameter:doelgroep.overgangsgroep_niet_meer_op]] niet meer.",
            peildatum,
        )
    return (
        "De persoon hoort wel tot de overgangsgroep, maar viel onder de Wajong en heeft nu duurzaam geen "
        "arbeidsvermogen; die (voormalige) Wajonger is van deze grond uitgezonderd, ook zonder Wajong-recht."
    )


def _wia_experiment_ja(facts, peildatum):
    return (
        f"Vanaf {since_text('doelgroep.wia_experiment_grond')} hoort iemand met een WIA-uitkering bij wie in "
        "een experiment (art. 82a Wet SUWI) het Wajong-instrument is ingezet bij de doelgroep, en dat is bij "
        "deze persoon zo."
    )


def _wia_experiment_nee(facts, peildatum):
    if not parameter("doelgroep.wia_experiment_grond", peildatum).value:
        return (
            f"Deze grond bestaat pas vanaf {since_text('doelgroep.wia_experiment_grond')} (Wfsv art. 38b lid 1 "
            "onder g, Kamerstuk 36 449 nr. 7); op de peildatum hoort iemand met een WIA-uitkering er op deze "
            "grond niet bij, ook niet als in een experiment het Wajong-instrument is ingezet."
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


def _wiw_sources(peildatum):
    return (*parameter("doelgroep.wiw_id_gelijkgesteld", peildatum).reference, law("pwet", "78d"))


WFSV_38B = law("wfsv", "38b")
AMVB = ("amvb_gronden_begin",)

GRONDEN = (
    Rule(
        "wsw_indicatie",
        "Grond: Wsw-indicatie",
        wsw_indicatie,
        "doelgroep-wsw",
        (law("wfsv", "38b", "lid 1 onder b"), document("werkagenda-rijk-2021")),
        "De persoon heeft een Wsw-indicatie.",
        "De persoon heeft geen Wsw-indicatie.",
        label="een Wsw-indicatie",
        entry=("heeft_wsw_indicatie",),
    ),
    Rule(
        "wajong_met_arbeidsvermogen",
        "Grond: Wajong met arbeidsvermogen",
        wajong_met_av,
        "doelgroep-wajong",
        (law("wfsv", "38b", "lid 1 onder c"), document("werkagenda-rijk-2021")),
        "De persoon heeft recht op Wajong en niet duurzaam geen arbeidsvermogen.",
        _wajong_nee,
        label="een Wajong-recht met arbeidsvermogen",
        entry=("heeft_wajong_recht", "wajong_regime"),
    ),
    Rule(
        "wajong_duurzaam_geen_arbeidsvermogen_met_dienstbetrekking",
        "Grond: Wajong zonder arbeidsvermogen, met dienstbetrekking",
        wajong_dgav_db,
        "doelgroep-wajong",
        (law("wfsv", "38b", "lid 1 onder c, slotzin"), document("kamerstuk-36449")),
        _wajong_dgav_ja,
        _wajong_dgav_nee,
        label="een Wajong-recht zonder arbeidsvermogen, met een dienstbetrekking",
        entry=("heeft_wajong_recht", "wajong_regime"),
    ),
    Rule(
        "participatiewet_uwv_beoordeling",
        "Grond: Participatiewet met UWV-beoordeling",
        pwet_uwv,
        "doelgroep-participatiewet-en-praktijkroute",
        (
            law("wfsv", "38b", "lid 1 onder a en e"),
            law("besluit_wfsv", "2.25", "lid 1 onder d"),
            document("werkagenda-rijk-2021"),
        ),
        "Het UWV heeft vastgesteld dat de persoon het wettelijk minimumloon niet zelfstandig kan verdienen.",
        "Er is geen UWV-vaststelling dat de persoon het WML niet zelfstandig kan verdienen.",
        label="de beoordeling door het UWV onder de Participatiewet",
        entry=("pwet_uwv_vastgesteld_geen_wml",),
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
        _praktijkroute_ja,
        _praktijkroute_nee,
        label="de Praktijkroute (een loonwaarde onder het minimumloon)",
        entry=("praktijkroute_loonwaarde_vastgesteld", "praktijkroute_loonwaarde_pct"),
        onzekerheden=("praktijkroute_begin",),
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
        label="schoolverlater van het voortgezet speciaal onderwijs of praktijkonderwijs",
        entry=("vso_pro_schoolverlater",),
        onzekerheden=AMVB,
    ),
    Rule(
        "entreeopleiding_geen_wml",
        "Grond: entreeopleiding, UWV: geen minimumloon",
        entree,
        "doelgroep-banenafspraak",
        (law("besluit_wfsv", "2.25", "lid 1 onder a"), law("wfsv", "38b", "lid 1 onder d")),
        "De persoon hoorde bij het einde van zijn opleiding tot de doelgroep van de entreeopleiding en het "
        "UWV stelde op zijn verzoek vast dat hij het wettelijk minimumloon niet kan verdienen.",
        "De persoon valt niet onder de grond voor de entreeopleiding.",
        label="de entreeopleiding met een UWV-vaststelling dat hij het minimumloon niet kan verdienen",
        entry=("entreeopleiding_uwv_geen_wml",),
        onzekerheden=AMVB,
    ),
    Rule(
        "wajong_afgewezen_geen_wml",
        "Grond: afgewezen Wajong-aanvraag, UWV: geen minimumloon",
        wajong_afgewezen,
        "doelgroep-wajong",
        (law("besluit_wfsv", "2.25", "lid 1 onder c"), law("wfsv", "38b", "lid 1 onder d")),
        "Het UWV wees een Wajong-aanvraag af omdat de persoon geen jonggehandicapte is, en stelde vast dat "
        "hij het wettelijk minimumloon niet kan verdienen.",
        "De persoon valt niet onder de grond voor een afgewezen Wajong-aanvraag.",
        label="een afgewezen Wajong-aanvraag met een UWV-vaststelling dat hij het minimumloon niet kan verdienen",
        entry=("wajong_afgewezen_uwv_geen_wml",),
        onzekerheden=AMVB,
    ),
    Rule(
        "wsw_indicatie_verlopen",
        "Grond: verlopen Wsw-indicatie",
        wsw_verlopen,
        "doelgroep-wsw",
        (law("besluit_wfsv", "2.25", "lid 1 onder b"), law("wfsv", "38b", "lid 1 onder d")),
        "De persoon had op 31 december 2014 een geldende Wsw-indicatie die daarna is verlopen.",
        "De persoon had geen Wsw-indicatie die na 31 december 2014 is verlopen.",
        label="een Wsw-indicatie die na 31 december 2014 is verlopen",
        entry=("wsw_indicatie_verlopen",),
        onzekerheden=AMVB,
    ),
    Rule(
        "wiw_id_baan",
        "Grond: WIW- of ID-baan",
        wiw_id,
        "doelgroep-wiw-id-banen",
        _wiw_sources,
        "Een werknemer in een dienstbetrekking volgens art. 78d Participatiewet is gelijkgesteld met een "
        "arbeidsbeperkte.",
        "De persoon werkt niet in een WIW- of ID-baan.",
        label="een voormalige WIW- of ID-baan",
        entry=("wiw_id_baan",),
    ),
    Rule(
        "jonggehandicapte_met_voorziening",
        "Grond: jonggehandicapte met voorziening",
        jonggehandicapte,
        "doelgroep-jonggehandicapten-met-voorziening",
        (law("wfsv", "38b", "lid 2"), law("besluit_wfsv", "2.26"), document("ape-onderzoek-2018")),
        _jong_ja,
        _jong_nee,
        label="jonggehandicapte met een voorziening",
        entry=("beperking_voor_18_of_tijdens_studie",),
    ),
    Rule(
        "overgangsgroep",
        "Grond: overgangsgroep (" + fill_placeholders(OVERGANG, NOW) + ")",
        overgangsgroep,
        "doelgroep-banenafspraak",
        (law("wfsv", "38b", "lid 1 onder f"),),
        _overgangsgroep_ja,
        _overgangsgroep_nee,
        label="de overgangsgroep (" + fill_placeholders(OVERGANG, NOW) + ")",
        entry=("overgangsgroep_wsw_of_wajong_2013_2015",),
    ),
    Rule(
        "wia_experiment",
        "Grond: WIA-uitkering met Wajong-instrument in een experiment",
        wia_experiment,
        "doelgroep-banenafspraak",
        (law("wfsv", "38b", "lid 1 onder g"), document("kamerstuk-36449")),
        _wia_experiment_ja,
        _wia_experiment_nee,
        label="een WIA-uitkering met het Wajong-instrument in een experiment",
        entry=("heeft_wia_uitkering", "wia_experiment_wajong_instrument"),
    ),
    Rule(
        "blijfgrond_registratie",
        "Grond: registratie in het doelgroepregister (blijfgrond)",
        registratie_loopt,
        "blijven-in-het-register",
        (law("wfsv", "38b", "lid 6"), law("besluit_suwi", "3.2")),
        _registratie_ja,
        _registratie_nee,
        label="de registratie in het doelgroepregister",
        entry=("opgenomen_in_doelgroepregister",),
    ),
)
GROUND_LID_2 = "jonggehandicapte_met_voorziening"

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
    label="uitgesloten: alleen beschut werk",
)

# In the doelgroep: not excluded, and at least one ground (django-rules composition of the grounds).
in_doelgroep = ~UITSLUITING.predicate & functools.reduce(operator.or_, (rule.predicate for rule in GRONDEN))

IN_DOELGROEP = Rule(
    "in_doelgroep",
    "Hoort bij de doelgroep",
    in_doelgroep,
    "doelgroep-banenafspraak",
    (WFSV_38B,),
    "Er is een grond en geen uitsluiting.",
    "Er is geen grond, of de uitsluiting geldt.",
)

LABELS = {
    **{rule.id: rule.label for rule in GRONDEN},
    UITSLUITING.id: UITSLUITING.label,
    "geen": "geen grond",
}
GRONDEN_WAARDEN = tuple(rule.id for rule in GRONDEN)
TELT_VOOR_LABELS = {
    "banenafspraak_en_quotumregeling": "de banenafspraak en de quotumregeling",
    "quotumregeling": "alleen de quotumregeling",
}
ANTWOORD = {
    "in_doelgroep": Field(
        {"type": ["boolean", "null"]},
        "Hoort de persoon bij de doelgroep? null: nog niet te beslissen.",
        "Hoort bij de doelgroep",
    ),
    "grond": Field(
        {"type": ["string", "null"], "enum": [*GRONDEN_WAARDEN, UITSLUITING.id, "geen", None]},
        "De grond waarop de persoon bij de doelgroep hoort, of waarom niet.",
        "Grond",
    ),
    "gronden": Field(
        {"type": "array", "items": {"type": "string", "enum": list(GRONDEN_WAARDEN)}},
        "Alle gronden die van toepassing zijn.",
        "Alle gronden die gelden",
    ),
    "per_grond": Field(
        {
            "type": "object",
            "properties": {name: {"type": ["boolean", "null"]} for name in GRONDEN_WAARDEN},
        },
        "Elke grond afzonderlijk: true (geldt), false (geldt niet) of null (nog niet te beoordelen).",
        "Per grond",
    ),
    "telt_voor": Field(
        {"type": "string", "enum": list(TELT_VOOR_LABELS)},
        "Waarvoor de persoon meetelt. Een jonggehandicapte met voorziening (alleen lid 2) telde tot de tekst "
        f"van art. 122n Wfsv van {since_text(TELT_VOOR, lambda v: v != 'quotumregeling')} alleen voor de "
        "quotumregeling, daarna voor beide.",
        "Telt mee voor",
    ),
    "voorwaarde": Field(
        {"type": "string"},
        "Alleen in het kader wet_banenafspraak_2025: de voorwaarde waaronder het antwoord geldt.",
        "Voorwaarde",
    ),
}


def _telt_voor(gronden, peildatum, new_system):
    if new_system or any(grond != GROUND_LID_2 for grond in gronden):
        return "banenafspraak_en_quotumregeling"
    return parameter(TELT_VOOR, peildatum).value or "quotumregeling"


def _telt_voor_step(gronden, peildatum, telt_voor):
    if gronden != [GROUND_LID_2]:
        return None
    value = parameter(TELT_VOOR, peildatum)
    if telt_voor == "quotumregeling":
        text = (
            "De landelijke meting van de banen telde op de peildatum alleen de arbeidsbeperkten van art. 38b "
            "lid 1 Wfsv; een jonggehandicapte met voorziening (lid 2) telt dan alleen voor het quotum van de "
            f"werkgever. Vanaf {since_text(TELT_VOOR, lambda v: v != 'quotumregeling')} telt hij ook voor de "
            "banenafspraak."
        )
    else:
        text = (
            f"Vanaf {nl_date(value.since)} telt de landelijke meting ook de arbeidsbeperkten van art. 38b lid 2 en "
            "lid 6 Wfsv: een jonggehandicapte met voorziening telt voor de banenafspraak en de quotumregeling. "
            "Het APE-onderzoek (2018) volgde de tekst van daarvoor."
        )
    return step(
        "telt_voor",
        "Telt mee voor",
        telt_voor,
        text,
        (*value.reference, law("wfsv", "122n", "lid 1")),
        "doelgroep-jonggehandicapten-met-voorziening",
        ("jonggehandicapte",),
    )


LID_6 = "blijfgrond_registratie"


def _decide_grounds(facts, on):
    """Each ground's decision. Lid 6 (and the registration rule before it) keeps in the doelgroep
    whoever "niet langer aan de voorwaarden op grond van het eerste dan wel het tweede lid voldoet":
    while a ground of lid 1 or 2 holds, the registration is not the ground (Wfsv 38b lid 6)."""
    decisions = [(rule, rule.decide(facts, on, full=False)) for rule in GRONDEN]
    if any(decision.outcome for rule, decision in decisions if rule.id != LID_6):
        return [(rule, Decision(False) if rule.id == LID_6 else decision) for rule, decision in decisions]
    return decisions


def _lid_6_not_needed(rule, facts, on, gronden):
    labels = ", ".join(LABELS[grond] for grond in gronden)
    return step(
        rule.id,
        rule.regel,
        False,
        f"De persoon voldoet nog aan een grond van lid 1 of 2 ({labels}). Blijven in het register (art. 38b "
        "lid 6) is pas de grond voor wie daar niet langer aan voldoet; of de registratie nog loopt, doet "
        "dan niet ter zake.",
        rule.sources(on),
        rule.artikel,
        rule.onzekerheden,
    )


def _overall(decisions, facts, on):
    """in_doelgroep from the grounds' own decisions, the exclusion having been decided 'no'.

    A ground that holds decides it; when none can hold it is 'no'. Otherwise the composition of
    the undecided grounds is decided, since grounds that share a fact (the Wajong ones) can
    together be certain while each alone is not.
    """
    if any(decision.outcome for _, decision in decisions):
        return Decision(True)
    open_rules = [rule for rule, decision in decisions if decision.outcome is None]
    if not open_rules:
        return Decision(False)
    return decide(functools.reduce(operator.or_, (rule.predicate for rule in open_rules)), facts, on)


def _open_grounds(decisions):
    return [rule.regel.removeprefix("Grond: ") for rule, decision in decisions if decision.outcome is None]


def evaluate(facts: Facts, peildatum):
    """The answer for these facts: (antwoord, uitleg, ontbrekende_feiten)."""
    kader = facts.get("kader")
    new_system = kader == "wet_banenafspraak_2025"
    kader_uitleg, condition = kader_step(kader, peildatum)
    uitleg = [kader_uitleg]
    antwoord = {"voorwaarde": condition} if condition else {}
    # the new kader answers by the text of 38b as the Wet banenafspraak changed it
    on = max(peildatum, PARAMETERS[NEW_SYSTEM_FROM].first()) if new_system else peildatum
    if not new_system and not parameter("stelsel.wet_bqa_in_werking", peildatum).value:
        uitleg.append(
            step(
                "wet_in_werking",
                "Wet banenafspraak en quotum arbeidsbeperkten in werking",
                False,
                f"Vóór {since_text('stelsel.wet_bqa_in_werking')} bestond de wettelijke doelgroep (Wfsv art. "
                "38b) nog niet.",
                (document("kamerstuk-33981"),),
                "doelgroep-banenafspraak",
            )
        )
        return {"in_doelgroep": False, "grond": "geen", **antwoord}, uitleg, ()

    excluded = UITSLUITING.decide(facts, on)
    uitleg.append(UITSLUITING.explain(excluded, facts, on))
    if excluded.outcome:
        return {"in_doelgroep": False, "grond": UITSLUITING.id, **antwoord}, uitleg, ()

    # each ground's outcome; what is missing comes from the composition below, when it matters
    decisions = _decide_grounds(facts, on)
    gronden = [rule.id for rule, decision in decisions if decision.outcome]
    for rule, decision in decisions:  # the grounds asked about, and any that holds
        if rule.id == LID_6 and gronden and facts.get("opgenomen_in_doelgroepregister"):
            uitleg.append(_lid_6_not_needed(rule, facts, on, gronden))
        elif decision.outcome or any(facts.given(name) for name in rule.entry):
            uitleg.append(rule.explain(decision, facts, on))
    if facts.get("heeft_wia_uitkering") and "wia_experiment" not in gronden:
        uitleg.append(
            step(
                "wia_geen_grond",
                "WIA-uitkering",
                False,
                "Een gewone WIA-uitkering is op zichzelf geen grond voor de doelgroep (de opsomming in art. "
                f"38b Wfsv is limitatief); alleen vanaf {since_text('doelgroep.wia_experiment_grond')} wel als "
                "in een experiment het Wajong-instrument is ingezet (lid 1 onder g).",
                (WFSV_38B,),
                "doelgroep-banenafspraak",
            )
        )
    antwoord["per_grond"] = {rule.id: decision.outcome for rule, decision in decisions}

    overall = _overall(decisions, facts, on)
    antwoord["in_doelgroep"] = overall.outcome
    if overall.outcome is None:
        antwoord["grond"] = None
        open_grounds = _open_grounds(decisions)
        if open_grounds and not gronden:
            uitleg.append(
                step(
                    "nog_te_beantwoorden",
                    "Gronden die nog niet zijn beantwoord",
                    None,
                    "Een grond die niet is gevraagd, is niet afwezig. Zolang er geen grond geldt, is pas 'nee' "
                    "te zeggen als elke grond is beantwoord. Nog open: " + "; ".join(open_grounds) + ".",
                    (WFSV_38B, law("besluit_wfsv", "2.25")),
                    "doelgroep-banenafspraak",
                )
            )
        return antwoord, uitleg, overall.missing
    if not overall.outcome:
        antwoord["grond"] = "geen"
        return antwoord, uitleg, ()
    if not gronden:  # in the doelgroep either way, but on which ground depends on what is missing
        open_rules = [rule for rule, decision in decisions if decision.outcome is None]
        undecided = [name for rule in open_rules for name in rule.decide(facts, on).missing]
        antwoord.update(grond=None, gronden=[])
        return antwoord, uitleg, tuple(undecided)
    antwoord["grond"] = gronden[0]
    antwoord["gronden"] = gronden
    antwoord["telt_voor"] = _telt_voor(gronden, on, new_system)
    extra = _telt_voor_step(gronden, on, antwoord["telt_voor"]) if not new_system else None
    if extra:
        uitleg.append(extra)
    return antwoord, uitleg, ()
