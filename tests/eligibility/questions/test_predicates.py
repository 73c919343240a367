"""eligibility/questions/predicates.py: deciding with facts that are missing, and the shared pieces."""

import datetime

import pytest

from eligibility.parameters import PARAMETERS, Entry, Parameter
from eligibility.questions.predicates import (
    ART2,
    Facts,
    art2_condition,
    art2_in_force,
    dated_predicate,
    decide,
    fact_predicate,
    kader_step,
    step,
)
from eligibility.sources import KENNISARTIKELEN

DAY = datetime.date(2024, 6, 1)
a = fact_predicate("a", "a")
b = fact_predicate("b", "b")
c_default = fact_predicate("c", "c", default=False)


def test_a_missing_fact_that_does_not_matter_is_not_asked_for():
    assert decide(a & b, Facts({"a": False}), DAY).outcome is False
    assert decide(a | b, Facts({"b": True}), DAY).outcome is True


def test_a_missing_fact_that_matters_makes_the_answer_undecided_and_is_listed():
    decision = decide(a & b, Facts({"a": True}), DAY)
    assert decision.outcome is None
    assert decision.missing == ("b",)


def test_all_missing_facts_are_listed_in_the_order_met():
    decision = decide(a & b, Facts({}), DAY)
    assert decision.outcome is None
    assert set(decision.missing) == {"a", "b"}


def test_a_fact_with_a_default_is_taken_not_to_apply():
    assert decide(~c_default, Facts({}), DAY).outcome is True
    assert decide(~c_default, Facts({"c": True}), DAY).outcome is False


def test_negation_of_a_missing_required_fact_is_undecided():
    assert decide(~a, Facts({}), DAY).missing == ("a",)


def test_a_parameter_without_a_value_is_a_gap_not_a_missing_fact():
    pred = dated_predicate("pct", "quotum.percentage_overheid")
    decision = decide(pred, Facts({}), datetime.date(2021, 6, 1))
    assert decision.outcome is None and decision.gap and decision.missing == ()
    assert decide(pred, Facts({}), datetime.date(2019, 6, 1)).outcome is True


def test_a_step_names_its_kennisartikel_by_slug_and_url():
    item = step("x", "Regel", True, "Zin.", [], "banen-en-de-urennorm")
    assert item["uitkomst"] == "ja"
    assert item["kennisartikel"] == {
        "slug": "banen-en-de-urennorm",
        "url": "/kennisbank/banen-en-de-urennorm/",
    }
    with pytest.raises(KeyError):
        step("x", "Regel", True, "Zin.", [], "bestaat-niet")


def test_art2_is_unknown_so_the_new_kader_names_its_condition():
    assert art2_in_force(datetime.date(2030, 1, 1)) is None
    assert "koninklijk besluit" in art2_condition(datetime.date(2030, 1, 1))


def test_once_art2_has_a_date_the_condition_depends_on_the_peildatum(monkeypatch):
    start = datetime.date(2027, 1, 1)
    known = Parameter(ART2, "", "", None, (datetime.date(2025, 4, 23),), (Entry(start, ()),))
    monkeypatch.setitem(PARAMETERS, ART2, known)
    assert art2_in_force(datetime.date(2026, 6, 1)) is False
    assert "1 januari 2027" in art2_condition(datetime.date(2026, 6, 1))
    assert art2_in_force(start) is True
    assert art2_condition(start) is None


@pytest.mark.parametrize("kader", ["wettelijk_quotum", "monitor_rijk", "wet_banenafspraak_2025"])
def test_every_kader_has_an_explained_step(kader):
    item, condition = kader_step(kader, DAY)
    assert item["kennisartikel"]["slug"] in KENNISARTIKELEN
    assert item["bronnen"]
    assert (condition is not None) == (kader == "wet_banenafspraak_2025")
