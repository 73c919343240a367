"""The checker's state, kept only in the query string, and the walk that decides what to ask.

A checker URL carries the peildatum, the facts answered so far (one parameter per fact, named as
in the engine's schema) and ``overgeslagen``, the questions answered with "weet ik niet". Nothing
is kept on the server: Back, Next and a shared link all rebuild the state from the URL.

Values in a URL are written the Dutch way, so that they read the same as in the form fields:
``ja``/``nee`` for yes/no, a decimal comma (``25,5``), dates as ``JJJJ-MM-DD`` and lists of
numbers separated by ``;``. Anything else in the query string (an unknown parameter, a value of
the wrong type, a repeated parameter, a control character, a huge number) raises ``BadParams``
with Dutch messages, which the views show on a 400 page.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from eligibility import engine
from eligibility.facts import BOOL, CHOICE, DATE, INT, NUMBER, NUMBER_LIST, TEXT, safe_text
from eligibility.labels import WERKGEVER_FEITEN, werkgever_key
from eligibility.nl import MAX_DIGITS, nl_date, number_text, parse_date, parse_number, plain_number

PEILDATUM = "peildatum"
SKIPPED = "overgeslagen"
MIN_PEILDATUM = datetime.date(2013, 1, 1)
MAX_PEILDATUM = datetime.date(2100, 12, 31)
MAX_QUERY_LENGTH = 4000
MAX_PARAMS = 60
MAX_RAW_LENGTH = 500

_INTEGER = re.compile(r"^[+-]?\d+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")

# Which fields of the antwoord decide whether a question still matters (see ``plan``).
DECISIVE = {
    "doelgroep": ("in_doelgroep", "telt_voor"),
    "telt_mee": ("telt_mee", "telt_mee_voor"),
    "banen": ("banen",),
}


class BadParams(ValueError):
    """The query string cannot be read; ``fouten`` = [{"veld", "melding"}] in Dutch."""

    def __init__(self, fouten):
        super().__init__(fouten)
        self.fouten = fouten


def facts_of(vraag):
    """The engine's declared facts of a question, in asking order."""
    return engine.module(vraag).FEITEN


def schema(vraag):
    return {fact.name: fact for fact in facts_of(vraag)}


# --- values -----------------------------------------------------------------------------------


def parse_peildatum(text):
    day = parse_date(text)
    if not MIN_PEILDATUM <= day <= MAX_PEILDATUM:
        raise ValueError(
            f"De peildatum moet tussen {nl_date(MIN_PEILDATUM)} en {nl_date(MAX_PEILDATUM)} liggen."
        )
    return day


def parse_value(fact, raw):
    """The engine value of a fact from its text in a URL or form field; ValueError if invalid.

    Only the shape is checked here; the engine's own ``validate_facts`` checks the bounds.
    """
    if len(raw) > MAX_RAW_LENGTH:
        raise ValueError("Dit antwoord is te lang.")
    if _CONTROL.search(raw):
        raise ValueError("Dit antwoord bevat ongeldige tekens.")
    text = raw.strip()
    kind = fact.kind
    if kind == BOOL:
        if text.lower() in ("ja", "nee"):
            return text.lower() == "ja"
        raise ValueError("Kies ja of nee.")
    if kind == CHOICE:
        if text in fact.choice_values:
            return text
        raise ValueError("Kies een van de antwoorden.")
    if kind == INT:
        compact = _SPACES.sub("", text)
        if not _INTEGER.match(compact):
            raise ValueError("Vul een geheel getal in, bijvoorbeeld 2025.")
        if len(compact.lstrip("+-")) > MAX_DIGITS:
            raise ValueError("Dit getal is te groot.")
        return int(compact)
    if kind == NUMBER:
        return plain_number(parse_number(text))
    if kind == DATE:
        return parse_date(text).isoformat()
    if kind == NUMBER_LIST:
        parts = [part for part in re.split(r"[;\n]+", text) if part.strip()]
        if not parts:
            raise ValueError("Vul een of meer getallen in, gescheiden door een puntkomma.")
        if len(parts) > fact.max_items:
            raise ValueError(f"Vul ten hoogste {fact.max_items} getallen in.")
        out = []
        for index, part in enumerate(parts, 1):
            try:
                out.append(plain_number(parse_number(part)))
            except ValueError as error:
                raise ValueError(f"Getal {index}: {error}") from None
        return out
    if kind == TEXT:
        return werkgever_key(text) if fact.name in WERKGEVER_FEITEN else text
    raise ValueError("Onbekend soort antwoord.")  # pragma: no cover - every kind is handled above


def format_value(fact, value):
    """The canonical text of a value, for a URL or a form field (the inverse of parse_value)."""
    kind = fact.kind
    if kind == BOOL:
        return "ja" if value else "nee"
    if kind in (INT, NUMBER):
        return number_text(value)
    if kind == NUMBER_LIST:
        return "; ".join(number_text(item) for item in value)
    return str(value)


def validate(vraag, values):
    """The engine's check of typed values: {name: Dutch message} for each fact it rejects."""
    try:
        engine.validate_facts(vraag, values)
    except engine.InvalidInput as error:
        return {item["veld"].removeprefix("feiten."): item["melding"] for item in error.fouten}
    return {}


# --- the state --------------------------------------------------------------------------------


@dataclass
class State:
    vraag: str
    peildatum: datetime.date
    answers: dict = field(default_factory=dict)  # fact name -> engine value
    skipped: set = field(default_factory=set)  # facts answered with "weet ik niet"

    def copy(self):
        return State(self.vraag, self.peildatum, dict(self.answers), set(self.skipped))

    def answer(self, name, value):
        self.skipped.discard(name)
        self.answers[name] = value

    def skip(self, name):
        self.answers.pop(name, None)
        self.skipped.add(name)

    def clear(self, name):
        self.answers.pop(name, None)
        self.skipped.discard(name)

    def is_answered(self, name):
        return name in self.answers or name in self.skipped

    def params(self, facts=None, skipped=True):
        """The query parameters in a stable order: peildatum, facts in asking order, skipped."""
        facts = self.answers if facts is None else facts
        pairs = [(PEILDATUM, self.peildatum.isoformat())]
        for fact in facts_of(self.vraag):
            if fact.name in facts:
                pairs.append((fact.name, format_value(fact, facts[fact.name])))
        order = [fact.name for fact in facts_of(self.vraag) if fact.name in self.skipped]
        if skipped and order:
            pairs.append((SKIPPED, ",".join(order)))
        return pairs

    def query(self, facts=None, skipped=True, **extra):
        pairs = self.params(facts, skipped) + [(k, v) for k, v in extra.items() if v is not None]
        return urlencode(pairs)


def read_state(vraag, query, today, extra=(), skip=()):
    """The State in a QueryDict, plus the extra parameters allowed (``extra``: name -> choices).

    Parameters named in ``skip`` (the field being answered on a form) are returned unread in
    ``raw``. Raises BadParams listing every problem at once.
    """
    facts = schema(vraag)
    fouten = []
    if len(query.urlencode()) > MAX_QUERY_LENGTH:
        raise BadParams([{"veld": "adres", "melding": "Het adres van de pagina is te lang."}])
    if len(query) > MAX_PARAMS:
        raise BadParams([{"veld": "adres", "melding": "Het adres van de pagina bevat te veel gegevens."}])
    state = State(vraag, today)
    raw, extras, values = {}, {}, {}
    for key, items in query.lists():
        name = safe_text(key)
        if len(items) > 1:
            fouten.append({"veld": name, "melding": "Dit gegeven staat meer dan eens in het adres."})
            continue
        text = items[0]
        if key in skip:
            raw[key] = text
        elif key == PEILDATUM:
            try:
                state.peildatum = parse_peildatum(text) if text.strip() else today
            except ValueError as error:
                fouten.append({"veld": PEILDATUM, "melding": str(error)})
        elif key == SKIPPED:
            names = [n for n in text.split(",") if n]
            unknown = [safe_text(n) for n in names if n not in facts]
            if unknown:
                fouten.append(
                    {"veld": SKIPPED, "melding": "Onbekende vragen overgeslagen: " + ", ".join(unknown) + "."}
                )
            state.skipped = {n for n in names if n in facts}
        elif key in extra:
            if text not in extra[key]:
                fouten.append({"veld": name, "melding": "Deze waarde is hier niet toegestaan."})
            else:
                extras[key] = text
        elif key in facts:
            if not text.strip():
                continue  # an empty field: not answered
            try:
                values[key] = parse_value(facts[key], text)
            except ValueError as error:
                fouten.append({"veld": key, "melding": str(error)})
        else:
            fouten.append({"veld": name, "melding": "Onbekend gegeven voor deze vraag."})
    for name, message in validate(vraag, values).items():
        fouten.append({"veld": name, "melding": message})
        values.pop(name, None)
    if fouten:
        raise BadParams(fouten[: engine.MAX_ERRORS])
    state.answers = {f.name: values[f.name] for f in facts.values() if f.name in values}
    state.skipped -= set(state.answers)
    return state, extras, raw


def read_field(vraag, name, text):
    """One fact from a form field: (value or None when empty, Dutch error or None)."""
    fact = schema(vraag)[name]
    if text is None or not text.strip():
        return None, None
    try:
        value = parse_value(fact, text)
    except ValueError as error:
        return None, str(error)
    message = validate(vraag, {name: value}).get(name)
    return (None, message) if message else (value, None)


# --- the walk ---------------------------------------------------------------------------------


def relevant(fact, facts):
    """Does the fact's ``toon_als`` hold for these facts (or has it none)?"""
    if not fact.toon_als:
        return True
    return any(name in facts and ("*" in values or facts[name] in values) for name, values in fact.toon_als)


def in_force(vraag, answers):
    """The answers whose question is relevant (toon_als) given the other answers in force."""
    facts = schema(vraag)
    active = {}
    changed = True
    while changed:
        changed = False
        for name, value in answers.items():
            if name not in active and relevant(facts[name], active):
                active[name] = value
                changed = True
    return {name: active[name] for name in answers if name in active}


def _samples(fact, peildatum):
    if fact.kind == BOOL:
        return (True, False)
    if fact.kind == CHOICE:
        return fact.choice_values
    if fact.kind in (INT, NUMBER, NUMBER_LIST):
        low = fact.minimum if fact.minimum is not None else 0
        low = max(low, 0) + (1 if fact.exclusive_minimum else 0)
        high = fact.maximum if fact.maximum is not None else 1_000_000
        numbers = sorted({low, (low + high) / 2, high})
        if fact.kind == INT:
            numbers = sorted({int(n) for n in numbers})
        return [[n] for n in numbers] if fact.kind == NUMBER_LIST else numbers
    if fact.kind == DATE:
        return (peildatum.replace(year=peildatum.year - 3).isoformat(), peildatum.isoformat())
    return ()  # text: asked only when the engine says it is missing


def _decisive(vraag, antwoord):
    keys = DECISIVE.get(vraag)
    return dict(antwoord) if keys is None else {key: antwoord.get(key) for key in keys}


def _matters(vraag, fact, facts, antwoord, peildatum):
    """Could an answer to this question change the answer the facts give now?"""
    base = _decisive(vraag, antwoord)
    for sample in _samples(fact, peildatum):
        try:
            other = engine.evaluate(vraag, {**facts, fact.name: sample}, peildatum)
        except engine.InvalidInput:
            continue
        if _decisive(vraag, other["antwoord"]) != base:
            return True
    return False


@dataclass
class Plan:
    path: list  # the questions asked, in order
    current: str | None  # the next question to ask, or None when all are answered
    facts: dict  # the facts the answer rests on
    result: dict  # the engine's answer for those facts

    @property
    def complete(self):
        return self.current is None


def plan(state):
    """Walk the engine from no facts to the state's answers, one question at a time.

    Each round asks the first of the engine's ``ontbrekende_feiten``. When nothing is missing,
    a question the engine listed earlier is still asked if an answer to it could change the
    answer (so a checker asks about every ground of the doelgroep, while the API may leave
    them out). Answers to questions the walk did not need (given from the review screen) join
    at the end; a question answered with "weet ik niet" counts as asked but is not a fact.
    """
    vraag, peildatum = state.vraag, state.peildatum
    facts = schema(vraag)
    answers = in_force(vraag, state.answers)
    walk = {}
    if "kader" in answers:
        walk["kader"] = answers["kader"]
    path, pending, done = [], [], set(walk)
    for _ in range(2 * len(facts) + 2):
        result = engine.evaluate(vraag, walk, peildatum)
        missing = [name for name in result["ontbrekende_feiten"] if name not in done]
        pending += [name for name in missing if name not in pending]
        nxt = missing[0] if missing else None
        if nxt is None:
            assumed = [n for n, f in facts.items() if f.altijd_vragen and n not in pending]
            for name in [*pending, *assumed]:
                if (
                    name not in done
                    and relevant(facts[name], walk)
                    and _matters(vraag, facts[name], walk, result["antwoord"], peildatum)
                ):
                    nxt = name
                    break
        if nxt is None:
            extra = {name: value for name, value in answers.items() if name not in walk}
            if not extra:
                return Plan(path, None, walk, result)
            walk.update(extra)
            done.update(extra)
            continue
        if nxt in state.answers or nxt in state.skipped:
            done.add(nxt)
            path.append(nxt)
            if nxt in state.answers:
                walk[nxt] = state.answers[nxt]
            continue
        return Plan(path, nxt, walk, result)
    return Plan(path, None, walk, engine.evaluate(vraag, walk, peildatum))  # pragma: no cover
