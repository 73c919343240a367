"""Every named case through the rules API (POST /api/checks/{vraag}) and through check_rules.

The outside checks use these two doors; the cases must hold there as they do in the engine, and
both doors must give the same JSON.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.eligibility.test_cases_named import CASES, check_answer, request_of

IDS = [f"{c['question']}: {c['name']}" for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_named_case_via_the_api_and_check_rules(client, case):
    vraag, feiten, peildatum = request_of(case)
    response = client.post(
        f"/api/checks/{vraag}",
        json.dumps({"peildatum": peildatum, "feiten": feiten}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    check_answer(case, response.json())
    out = StringIO()
    call_command(
        "check_rules",
        vraag,
        "--feiten",
        json.dumps(feiten),
        "--peildatum",
        peildatum,
        stdout=out,
        stderr=StringIO(),
    )
    assert json.loads(out.getvalue()) == response.json()
