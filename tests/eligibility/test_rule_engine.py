"""eligibility/engine.py: validation (422-style errors), defaults, asking order, determinism."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eligibility import engine
from eligibility.facts import BOOL, CHOICE, DATE, INT, NUMBER, NUMBER_LIST, TEXT
from eligibility.sources import KENNISARTIKELEN

DAY = "2024-06-01"


def errors(question, feiten, peildatum=DAY):
    with pytest.raises(engine.InvalidInput) as caught:
        engine.evaluate(question, feiten, peildatum)
    return caught.value.fouten


@pytest.mark.parametrize(
    "question, feiten, veld, fragment",
    [
        ("doelgroep", {"bestaat_niet": True}, "feiten.bestaat_niet", "Onbekend feit"),
        ("doelgroep", {"heeft_wsw_indicatie": "ja"}, "feiten.heeft_wsw_indicatie", "ja of nee"),
        ("doelgroep", {"heeft_wsw_indicatie": 1}, "feiten.heeft_wsw_indicatie", "ja of nee"),
        ("banen", {"uren_per_week": True}, "feiten.uren_per_week", "getal"),
        ("banen", {"uren_per_week": "25,5"}, "feiten.uren_per_week", "getal"),
        ("banen", {"uren_per_week": -0.5}, "feiten.uren_per_week", "negatief"),
        ("banen", {"uren_per_week": float("nan")}, "feiten.uren_per_week", "eindig"),
        ("banen", {"uren_per_week": float("inf")}, "feiten.uren_per_week", "eindig"),
        ("banen", {"uren_per_week_per_persoon": [10, -1]}, "feiten.uren_per_week_per_persoon", "Element 2"),
        ("banen", {"uren_per_week_per_persoon": 10}, "feiten.uren_per_week_per_persoon", "lijst"),
        (
            "banen",
            {"uren_per_week_per_persoon": [1] * 1001},
            "feiten.uren_per_week_per_persoon",
            "ten hoogste",
        ),
        ("banen", {"weken_per_jaar": 54}, "feiten.weken_per_jaar", "groter"),
        ("banen", {"jaarnorm_uren": 0}, "feiten.jaarnorm_uren", "ten minste 1"),
        (
            "doelgroep",
            {"praktijkroute_loonwaarde_pct": 100.5},
            "feiten.praktijkroute_loonwaarde_pct",
            "percentage",
        ),
        ("quotum", {"quotumpercentage": 101}, "feiten.quotumpercentage", "percentage"),
        ("quotum", {"jaar": 2019.5}, "feiten.jaar", "geheel getal"),
        ("quotum", {"jaar": 1999}, "feiten.jaar", "ten minste"),
        ("quotum", {"sector": "gemeente"}, "feiten.sector", "Kies een van"),
        ("quotum", {"kader": "ander"}, "feiten.kader", "Kies een van"),
        ("quotum", {"activeringsbesluit_datum": "1-3-2027"}, "feiten.activeringsbesluit_datum", "JJJJ-MM-DD"),
        (
            "quotum",
            {"activeringsbesluit_datum": "2027-02-30"},
            "feiten.activeringsbesluit_datum",
            "bestaat niet",
        ),
        ("telt_mee", {"formele_werkgever": "a\x00b"}, "feiten.formele_werkgever", "ongeldige tekens"),
        ("telt_mee", {"formele_werkgever": "x" * 101}, "feiten.formele_werkgever", "ten hoogste"),
        ("telt_mee", {"formele_werkgever": 12}, "feiten.formele_werkgever", "tekst"),
    ],
)
def test_bad_facts_give_a_message_per_field(question, feiten, veld, fragment):
    (fout,) = errors(question, feiten)
    assert fout["veld"] == veld
    assert fragment in fout["melding"]


@pytest.mark.parametrize(
    "peildatum", ["2024-13-01", "2024-02-30", "01-06-2024", "20240601", "", 20240601, None]
)
def test_a_bad_peildatum_gives_a_message(peildatum):
    (fout,) = errors("banen", {}, peildatum)
    assert fout["veld"] == "peildatum"


def test_facts_must_be_an_object():
    assert errors("banen", [1, 2])[0]["veld"] == "feiten"


def test_every_bad_fact_is_reported_at_once():
    fouten = errors("banen", {"uren_per_week": -1, "weken_per_jaar": "x", "onbekend": 1})
    assert [f["veld"] for f in fouten] == ["feiten.uren_per_week", "feiten.weken_per_jaar", "feiten.onbekend"]


def test_an_unknown_question_is_its_own_error():
    with pytest.raises(engine.UnknownQuestion):
        engine.evaluate("pensioen", {}, DAY)


def test_null_means_not_given_and_an_integral_float_is_an_integer():
    assert engine.evaluate("doelgroep", {"heeft_wsw_indicatie": None, "wiw_id_baan": True}, DAY)["antwoord"][
        "grond"
    ] == ("wiw_id_baan")
    assert (
        engine.evaluate("quotum", {"jaar": 2019.0, "sector": "overheid"}, DAY)["antwoord"]["sector"]
        == "overheid"
    )


def test_defaults_are_filled_in_and_reported():
    result = engine.evaluate(
        "quotum", {"sector": "overheid", "fte": 1000, "uren_per_fte_per_week": 36}, "2019-06-01"
    )
    assert result["kader"] == "wettelijk_quotum"
    assert result["antwoord"]["doelbanen"] == 30.21  # jaar = 2019, the year of the peildatum


def test_the_answer_has_the_contract_shape():
    result = engine.evaluate("doelgroep", {"heeft_wsw_indicatie": True}, datetime.date(2024, 6, 1))
    assert set(result) >= {"vraag", "peildatum", "antwoord", "uitleg", "bronnen", "ontbrekende_feiten"}
    assert result["peildatum"] == "2024-06-01"
    for bron in result["bronnen"]:
        assert set(bron) >= {"titel", "url"}
    urls = [b["url"] for b in result["bronnen"] if b["url"]]
    assert len(urls) == len(set(urls)), "one entry per law article"


def test_missing_facts_come_in_asking_order():
    order = [fact.name for fact in engine.QUESTIONS["doelgroep"].FEITEN]
    missing = engine.evaluate("doelgroep", {}, DAY)["ontbrekende_feiten"]
    assert missing == sorted(missing, key=order.index)


# --- properties over facts drawn from the declared schema ------------------------------------

TEXTS = st.sampled_from(
    ["uw_organisatie", "ministerie_van_jenv", "ubr_binnenwerk", "leverancier_x", "Gemeente É"]
)


def value_strategy(fact):
    top = fact.maximum if fact.maximum is not None else 1e7
    if fact.kind == BOOL:
        return st.booleans()
    if fact.kind == INT:
        return st.integers(int(fact.minimum), int(top))
    if fact.kind == NUMBER:
        return st.floats(fact.minimum, top, exclude_min=fact.exclusive_minimum, allow_nan=False)
    if fact.kind == CHOICE:
        return st.sampled_from(fact.choice_values)
    if fact.kind == TEXT:
        return TEXTS
    if fact.kind == DATE:
        return st.dates(datetime.date(2015, 1, 1), datetime.date(2035, 1, 1)).map(datetime.date.isoformat)
    assert fact.kind == NUMBER_LIST
    return st.lists(st.floats(fact.minimum, top, allow_nan=False), max_size=4)


def facts_strategy(question):
    feiten = engine.QUESTIONS[question].FEITEN
    return st.fixed_dictionaries({}, optional={f.name: st.none() | value_strategy(f) for f in feiten})


QUESTION_AND_FACTS = st.sampled_from(list(engine.QUESTIONS)).flatmap(
    lambda q: st.tuples(st.just(q), facts_strategy(q))
)
PEILDATA = st.dates(datetime.date(2010, 1, 1), datetime.date(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(QUESTION_AND_FACTS, PEILDATA)
def test_the_same_facts_on_the_same_peildatum_always_give_the_same_answer(question_and_facts, day):
    question, feiten = question_and_facts
    assert engine.evaluate(question, dict(feiten), day) == engine.evaluate(question, dict(feiten), day)


@settings(max_examples=300, deadline=None)
@given(QUESTION_AND_FACTS, PEILDATA)
def test_every_step_explains_itself_with_sources_and_a_kennisartikel(question_and_facts, day):
    question, feiten = question_and_facts
    result = engine.evaluate(question, feiten, day)
    assert result["uitleg"]
    for step in result["uitleg"]:
        assert step["regel"] and isinstance(step["uitkomst"], str)
        assert step["toelichting"].strip().endswith(".")
        assert step["bronnen"] and all(b["titel"] for b in step["bronnen"])
        assert step["kennisartikel"]["slug"] in KENNISARTIKELEN
    schema = {fact.name: fact for fact in engine.QUESTIONS[question].FEITEN}
    names = list(schema)
    missing = result["ontbrekende_feiten"]
    assert len(set(missing)) == len(missing) and set(missing) <= set(schema)
    given_facts = {
        k: v
        for k, v in {**{f.name: f.default_on(day) for f in schema.values()}, **feiten}.items()
        if v is not None
    }
    follow_up = [name for name in missing if schema[name].toon_als and schema[name].relevant(given_facts)]
    rest = [name for name in missing if name not in follow_up]
    assert missing == follow_up + rest  # follow-up questions of a given answer first
    assert follow_up == sorted(follow_up, key=names.index) and rest == sorted(rest, key=names.index)


def test_the_fact_schema_asks_one_dutch_question_per_fact():
    for question in engine.QUESTIONS:
        schema = engine.fact_schema(question)
        assert schema["titel"].endswith("?")
        for fact in schema["feiten"]:
            assert fact["vraag"].endswith("?"), fact
            if fact["type"] in (BOOL, CHOICE):
                assert fact["keuzes"] and all(k["label"] for k in fact["keuzes"])


def test_the_request_schema_lists_allowed_values():
    schema = engine.request_json_schema("telt_mee")
    constructie = schema["properties"]["feiten"]["properties"]["constructie"]
    assert "inkoop_sroi" in constructie["enum"]
    assert "Toegestane waarden" in constructie["description"]
    assert schema["properties"]["feiten"]["additionalProperties"] is False


GEEN_GROND = {
    "opgenomen_in_doelgroepregister": False,
    "heeft_wsw_indicatie": False,
    "wsw_indicatie_verlopen": False,
    "heeft_wajong_recht": False,
    "overgangsgroep_wsw_of_wajong_2013_2015": False,
    "pwet_uwv_vastgesteld_geen_wml": False,
    "entreeopleiding_uwv_geen_wml": False,
    "wajong_afgewezen_uwv_geen_wml": False,
    "praktijkroute_loonwaarde_vastgesteld": False,
    "vso_pro_schoolverlater": "geen",
    "wiw_id_baan": False,
    "beperking_voor_18_of_tijdens_studie": False,
    "heeft_wia_uitkering": False,
}


def test_differences_on_other_dates_name_the_periods_with_another_answer():
    facts = {**GEEN_GROND, "praktijkroute_loonwaarde_vastgesteld": True, "praktijkroute_loonwaarde_pct": 70}
    notes = engine.differences_on_other_dates("doelgroep", facts, "2018-06-01")
    assert [(n["van"], n["tot"]) for n in notes] == [(None, "2016-12-31")]
    assert notes[0]["verschil"]["in_doelgroep"] == {"nu": True, "dan": False}
    assert notes[0]["melding"].startswith("Tot en met 31 december 2016 zou het antwoord anders zijn")
    wajong = {
        **GEEN_GROND,
        "heeft_wajong_recht": True,
        "wajong_duurzaam_geen_arbeidsvermogen": True,
        "werkt_in_dienstbetrekking": True,
    }
    notes = engine.differences_on_other_dates("doelgroep", wajong, "2024-06-01")
    assert [(n["van"], n["tot"], n["antwoord"]["in_doelgroep"]) for n in notes] == [
        ("2026-01-01", None, True)
    ]


def test_banen_only_differ_before_the_urennorm_applied():
    assert engine.differences_on_other_dates("banen", {"uren_per_week": 25.5}, "2020-01-01") == [
        {
            "van": None,
            "tot": "2012-12-31",
            "antwoord": {"banen": None},
            "verschil": {
                "banen": {"nu": 1.0, "dan": None},
                "urennorm_uren_per_week": {"nu": 25.5, "dan": None},
            },
            "melding": "Tot en met 31 december 2012 zou het antwoord anders zijn: "
            "aantal banen: onbekend in plaats van 1; urennorm (uur per week per baan): onbekend in plaats van 25,5.",
        }
    ]


def test_a_bad_peildatum_and_bad_facts_are_reported_together():
    fouten = errors("banen", {"uren_per_week": -1}, "2024-99-01")
    assert [f["veld"] for f in fouten] == ["peildatum", "feiten.uren_per_week"]
