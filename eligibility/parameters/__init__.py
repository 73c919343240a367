"""Dated parameters, read from the YAML files next to this module.

Each file ``<area>/<name>.yaml`` holds ``values``: a mapping from the ISO date a value starts to
apply to ``{value, reference}``. A value holds until the next date. ``value: null`` means the
value for that period is not known: the answer then says it is unknown instead of guessing.

    parameter("quotum.heffing_per_baan", on=date(2024, 1, 1)).value  ->  5000

A change in law adds a dated value and never edits history.
"""

import bisect
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ParameterValue:
    """The value of a parameter on a date, with where it comes from."""

    name: str
    value: object  # None: unknown for this date
    valid_from: datetime.date | None
    reference: tuple  # of {"titel", "url", "bron", ...}
    description: str = ""
    unit: str = ""
    kennisartikel: str | None = None

    @property
    def known(self):
        return self.value is not None


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    kennisartikel: str | None
    dates: tuple  # ascending valid_from dates
    entries: tuple  # (value, reference) per date

    def on(self, day):
        index = bisect.bisect_right(self.dates, day) - 1
        if index < 0:  # before the rule applied: unknown, cited by where the rule comes from
            reference = self.entries[0][1]
            return ParameterValue(
                self.name, None, None, reference, self.description, self.unit, self.kennisartikel
            )
        value, reference = self.entries[index]
        return ParameterValue(
            self.name, value, self.dates[index], reference, self.description, self.unit, self.kennisartikel
        )


def _load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    values = data["values"]
    dates = tuple(values)
    entries = tuple((entry["value"], tuple(entry.get("reference") or ())) for entry in values.values())
    return Parameter(
        name=name,
        description=" ".join(str(data.get("description", "")).split()),
        unit=data.get("unit", ""),
        kennisartikel=data.get("kennisartikel"),
        dates=dates,
        entries=entries,
    )


def load_all(root=ROOT):
    """All parameters under ``root``, by dotted name."""
    return {p.name: p for p in (_load(path) for path in sorted(root.rglob("*.yaml")))}


PARAMETERS = load_all()


def parameter(name, on):
    """The value of parameter ``name`` in force on date ``on``."""
    return PARAMETERS[name].on(on)


def change_dates():
    """Every date on which some parameter changes, ascending."""
    return sorted({day for p in PARAMETERS.values() for day in p.dates})


def format_value(value):
    """A parameter value the Dutch way: 25,5 · 40.575 · 1,93 · ja/nee · onbekend."""
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime.date):
        return value.strftime("%-d-%-m-%Y")
    if isinstance(value, int | float | Decimal):
        whole, _, fraction = f"{value:,}".partition(".")
        whole = whole.replace(",", ".")
        fraction = fraction.rstrip("0") if fraction else ""
        return f"{whole},{fraction}" if fraction else whole
    return str(value)


_PLACEHOLDER = re.compile(r"\[\[parameter:([a-z0-9_.]+)\]\]")


def fill_placeholders(text, on):
    """Replace ``[[parameter:banen.urennorm]]`` in a text by the value in force on ``on``.

    So an article can say "1 baan = [[parameter:banen.urennorm]] uur per week" and stay in step
    with the rules. An unknown parameter name is left as it is.
    """

    def replace(match):
        name = match.group(1)
        if name not in PARAMETERS:
            return match.group(0)
        return format_value(parameter(name, on).value)

    return _PLACEHOLDER.sub(replace, text)
