"""What a fact is: name, type, allowed values, Dutch question, help text and an example.

The facts themselves are declared once, in ``eligibility.vocabulary``; each question picks the
ones it uses, so a fact means the same wherever it is asked. The schema does three jobs: it
validates input (422 with ``{veld, melding}``), it describes the facts in the OpenAPI document,
and it lets a guided checker ask one question per screen in the declared order (``toon_als``
says when a question is relevant). Help texts may name a parameter in force as
``[[parameter:banen.urennorm]]`` (see ``eligibility.parameters.fill_placeholders``).
"""

import datetime
import math
import re
from dataclasses import dataclass

from eligibility.nl import parse_iso_date
from eligibility.parameters import fill_placeholders

BOOL, INT, NUMBER, CHOICE, TEXT, DATE, NUMBER_LIST = (
    "ja_nee",
    "geheel_getal",
    "getal",
    "keuze",
    "tekst",
    "datum",
    "lijst_getallen",
)

_BAD_TEXT = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
MAX_NUMBER = 1e12


@dataclass(frozen=True)
class Fact:
    name: str
    kind: str
    label: str  # the question, as a checker asks it
    help: str = ""
    choices: tuple = ()  # ((value, Dutch label), ...)
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    unit: str = ""
    default: object = None  # a value, or a callable(peildatum) -> value
    toon_als: tuple = ()  # ((fact name, (values...)), ...): ask only when one holds; "*" = any answer
    max_length: int = 100
    max_items: int = 1000
    voorbeeld: object = None  # an example value for the OpenAPI document
    altijd_vragen: bool = False  # the engine assumes a value, but a checker asks when it can matter
    als: tuple = ()  # ((value, "als ..."), ...): how a conditional answer names a value of this fact
    begrippen: tuple = ()  # slugs of content/begrippen/<slug>.md that explain its words

    def help_on(self, on=None):
        """The help text with the parameters in force on ``on`` (today when not given)."""
        return _fill(self.help, on)

    def label_on(self, on=None):
        return _fill(self.label, on)

    def relevant(self, facts):
        """Does ``toon_als`` hold for these facts (or has the fact none)? '*' = any answer."""
        if not self.toon_als:
            return True
        return any(
            name in facts and facts[name] is not None and ("*" in values or facts[name] in values)
            for name, values in self.toon_als
        )

    def condition_on(self, value, on=None):
        """'als uitlener en inlener ... afspreken': the condition a value of this fact stands for."""
        for known, text in self.als:
            if known == value:
                return _fill(text, on)
        if self.kind == BOOL:
            return f"als het antwoord op de vraag '{self.label_on(on)}' {'ja' if value else 'nee'} is"
        label = dict(self.choices).get(value, value)
        return f"als het antwoord op de vraag '{self.label_on(on)}' '{label}' is"

    def default_on(self, peildatum):
        return self.default(peildatum) if callable(self.default) else self.default

    @property
    def choice_values(self):
        return tuple(value for value, _ in self.choices)

    def describe(self, on=None):
        """The fact for a guided checker: labels, help and allowed values in Dutch."""
        out = {"naam": self.name, "type": self.kind, "vraag": self.label_on(on), "uitleg": self.help_on(on)}
        if self.choices:
            out["keuzes"] = [{"waarde": v, "label": label} for v, label in self.choices]
        if self.kind == BOOL:
            out["keuzes"] = [{"waarde": True, "label": "Ja"}, {"waarde": False, "label": "Nee"}]
        if self.minimum is not None:
            out["minimum"] = self.minimum
            out["minimum_exclusief"] = self.exclusive_minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        if self.unit:
            out["eenheid"] = self.unit
        if self.default is not None:
            out["standaard"] = "jaar van de peildatum" if callable(self.default) else self.default
        if self.toon_als:
            out["toon_als"] = {name: list(values) for name, values in self.toon_als}
        if self.voorbeeld is not None:
            out["voorbeeld"] = self.voorbeeld
        return out

    def json_schema(self, on=None):
        """The fact as a JSON Schema property (OpenAPI 3.1), described in Dutch, with an example."""
        description = self.help_on(on)
        if self.choices:
            allowed = "; ".join(f"`{v}` = {label}" for v, label in self.choices)
            description = f"{description} Toegestane waarden: {allowed}.".strip()
        if self.default is not None and not callable(self.default):
            description += f" Standaard: `{self.default}`."
        elif callable(self.default):
            description += " Standaard: het jaar van de peildatum."
        schema = {"title": self.label_on(on), "description": description}
        if self.voorbeeld is not None:
            schema["examples"] = [self.voorbeeld]
        number_bounds = {}
        if self.minimum is not None:
            key = "exclusiveMinimum" if self.exclusive_minimum else "minimum"
            number_bounds[key] = self.minimum
        number_bounds.setdefault("maximum", self.maximum if self.maximum is not None else MAX_NUMBER)
        if self.kind == BOOL:
            schema["type"] = ["boolean", "null"]
        elif self.kind in (INT, NUMBER):
            schema["type"] = ["integer" if self.kind == INT else "number", "null"]
            schema.update(number_bounds)
        elif self.kind == CHOICE:
            schema["type"] = ["string", "null"]
            schema["enum"] = [*self.choice_values, None]
        elif self.kind == TEXT:
            schema["type"] = ["string", "null"]
            schema["maxLength"] = self.max_length
            schema["pattern"] = r"^[^\u0000-\u001f\u007f]*$"
        elif self.kind == DATE:
            schema["type"] = ["string", "null"]
            schema["format"] = "date"
        elif self.kind == NUMBER_LIST:
            schema["type"] = ["array", "null"]
            schema["items"] = {"type": "number", **number_bounds}
            schema["maxItems"] = self.max_items
        return schema

    def validate(self, value):
        """The clean value, or raise ValueError with a Dutch message."""
        if value is None:
            return None
        check = _CHECKS[self.kind]
        return check(self, value)


def _fill(text, on):
    if "[[" not in text:
        return text
    return fill_placeholders(text, on or datetime.date.today())


def _number(fact, value, what="Moet een getal zijn."):
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(what)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("Moet een eindig getal zijn.")
    low, high = fact.minimum, fact.maximum if fact.maximum is not None else MAX_NUMBER
    if low is not None and (value <= low if fact.exclusive_minimum else value < low):
        if low == 0 and not fact.exclusive_minimum:
            raise ValueError("Mag niet negatief zijn.")
        if low == 0:
            raise ValueError("Moet groter zijn dan 0.")
        raise ValueError(f"Moet ten minste {low:g} zijn.")
    if value > high:
        if fact.unit == "procent":
            raise ValueError("Een percentage kan niet groter zijn dan 100.")
        raise ValueError(f"Mag niet groter zijn dan {high:g}.")
    return value


def _check_bool(fact, value):
    if not isinstance(value, bool):
        raise ValueError("Moet ja of nee zijn (true of false).")
    return value


def _check_int(fact, value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("Moet een geheel getal zijn.")
    return _number(fact, value)


def _check_number(fact, value):
    return _number(fact, value)


def _check_choice(fact, value):
    if not isinstance(value, str) or value not in fact.choice_values:
        raise ValueError("Kies een van: " + ", ".join(fact.choice_values) + ".")
    return value


def _check_text(fact, value):
    if not isinstance(value, str):
        raise ValueError("Moet een tekst zijn.")
    if len(value) > fact.max_length:
        raise ValueError(f"Mag ten hoogste {fact.max_length} tekens lang zijn.")
    if _BAD_TEXT.search(value):
        raise ValueError("Bevat ongeldige tekens.")
    value = value.strip()
    return value or None


def _check_date(fact, value):
    return parse_iso_date(value)


def _check_list(fact, value):
    if not isinstance(value, list):
        raise ValueError("Moet een lijst met getallen zijn.")
    if len(value) > fact.max_items:
        raise ValueError(f"Mag ten hoogste {fact.max_items} getallen bevatten.")
    out = []
    for index, item in enumerate(value):
        try:
            out.append(_number(fact, item))
        except ValueError as error:
            raise ValueError(f"Element {index + 1}: {error}") from None
    return out


_CHECKS = {
    BOOL: _check_bool,
    INT: _check_int,
    NUMBER: _check_number,
    CHOICE: _check_choice,
    TEXT: _check_text,
    DATE: _check_date,
    NUMBER_LIST: _check_list,
}


def safe_text(value, limit=60):
    """User input echoed in a message: printable, UTF-8 safe and short."""
    text = str(value)[:limit]
    return text.encode("unicode_escape").decode("ascii") if _BAD_TEXT.search(text) else text
