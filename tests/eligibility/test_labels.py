"""eligibility/labels.py: every value a sentence names is shown by its Dutch label, never as an identifier."""

import datetime
import json
import re
from pathlib import Path

import pytest

from eligibility.engine import evaluate
from eligibility.labels import keuze, werkgever, werkgever_invoer, werkgever_key
from eligibility.vocabulary import VOCABULARY
from tests.eligibility.test_cases_named import CASES, request_of

SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "cases" / "rules.jsonl"


def _requests():
    requests = [(case["name"], *request_of(case)) for case in CASES]
    if SHARED.exists():
        for line in SHARED.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                requests.append((case["id"], case["question"], case["input"], case["peildatum"]))
    return requests


def _sentences(answer):
    """Every text of an answer that a person reads (the fields of antwoord keep their identifiers)."""
    yield answer["antwoord"].get("voorwaarde") or ""
    for step in answer["uitleg"]:
        yield step["regel"]
        yield step["toelichting"]
        yield from (bron["titel"] for bron in step["bronnen"])
    for entry in answer["onzekerheden"]:
        yield entry["onderwerp"]
        yield entry["vraag"]
        for item in entry["lezingen"]:
            yield item["lezing"]
            yield from (bron["titel"] for bron in item["bronnen"])


def test_no_sentence_of_any_named_or_shared_case_shows_an_identifier():
    requests = _requests()
    assert len(requests) > 200
    found = {}
    for name, question, feiten, peildatum in requests:
        for sentence in _sentences(evaluate(question, feiten, peildatum)):
            for identifier in SNAKE.findall(sentence):
                found.setdefault(identifier, name)
    assert not found, found


@pytest.mark.parametrize(
    "key, label",
    [
        ("ministerie_van_jenv", "het ministerie van Justitie en Veiligheid"),
        ("ubr_binnenwerk", "UBR Binnenwerk"),
        ("uw_organisatie", "uw organisatie"),
        ("gemeente_x", "gemeente X"),
        ("sw_bedrijf_gemeente_x", "SW-bedrijf gemeente X"),
        ("provincie_noord_brabant", "provincie Noord Brabant"),
        ("ministerie_van_xyz", "het ministerie van XYZ"),
        ("Gemeente ’s-Hertogenbosch", "Gemeente ’s-Hertogenbosch"),  # typed as written: as it is
        (None, "niemand"),
    ],
)
def test_a_werkgever_is_named_by_its_label(key, label):
    assert werkgever(key, datetime.date(2024, 6, 1)) == label
    assert werkgever(key) == label


def test_a_choice_is_named_by_the_label_of_its_fact():
    assert keuze("kader", "wettelijk_quotum") == "wettelijke quotumregeling (Wfsv)"


def test_the_answer_keeps_the_identifier_and_the_sentence_uses_the_label():
    feiten = {
        "persoon_in_doelgroep": True,
        "constructie": "dienstverband",
        "vraag_voor_werkgever": "ministerie_van_jenv",
    }
    answer = evaluate("telt_mee", feiten, "2024-06-01")
    assert answer["antwoord"]["telt_mee_voor"] == "ministerie_van_jenv"
    assert "het ministerie van Justitie en Veiligheid" in answer["uitleg"][-1]["toelichting"]


@pytest.mark.parametrize(
    "typed, key",
    [
        ("ministerie_van_lnv", "ministerie_van_lnv"),  # the short name itself
        ("het ministerie van Landbouw, Natuur en Voedselkwaliteit", "ministerie_van_lnv"),  # the label
        ("Ministerie van landbouw, natuur en voedselkwaliteit", "ministerie_van_lnv"),
        ("het ministerie van LNV", "ministerie_van_lnv"),
        ("LNV", "ministerie_van_lnv"),
        ("  IenW ", "ministerie_van_ienw"),
        ("Justitie en Veiligheid", "ministerie_van_jenv"),
        ("Financien", "ministerie_van_financien"),  # without the diaeresis
        ("ministerie_van_bz", "ministerie_van_buza"),  # two short names, one label: the first
        ("UBR Binnenwerk", "ubr_binnenwerk"),
        ("het SW-bedrijf", "sw_bedrijf"),
        ("uw organisatie", "uw_organisatie"),
        ("Gemeente Utrecht", "Gemeente Utrecht"),  # not in the table: as typed
        ("gemeente_x", "gemeente_x"),
        ("het", "het"),
    ],
)
def test_a_typed_werkgever_is_read_back_to_its_short_name(typed, key):
    assert werkgever_key(typed) == key


def test_a_form_field_shows_the_label_only_when_it_reads_back_to_the_same_short_name():
    assert werkgever_invoer("ministerie_van_lnv") == "het ministerie van Landbouw, Natuur en Voedselkwaliteit"
    assert werkgever_invoer("ubr_binnenwerk") == "UBR Binnenwerk"
    assert werkgever_invoer("gemeente_x") == "gemeente_x"  # 'gemeente X' would not read back
    assert werkgever_invoer("Gemeente Utrecht") == "Gemeente Utrecht"


def test_no_question_help_text_or_choice_shows_an_identifier():
    found = {
        fact.name: SNAKE.findall(text)
        for fact in VOCABULARY.values()
        for text in (fact.label_on(), fact.help_on(), *(label for _, label in fact.choices))
        if SNAKE.search(text)
    }
    assert not found, found
