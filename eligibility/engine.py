"""Evaluate a question for a set of facts on a peildatum: the answer, why, and what is missing.

    evaluate("doelgroep", {"heeft_wsw_indicatie": True}, date(2024, 6, 1))

returns the answer of the rules contract (docs: ../shared/DESIGN.md): ``vraag``, ``peildatum``,
``antwoord``, ``uitleg`` (each rule with its outcome, a Dutch sentence, its sources and the
kennisartikel that explains it), ``bronnen`` and ``ontbrekende_feiten`` in asking order, plus
``onzekerheden``: the open questions the answer rests on, each with its readings and the one
followed (``eligibility.onzekerheden``). Every law source links to the text in force on the
peildatum. Invalid input raises ``InvalidInput`` with the contract's ``fouten``:
``[{"veld", "melding"}]``.
"""

import datetime

from eligibility.checker.text import ANSWER_LABELS, answer_value
from eligibility.facts import BOOL, CHOICE, safe_text
from eligibility.nl import format_value, nl_date, parse_iso_date
from eligibility.onzekerheden import for_answer
from eligibility.parameters import change_dates
from eligibility.questions import banen, doelgroep, quotum, telt_mee
from eligibility.questions.predicates import Facts
from eligibility.sources import dated, summary

QUESTIONS = {
    "doelgroep": doelgroep,
    "telt_mee": telt_mee,
    "banen": banen,
    "quotum": quotum,
}
MAX_ERRORS = 50


class UnknownQuestion(KeyError):
    pass


class InvalidInput(ValueError):
    def __init__(self, fouten):
        super().__init__(fouten)
        self.fouten = fouten


def module(question):
    try:
        return QUESTIONS[question]
    except (KeyError, TypeError):
        raise UnknownQuestion(question) from None


_SCHEMAS = {name: {fact.name: fact for fact in mod.FEITEN} for name, mod in QUESTIONS.items()}
_ORDER = {name: {fact.name: i for i, fact in enumerate(mod.FEITEN)} for name, mod in QUESTIONS.items()}
_FIELDS = {name: tuple(mod.ANTWOORD) for name, mod in QUESTIONS.items()}  # the antwoord's fields, in order


def validate_facts(question, feiten):
    """The validated facts (``None`` for facts not given), or raise InvalidInput."""
    module(question)
    schema = _SCHEMAS[question]
    if not isinstance(feiten, dict):
        raise InvalidInput([{"veld": "feiten", "melding": "Moet een object met feiten zijn."}])
    clean, fouten = {}, []
    for name, value in feiten.items():
        fact = schema.get(name)
        if fact is None:
            fouten.append(
                {
                    "veld": f"feiten.{safe_text(name)}",
                    "melding": f"Onbekend feit voor de vraag {question}. Bekende feiten: "
                    + ", ".join(schema)
                    + ".",
                }
            )
        else:
            try:
                clean[name] = fact.validate(value)
            except ValueError as error:
                fouten.append({"veld": f"feiten.{name}", "melding": str(error)})
        if len(fouten) >= MAX_ERRORS:
            break
    if fouten:
        raise InvalidInput(fouten)
    return clean


def validate_peildatum(peildatum):
    if isinstance(peildatum, datetime.datetime):
        return peildatum.date()
    if isinstance(peildatum, datetime.date):
        return peildatum
    try:
        return parse_iso_date(peildatum)
    except ValueError as error:
        raise InvalidInput([{"veld": "peildatum", "melding": str(error)}]) from None


def evaluate(question, feiten, peildatum):
    """The contract's answer for ``question`` given ``feiten`` on ``peildatum``."""
    mod = module(question)
    fouten = []  # report a bad peildatum and bad facts together
    try:
        peildatum = validate_peildatum(peildatum)
    except InvalidInput as error:
        fouten += error.fouten
    try:
        values = validate_facts(question, feiten)
    except InvalidInput as error:
        fouten += error.fouten
    if fouten:
        raise InvalidInput(fouten)
    for fact in mod.FEITEN:
        if values.get(fact.name) is None and fact.default is not None:
            values[fact.name] = fact.default_on(peildatum)
    given = {name: value for name, value in values.items() if value is not None}
    antwoord, uitleg, missing = mod.evaluate(Facts(values), peildatum)
    notes = []
    for item in uitleg:  # every law source links to the text in force on the peildatum
        notes += item.pop("onzekerheden", [])
        bronnen, seen = [], set()
        for bron in item["bronnen"]:
            code = bron.pop("onzekerheid", None)
            if code:
                notes.append(code)
            bron = dated(bron, peildatum)
            key = bron.get("url") or bron["titel"]
            if key not in seen:  # one link to an article per step
                seen.add(key)
                bronnen.append(bron)
        item["bronnen"] = bronnen
    return {
        "vraag": question,
        "peildatum": peildatum.isoformat(),
        "kader": values.get("kader"),
        "antwoord": {key: antwoord[key] for key in _FIELDS[question] if key in antwoord},
        "uitleg": uitleg,
        "bronnen": _sources(uitleg),
        "ontbrekende_feiten": asking_order(question, missing, given),
        "onzekerheden": for_answer(notes, peildatum),
    }


def asking_order(question, missing, given):
    """The missing facts in asking order: first the follow-up questions of a given answer, then the rest.

    Both in the question's declared order. A fact whose ``toon_als`` does not hold yet (the Wajong
    regime before a Wajong right is known) is left out while others are missing: it is asked once
    the answer it depends on is given.
    """
    schema, order = _SCHEMAS[question], _ORDER[question]
    names = sorted(set(missing), key=order.__getitem__)
    names = [name for name in names if schema[name].relevant(given)] or names
    follow_up = [name for name in names if schema[name].toon_als and schema[name].relevant(given)]
    return follow_up + [name for name in names if name not in follow_up]


def with_last_known_percentage(feiten, peildatum, answer):
    """For the quotum tools: when the year has no published percentage, the answer with the last
    known one, and that percentage (``{"percentage", "jaar", "voorlopig", "bronnen"}``); else
    ``(answer, None)``. The API itself never guesses: it lists ``quotumpercentage`` as missing."""
    last = answer["antwoord"].get("laatst_bekende_quotumpercentage")
    if last is None or "quotumpercentage" not in answer["ontbrekende_feiten"]:
        return answer, None
    return evaluate("quotum", {**feiten, "quotumpercentage": last["percentage"]}, peildatum), last


def conditional_answers(question, feiten, peildatum, name):
    """The answer for each value of the missing yes/no or choice fact ``name``, when each decides it.

    [(value, answer), ...], or [] when the fact has other kinds of values or some value still
    leaves the answer open. This is what a checker shows for 'Weet ik niet': 'ja, als ...'.
    """
    fact = _SCHEMAS[question][name]
    values = (True, False) if fact.kind == BOOL else fact.choice_values if fact.kind == CHOICE else ()
    out = []
    for value in values:
        answer = evaluate(question, {**feiten, name: value}, peildatum)
        if answer["ontbrekende_feiten"]:
            return []
        out.append((value, answer))
    return out


def _sources(uitleg):
    return summary(bron for item in uitleg for bron in item["bronnen"])


def fact_schema(question, on=None):
    """The facts of a question for a guided checker: one question per screen, in asking order."""
    mod = module(question)
    return {
        "vraag": question,
        "titel": mod.TITEL,
        "omschrijving": " ".join(mod.__doc__.split("\n\n")[0].split()),
        "feiten": [fact.describe(on) for fact in mod.FEITEN],
    }


def request_json_schema(question):
    """JSON Schema of the request body ``{"peildatum", "feiten"}`` for one question (OpenAPI)."""
    mod = module(question)
    return {
        "title": f"Verzoek {question}",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "peildatum": {
                # null is taken as omitted (the API has always accepted it so): today
                "type": ["string", "null"],
                "format": "date",
                "title": "Peildatum",
                "description": "De datum waarop de regels worden toegepast (JJJJ-MM-DD). "
                "Weggelaten of null: vandaag.",
            },
            "feiten": {
                "type": "object",
                "title": f"Feiten voor: {mod.TITEL}",
                "description": "Alle feiten zijn optioneel; wat nog nodig is, staat in ontbrekende_feiten.",
                "additionalProperties": False,
                "properties": {fact.name: fact.json_schema() for fact in mod.FEITEN},
            },
        },
        "examples": [example_body(question)],
    }


def example_body(question):
    """A request body that shows every fact of a question with its example value."""
    mod = module(question)
    return {
        "peildatum": "2024-06-01",
        "feiten": {fact.name: fact.voorbeeld for fact in mod.FEITEN if fact.voorbeeld is not None},
    }


def differences_on_other_dates(question, feiten, peildatum):
    """Periods in which the answer for the same facts would differ from the one on ``peildatum``.

    Re-evaluates on every date a parameter changes (and the day before the first change), joins
    consecutive dates with the same answer into a period, and returns each period whose answer
    differs: ``{"van", "tot", "antwoord", "verschil", "melding"}`` (``van``/``tot`` ISO dates,
    ``tot`` inclusive and None for an open end), for the UI's "op een andere datum" note.
    """
    base = _comparable(evaluate(question, feiten, peildatum)["antwoord"])
    days = change_dates()
    days = [days[0] - datetime.timedelta(days=1), *days]
    periods = []  # [start, end, answer]
    for day, next_day in zip(days, [*days[1:], None], strict=True):
        answer = _comparable(evaluate(question, feiten, day)["antwoord"])
        end = None if next_day is None else next_day - datetime.timedelta(days=1)
        if periods and periods[-1][2] == answer:
            periods[-1][1] = end
        else:
            periods.append([day, end, answer])
    periods[0][0] = None  # the first period has no known start
    out = []
    for start, end, answer in periods:
        if answer == base:
            continue
        verschil = {
            key: {"nu": base.get(key), "dan": answer.get(key)}
            for key in [*base, *(k for k in answer if k not in base)]
            if base.get(key) != answer.get(key)
        }
        out.append(
            {
                "van": start and start.isoformat(),
                "tot": end and end.isoformat(),
                "antwoord": answer,
                "verschil": verschil,
                "melding": f"{_period(start, end)} zou het antwoord anders zijn: "
                + "; ".join(
                    f"{_field(key)}: {_show(key, change['dan'])} in plaats van {_show(key, change['nu'])}"
                    for key, change in verschil.items()
                    if not isinstance(change["nu"], list) and key != "voorwaarde"
                )
                + ".",
            }
        )
    return out


NOT_COMPARED = ("per_grond", "laatst_bekende_quotumpercentage")  # details, not the answer itself


def _comparable(antwoord):
    return {key: value for key, value in antwoord.items() if key not in NOT_COMPARED}


def _period(start, end):
    if start is None:
        return f"Tot en met {nl_date(end)}"
    if end is None:
        return f"Vanaf {nl_date(start)}"
    return f"Van {nl_date(start)} tot en met {nl_date(end)}"


def _field(key):
    """How a sentence names a field of the antwoord: its label (Field.label), never its key."""
    label = ANSWER_LABELS.get(key, key.replace("_", " "))
    return label[:1].lower() + label[1:]


def _show(key, value):
    """A value of the antwoord in a sentence: the Dutch label of a code, or the number written the Dutch way."""
    if value is None:
        return "onbekend"
    return answer_value(key, value) if isinstance(value, str) else format_value(value)
