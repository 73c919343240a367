"""Shared building blocks: facts as seen by predicates, atomic predicates, and deciding.

Predicates are ``rules`` predicates taking ``(facts, peildatum)`` and combined with ``&``, ``|``
and ``~``. A fact that is not given is treated in one of two ways, declared per predicate:

- with a ``default``: exceptions ("tenzij ...") and grounds that were not mentioned are taken
  not to apply, and the explanation says so;
- as *required*: the predicate cannot be evaluated. ``decide`` then tries both outcomes of that
  predicate; if the answer is the same either way the fact did not matter, otherwise the answer
  is undecided and the fact is listed as missing.

So a rule is written once, as plain boolean logic, and still knows which facts it needs.
"""

import datetime
from collections import namedtuple
from dataclasses import dataclass

from rules import Predicate

from eligibility.labels import keuze
from eligibility.nl import nl_date
from eligibility.parameters import PARAMETERS, fill_placeholders, parameter
from eligibility.sources import kennisartikel

REQUIRED = object()

# A field of an answer: its JSON Schema, its description (OpenAPI) and how a page labels it.
Field = namedtuple("Field", "schema omschrijving label")
MAX_BRANCHES = 256


class Unknown(Exception):
    """A required fact (or a parameter without a value) is needed to go on."""

    def __init__(self, key, fact):
        super().__init__(key)
        self.key = key
        self.fact = fact  # None when the gap is a parameter, not something the user can tell


class Facts:
    """The validated facts of one evaluation, plus the outcomes ``decide`` is trying."""

    __slots__ = ("values", "assumed")

    def __init__(self, values):
        self.values = values
        self.assumed = {}

    def get(self, name, default=None):
        value = self.values.get(name)
        return default if value is None else value

    def given(self, name):
        return self.values.get(name) is not None

    def require(self, key, fact):
        try:
            return self.assumed[key]
        except KeyError:
            raise Unknown(key, fact) from None


def fact_predicate(key, fact, test=bool, default=REQUIRED):
    """A predicate on one fact: ``test(value)``, or ``default`` / required when not given."""

    def check(facts, peildatum):
        value = facts.values.get(fact)
        if value is None:
            return facts.require(key, fact) if default is REQUIRED else default
        return bool(test(value))

    return Predicate(check, name=key)


def entry_predicate(key, fact, test=bool):
    """A ground's entry fact: required. A ground that was not asked is not absent (Besluit Wfsv 2.25)."""

    def check(facts, peildatum):
        value = facts.values.get(fact)
        if value is None:
            return facts.require(key, fact)
        return bool(test(value))

    return Predicate(check, name=key)


def dated_predicate(key, name, test=bool):
    """A predicate on a dated parameter on the peildatum; unknown when it has no value."""

    def check(facts, peildatum):
        value = parameter(name, peildatum).value
        if value is None:
            return facts.require(key, None)
        return bool(test(value))

    return Predicate(check, name=key)


@dataclass(frozen=True)
class Decision:
    outcome: bool | None
    missing: tuple = ()  # fact names, in the order met
    gap: bool = False  # a parameter without a value blocked the answer


def decide(pred, facts, peildatum, full=True):
    """Evaluate ``pred``, trying both outcomes of every required predicate that lacks its fact.

    ``full=False`` stops as soon as both outcomes were seen: the decision is then open, but its
    ``missing`` lists only the facts met so far (for a caller that needs the outcome only).
    """
    outcomes, missing, gap = set(), [], False
    pending = [{}]
    branches = 0
    while pending and branches < MAX_BRANCHES and (full or len(outcomes) < 2):
        branches += 1
        facts.assumed = pending.pop()
        try:
            outcomes.add(pred.test(facts, peildatum))
        except Unknown as unknown:
            if unknown.fact is None:
                gap = True
            elif unknown.fact not in missing:
                missing.append(unknown.fact)
            pending.append({**facts.assumed, unknown.key: False})
            pending.append({**facts.assumed, unknown.key: True})
    facts.assumed = {}
    if len(outcomes) == 1 and not pending:
        return Decision(outcomes.pop())
    return Decision(None, tuple(missing), gap)


JA, NEE, ONBEKEND = "ja", "nee", "onbekend"


def uitkomst(outcome):
    return ONBEKEND if outcome is None else (JA if outcome else NEE)


def step(regel_id, regel, outcome, toelichting, bronnen, artikel, onzekerheden=()):
    """One line of ``uitleg``: the rule, its outcome, one Dutch sentence and its sources.

    ``onzekerheden`` names the open questions (``eligibility.onzekerheden``) this step rests on;
    the engine lists them on the answer. A source's own ``onzekerheid`` does the same.
    """
    out = {
        "regel": regel,
        "regel_id": regel_id,
        "uitkomst": outcome if isinstance(outcome, str) else uitkomst(outcome),
        "toelichting": " ".join(str(toelichting).split()),
        "bronnen": [dict(bron) for bron in bronnen],  # copies: callers may edit an answer freely
        "kennisartikel": dict(kennisartikel(artikel)),
    }
    if onzekerheden:
        out["onzekerheden"] = list(onzekerheden)
    return out


def parameter_step(regel_id, regel, outcome, toelichting, value, artikel, onzekerheden=()):
    """A step that rests on a dated parameter value: its references, its open questions, provisional or not."""
    notes = (*onzekerheden, *value.onzekerheden)
    if value.voorlopig:
        notes += (
            {
                "id": f"voorlopig:{value.name}",
                "onderwerp": "Voorlopige waarde",
                "vraag": f"{value.description} De bron noemt de waarde die hier is gebruikt voorlopig.",
            },
        )
    return step(regel_id, regel, outcome, toelichting, value.reference, artikel, notes)


def _text(text, facts, peildatum):
    return text(facts, peildatum) if callable(text) else text


@dataclass(frozen=True)
class Rule:
    """A named yes/no rule: what it says, its sources, its kennisartikel and a sentence per outcome.

    ``label`` is how an answer names the rule's outcome (a ground: "een Wsw-indicatie"), ``entry``
    the facts that start it; tables of labels and the facts to ask are derived from the rules.
    ``bronnen`` may be a callable(peildatum) when the sources change with the text in force.
    """

    id: str
    regel: str
    predicate: Predicate
    artikel: str
    bronnen: object  # tuple of sources, or callable(peildatum) -> tuple
    ja: object  # str, or callable(facts, peildatum) -> str
    nee: object
    onbekend: object = "Dit is nog niet te beoordelen; zie de ontbrekende feiten."
    label: str = ""
    entry: tuple = ()
    onzekerheden: tuple = ()

    def decide(self, facts, peildatum, full=True):
        return decide(self.predicate, facts, peildatum, full)

    def sources(self, peildatum):
        return self.bronnen(peildatum) if callable(self.bronnen) else self.bronnen

    def explain(self, decision, facts, peildatum):
        text = {True: self.ja, False: self.nee, None: self.onbekend}[decision.outcome]
        return step(
            self.id,
            self.regel,
            decision.outcome,
            _text(text, facts, peildatum),
            self.sources(peildatum),
            self.artikel,
            self.onzekerheden,
        )


ART2 = "stelsel.inwerkingtreding_art2_wet_banenafspraak"


def art2_in_force(peildatum):
    """True, False, or None when the date of art. 2 Wet banenafspraak is not known."""
    start = parameter(ART2, peildatum).value
    if start is None:
        return None
    return peildatum >= start


def art2_condition(peildatum):
    """The condition an answer in the kader wet_banenafspraak_2025 rests on, or None."""
    start = parameter(ART2, peildatum).value
    if start is None:
        return (
            "Dit antwoord geldt pas vanaf de inwerkingtreding van artikel 2 van de Wet banenafspraak. Die "
            "datum wordt bij koninklijk besluit bepaald en is nog niet bekend; tot dan geldt de "
            f"{keuze('kader', 'wettelijk_quotum')}."
        )
    if isinstance(start, datetime.date) and peildatum < start:
        return (
            f"Artikel 2 van de Wet banenafspraak treedt pas op {nl_date(start)} in werking; op de peildatum "
            f"geldt nog de {keuze('kader', 'wettelijk_quotum')}."
        )
    return None


_KADERS = {
    "wettelijk_quotum": (
        "Kader: wettelijke quotumregeling (Wfsv)",
        "De regels van de Wfsv (art. 38b e.v., 122n en 122na) gelden vanaf [[per:stelsel.wet_bqa_in_werking]] "
        "tot de inwerkingtreding van artikel 2 van de Wet banenafspraak.",
        ("wfsv", "38b"),
        "quotumregeling",
    ),
    "monitor_rijk": (
        "Kader: monitor banenafspraak Rijk (beleid)",
        "De interne taakstelling en monitor van de Rijksoverheid (quotumcalculator, monitor, jaarrapportage "
        "bedrijfsvoering): beleid, geen wet.",
        None,
        "wat-telt-mee",
    ),
}


def kader_step(kader, peildatum):
    """The uitleg step for the kader, and the condition the answer rests on (or None)."""
    from eligibility.sources import document, law

    if kader == "wet_banenafspraak_2025":
        condition = art2_condition(peildatum)
        return (
            step(
                "kader",
                "Kader: Wet banenafspraak 2025 (nieuw stelsel)",
                "voorwaardelijk" if condition else JA,
                condition or "Artikel 2 van de Wet banenafspraak is op de peildatum in werking.",
                (law("wet_banenafspraak", "2"), law("wet_banenafspraak", "13"), document("kamerstuk-36449")),
                "wet-banenafspraak-2025",
                ("art2_datum",) if condition else (),
            ),
            condition,
        )
    regel, toelichting, article, artikel = _KADERS[kader]
    bronnen = (
        (law(*article),) if article else (document("werkagenda-rijk-2021"), document("kamerbrief-bzk-2023"))
    )
    return step("kader", regel, kader, fill_placeholders(toelichting, peildatum), bronnen, artikel), None


def since_text(name, test=bool):
    """'1 januari 2017': the first date on which parameter ``name`` has such a value ('onbekend' if none)."""
    day = PARAMETERS[name].first(test)
    return "onbekend" if day is None else nl_date(day)
