"""eligibility/nl.py: Dutch numbers and dates, written and read."""

import datetime
from decimal import Decimal

import pytest

from eligibility.nl import (
    day_and_month,
    euro,
    format_value,
    iso_to_nl,
    nl_date,
    nl_number,
    number_text,
    parse_date,
    parse_iso_date,
    parse_number,
    plain_number,
)


def test_numbers_are_written_the_dutch_way():
    assert nl_number(40575, 0) == "40.575"
    assert nl_number(389.647) == "389,65"
    assert nl_number(25.5, 1) == "25,5"
    assert nl_number(30.0) == "30"
    assert euro(17000) == "€ 17.000"
    assert number_text(Decimal("25.50")) == "25,5"
    assert number_text(40575) == "40575"


def test_dates_are_written_the_dutch_way():
    assert nl_date(datetime.date(2026, 1, 1)) == "1 januari 2026"
    assert day_and_month(1, 8) == "1 augustus"
    assert iso_to_nl("2022-12-14") == "14 december 2022"
    assert iso_to_nl("geen datum") == "geen datum"


def test_parameter_values_are_shown_the_dutch_way():
    assert format_value(25.5) == "25,5"
    assert format_value(40575) == "40.575"
    assert format_value(1.93) == "1,93"
    assert format_value(None) == "onbekend"
    assert format_value(False) == "nee"
    assert format_value(datetime.date(2021, 1, 1)) == "1 januari 2021"


def test_numbers_are_read_the_dutch_way():
    assert parse_number("40.575") == 40575
    assert parse_number("1.331,5") == parse_number("1331.5") == Decimal("1331.5")
    assert parse_number(" 25,5 ") == Decimal("25.5")
    assert plain_number(Decimal("36")) == 36 and isinstance(plain_number(Decimal("36")), int)
    for bad in ("", "25,5,5", "1.2.3", "abc", "1" * 20):
        with pytest.raises(ValueError):
            parse_number(bad)


def test_dates_are_read_in_dutch_and_iso_form():
    assert parse_date("31-12-2025") == parse_date("31/12/2025") == parse_date("2025-12-31")
    assert parse_iso_date("2022-12-14") == datetime.date(2022, 12, 14)
    for bad in ("31-02-2025", "2025-13-01", "gisteren"):
        with pytest.raises(ValueError):
            parse_date(bad)
    for bad in ("14-12-2022", 20221214, None, "2022-02-30"):
        with pytest.raises(ValueError):
            parse_iso_date(bad)
