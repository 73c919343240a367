"""eligibility/api.py: POST /api/checks/{vraag} per the contract; 404 and 422, never a 500."""

import json

import pytest
from django.utils import timezone

from eligibility.engine import QUESTIONS, evaluate

URL = "/api/checks/{}"


def post(client, vraag, body, content_type="application/json"):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL.format(vraag), data, content_type=content_type)


def fouten(response):
    assert response.status_code == 422, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["fouten"] and all(set(f) == {"veld", "melding"} for f in body["fouten"])
    return body["fouten"]


@pytest.mark.parametrize(
    "vraag, feiten",
    [
        ("doelgroep", {"heeft_wsw_indicatie": True}),
        ("telt_mee", {"persoon_in_doelgroep": True, "constructie": "dienstverband"}),
        ("banen", {"uren_per_week": 25.5}),
        ("quotum", {"sector": "overheid", "jaar": 2023, "fte": 10000, "uren_per_fte_per_week": 36}),
    ],
)
def test_a_check_answers_as_the_engine_does(client, vraag, feiten):
    response = post(client, vraag, {"peildatum": "2024-06-01", "feiten": feiten})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == evaluate(vraag, feiten, "2024-06-01")


def test_the_peildatum_defaults_to_today(client):
    response = post(client, "banen", {"feiten": {"uren_per_week": 12.75}})
    assert response.json()["peildatum"] == timezone.localdate().isoformat()


def test_missing_facts_are_listed_in_asking_order(client):
    body = post(client, "telt_mee", {"feiten": {}, "peildatum": "2023-06-30"}).json()
    assert body["antwoord"]["telt_mee"] is None
    assert body["ontbrekende_feiten"] == ["persoon_in_doelgroep", "constructie"]


@pytest.mark.django_db
@pytest.mark.parametrize("vraag", ["pensioen", "DOELGROEP", "doelgroep%00", "%F0%9F%98%80"])
def test_an_unknown_question_is_404(client, vraag):
    response = client.post(URL.format(vraag), "{}", content_type="application/json")
    assert response.status_code == 404
    assert response.json()["fouten"][0]["veld"] == "vraag"


@pytest.mark.parametrize(
    "body, veld",
    [
        ("{niet: json}", "body"),
        ("", "body"),
        ("[]", "body"),
        ('"feiten"', "body"),
        ("null", "body"),
        ('{"peildatum": "2024-06-01"}', "feiten"),
        ('{"feiten": []}', "feiten"),
        ('{"feiten": null}', "feiten"),
        ('{"feiten": "uren_per_week=4"}', "feiten"),
        ('{"feiten": {}, "extra": 1}', "extra"),
        ('{"feiten": {"onbekend_feit": 1}}', "feiten.onbekend_feit"),
        ('{"feiten": {"uren_per_week": "veel"}}', "feiten.uren_per_week"),
        ('{"feiten": {"uren_per_week": -4}}', "feiten.uren_per_week"),
        ('{"feiten": {"uren_per_week": NaN}}', "feiten.uren_per_week"),
        ('{"feiten": {"uren_per_week": Infinity}}', "feiten.uren_per_week"),
        ('{"feiten": {"uren_per_week": 1e999}}', "feiten.uren_per_week"),
        ('{"feiten": {"uren_per_week": 12345678901234567890123}}', "feiten.uren_per_week"),
        ('{"feiten": {}, "peildatum": "2024-02-30"}', "peildatum"),
        ('{"feiten": {}, "peildatum": "1 juni 2024"}', "peildatum"),
        ('{"feiten": {}, "peildatum": 20240601}', "peildatum"),
        ('{"feiten": {}, "peildatum": "2024-06-01T00:00:00"}', "peildatum"),
    ],
)
def test_every_kind_of_bad_input_is_422_with_the_field(client, body, veld):
    assert veld in [f["veld"] for f in fouten(post(client, "banen", body))]


@pytest.mark.parametrize(
    "vraag, feiten, veld",
    [
        ("doelgroep", {"praktijkroute_loonwaarde_pct": 101}, "feiten.praktijkroute_loonwaarde_pct"),
        ("quotum", {"aandeel_uren_sectorfonds_pct": 150}, "feiten.aandeel_uren_sectorfonds_pct"),
        ("quotum", {"sector": "gemeente"}, "feiten.sector"),
        ("quotum", {"activeringsbesluit_datum": "2027-13-01"}, "feiten.activeringsbesluit_datum"),
        ("telt_mee", {"persoon_in_doelgroep": "ja"}, "feiten.persoon_in_doelgroep"),
        ("telt_mee", {"constructie": "thuiswerk"}, "feiten.constructie"),
    ],
)
def test_impossible_values_are_422(client, vraag, feiten, veld):
    assert [f["veld"] for f in fouten(post(client, vraag, {"feiten": feiten}))] == [veld]


def test_a_huge_body_is_422(client):
    body = json.dumps({"feiten": {"uren_per_week_per_persoon": [25.5] * 400_000}})
    assert len(body) > 2 * 1024 * 1024
    assert fouten(post(client, "banen", body))[0]["veld"] == "body"


def test_a_long_list_within_the_size_limit_is_422(client):
    body = {"feiten": {"uren_per_week_per_persoon": [1] * 5000}}
    assert fouten(post(client, "banen", body))[0]["veld"] == "feiten.uren_per_week_per_persoon"


def test_deeply_nested_json_is_422(client):
    assert fouten(post(client, "banen", "[" * 50_000 + "]" * 50_000))[0]["veld"] == "body"


def test_null_bytes_are_422(client):
    assert fouten(post(client, "banen", b'{"feiten": {}}\x00'))[0]["veld"] == "body"
    raw = '{"feiten": {"formele_werkgever": "a\\u0000b"}}'
    assert fouten(post(client, "telt_mee", raw))[0]["veld"] == "feiten.formele_werkgever"
    named = fouten(post(client, "banen", '{"feiten": {"uren\\u0000": 1}}'))
    assert named[0]["veld"] == "feiten.uren\\x00"


def test_odd_unicode_is_422_or_answered_never_500(client):
    lone_surrogate_value = '{"feiten": {"formele_werkgever": "\\ud800"}}'
    assert fouten(post(client, "telt_mee", lone_surrogate_value))[0]["veld"] == "feiten.formele_werkgever"
    lone_surrogate_key = '{"feiten": {"\\udfff": true}}'
    assert fouten(post(client, "doelgroep", lone_surrogate_key))[0]["veld"] == "feiten.\\udfff"
    assert fouten(post(client, "banen", b'{"feiten": {"\xff": 1}}'))[0]["veld"] == "body"
    fancy = {
        "persoon_in_doelgroep": True,
        "constructie": "dienstverband",
        "formele_werkgever": "Gemeente ’s-Hertogenbosch 🏛️",
        "vraag_voor_werkgever": "\u202eRTL\u202c werkgever",
    }
    response = post(client, "telt_mee", {"feiten": fancy, "peildatum": "2024-06-01"})
    assert response.status_code == 200
    assert response.json()["antwoord"]["telt_mee_voor"] == "Gemeente ’s-Hertogenbosch 🏛️"


def test_a_utf16_body_is_understood(client):
    body = json.dumps({"feiten": {"uren_per_week": 25.5}, "peildatum": "2024-01-01"}).encode("utf-16")
    assert post(client, "banen", body).json()["antwoord"]["banen"] == 1.0


def test_the_fact_schema_is_served_for_a_guided_checker(client):
    response = client.get(URL.format("doelgroep"))
    assert response.status_code == 200
    schema = response.json()
    assert schema["feiten"][0]["naam"] == "kader"
    assert all(fact["vraag"] for fact in schema["feiten"])


@pytest.mark.django_db
def test_the_fact_schema_of_an_unknown_question_is_404(client):
    assert client.get(URL.format("pensioen")).status_code == 404


def test_the_questions_are_listed(client):
    assert [v["vraag"] for v in client.get("/api/checks").json()["vragen"]] == list(QUESTIONS)


def test_the_openapi_document_describes_every_fact_in_dutch(client):
    document = client.get("/api/openapi.json").json()
    for vraag, module in QUESTIONS.items():
        operation = document["paths"][f"/api/checks/{vraag}"]["post"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        facts = body["properties"]["feiten"]["properties"]
        assert set(facts) == {fact.name for fact in module.FEITEN}
        for fact in module.FEITEN:
            described = facts[fact.name]
            assert described["title"] == fact.label_on() and described["description"]
            assert "[[" not in described["title"] + described["description"]  # parameters filled in
            if fact.voorbeeld is not None:
                assert described["examples"] == [fact.voorbeeld]
            if fact.choices:
                assert set(described["enum"]) - {None} == set(fact.choice_values)
                assert "Toegestane waarden" in described["description"]
        assert set(operation["responses"]) >= {"200", "422"}
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert set(answer["properties"]["antwoord"]["properties"]) == set(module.ANTWOORD)
