"""The named cases in cases/<question>.yaml: one parametrised test, a sentence per case.

Each case: ``name`` (a sentence with the date and the outcome), ``peildatum``, ``feiten``,
``verwacht`` (compared key by key; ``<aanwezig>`` = present and not null; a mapping such as
``per_grond`` is compared for the keys it names) and optionally ``ontbrekende_feiten`` (compared
exactly, in asking order) or ``ontbrekende_feiten_begin`` (the first ones, in asking order), and
``onzekerheden`` (a mapping of an open question's id to whether the answer names it: where the
sources disagree, the answer must say so, and must not where they do not).
"""

import datetime
import re
from pathlib import Path

import pytest
import yaml

from eligibility.engine import QUESTIONS, evaluate

CASES_DIR = Path(__file__).resolve().parent / "cases"
PRESENT = "<aanwezig>"


def _iso(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso(v) for v in value]
    return value


def load_cases():
    cases = []
    for question in QUESTIONS:
        for case in yaml.safe_load((CASES_DIR / f"{question}.yaml").read_text(encoding="utf-8")):
            if "name" in case:  # other items hold shared facts (YAML anchors)
                cases.append({**case, "question": question})
    # MinBZK's scenarios, one file per law, each case naming its question (test_minbzk_scenarios.py)
    for path in sorted(CASES_DIR.glob("minbzk_*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            if "name" in case:
                cases.append({**case, "question": case["vraag"]})
    return cases


CASES = load_cases()


def request_of(case):
    """The case as the question, the facts and the peildatum of a request."""
    return case["question"], _iso(case["feiten"]), _iso(case["peildatum"])


def check_answer(case, result):
    """Assert that an answer (the engine's, the API's or check_rules') is what the case expects."""
    answer = result["antwoord"]
    for key, expected in _iso(case["verwacht"]).items():
        assert key in answer, f"{key} ontbreekt in {answer}"
        if expected == PRESENT:
            assert answer[key] not in (None, ""), key
        elif isinstance(expected, dict) and isinstance(answer[key], dict):  # e.g. per_grond: some grounds
            assert {k: answer[key].get(k) for k in expected} == expected, key
        elif isinstance(expected, float):
            assert answer[key] == pytest.approx(expected, abs=1e-9), key
        else:
            assert answer[key] == expected, key
    if "ontbrekende_feiten" in case:
        assert result["ontbrekende_feiten"] == case["ontbrekende_feiten"]
    if "ontbrekende_feiten_begin" in case:  # the first questions to ask, in this order
        begin = case["ontbrekende_feiten_begin"]
        assert result["ontbrekende_feiten"][: len(begin)] == begin
    if "onzekerheden" in case:  # {id: named or not} (eligibility/onzekerheden.yaml)
        named = {item["id"] for item in result["onzekerheden"]}
        for key, present in case["onzekerheden"].items():
            assert (key in named) is present, f"onzekerheid {key}: {sorted(named, key=str)}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c['question']}: {c['name']}" for c in CASES])
def test_named_case(case):
    check_answer(case, evaluate(*request_of(case)))


def test_names_are_sentences_with_a_date():
    for case in CASES:
        name = case["name"]
        assert name[0].isupper() and name.endswith("."), name
        assert re.search(r"\b(19|20)\d\d\b", name), name


def test_at_least_one_hundred_cases_with_the_shared_ones():
    shared = Path(__file__).resolve().parents[2] / ".." / "shared" / "cases" / "rules.jsonl"
    shared_count = len(shared.read_text().splitlines()) if shared.exists() else 0
    assert len(CASES) + shared_count >= 100


# Which question and which axis (the peildatum, or the facts' "jaar") a parameter's changes act on.
CHANGE_AXES = {
    "doelgroep.": ("doelgroep", "peildatum"),
    "telt_mee.": ("telt_mee", "peildatum"),
    "banen.": ("banen", "peildatum"),
    "stelsel.wet_bqa_in_werking": ("doelgroep", "peildatum"),
    "quotum.heffing_uitstel": ("quotum", "peildatum"),
    "quotum.percentage_overheid": ("quotum", "jaar"),
    "quotum.activering_overheid": ("quotum", "jaar"),
}
STARTS = {"stelsel.wet_bqa_in_werking", "banen.urennorm"}  # rules that begin on a date: test before it too


def _changes():
    from eligibility.parameters import PARAMETERS

    for name, param in PARAMETERS.items():
        axis = next((v for prefix, v in CHANGE_AXES.items() if name.startswith(prefix)), None)
        if axis is None:
            continue
        for index, day in enumerate(param.dates):
            changed = index > 0 and param.entries[index].value != param.entries[index - 1].value
            if changed or (index == 0 and name in STARTS):
                yield name, day, axis


def _axis_value(case, axis):
    if axis == "jaar":
        return case["feiten"].get("jaar")
    return case["peildatum"]


@pytest.mark.parametrize("change", list(_changes()), ids=lambda c: f"{c[0]}@{c[1]}")
def test_cases_on_both_sides_of_every_dated_change(change):
    name, day, (question, axis) = change
    values = [_axis_value(c, axis) for c in CASES if c["question"] == question]
    values = [v for v in values if v is not None]
    if axis == "jaar":
        assert any(day.year - 2 <= v < day.year for v in values), f"geen geval vóór {day.year} voor {name}"
        assert any(day.year <= v < day.year + 2 for v in values), f"geen geval vanaf {day.year} voor {name}"
    else:
        window = datetime.timedelta(days=731)
        assert any(day - window <= v < day for v in values), f"geen geval vóór {day} voor {name}"
        assert any(day <= v < day + window for v in values), f"geen geval vanaf {day} voor {name}"


def test_the_open_questions_a_case_names_exist():
    from eligibility.onzekerheden import ONZEKERHEDEN
    from eligibility.parameters import PARAMETERS

    known = set(ONZEKERHEDEN) | {f"voorlopig:{name}" for name in PARAMETERS}
    named = {key for case in CASES for key in case.get("onzekerheden", {})}
    assert named and named <= known, named - known
