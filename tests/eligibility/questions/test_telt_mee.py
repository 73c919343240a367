"""eligibility/rules/telt_mee.py: per constructie and per kader, who a job counts for."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.engine import evaluate
from eligibility.questions import telt_mee

CONSTRUCTIES = [value for value, _ in next(f for f in telt_mee.FEITEN if f.name == "constructie").choices]
KADERS = ["wettelijk_quotum", "monitor_rijk", "wet_banenafspraak_2025"]
DAY = "2023-06-30"


def answer(**facts):
    return evaluate("telt_mee", {"persoon_in_doelgroep": True, **facts}, DAY)


@pytest.mark.parametrize("constructie", CONSTRUCTIES)
@pytest.mark.parametrize("kader", KADERS)
def test_every_constructie_in_every_kader_gets_an_explained_answer(constructie, kader):
    result = answer(
        constructie=constructie,
        kader=kader,
        opdrachtgever="ministerie_a",
        uitlener_type="uitzendbureau",
        uren_toegerekend_aan_inlener=True,
    )
    assert result["antwoord"]["telt_mee"] in (True, False)
    last = result["uitleg"][-1]
    assert last["bronnen"] and last["toelichting"].endswith(".")


@pytest.mark.parametrize("constructie", ["stage_onbetaald", "vrijwilligerswerk", "wsw_intern"])
@pytest.mark.parametrize("kader", KADERS)
def test_some_work_counts_for_nobody_in_any_kader(constructie, kader):
    assert answer(constructie=constructie, kader=kader)["antwoord"] == {
        **({"voorwaarde": answer(kader=kader)["antwoord"].get("voorwaarde")} if kader == KADERS[2] else {}),
        "telt_mee": False,
        "telt_mee_voor": None,
    }


def test_the_kennisartikel_follows_the_constructie():
    slugs = {
        "binnenwerk": "binnenwerk",
        "inkoop_sroi": "inkoop-en-social-return",
        "samenwerking": "samenwerking-met-andere-werkgevers",
    }
    for constructie, slug in slugs.items():
        result = answer(constructie=constructie, kader="monitor_rijk", opdrachtgever="ministerie_a")
        assert result["uitleg"][-1]["kennisartikel"]["slug"] == slug
    via_raam = answer(constructie="inleen", kader="monitor_rijk", via_raamovereenkomst=True)
    assert via_raam["uitleg"][-1]["kennisartikel"]["slug"] == "raamovereenkomst-inhuur-arbeidsparticipanten"


FACTS = st.fixed_dictionaries(
    {
        "persoon_in_doelgroep": st.booleans(),
        "constructie": st.sampled_from(CONSTRUCTIES),
        "kader": st.sampled_from(KADERS),
    },
    optional={
        "loon_betaald": st.booleans(),
        "vraag_voor_werkgever": st.sampled_from(["ministerie_a", "ministerie_b", "ubr_binnenwerk"]),
        "formele_werkgever": st.sampled_from(
            ["ministerie_a", "ministerie_b", "ubr_binnenwerk", "leverancier"]
        ),
        "opdrachtgever": st.sampled_from(["ministerie_a", "ministerie_b"]),
        "via_raamovereenkomst": st.booleans(),
        "uitlener_type": st.sampled_from(
            ["uitzendbureau", "sw_bedrijf", "overheidswerkgever", "andere_werkgever"]
        ),
        "uren_toegerekend_aan_inlener": st.booleans(),
    },
)
DAYS = st.dates(datetime.date(2016, 1, 1), datetime.date(2030, 12, 31))


@settings(deadline=None)
@given(FACTS, DAYS)
def test_a_job_that_counts_counts_for_the_employer_asked_about(facts, day):
    result = evaluate("telt_mee", facts, day)
    antwoord = result["antwoord"]
    if antwoord["telt_mee"]:
        assert antwoord["telt_mee_voor"] == facts.get("vraag_voor_werkgever", telt_mee.EIGEN)
    if antwoord["telt_mee"] is None:
        assert antwoord["telt_mee_voor"] is None and result["ontbrekende_feiten"]


@settings(deadline=None)
@given(FACTS, DAYS)
def test_someone_outside_the_doelgroep_never_counts(facts, day):
    antwoord = evaluate("telt_mee", {**facts, "persoon_in_doelgroep": False}, day)["antwoord"]
    assert antwoord["telt_mee"] is False and antwoord["telt_mee_voor"] is None


@settings(deadline=None)
@given(FACTS, DAYS)
def test_inkoop_never_counts_for_the_buyer(facts, day):
    facts = {
        **facts,
        "constructie": "inkoop_sroi",
        "formele_werkgever": "leverancier",
        "vraag_voor_werkgever": "ministerie_a",
    }
    assert evaluate("telt_mee", facts, day)["antwoord"]["telt_mee"] is False
