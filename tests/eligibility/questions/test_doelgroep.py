"""eligibility/questions/doelgroep.py: grounds, exclusion, blijfgrond, the 2017 and 2026 changes."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.engine import evaluate
from eligibility.questions import doelgroep
from eligibility.sources import KENNISARTIKELEN

CONTRACT_GRONDEN = {
    "wsw_indicatie",
    "wajong_met_arbeidsvermogen",
    "wajong_duurzaam_geen_arbeidsvermogen_met_dienstbetrekking",
    "participatiewet_uwv_beoordeling",
    "praktijkroute",
    "vso_pro_schoolverlater",
    "wiw_id_baan",
    "jonggehandicapte_met_voorziening",
    "blijfgrond_registratie",
    "uitgesloten_beschut_werk",
    "geen",
}
# Documented extension of the contract's grond values: the two grounds of Wfsv art. 38b lid 1 that
# the contract did not list (fact sheet §1.2): onder f, the overgangsgroep (from 2015-05-01), and
# onder g, the WIA-experiment (in the text from 2026-01-01; Kamerstuk 36 449 nr. 7).
EXTENSION_GRONDEN = {"overgangsgroep", "wia_experiment"}
# and the designations of Besluit Wfsv art. 2.25 lid 1 onder a, b and c under 38b lid 1 onder d
# (issue 9 item 7): entreeopleiding, a refused Wajong claim, an expired Wsw-indicatie.
EXTENSION_GRONDEN |= {"entreeopleiding_geen_wml", "wajong_afgewezen_geen_wml", "wsw_indicatie_verlopen"}
GEEN_GROND = {
    "opgenomen_in_doelgroepregister": False,
    "heeft_wsw_indicatie": False,
    "wsw_indicatie_verlopen": False,
    "heeft_wajong_recht": False,
    "overgangsgroep_wsw_of_wajong_2013_2015": False,
    "pwet_uwv_vastgesteld_geen_wml": False,
    "entreeopleiding_uwv_geen_wml": False,
    "wajong_afgewezen_uwv_geen_wml": False,
    "praktijkroute_loonwaarde_vastgesteld": False,
    "vso_pro_schoolverlater": "geen",
    "wiw_id_baan": False,
    "beperking_voor_18_of_tijdens_studie": False,
    "heeft_wia_uitkering": False,
}


def test_the_grounds_are_those_of_the_contract():
    expected = CONTRACT_GRONDEN | EXTENSION_GRONDEN
    assert {rule.id for rule in doelgroep.GRONDEN} | {"uitgesloten_beschut_werk", "geen"} == expected
    assert set(doelgroep.ANTWOORD["grond"].schema["enum"]) - {None} == expected


def test_the_extension_keeps_every_contract_value():
    assert CONTRACT_GRONDEN.issubset(doelgroep.ANTWOORD["grond"].schema["enum"])
    assert not EXTENSION_GRONDEN & CONTRACT_GRONDEN


def test_the_wia_experiment_ground_does_not_exist_before_2026():
    facts = {"heeft_wia_uitkering": True, "wia_experiment_wajong_instrument": True}
    before = evaluate("doelgroep", facts, "2025-12-31")
    step = next(s for s in before["uitleg"] if s["regel_id"] == "wia_experiment")
    assert step["uitkomst"] == "nee"
    assert "1 januari 2026" in step["toelichting"]
    assert step["kennisartikel"]["slug"] == "doelgroep-banenafspraak"
    after = evaluate("doelgroep", facts, "2026-01-01")
    assert after["antwoord"]["grond"] == "wia_experiment"
    assert not any(s["regel_id"] == "wia_geen_grond" for s in after["uitleg"])


def test_the_new_grounds_cite_wfsv_38b_lid_1_f_and_g():
    by_id = {rule.id: rule for rule in doelgroep.GRONDEN}
    assert "lid 1 onder f" in by_id["overgangsgroep"].bronnen[0]["titel"]
    assert "lid 1 onder g" in by_id["wia_experiment"].bronnen[0]["titel"]
    assert all(
        by_id[name].artikel == "doelgroep-banenafspraak" for name in ("overgangsgroep", "wia_experiment")
    )


def test_the_grounds_of_besluit_wfsv_2_25_cite_it():
    by_id = {rule.id: rule for rule in doelgroep.GRONDEN}
    for name, onder in (
        ("entreeopleiding_geen_wml", "a"),
        ("wsw_indicatie_verlopen", "b"),
        ("wajong_afgewezen_geen_wml", "c"),
    ):
        assert by_id[name].bronnen[0]["titel"] == f"Besluit Wfsv, artikel 2.25, lid 1 onder {onder}"


def test_in_doelgroep_and_the_label_table_are_derived_from_the_grounds():
    assert set(doelgroep.LABELS) == {rule.id for rule in doelgroep.GRONDEN} | {
        "uitgesloten_beschut_werk",
        "geen",
    }
    assert all(doelgroep.LABELS[rule.id] == rule.label and rule.label for rule in doelgroep.GRONDEN)
    assert all(rule.entry for rule in doelgroep.GRONDEN)
    names = {fact.name for fact in doelgroep.FEITEN}
    assert all(set(rule.entry) <= names for rule in doelgroep.GRONDEN)


def test_every_ground_names_its_kennisartikel_and_sources():
    for rule in (*doelgroep.GRONDEN, doelgroep.UITSLUITING):
        assert rule.artikel in KENNISARTIKELEN
        for day in (datetime.date(2015, 6, 1), datetime.date(2024, 6, 1)):
            sources = rule.sources(day)
            assert sources and all(source["titel"] for source in sources)


def test_the_wiw_id_ground_cites_the_regeling_wfsv_by_its_number_on_the_peildatum():
    def titles(day):
        answer = evaluate("doelgroep", {"wiw_id_baan": True}, day)
        return [b["titel"] for s in answer["uitleg"] if s["regel_id"] == "wiw_id_baan" for b in s["bronnen"]]

    assert any("art. 3.26" in t for t in titles("2015-12-31"))
    assert any("art. 3.30" in t for t in titles("2016-01-01"))


def test_the_explanation_says_why_the_praktijkroute_did_not_apply_before_2017():
    facts = {**GEEN_GROND, "praktijkroute_loonwaarde_vastgesteld": True, "praktijkroute_loonwaarde_pct": 70}
    answer = evaluate("doelgroep", facts, "2016-06-01")
    assert answer["antwoord"]["in_doelgroep"] is False
    step = next(s for s in answer["uitleg"] if s["regel_id"] == "praktijkroute")
    assert step["uitkomst"] == "nee"
    assert "1 januari 2017" in step["toelichting"]
    assert step["kennisartikel"]["slug"] == "doelgroep-participatiewet-en-praktijkroute"


def test_an_assumed_exclusion_is_said_to_be_assumed():
    answer = evaluate("doelgroep", {"heeft_wsw_indicatie": True}, "2024-06-01")
    step = next(s for s in answer["uitleg"] if s["regel_id"] == "uitgesloten_beschut_werk")
    assert "aangenomen" in step["toelichting"]


def test_grounds_that_were_not_asked_are_not_taken_to_be_absent():
    answer = evaluate("doelgroep", {"heeft_wsw_indicatie": False}, "2024-06-01")
    assert answer["antwoord"]["in_doelgroep"] is None and answer["antwoord"]["grond"] is None
    step = next(s for s in answer["uitleg"] if s["regel_id"] == "nog_te_beantwoorden")
    assert "niet afwezig" in step["toelichting"] and "verlopen Wsw-indicatie" in step["toelichting"]
    assert "wsw_indicatie_verlopen" in answer["ontbrekende_feiten"]
    assert answer["antwoord"]["per_grond"]["wsw_indicatie"] is False


def test_once_every_ground_is_answered_no_is_an_answer():
    answer = evaluate("doelgroep", GEEN_GROND, "2024-06-01")
    assert answer["antwoord"]["in_doelgroep"] is False and answer["antwoord"]["grond"] == "geen"
    assert answer["ontbrekende_feiten"] == []
    assert set(answer["antwoord"]["per_grond"].values()) == {False}


def test_the_wajong_answer_changes_on_1_january_2026():
    facts = {
        "heeft_wajong_recht": True,
        "wajong_duurzaam_geen_arbeidsvermogen": True,
        "werkt_in_dienstbetrekking": True,
    }
    before = evaluate("doelgroep", {**GEEN_GROND, **facts}, "2025-12-31")["antwoord"]
    assert before["in_doelgroep"] is False
    assert before["per_grond"]["wajong_duurzaam_geen_arbeidsvermogen_met_dienstbetrekking"] is False
    assert evaluate("doelgroep", facts, "2026-01-01")["antwoord"]["in_doelgroep"] is True


def test_the_new_kader_answers_by_the_2026_text_and_names_the_condition():
    facts = {
        "kader": "wet_banenafspraak_2025",
        "heeft_wajong_recht": True,
        "wajong_duurzaam_geen_arbeidsvermogen": True,
        "werkt_in_dienstbetrekking": True,
    }
    answer = evaluate("doelgroep", facts, "2024-06-01")
    assert answer["antwoord"]["in_doelgroep"] is True
    assert "artikel 2" in answer["antwoord"]["voorwaarde"]
    assert answer["uitleg"][0]["uitkomst"] == "voorwaardelijk"


BOOLEAN_GROUNDS = st.fixed_dictionaries(
    {},
    optional={
        "heeft_wajong_recht": st.booleans(),
        "wajong_duurzaam_geen_arbeidsvermogen": st.booleans(),
        "werkt_in_dienstbetrekking": st.booleans(),
        "pwet_uwv_vastgesteld_geen_wml": st.booleans(),
        "praktijkroute_loonwaarde_pct": st.floats(0, 100),
        "beperking_voor_18_of_tijdens_studie": st.booleans(),
        "wml_alleen_met_voorziening": st.booleans(),
        "ontvangt_voorziening": st.booleans(),
        "opgenomen_in_doelgroepregister": st.booleans(),
    },
)
DAYS = st.dates(datetime.date(2015, 5, 1), datetime.date(2030, 12, 31))


@settings(deadline=None)
@given(BOOLEAN_GROUNDS, DAYS)
def test_adding_a_wsw_indication_always_puts_someone_in_the_doelgroep(facts, day):
    answer = evaluate("doelgroep", {**facts, "heeft_wsw_indicatie": True}, day)["antwoord"]
    assert answer["in_doelgroep"] is True


@settings(deadline=None)
@given(BOOLEAN_GROUNDS, DAYS)
def test_beschut_werk_always_excludes(facts, day):
    answer = evaluate("doelgroep", {**facts, "beschut_werk_vastgesteld": True}, day)["antwoord"]
    assert answer == {"in_doelgroep": False, "grond": "uitgesloten_beschut_werk"}


@settings(deadline=None)
@given(BOOLEAN_GROUNDS, DAYS)
def test_no_is_only_said_when_every_ground_was_answered(facts, day):
    answer = evaluate("doelgroep", facts, day)["antwoord"]
    if answer["in_doelgroep"] is False:
        assert None not in answer["per_grond"].values()


@settings(deadline=None)
@given(BOOLEAN_GROUNDS, DAYS)
def test_an_undecided_answer_always_says_what_is_missing(facts, day):
    answer = evaluate("doelgroep", facts, day)
    if answer["antwoord"]["in_doelgroep"] is None or answer["antwoord"]["grond"] is None:
        assert answer["ontbrekende_feiten"]
    else:
        assert answer["ontbrekende_feiten"] == []
