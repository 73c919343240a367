"""Dutch numbers and dates, read and written in one place.

Writing: ``nl_number(40575)`` -> ``40.575``, ``nl_number(25.5)`` -> ``25,5``, ``nl_date(day)`` ->
``1 januari 2026``, ``euro(5000)`` -> ``€ 5.000``, ``format_value`` for any parameter value.
Reading: ``parse_number("1.331,5")`` (a decimal comma, dots between thousands; a lone decimal point
is accepted too), ``parse_date("31-12-2025")`` (also ``2025-12-31``) and the API's strict
``parse_iso_date``. Every reader raises ``ValueError`` with a Dutch message.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MAX_DIGITS = 15

_DUTCH_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_POINT_NUMBER = re.compile(r"^[+-]?\d+\.\d+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


# --- writing -----------------------------------------------------------------------------------


def nl_date(day):
    """1 januari 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_and_month(day, month):
    """1 augustus (a yearly date)."""
    return f"{day} {MONTHS[month - 1]}"


def nl_number(value, decimals=None):
    """389,65 · 40.575 · 0,2. ``decimals=None``: at most two, without trailing zeros."""
    places = 2 if decimals is None else decimals
    text = f"{value:,.{places}f}"
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def euro(value):
    """€ 5.000 (whole euros)."""
    return f"€ {nl_number(value, 0)}"


def format_value(value):
    """A parameter value the Dutch way: 25,5 · 40.575 · 1,93 · ja/nee · 1 januari 2026 · onbekend."""
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dict) and set(value) == {"dag", "maand"}:
        return day_and_month(value["dag"], value["maand"])
    if isinstance(value, datetime.date):
        return nl_date(value)
    if isinstance(value, int | float | Decimal):
        whole, _, fraction = f"{value:,}".partition(".")
        whole = whole.replace(",", ".")
        fraction = fraction.rstrip("0") if fraction else ""
        return f"{whole},{fraction}" if fraction else whole
    return str(value)


def iso_to_nl(text):
    """'2026-01-01' -> '1 januari 2026'; anything else as it is."""
    try:
        return nl_date(datetime.date.fromisoformat(text))
    except (TypeError, ValueError):
        return str(text)


def number_text(value):
    """A number the way a form field shows it: 25,5 · 40575 (no thousands dots)."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f").replace(".", ",")


# --- reading -----------------------------------------------------------------------------------


def parse_number(text):
    """A Dutch number as a Decimal: 40.575 · 40575 · 25,5 · 1.331,25 (and 25.5)."""
    text = _SPACES.sub("", text)
    if not text:
        raise ValueError("Vul een getal in.")
    if _DUTCH_NUMBER.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif not _POINT_NUMBER.match(text):
        raise ValueError("Vul een getal in, bijvoorbeeld 12,5 (met een komma voor decimalen).")
    if len(text.lstrip("+-").replace(".", "")) > MAX_DIGITS:
        raise ValueError("Dit getal is te groot.")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the patterns above only pass valid numbers
        raise ValueError("Vul een getal in.") from None


def plain_number(number):
    """A Decimal as the int or float the engine expects."""
    return int(number) if number == number.to_integral_value() else float(number)


def parse_date(text):
    """``DD-MM-JJJJ`` (also with / or .) or ``JJJJ-MM-DD`` as a date."""
    text = text.strip()
    match = _DUTCH_DATE.match(text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if _ISO_DATE.match(text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError("Deze datum bestaat niet. Vul een datum in als 31-12-2025.") from None
    raise ValueError("Vul een geldige datum in, bijvoorbeeld 31-12-2025.")


def parse_iso_date(value):
    """A ``JJJJ-MM-DD`` string as a date (the API's form only)."""
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError("Moet een datum zijn in de vorm JJJJ-MM-DD.")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError("Deze datum bestaat niet.") from None
