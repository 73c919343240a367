"""POST /api/checks/verslag and ``manage.py check_rules --verslag``: the same recheck, the same JSON;
bad, tampered, hostile and huge records get a 422 (exit 2) with ``fouten``, never a 500."""

import datetime
import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from eligibility.verslag import record as rec
from eligibility.verslag import versie
from tests.eligibility.test_verslag import BANEN, QUOTUM, change_rules

URL = "/api/checks/verslag"


def post(client, body):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data, content_type="application/json")


def fouten(response):
    assert response.status_code == 422, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"fouten"}
    assert body["fouten"] and all(set(f) == {"veld", "melding"} and f["melding"] for f in body["fouten"])
    return body["fouten"]


def cli(path):
    """(exit status, stdout as JSON, stderr) of check_rules --verslag PATH."""
    out, err = StringIO(), StringIO()
    try:
        call_command("check_rules", "--verslag", str(path), stdout=out, stderr=err)
        status = 0
    except CommandError as error:
        status = error.returncode
    return status, json.loads(out.getvalue()), err.getvalue()


def saved(tmp_path, record, name="verslag.json"):
    path = tmp_path / name
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# --- the API ----------------------------------------------------------------------------------------


def test_an_unchanged_record_comes_back_as_the_same(client):
    record = rec.make(*QUOTUM)
    response = post(client, record)
    assert response.status_code == 200
    body = response.json()
    assert body["antwoord_gelijk"] is True and body["regelversie_gelijk"] is True
    assert body["conclusie"].startswith("Het antwoord is nog hetzelfde onder de regels van vandaag.")
    assert body["verslag"] == record


def test_a_changed_rule_comes_back_with_what_changed(client, monkeypatch, tmp_path):
    record = rec.make(*BANEN)
    change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 20.0)
    body = post(client, record).json()
    assert body["antwoord_gelijk"] is False and body["regelversie_gelijk"] is False
    assert {"veld": "banen", "was": 1.0, "nu": 1.28}.items() <= body["verschillen"]["antwoord"][0].items()
    assert any(item["regel_id"] == "urennorm" for item in body["verschillen"]["regels"])
    assert body["regels"]["verslag"]["versie"] != body["regels"]["nu"]["versie"]


def test_the_api_and_the_cli_agree(client, monkeypatch, tmp_path):
    same, changed = rec.make(*QUOTUM), rec.make(*BANEN)
    assert cli(saved(tmp_path, same))[:2] == (0, post(client, same).json())
    change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 20.0)
    status, out, err = cli(saved(tmp_path, changed))
    assert (status, out) == (1, post(client, changed).json())
    assert out["conclusie"] in err


def test_the_record_from_the_link_is_what_the_api_checks(client):
    record = rec.make("banencalculator", "banen", {"uren_per_week": 12, "weken_per_jaar": 40}, "2025-03-01")
    downloaded = client.get(rec.record_link(record, "json"))
    assert downloaded.status_code == 200
    assert json.loads(downloaded.content) == record
    assert post(client, downloaded.content).json()["verslag"] == record


HOSTILE = [
    ("geen JSON", b"{verslag", "verslag"),
    ("leeg", b"", "verslag"),
    ("geen UTF-8", b'{"soort": "\xff"}', "verslag"),
    ("diep genest", b"[" * 200_000 + b"]" * 200_000, "verslag"),
    ("enorm getal", b'{"formaat": 1' + b"0" * 50_000 + b"}", "verslag"),
    ("lijst", b"[1, 2, 3]", "verslag"),
    ("leeg object", b"{}", "zegel"),
]


@pytest.mark.parametrize("name, body, veld", HOSTILE, ids=[item[0] for item in HOSTILE])
def test_a_body_that_is_no_record_gets_422(client, name, body, veld):
    assert veld in [fout["veld"] for fout in fouten(post(client, body))]


def test_a_huge_body_gets_422_not_500(client):
    record = rec.make(*BANEN)
    record["aannames"] = ["x" * 1000] * 3000  # 3 MB
    assert fouten(post(client, record)) == [
        {"veld": "body", "melding": "Het verzoek is te groot (ten hoogste 2 MB)."}
    ]


@pytest.mark.parametrize(
    "spoil, veld",
    [
        (lambda r: {**r, "vraag": "pensioen"}, "vraag"),
        (lambda r: {**r, "feiten": {"uren_per_week": "25,5"}}, "feiten.uren_per_week"),
        (lambda r: {**r, "feiten": {"uren_per_week": 1e308 * 10}}, "feiten.uren_per_week"),
        (lambda r: {**r, "peildatum": "01-06-2024"}, "peildatum"),
        (lambda r: {**r, "antwoord": {"banen": 99.0}}, "zegel"),
        (lambda r: {**r, "zegel": "A" * 43}, "zegel"),
        (lambda r: {**r, "regels": {"versie": "<script>alert(1)</script>", "release": ""}}, "regels.versie"),
    ],
)
def test_a_tampered_or_wrongly_typed_record_gets_422(client, spoil, veld):
    record = json.loads(json.dumps(rec.make(*BANEN)))
    assert veld in [fout["veld"] for fout in fouten(post(client, spoil(record)))]


def test_only_post_is_allowed(client):
    assert client.get(URL).status_code == 405


def test_the_endpoint_is_in_the_openapi_document_in_dutch(client):
    spec = client.get("/api/openapi.json").json()
    operation = spec["paths"][URL]["post"]
    assert operation["summary"] == "Een beslisverslag narekenen"
    assert "regels van vandaag" in operation["description"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema["required"]) == set(rec.FIELDS) and schema["additionalProperties"] is False
    assert schema["properties"]["regels"]["properties"]["versie"]["pattern"] == versie.VERSION_PATTERN.pattern
    assert all(prop["description"] for prop in schema["properties"].values())
    assert set(operation["responses"]) == {"200", "422"}
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert "antwoord_gelijk" in answer["required"]
    # the per-question operations are still there and still answer
    assert "/api/checks/{vraag}" not in spec["paths"] and "/api/checks/banen" in spec["paths"]
    assert (
        client.post("/api/checks/banen", '{"feiten": {}}', content_type="application/json").status_code == 200
    )


# --- the command ------------------------------------------------------------------------------------


def test_the_cli_reads_stdin(monkeypatch):
    record = rec.make(*BANEN)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(record).encode("utf-8"))))
    status, out, _ = cli("-")
    assert status == 0 and out["antwoord_gelijk"] is True


@pytest.mark.parametrize(
    "content, veld",
    [
        (b"geen json", "verslag"),
        (b" " * (rec.MAX_BYTES + 10), "verslag"),
        (json.dumps({"soort": "beslisverslag"}).encode(), "formaat"),
    ],
)
def test_the_cli_exits_2_for_a_file_that_is_no_record(tmp_path, content, veld):
    path = tmp_path / "verslag.json"
    path.write_bytes(content)
    status, out, err = cli(path)
    assert status == 2
    assert veld in [fout["veld"] for fout in out["fouten"]]
    assert err.strip()


def test_the_cli_exits_2_for_a_missing_file_or_a_question_as_well(tmp_path):
    status, out, _ = cli(tmp_path / "bestaat-niet.json")
    assert status == 2 and out["fouten"][0]["veld"] == "verslag"
    out_buffer = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("check_rules", "banen", "--verslag", "x.json", stdout=out_buffer, stderr=StringIO())
    assert caught.value.returncode == 2
    assert json.loads(out_buffer.getvalue())["fouten"][0]["veld"] == "vraag"
