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
from pathlib import Path

import yaml

from eligibility.nl import format_value, nl_date

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
    since: datetime.date | None = None  # the first day of the run of this same value
    voorlopig: bool = False  # a provisional value (the source calls it so)
    onzekerheden: tuple = ()  # open questions about this value (strings or {...}), plus the file's
    noot: str = ""  # a correction note: why a value was corrected

    @property
    def known(self):
        return self.value is not None


@dataclass(frozen=True)
class Entry:
    value: object
    reference: tuple
    voorlopig: bool = False
    onzekerheden: tuple = ()
    noot: str = ""


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str
    kennisartikel: str | None
    dates: tuple  # ascending valid_from dates
    entries: tuple  # an Entry per date
    onzekerheden: tuple = ()  # the file's own open questions, for every value

    def on(self, day):
        index = bisect.bisect_right(self.dates, day) - 1
        if index < 0:  # before the rule applied: unknown, cited by where the rule comes from
            return ParameterValue(
                self.name,
                None,
                None,
                self.entries[0].reference,
                self.description,
                self.unit,
                self.kennisartikel,
                onzekerheden=self.onzekerheden,
            )
        entry = self.entries[index]
        start = index
        while start > 0 and self.entries[start - 1].value == entry.value:
            start -= 1
        return ParameterValue(
            self.name,
            entry.value,
            self.dates[index],
            entry.reference,
            self.description,
            self.unit,
            self.kennisartikel,
            since=self.dates[start],
            voorlopig=entry.voorlopig,
            onzekerheden=self.onzekerheden + entry.onzekerheden,
            noot=entry.noot,
        )

    def first(self, test=bool):
        """The first date on which ``test(value)`` holds for a known value, or None."""
        for day, entry in zip(self.dates, self.entries, strict=True):
            if entry.value is not None and test(entry.value):
                return day
        return None

    def last_known(self, day):
        """The last known value on or before ``day`` (a ParameterValue), or None if there is none."""
        index = bisect.bisect_right(self.dates, day) - 1
        while index >= 0 and self.entries[index].value is None:
            index -= 1
        return None if index < 0 else self.on(self.dates[index])


def _as_tuple(items):
    if not items:
        return ()
    return tuple(items) if isinstance(items, list | tuple) else (items,)


def _load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    values = data["values"]
    dates = tuple(values)
    entries = tuple(
        Entry(
            entry["value"],
            tuple(entry.get("reference") or ()),
            bool(entry.get("voorlopig", False)),
            _as_tuple(entry.get("onzekerheden")),
            " ".join(str(entry.get("noot") or "").split()),
        )
        for entry in values.values()
    )
    return Parameter(
        name=name,
        description=" ".join(str(data.get("description", "")).split()),
        unit=data.get("unit", ""),
        kennisartikel=data.get("kennisartikel"),
        dates=dates,
        entries=entries,
        onzekerheden=_as_tuple(data.get("onzekerheden")),
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


_PLACEHOLDER = re.compile(r"\[\[(parameter|sinds|per):([a-z0-9_.]+)(?:=([a-z0-9_]+))?\]\]")


def fill_placeholders(text, on):
    """Replace placeholders in a text by what the parameters say on date ``on``.

    ``[[parameter:banen.urennorm]]``: the value in force (25,5); ``[[sinds:quotum.heffing_per_baan]]``:
    the date from which that value has applied; ``[[per:doelgroep.praktijkroute_open]]``: the first
    date on which the parameter has a true (known, non-zero) value, ``[[per:NAME=false]]`` the first
    date with that value (``true``, ``false`` or a word such as ``blijfgrond``). So an article can say "1 baan =
    [[parameter:banen.urennorm]] uur per week" and stay in step with the rules. An unknown parameter
    name is left as it is.
    """

    def replace(match):
        kind, name, wanted = match.groups()
        if name not in PARAMETERS:
            return match.group(0)
        if kind == "parameter":
            return format_value(parameter(name, on).value)
        if kind == "sinds":
            day = parameter(name, on).since
        elif wanted is None:
            day = PARAMETERS[name].first()
        else:
            target = {"true": True, "false": False}.get(wanted, wanted)
            day = PARAMETERS[name].first(lambda value: value == target)
        return "onbekend" if day is None else nl_date(day)

    return _PLACEHOLDER.sub(replace, text)
