"""eligibility/questions/banen.py: banen from weekly or yearly hours, additive and monotonic."""

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.engine import evaluate
from eligibility.questions.banen import banen

DAY = datetime.date(2023, 6, 30)
WEEK_HOURS = st.floats(0, 168, allow_nan=False)
YEAR_HOURS = st.floats(0, 8784, allow_nan=False)


def count(**facts):
    return evaluate("banen", facts, DAY)["antwoord"]["banen"]


@settings(deadline=None)
@given(WEEK_HOURS, WEEK_HOURS)
def test_banen_of_several_people_add_up(a, b):
    together = count(uren_per_week_per_persoon=[a, b])
    assert together == count(uren_per_week=float(Decimal(str(a)) + Decimal(str(b))))
    assert abs(together - (count(uren_per_week=a) + count(uren_per_week=b))) <= 0.01 + 1e-9


@settings(deadline=None)
@given(YEAR_HOURS, YEAR_HOURS)
def test_yearly_banen_add_up(a, b):
    assert count(uren_per_jaar_per_persoon=[a, b]) == count(
        uren_per_jaar=float(Decimal(str(a)) + Decimal(str(b)))
    )


@settings(deadline=None)
@given(WEEK_HOURS, WEEK_HOURS)
def test_more_hours_are_never_fewer_banen(a, b):
    low, high = sorted((a, b))
    assert count(uren_per_week=low) <= count(uren_per_week=high)
    assert count(uren_per_jaar=low * 40) <= count(uren_per_jaar=high * 40)


@settings(deadline=None)
@given(st.integers(0, 200))
def test_every_25_5_hours_a_week_is_one_baan(k):
    assert count(uren_per_week=25.5 * k) == k


@settings(deadline=None)
@given(WEEK_HOURS)
def test_52_weeks_of_hours_are_a_little_fewer_banen_than_the_weekly_hours(hours):
    """The jaarnorm (1.331, Besluit Wfsv 2.32 onder d) is a little more than 52 x 25,5 = 1.326 hours."""
    yearly, weekly = count(uren_per_week=hours, weken_per_jaar=52), count(uren_per_week=hours)
    assert yearly <= weekly
    assert weekly - yearly <= weekly * 0.004 + 0.01 + 1e-9


def test_banen_rounds_half_up_to_two_decimals():
    norms = {"urennorm": Decimal("25.5"), "jaarnorm": Decimal("1331")}
    assert banen(Decimal("0.1275"), None, **norms) == Decimal("0.01")  # 0,005 exactly
    assert banen(None, Decimal("1020"), **norms) == Decimal("0.77")


def test_unpaid_hours_and_hours_outside_the_doelgroep_are_no_banen():
    assert count(uren_per_week=30, loon_betaald=False) == 0
    assert count(uren_per_week=30, persoon_in_doelgroep=False) == 0
    step = evaluate("banen", {"uren_per_week": 30, "loon_betaald": False}, DAY)["uitleg"][-1]
    assert step["regel_id"] == "verloonde_uren" and "38b" in step["bronnen"][0]["titel"]


def test_one_fta_is_one_baan_of_the_urennorm():
    assert count(fta=4) == 4
    step = next(s for s in evaluate("banen", {"fta": 2}, DAY)["uitleg"] if s["regel_id"] == "fta")
    assert step["toelichting"] == "2 FTA x 25,5 uur per week = 51 verloonde uren per week."


def test_the_answer_explains_the_urennorm_with_its_source():
    result = evaluate("banen", {"uren_per_week": 12.75}, DAY)
    norm = next(s for s in result["uitleg"] if s["regel_id"] == "urennorm")
    assert norm["uitkomst"] == "25,5 uur per week"
    assert any(b["bron"] == "werkagenda-rijk-2021" for b in norm["bronnen"])
    assert norm["kennisartikel"]["slug"] == "banen-en-de-urennorm"
