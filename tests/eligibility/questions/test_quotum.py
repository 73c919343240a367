"""eligibility/rules/quotum.py: doelbanen, drempel, sector, activering, tekort, heffing and 122na."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility.engine import evaluate
from eligibility.questions.quotum import doelbanen, quotumtekort, tekort_uit_uren

HOURS = st.floats(0, 1e9, allow_nan=False)
DAYS = st.dates(datetime.date(2015, 5, 1), datetime.date(2030, 12, 31))
YEARS = st.integers(2015, 2030)


def quotum(day="2023-06-30", **facts):
    return evaluate("quotum", facts, day)["antwoord"]


@settings(deadline=None)
@given(st.floats(-1e9, 1e9, allow_nan=False), YEARS, DAYS)
def test_a_given_tekort_never_becomes_negative(raw, jaar, day):
    antwoord = quotum(day, sector="overheid", jaar=jaar, quotumtekort_berekend=raw)
    assert antwoord["quotumtekort"] >= 0
    assert antwoord["heffing_berekend_euro"] is None or antwoord["heffing_berekend_euro"] >= 0


@settings(deadline=None)
@given(HOURS, HOURS, st.floats(0, 100))
def test_a_tekort_from_hours_is_never_negative(a, c, pct):
    antwoord = quotum(
        sector="overheid",
        jaar=2019,
        verloonde_uren_jaar=a,
        verloonde_uren_arbeidsbeperkten=c,
        verloonde_uren_vorig_jaar=a,
        quotumpercentage=pct,
    )
    assert antwoord["quotumtekort"] >= 0


@settings(deadline=None)
@given(st.floats(0, 1e6), st.floats(0.1, 60), st.floats(0, 100), st.floats(0, 1e5))
def test_a_tekort_from_the_calculator_is_never_negative(fte, hours, pct, done):
    antwoord = quotum(
        kader="wettelijk_quotum",
        sector="overheid",
        jaar=2023,
        fte=fte,
        uren_per_fte_per_week=hours,
        quotumpercentage=pct,
        gerealiseerde_banen=done,
    )
    assert antwoord["quotumtekort"] >= 0


@settings(deadline=None)
@given(st.decimals(-1000, 1000, places=6))
def test_the_tekort_is_rounded_down_to_one_decimal(raw):
    tekort = quotumtekort(raw)
    assert tekort == tekort.quantize(Decimal("0.1"))
    if raw >= 0:
        assert raw - Decimal("0.1") < tekort <= raw


@pytest.mark.parametrize(
    "raw, expected", [(0.7, 0.7), (0.3, 0.3), (1.1, 1.1), (3.47, 3.4), (0.21, 0.2), (2.99, 2.9)]
)
def test_rounding_down_is_exact_for_decimal_inputs(raw, expected):
    assert quotum(sector="overheid", jaar=2023, quotumtekort_berekend=raw)["quotumtekort"] == expected


def test_the_calculator_formula_is_fte_times_hours_times_percentage_over_25_5():
    assert doelbanen(Decimal(10000), Decimal(36), Decimal("2.76"), Decimal("25.5")).quantize(
        Decimal("0.01")
    ) == Decimal("389.65")


def test_the_legal_formula_is_a_times_b_minus_c_over_d():
    # D: the jaarnorm of 1.331 uur (Besluit Wfsv 2.32 onder d), not the derived 1.326
    assert tekort_uit_uren(Decimal(1_000_000), Decimal("2.14"), Decimal(10_000), Decimal(1331)) == (
        Decimal(11400) / Decimal(1331)
    )


@settings(deadline=None)
@given(st.floats(0, 1e6), st.floats(0, 1e6), YEARS)
def test_the_drempel_is_40575_hours_in_both_years(before, during, jaar):
    antwoord = quotum(
        f"{jaar}-06-30",
        sector="overheid",
        jaar=jaar,
        verloonde_uren_vorig_jaar=before,
        verloonde_uren_jaar=during,
    )
    expected = jaar >= 2018 and before >= 40575 and during >= 40575
    assert antwoord["valt_onder_quotumheffing"] is expected


@settings(deadline=None)
@given(st.floats(0, 100), YEARS)
def test_the_sector_rule_puts_half_or_more_sectorfonds_hours_in_the_market(share, jaar):
    antwoord = quotum(sector="overheid", jaar=jaar, aandeel_uren_sectorfonds_pct=share)
    assert antwoord["sector"] == ("markt" if share >= 50 else "overheid")


@settings(deadline=None)
@given(st.floats(0, 100), YEARS, DAYS)
def test_the_heffing_is_5000_euro_per_missing_baan(raw, jaar, day):
    antwoord = quotum(day, sector="overheid", jaar=jaar, quotumtekort_berekend=raw)
    if jaar >= 2018:
        assert antwoord["heffing_berekend_euro"] == int(Decimal(str(antwoord["quotumtekort"])) * 5000)


@settings(deadline=None)
@given(YEARS, DAYS)
def test_the_heffing_is_never_imposed_under_the_2026_text(jaar, day):
    day = max(day, datetime.date(2026, 1, 1))
    antwoord = quotum(
        day,
        sector="overheid",
        jaar=jaar,
        quotumtekort_berekend=5,
        verloonde_uren_vorig_jaar=1e6,
        verloonde_uren_jaar=1e6,
    )
    assert antwoord["heffing_opgelegd"] is False


def test_an_unknown_percentage_is_said_to_be_unknown_not_guessed():
    result = evaluate(
        "quotum", {"sector": "overheid", "jaar": 2021, "fte": 100, "uren_per_fte_per_week": 36}, "2021-06-30"
    )
    step = next(s for s in result["uitleg"] if s["regel_id"] == "quotumpercentage")
    assert step["uitkomst"] == "onbekend" and "niet gevonden" in step["toelichting"]
    assert result["ontbrekende_feiten"] == ["quotumpercentage"]
    last = result["antwoord"]["laatst_bekende_quotumpercentage"]  # for the tools, never as the answer
    assert last["percentage"] == 2.14 and last["jaar"] == 2019 and last["bronnen"]
    assert result["antwoord"]["doelbanen"] is None
