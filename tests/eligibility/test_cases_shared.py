"""Every case in ../shared/cases/rules.jsonl must pass (the fixed starting set)."""

import json
from pathlib import Path

import pytest

from eligibility.engine import evaluate

CASES_FILE = Path(__file__).resolve().parents[2] / ".." / "shared" / "cases" / "rules.jsonl"

if not CASES_FILE.exists():
    pytest.skip(f"{CASES_FILE} is absent", allow_module_level=True)

CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_shared_case(case):
    answer = evaluate(case["question"], case["input"], case["peildatum"])["antwoord"]
    for key, expected in case["expected"].items():
        assert key in answer, f"{case['id']}: {key} ontbreekt in {answer}"
        if isinstance(expected, float):
            assert answer[key] == pytest.approx(expected, abs=1e-9), case["source"]
        else:
            assert answer[key] == expected, case["source"]
