"""Every case in ../shared/cases/rules.jsonl must pass (the fixed starting set).

One shared case follows a source the law has overtaken; the engine follows the law text and this
test checks the corrected value instead, with the source for the correction (issue 9, item 4).
"""

import json
from pathlib import Path

import pytest

from eligibility.engine import evaluate

CASES_FILE = Path(__file__).resolve().parents[2] / ".." / "shared" / "cases" / "rules.jsonl"

if not CASES_FILE.exists():
    pytest.skip(f"{CASES_FILE} is absent", allow_module_level=True)

CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]

# case id -> (the fields the law answers otherwise, why)
CORRECTED_BY_LAW = {
    "DG-15": (
        {"telt_voor": "banenafspraak_en_quotumregeling"},
        "Wfsv art. 122n lid 1 in de tekst geldend vanaf 2020-01-01 telt 'artikel 38b, eerste, tweede en "
        "zesde lid' in de landelijke meting (tekst 2019-06-20: alleen het eerste lid). De case volgt het "
        "APE-onderzoek van 2018, dat de oude tekst volgde; op 2024-06-01 telt de groep voor beide.",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_shared_case(case):
    answer = evaluate(case["question"], case["input"], case["peildatum"])["antwoord"]
    corrected, why = CORRECTED_BY_LAW.get(case["id"], ({}, ""))
    for key, expected in {**case["expected"], **corrected}.items():
        assert key in answer, f"{case['id']}: {key} ontbreekt in {answer}"
        if isinstance(expected, float):
            assert answer[key] == pytest.approx(expected, abs=1e-9), case["source"]
        else:
            assert answer[key] == expected, why or case["source"]


def test_a_correction_still_differs_from_the_shared_file():
    """A correction is listed only while the shared file still says otherwise."""
    by_id = {case["id"]: case for case in CASES}
    for case_id, (corrected, _) in CORRECTED_BY_LAW.items():
        if case_id in by_id:
            assert any(by_id[case_id]["expected"].get(key) != value for key, value in corrected.items())
