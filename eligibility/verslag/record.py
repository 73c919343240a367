"""A beslisverslag (decision record): one answer of a checker or calculator, to keep and check later.

``make(tool, vraag, feiten, peildatum)`` computes the answer as the tool does and returns the
record: the question, the facts, the peildatum, the answer, every rule with its outcome and
sources (the engine's ``uitleg``, ``bronnen`` and ``onzekerheden``), what the tool assumed, and
the rules version and release it was computed with (``eligibility.verslag.versie``). Nothing
about a person is in it: the facts are those of the rules, and the checker never asks for more.

A record is sealed: ``zegel`` is an HMAC (Django's signing, with SECRET_KEY and its fallbacks)
over the rest. ``read(data)`` checks a record that comes back (from a file, the API or the
shell) field by field and then its seal, and raises ``InvalidRecord`` with the API's ``fouten``
(``[{"veld", "melding"}]``): a record that was edited after it was made, or made by another
installation, is refused rather than compared.

``record_link(record)`` is the record as a URL: the question, the facts, the peildatum and the
rules version (the checker's query string), plus ``antwoord``: the answer, the outcome of each
rule and the facts still missing, signed like the seal (``fingerprint``). Opening the link
computes the record again under the rules of that day and compares it with what the link kept, so
the link itself says whether the answer still holds and which rule's outcome changed; the JSON
file keeps more (explanations and sources), for a full comparison. A link without ``antwoord``
(or one whose answer would not fit in an address) tells only whether the rules version changed.
"""

import hashlib
import json
import re
import zlib
from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from eligibility import engine
from eligibility.checker import state as st
from eligibility.checker import text
from eligibility.facts import safe_text
from eligibility.verslag import tools, versie

SOORT = "beslisverslag"
FORMAAT = 1
SALT = "eligibility.verslag.zegel"
MAX_BYTES = 2 * 1024 * 1024  # a record read from a file or an upload; the API has the same limit
MAX_ITEMS = 500  # items in a list of the record (uitleg, bronnen, ...)
_ZEGEL = re.compile(r"^[A-Za-z0-9_-]{20,100}$")

# The fields of a record, in order, with their JSON types (for read) and what they hold.
FIELDS = {
    "soort": (str, "Altijd 'beslisverslag'."),
    "formaat": (int, "De versie van dit formaat (nu 1)."),
    "hulpmiddel": (str, "Waarmee het antwoord is berekend: " + ", ".join(tools.TOOLS) + "."),
    "vraag": (str, "De vraag: " + ", ".join(engine.QUESTIONS) + "."),
    "titel": (str, "De vraag in woorden."),
    "peildatum": (str, "De datum waarop de regels zijn toegepast (JJJJ-MM-DD)."),
    "feiten": (dict, "De gegeven feiten, zoals bij POST /api/checks/{vraag}."),
    "kader": ((str, type(None)), "Het kader waarin is geantwoord."),
    "zin": (str, "Het antwoord in één zin (leeg als het nog niet te geven is)."),
    "antwoord": (dict, "Het antwoord van de regelmodule."),
    "uitleg": (list, "Elke toegepaste regel met uitkomst, toelichting en bronnen."),
    "bronnen": (list, "Alle bronnen van het antwoord."),
    "onzekerheden": (list, "Open vragen waarop het antwoord rust, met de gevolgde lezing."),
    "ontbrekende_feiten": (list, "Feiten die nog nodig waren."),
    "aannames": (list, "Wat het hulpmiddel heeft aangenomen, in zinnen."),
    "regels": (dict, "De regelversie (hash van de regelbestanden) en de release."),
    "zegel": (str, "Het zegel over de rest van het verslag."),
}
LIST_ITEMS = {
    "uitleg": dict,
    "bronnen": dict,
    "onzekerheden": dict,
    "ontbrekende_feiten": str,
    "aannames": str,
}


class InvalidRecord(ValueError):
    """The record cannot be read or checked; ``fouten`` = [{"veld", "melding"}] in Dutch."""

    def __init__(self, fouten):
        super().__init__(fouten)
        self.fouten = fouten[: engine.MAX_ERRORS]


def tool_title(tool):
    return tools.TOOLS[tool][0]


# --- making a record ----------------------------------------------------------------------------


def make(tool, vraag, feiten, peildatum, computed=None):
    """The sealed record of ``tool``'s answer to ``vraag``; raises engine.InvalidInput on bad facts."""
    if tool not in tools.TOOLS or vraag not in tools.TOOLS[tool][1]:
        raise engine.InvalidInput(
            [{"veld": "hulpmiddel", "melding": "Dit hulpmiddel beantwoordt die vraag niet."}]
        )
    peildatum = engine.validate_peildatum(peildatum)
    given = given_facts(vraag, feiten)
    if computed is None:
        computed = tools.compute(tool, vraag, given, peildatum)
    answer = computed.answer
    antwoord = answer["antwoord"]
    decided = not answer["ontbrekende_feiten"]
    record = {
        "soort": SOORT,
        "formaat": FORMAAT,
        "hulpmiddel": tool,
        "vraag": vraag,
        "titel": engine.module(vraag).TITEL,
        "peildatum": answer["peildatum"],
        "feiten": given,
        "kader": answer.get("kader"),
        "zin": _sentence(tool, vraag, antwoord, computed.facts, peildatum)
        if decided or tool != "checker"
        else "",
        "antwoord": antwoord,
        "uitleg": answer["uitleg"],
        "bronnen": answer["bronnen"],
        "onzekerheden": answer["onzekerheden"],
        "ontbrekende_feiten": answer["ontbrekende_feiten"],
        "aannames": list(computed.aannames),
        "regels": {"versie": versie.current(), "release": versie.release()},
    }
    record["zegel"] = seal(record)
    return record


def given_facts(vraag, feiten):
    """The facts as given, validated, in the question's asking order (the ones given only)."""
    values = engine.validate_facts(vraag, feiten)
    return {
        fact.name: values[fact.name]
        for fact in engine.module(vraag).FEITEN
        if values.get(fact.name) is not None
    }


def _sentence(tool, vraag, antwoord, facts, peildatum):
    try:
        return text.sentence(vraag, antwoord, facts, peildatum)
    except (KeyError, TypeError, ValueError):  # an answer a calculator would not show (no percentage)
        return ""


# --- the seal -----------------------------------------------------------------------------------


def canonical(record):
    """The record without its seal as one stable JSON text: what the seal covers."""
    body = {key: value for key, value in record.items() if key != "zegel"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _signer():
    return signing.Signer(salt=SALT, algorithm="sha256")


def seal(record):
    return _signer().signature(canonical(record))


def seal_holds(record):
    """Does the record's ``zegel`` belong to its content (under SECRET_KEY or a fallback key)?"""
    try:
        body = canonical(record)
    except (TypeError, ValueError):
        return False
    signer = _signer()
    try:
        signer.unsign(f"{body}{signer.sep}{record.get('zegel', '')}")
    except signing.BadSignature:
        return False
    return True


# --- reading a record that comes back ------------------------------------------------------------


def loads(raw):
    """The record in ``raw`` (bytes or text of a JSON file), checked; or raise InvalidRecord."""
    if len(raw) > MAX_BYTES:
        raise InvalidRecord([{"veld": "verslag", "melding": "Het verslag is te groot (ten hoogste 2 MB)."}])
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise InvalidRecord(
            [{"veld": "verslag", "melding": "Dit is geen geldig beslisverslag: het is geen JSON (UTF-8)."}]
        ) from None
    return read(data)


def _type_name(expected):
    names = {str: "tekst", int: "geheel getal", dict: "object", list: "lijst", type(None): "null"}
    kinds = expected if isinstance(expected, tuple) else (expected,)
    return " of ".join(names[kind] for kind in kinds)


def _is(value, expected):
    if isinstance(value, bool):  # JSON true/false are no numbers here
        return bool in (expected if isinstance(expected, tuple) else (expected,))
    return isinstance(value, expected)


def read(data):
    """The record ``data`` (parsed JSON), checked field by field and then by its seal."""
    if not isinstance(data, dict):
        raise InvalidRecord([{"veld": "verslag", "melding": "Een beslisverslag is een JSON-object."}])
    fouten = [
        {"veld": safe_text(key), "melding": "Onbekend veld in een beslisverslag."}
        for key in data
        if key not in FIELDS
    ]
    for key, (expected, _) in FIELDS.items():
        if key not in data:
            fouten.append({"veld": key, "melding": "Ontbreekt in het verslag."})
        elif not _is(data[key], expected):
            fouten.append({"veld": key, "melding": f"Moet {_type_name(expected)} zijn."})
    if fouten:
        raise InvalidRecord(fouten)
    if data["soort"] != SOORT:
        fouten.append(
            {"veld": "soort", "melding": "Dit is geen beslisverslag van het Kennisportaal Banenafspraak."}
        )
    if data["formaat"] != FORMAAT:
        fouten.append(
            {
                "veld": "formaat",
                "melding": f"Onbekende versie van het formaat; deze portal leest versie {FORMAAT}.",
            }
        )
    tool, vraag = data["hulpmiddel"], data["vraag"]
    if vraag not in engine.QUESTIONS:
        fouten.append(
            {
                "veld": "vraag",
                "melding": f"Onbekende vraag '{safe_text(vraag)}'. Bekende vragen: {', '.join(engine.QUESTIONS)}.",
            }
        )
    if tool not in tools.TOOLS:
        fouten.append(
            {"veld": "hulpmiddel", "melding": f"Onbekend hulpmiddel. Bekend: {', '.join(tools.TOOLS)}."}
        )
    elif vraag in engine.QUESTIONS and vraag not in tools.TOOLS[tool][1]:
        fouten.append(
            {
                "veld": "hulpmiddel",
                "melding": f"De {tool_title(tool).lower()} beantwoordt de vraag {vraag} niet.",
            }
        )
    try:
        engine.validate_peildatum(data["peildatum"])
    except engine.InvalidInput as error:
        fouten += error.fouten
    if vraag in engine.QUESTIONS:
        try:
            engine.validate_facts(vraag, data["feiten"])
        except engine.InvalidInput as error:
            fouten += error.fouten
    for key, kind in LIST_ITEMS.items():
        items = data[key]
        if len(items) > MAX_ITEMS:
            fouten.append({"veld": key, "melding": f"Te veel onderdelen (ten hoogste {MAX_ITEMS})."})
        elif not all(_is(item, kind) for item in items):
            fouten.append({"veld": key, "melding": f"Elk onderdeel moet {_type_name(kind)} zijn."})
    regels = data["regels"]
    if not isinstance(regels.get("versie"), str) or not versie.VERSION_PATTERN.match(regels["versie"]):
        fouten.append(
            {
                "veld": "regels.versie",
                "melding": f"Moet een regelversie zijn: {versie.LENGTH} tekens 0-9 en a-f.",
            }
        )
    if not isinstance(regels.get("release"), str) or len(regels["release"]) > versie.MAX_RELEASE:
        fouten.append(
            {
                "veld": "regels.release",
                "melding": f"Moet een tekst van ten hoogste {versie.MAX_RELEASE} tekens zijn.",
            }
        )
    fouten += [
        {"veld": f"regels.{safe_text(key)}", "melding": "Onbekend veld; toegestaan zijn versie en release."}
        for key in regels
        if key not in ("versie", "release")
    ]
    if not _ZEGEL.match(data["zegel"]):
        fouten.append({"veld": "zegel", "melding": "Dit is geen zegel van een beslisverslag."})
    if fouten:
        raise InvalidRecord(fouten)
    if not seal_holds(data):
        raise InvalidRecord(
            [
                {
                    "veld": "zegel",
                    "melding": "Het zegel klopt niet bij de inhoud: het verslag is veranderd nadat het is gemaakt, "
                    "of het komt van een andere installatie van het portaal. Alleen een onveranderd verslag "
                    "kan worden nagerekend.",
                }
            ]
        )
    return data


# --- the record as a link ------------------------------------------------------------------------

REGELVERSIE = "regelversie"
HULPMIDDEL = "hulpmiddel"
FORMAT = "formaat"
ANTWOORD = "antwoord"
LINK_SALT = "eligibility.verslag.link"
MAX_FINGERPRINT = 2500  # characters: with the facts the address stays under st.MAX_QUERY_LENGTH
BAD_FINGERPRINT = (
    "Het antwoord in de link is veranderd of onleesbaar (of de link komt van een andere installatie van het "
    "portaal). Open de link zoals u hem kreeg, of laat het JSON-bestand van het verslag controleren."
)


def _link_signer():
    return signing.Signer(salt=LINK_SALT, algorithm="sha256")


def _subject(tool, vraag, feiten, peildatum):
    """A short hash of what was asked (tool, question, facts, peildatum): the kept answer belongs to it."""
    asked = [tool, vraag, given_facts(vraag, feiten), engine.validate_peildatum(peildatum).isoformat()]
    text_ = json.dumps(asked, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()[:16]


def fingerprint(record):
    """What a link keeps of the record's answer, signed: the answer, each rule's outcome, the facts
    still missing, the rules version and what was asked; or "" when that would not fit in an address."""
    kept = {
        "k": _subject(record["hulpmiddel"], record["vraag"], record["feiten"], record["peildatum"]),
        "v": record["regels"]["versie"],
        "a": record["antwoord"],
        "r": [
            [step.get("regel_id") or step.get("regel") or "", step.get("uitkomst")]
            for step in record["uitleg"]
        ],
        "o": record["ontbrekende_feiten"],
    }
    signed = _link_signer().sign_object(kept, compress=True)  # no timestamp: one record, one link
    return signed if len(signed) <= MAX_FINGERPRINT else ""


def read_fingerprint(raw, link):
    """The answer ``link`` kept: {"antwoord", "uitleg", "ontbrekende_feiten", "regels"} (uitleg as
    regel_id and uitkomst only); raises st.BadParams when it was changed, is unreadable, or belongs to
    other facts or another rules version than the link names."""
    try:
        kept = _link_signer().unsign_object(raw) if len(raw) <= MAX_FINGERPRINT else None
    except (signing.BadSignature, ValueError, zlib.error):
        kept = None
    if not (
        isinstance(kept, dict)
        and kept.get("v") == link.regelversie
        and kept.get("k") == _subject(link.tool, link.vraag, link.feiten, link.peildatum)
        and isinstance(kept.get("a"), dict)
        and isinstance(kept.get("r"), list)
        and all(isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) for item in kept["r"])
        and isinstance(kept.get("o"), list)
    ):
        raise st.BadParams([{"veld": ANTWOORD, "melding": BAD_FINGERPRINT}])
    return {
        "antwoord": kept["a"],
        "uitleg": [{"regel_id": regel_id, "uitkomst": uitkomst} for regel_id, uitkomst in kept["r"]],
        "ontbrekende_feiten": kept["o"],
        "regels": {"versie": link.regelversie},
    }


def record_link(record, formaat=None):
    """The record's path: /check/<vraag>/verslag/?peildatum=...&<facts>&regelversie=...&antwoord=..."""
    vraag, tool = record["vraag"], record["hulpmiddel"]
    state = st.State(vraag, engine.validate_peildatum(record["peildatum"]), dict(record["feiten"]))
    query = state.query(
        skipped=False,
        **{
            HULPMIDDEL: None if tool == "checker" else tool,
            REGELVERSIE: record["regels"]["versie"],
            ANTWOORD: fingerprint(record) or None,
            FORMAT: formaat,
        },
    )
    return f"{reverse('checker-verslag', args=[vraag])}?{query}"


@dataclass
class Link:
    tool: str
    vraag: str
    feiten: dict
    peildatum: object
    regelversie: str
    formaat: str | None
    was: dict | None = None  # what the link kept of the answer (read_fingerprint), if anything


def read_link(vraag, query, today):
    """The Link in a record's query string; raises checker.state.BadParams with Dutch messages."""
    choices = tuple(name for name, (_, questions) in tools.TOOLS.items() if vraag in questions)
    state, extras, raw = st.read_state(
        vraag, query, today, extra={HULPMIDDEL: choices, FORMAT: ("json",)}, skip=(REGELVERSIE, ANTWOORD)
    )
    fouten = []
    if st.PEILDATUM not in query:
        fouten.append({"veld": st.PEILDATUM, "melding": "De peildatum ontbreekt in de link van het verslag."})
    regelversie = raw.get(REGELVERSIE, "")
    if not versie.VERSION_PATTERN.match(regelversie):
        fouten.append(
            {
                "veld": REGELVERSIE,
                "melding": f"De regelversie ontbreekt of is onleesbaar: {versie.LENGTH} tekens 0-9 en a-f.",
            }
        )
    if fouten:
        raise st.BadParams(fouten)
    found = Link(
        extras.get(HULPMIDDEL, "checker"),
        vraag,
        state.answers,
        state.peildatum,
        regelversie,
        extras.get(FORMAT),
    )
    if ANTWOORD in raw:
        found.was = read_fingerprint(raw[ANTWOORD], found)
    return found


def links(tool, vraag, feiten, peildatum):
    """{"url", "json_url"}: the record page and its JSON download, for a tool's answer page."""
    record = make(tool, vraag, feiten, peildatum)
    return {"url": record_link(record), "json_url": record_link(record, "json")}
