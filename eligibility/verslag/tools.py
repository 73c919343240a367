"""The answer as each tool computes it, so a decision record can compute it again the same way.

The guided checker, the banencalculator and the API ask the engine directly. The quotum tools (the
checker's quotum question and the quotumcalculator) answer for every year: when the year has no
published quotumpercentage they use the last known one, and say so. The quotumcalculator also
takes the banen realised and turns them into verloonde uren with the jaarnorm in force. Each step
a tool takes beyond the engine is an ``aanname``: a Dutch sentence the answer and the record show.
"""

import datetime
from dataclasses import dataclass, field

from eligibility import engine
from eligibility.checker.text import last_known_note
from eligibility.nl import nl_number
from eligibility.parameters import parameter

TOOLS = {  # name: (what the record calls it, the questions it answers)
    "checker": ("Checker", tuple(engine.QUESTIONS)),
    "quotumcalculator": ("Quotumcalculator", ("quotum",)),
    "banencalculator": ("Banencalculator", ("banen",)),
}


@dataclass
class Computed:
    answer: dict  # the engine's answer
    facts: dict  # the facts the engine was given (after the tool's own steps)
    aannames: list = field(default_factory=list)  # Dutch sentences: what the tool assumed
    last_known: dict | None = None  # the last known quotumpercentage used, if any
    converted: tuple | None = None  # (banen, jaarnorm) when realised banen became hours


def _year(feiten, peildatum):
    jaar = feiten.get("jaar")
    if jaar is None:
        fact = next(f for f in engine.module("quotum").FEITEN if f.name == "jaar")
        jaar = fact.default_on(peildatum)
    return jaar


def checker(vraag, feiten, peildatum):
    """The checker's answer: the engine's, with the last known quotumpercentage for quotum."""
    answer = engine.evaluate(vraag, feiten, peildatum)
    if vraag != "quotum":
        return Computed(answer, feiten)
    answer, last = engine.with_last_known_percentage(feiten, peildatum, answer)
    notes = [last_known_note(last, _year(feiten, peildatum))] if last else []
    return Computed(answer, feiten, notes, last)


def quotumcalculator(feiten, peildatum):
    """The quotumcalculator's answer for its facts (``jaar`` filled in, as the form does).

    Realised banen without fte are turned into verloonde uren of arbeidsbeperkten with the jaarnorm
    of the year: banen x jaarnorm.
    """
    facts = dict(feiten)
    jaar = facts.get("jaar") or peildatum.year
    facts["jaar"] = jaar
    realised = facts.get("gerealiseerde_banen")
    converted = None
    notes = []
    if realised is not None and facts.get("fte") is None:
        norm = parameter("banen.jaarnorm", datetime.date(jaar, 12, 31)).value
        if norm is not None:
            converted = (realised, norm)
            facts.pop("gerealiseerde_banen")
            facts["verloonde_uren_arbeidsbeperkten"] = round(realised * norm, 2)
            notes.append(
                f"De gerealiseerde banen zijn omgerekend naar uren: {nl_number(realised)} x "
                f"{nl_number(norm)} uur per baan (jaarnorm) = verloonde uren van arbeidsbeperkten."
            )
    answer, last = engine.with_last_known_percentage(
        facts, peildatum, engine.evaluate("quotum", facts, peildatum)
    )
    if last:
        notes.insert(0, last_known_note(last, jaar))
    return Computed(answer, facts, notes, last, converted)


def compute(tool, vraag, feiten, peildatum):
    """The Computed answer of ``tool`` for ``vraag``; raises engine.InvalidInput on bad facts."""
    peildatum = engine.validate_peildatum(peildatum)
    if tool == "quotumcalculator":
        return quotumcalculator(feiten, peildatum)
    return checker(vraag, feiten, peildatum)
