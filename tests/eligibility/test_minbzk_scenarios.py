"""MinBZK's rules-as-code scenarios (MinBZK/regelrecht-corpus) as named cases.

The cases live in ``cases/minbzk_<law>.yaml`` and are loaded with the other named cases
(``test_cases_named.load_cases``), so the engine, the rules API and ``check_rules`` all run them
(``test_cases_named.py``, ``test_cases_via_api.py``). This module checks what is particular to
them: each case cites the feature file, the scenario and the stored versions it translates; every
scenario of every version read has a case; and the LKV amounts the Financieel CV personas assert
(an answer our API does not give) agree with the lkv parameters.
"""

import datetime
import re
from decimal import Decimal

import pytest

from eligibility.parameters import parameter
from tests.eligibility.test_cases_named import CASES

MINBZK = [case for case in CASES if "minbzk" in case]
FEATURES = "regulation/nl/wet/{}/scenarios/{}.feature"
REGISTER = FEATURES.format("wet_financiering_sociale_verzekeringen", "doelgroepregister_banenafspraak")
OLDEST, MIDDLE, NEWEST = (
    "5e0f770e0f12e49f91b2cdd600cecf2e17064bb4",
    "id:69136090751",  # stored version whose commit the index does not list
    "37d42eae70e87ed5a70787699ec85937dde5cd13",
)
OUTLINE = "Elke afzonderlijke grond opent het register: "
SCENARIOS = {  # (feature, version) -> the titles of its scenarios, as read
    (REGISTER, OLDEST): [
        "Koen staat in het register op grond van onderdeel a",
        "Sadee staat in het register op grond van onderdeel c",
        "Wajong met duurzaam geen mogelijkheden valt buiten onderdeel c",
        *(
            OUTLINE + grond
            for grond in ("onderdeel b, Wsw", "onderdeel d", "onderdeel e", "onderdeel f", "lid 2")
        ),
        "Tegen-uitsluiting van onderdeel f neutraliseert het overgangsrecht",
        "Lid 6 houdt iemand in het register nadat zijn oorspronkelijke grond verviel",
        "Beëindigde registratie sluit de blijfgrond van lid 6 af",
        "Beschut werk sluit uit, ook met een geldende grond",
        "Zonder enige grond staat niemand in het register",
    ],
    **{
        (REGISTER, version): [
            "Koen staat in het register op grond van onderdeel a",
            "Sadee staat in het register op grond van onderdeel c",
            "Wajong met duurzaam geen mogelijkheden en zonder werk valt buiten onderdeel c",
            "Wajong met duurzaam geen mogelijkheden telt wel mee zodra hij werkt",
            "Een dienstbetrekking alleen opent onderdeel c niet",
            *(
                OUTLINE + grond
                for grond in ("onderdeel b, Wsw", "onderdeel d", "onderdeel e", "onderdeel f", "lid 2")
            ),
            "Tegen-uitsluiting van onderdeel f neutraliseert het overgangsrecht",
            "Lid 6 houdt iemand in het register nadat zijn oorspronkelijke grond verviel",
            "Beëindigde registratie sluit de blijfgrond van lid 6 af",
            "Beschut werk sluit uit, ook met een geldende grond",
            "Zonder enige grond staat niemand in het register",
        ]
        for version in (MIDDLE, NEWEST)
    },
    (
        FEATURES.format("wet_financiering_sociale_verzekeringen", "minimumloontoets_uwv"),
        "140447817945fe9b1ebc0a5654c251668069d30d",
    ): [
        "Kan één drempelfunctie uitvoeren: geacht het minimumloon te kunnen verdienen",
        "Geen volledige drempelfunctie en blijvende beperkingen: niet in staat",
        "Geen volledige drempelfunctie maar korte beperkingen: het artikel beslist niet",
    ],
    (
        FEATURES.format("wet_tegemoetkomingen_loondomein", "financieel_cv_koen"),
        "2d771ac78db7e64d9fba3d8862769c2e3d0f8cd8",
    ): ["Werkgever ontvangt €1.680,64 per jaar LKV-banenafspraak voor Koen"],
    (
        FEATURES.format("wet_tegemoetkomingen_loondomein", "financieel_cv_sadee"),
        "2d771ac78db7e64d9fba3d8862769c2e3d0f8cd8",
    ): ["Sadee krijgt LKV-banenafspraak, want Wajong valt in die categorie"],
}
VERSION = re.compile(r"^([0-9a-f]{40}|id:\d+)$")


def test_the_minbzk_cases_are_loaded_with_the_named_cases():
    assert len(MINBZK) >= 25
    assert {case["question"] for case in MINBZK} == {"doelgroep"}


@pytest.mark.parametrize("case", MINBZK, ids=[case["name"] for case in MINBZK])
def test_each_case_cites_its_feature_scenario_and_versions(case):
    bron = case["minbzk"]
    assert bron["feature"].startswith("regulation/nl/") and bron["feature"].endswith(".feature")
    assert bron["scenario"].strip()
    assert bron["versies"] and all(VERSION.match(version) for version in bron["versies"])
    for version in bron["versies"]:
        assert bron["scenario"] in SCENARIOS[(bron["feature"], version)], (bron["scenario"], version)


@pytest.mark.parametrize(
    "feature_version", list(SCENARIOS), ids=lambda fv: f"{fv[0].rsplit('/', 1)[1]}@{fv[1][:8]}"
)
def test_every_scenario_of_every_version_read_has_a_case(feature_version):
    feature, version = feature_version
    covered = {
        case["minbzk"]["scenario"]
        for case in MINBZK
        if case["minbzk"]["feature"] == feature and version in case["minbzk"]["versies"]
    }
    assert set(SCENARIOS[feature_version]) <= covered, set(SCENARIOS[feature_version]) - covered


def test_names_are_unique():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))


def _lkv_eurocent(uren, on):
    per_uur = Decimal(str(parameter("lkv.bedrag_per_uur", on).value))
    maximum = Decimal(str(parameter("lkv.maximum_per_jaar", on).value))
    return int(min(per_uur * uren, maximum) * 100)


@pytest.mark.parametrize(
    ("uren", "eurocent"),
    [
        (1664, 168064),  # Koen and Sadee, Financieel CV (Wtl), commit 2d771ac7, 2026-07-01
        (2000, 200000),  # above 1980 hours the maximum of art. 2.13 caps it
    ],
)
def test_the_lkv_banenafspraak_of_the_personas_agrees_with_the_lkv_parameters(uren, eurocent):
    assert _lkv_eurocent(uren, datetime.date(2026, 7, 1)) == eurocent
