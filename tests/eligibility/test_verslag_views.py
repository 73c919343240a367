"""The beslisverslag in the browser's terms: the link on every answer page, the record page from its
link, the JSON download, and the check of a saved record (upload) against today's rules."""

import datetime
import html
import io
import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from eligibility.checker import state as st
from eligibility.checker import text
from eligibility.verslag import record as rec
from eligibility.verslag import versie
from tests.eligibility.test_verslag import BANEN, CASES, QUOTUM, change_rules

pytestmark = pytest.mark.django_db

CHECK = "/check/verslag/"


def text_of(response):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def verslag_links(response):
    """The (page, json) links of the 'Beslisverslag' paragraph on an answer page."""
    body = html.unescape(response.content.decode())
    part = body.split('class="portal-verslag-links')[1].split("</div>")[0]
    page, download = re.findall(r'href="([^"]+)"', part)
    return page, download


def upload(client, content, name="verslag.json"):
    handle = io.BytesIO(content)
    handle.name = name
    return client.post(CHECK, {"verslag": handle})


# --- the link on every answer page ---------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_the_result_page_links_to_its_record_and_the_link_round_trips(client, case):
    state = st.State(case["question"], datetime.date.fromisoformat(case["peildatum"]), dict(case["input"]))
    result = client.get(f"/check/{case['question']}/uitkomst/?{state.query()}")
    assert result.status_code == 200
    page, download = verslag_links(result)
    query = dict(parse_qsl(urlsplit(page).query))
    assert set(query) <= {
        "peildatum",
        "regelversie",
        "antwoord",
        *(f.name for f in st.facts_of(case["question"])),
    }
    assert query["regelversie"] == versie.current() and query["antwoord"]  # the answer, signed
    assert len(page) < st.MAX_QUERY_LENGTH
    record = json.loads(client.get(download).content)
    assert record["vraag"] == case["question"] and record["peildatum"] == case["peildatum"]
    assert rec.record_link(record) == page  # link -> record -> the same link
    if record["zin"]:  # the record's answer is the one the result page gave
        assert record["zin"] in text_of(result)
    else:
        assert record["ontbrekende_feiten"] and "er ontbreken gegevens" in text_of(result)
    assert client.get(page).status_code == 200


def test_the_quotum_calculator_links_to_a_record_with_its_own_answer(client):
    query = (
        "peildatum=2026-11-24&jaar=2023&sector=overheid&verloonde_uren_jaar=1800000"
        "&gerealiseerde_banen=10&bereken=1"
    )
    response = client.get(f"/check/quotum/calculator/?{query}")
    assert response.status_code == 200
    page, download = verslag_links(response)
    assert "hulpmiddel=quotumcalculator" in page
    record = json.loads(client.get(download).content)
    assert record["hulpmiddel"] == "quotumcalculator"
    assert record["feiten"]["gerealiseerde_banen"] == 10
    assert any("omgerekend naar uren" in note for note in record["aannames"])
    shown = re.search(r">Doelbanen</th><td[^>]*>([^<]+)</td>", response.content.decode()).group(1)
    assert shown == text.answer_value("doelbanen", record["antwoord"]["doelbanen"])


def test_the_banen_calculator_links_to_its_record(client):
    response = client.get("/check/banen/calculator/?peildatum=2025-03-01&uren_per_week=12&weken_per_jaar=40")
    page, download = verslag_links(response)
    assert "hulpmiddel=banencalculator" in page
    record = json.loads(client.get(download).content)
    assert record["hulpmiddel"] == "banencalculator" and record["feiten"]["uren_per_week"] == 12


# --- the record page ---------------------------------------------------------------------------------


def test_the_record_page_shows_question_facts_answer_rules_sources_and_version(client):
    record = rec.make(*QUOTUM)
    response = client.get(rec.record_link(record))
    assert response.status_code == 200
    page = text_of(response)
    assert "Beslisverslag: Wat is ons quotum en geldt de quotumheffing?" in page
    assert "Peildatum 1 juni 2024" in page and "1.000 fte" in page
    assert record["zin"] in page
    for step in record["uitleg"]:
        assert step["regel"] in page and step["toelichting"] in page
        for bron in step["bronnen"]:
            assert bron["titel"] in page
    assert f"Regelversie {versie.current()}" in page and versie.release() in page
    assert "Het antwoord is nog hetzelfde Het antwoord is nog hetzelfde onder de regels van vandaag." in page
    assert (
        f"De regels zijn niet gewijzigd sinds het verslag is gemaakt (regelversie {versie.current()})" in page
    )
    assert "<script>" not in response.content.decode().split("</main>")[0]  # no inline script
    assert ' style="' not in response.content.decode()


def without_answer(link):
    """A link as made before links kept the answer: the question, facts, peildatum and rules version."""
    path, query = link.split("?")
    return path + "?" + "&".join(p for p in query.split("&") if not p.startswith("antwoord="))


def test_an_older_link_with_the_rules_version_of_today_says_the_version_is_the_same(client):
    page = text_of(client.get(without_answer(rec.record_link(rec.make(*BANEN)))))
    assert "Nagerekend met de regels van vandaag: de regelversie is dezelfde" in page


def test_an_older_link_with_another_rules_version_says_the_rules_changed(client):
    link = without_answer(rec.record_link(rec.make(*BANEN))).replace(versie.current(), "0123456789abcdef")
    page = text_of(client.get(link))
    assert "De regels zijn gewijzigd sinds dit verslag is gemaakt" in page
    assert "regelversie 0123456789abcdef" in page and versie.current() in page


def test_a_link_made_before_a_rule_change_says_the_answer_changed_and_which_rule(
    client, monkeypatch, tmp_path
):
    record = rec.make(*BANEN)
    old_version = record["regels"]["versie"]
    link = rec.record_link(record)
    new_version = change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 20.0)
    response = client.get(link)
    assert response.status_code == 200
    page = text_of(response)
    assert (
        "Het antwoord is veranderd Het antwoord is veranderd onder de regels van vandaag: aantal banen nu 1,28"
        in page
    )
    assert f"regelversie {old_version}, nu {new_version}" in page
    now = rec.make(*BANEN)
    changed = [
        step["regel"]
        for old, step in zip(record["uitleg"], now["uitleg"], strict=True)
        if old["uitkomst"] != step["uitkomst"]
    ]
    assert changed and all(f"'{name}'" in page for name in changed)  # the rule that differs, by name
    assert "Aantal banen: nu 1,28, was 1." in page
    assert "Het antwoord toen en nu" in page  # the table of the answer then and now
    assert "1,28 banen" in page  # and the record under today's rules


def test_a_link_after_a_new_source_only_says_the_answer_and_every_outcome_held(client, monkeypatch, tmp_path):
    link = rec.record_link(rec.make(*BANEN))
    change_rules(
        monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 25.5, titel="Nieuwe bron"
    )
    page = text_of(client.get(link))
    assert "Het antwoord is nog hetzelfde onder de regels van vandaag. De regels zijn wel gewijzigd" in page
    assert "Elke regel valt nog hetzelfde uit." in page and "JSON-bestand" in page


def _replace_param(link, name, value):
    path, query = link.split("?")
    return (
        path
        + "?"
        + "&".join(p if not p.startswith(name + "=") else f"{name}={value}" for p in query.split("&"))
    )


OTHER = rec.make("checker", "banen", {"uren_per_week": 40}, "2024-06-01")


@pytest.mark.parametrize(
    "spoil",
    [
        lambda link, kept: _replace_param(
            link, "antwoord", kept[:-3] + ("abc" if kept[-3:] != "abc" else "abd")
        ),
        lambda link, kept: _replace_param(link, "antwoord", "x" * 3000),
        lambda link, kept: _replace_param(link, "antwoord", "%00%FF%3Cscript%3Ealert(1)%3C/script%3E"),
        lambda link, kept: _replace_param(link, "antwoord", ""),
        lambda link, kept: link.replace(versie.current(), "0123456789abcdef"),
        lambda link, kept: _replace_param(
            link, "antwoord", rec.fingerprint(OTHER)
        ),  # another record's answer
        lambda link, kept: link.replace("peildatum=2024-06-01", "peildatum=2024-06-02"),  # other facts
    ],
    ids=["signature", "huge", "garbage", "empty", "version", "other answer", "other peildatum"],
)
def test_a_link_whose_kept_answer_does_not_fit_gets_a_400_that_says_so(client, spoil):
    link = rec.record_link(rec.make(*BANEN))
    kept = dict(parse_qsl(urlsplit(link).query))["antwoord"]
    spoiled = spoil(link, kept)
    assert spoiled != link
    response = client.get(spoiled)
    assert response.status_code == 400
    assert "Het antwoord in de link is veranderd of onleesbaar" in text_of(response)
    assert "<script>alert" not in response.content.decode()


@pytest.mark.parametrize(
    "query, veld",
    [
        ("uren_per_week=25,5&regelversie={v}", "Peildatum"),
        ("peildatum=2024-06-01&uren_per_week=25,5", "regelversie"),
        ("peildatum=2024-06-01&uren_per_week=25,5&regelversie=ABC", "regelversie"),
        ("peildatum=2024-06-01&uren_per_week=-3&regelversie={v}", "uren"),
        ("peildatum=2024-06-01&naam=Jansen&regelversie={v}", "naam"),
        ("peildatum=2024-06-01&hulpmiddel=quotumcalculator&regelversie={v}", "hulpmiddel"),
        ("peildatum=2024-06-01&formaat=pdf&regelversie={v}", "formaat"),
        ("peildatum=2024-06-01&regelversie={v}&regelversie={v}", "regelversie"),
        ("peildatum=2024-06-01&regelversie=" + "a" * 5000, "adres"),
    ],
)
def test_a_bad_link_gets_a_400_page_that_says_what_is_wrong(client, query, veld):
    response = client.get("/check/banen/verslag/?" + query.format(v=versie.current()))
    assert response.status_code == 400
    assert veld in text_of(response)


def test_an_unknown_question_is_404(client):
    assert client.get(f"/check/pensioen/verslag/?regelversie={versie.current()}").status_code == 404


# --- checking a saved record ---------------------------------------------------------------------------


def test_the_check_form_works_without_javascript(client):
    response = client.get(CHECK)
    body = response.content.decode()
    assert response.status_code == 200
    assert (
        'enctype="multipart/form-data"' in body and 'name="verslag"' in body and "csrfmiddlewaretoken" in body
    )


def test_an_uploaded_unchanged_record_is_reported_as_the_same(client):
    record = rec.make(*QUOTUM)
    response = upload(client, client.get(rec.record_link(record, "json")).content)
    assert response.status_code == 200
    page = text_of(response)
    assert "Het antwoord is nog hetzelfde" in page
    assert "De regels zijn niet gewijzigd sinds het verslag is gemaakt" in page
    assert "Wat er anders is" not in page


def test_an_uploaded_record_after_a_rule_change_shows_what_changed(client, monkeypatch, tmp_path):
    saved = json.dumps(rec.make(*BANEN)).encode()
    change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 20.0)
    response = upload(client, saved)
    assert response.status_code == 200
    page = text_of(response)
    assert "Het antwoord is veranderd" in page
    assert "Aantal banen: nu 1,28, was 1." in page
    assert "nieuwe bron: Regeling met een nieuwe waarde (test)" in page
    table = response.content.decode().split("Het antwoord toen en nu")[1].split("</table>")[0]
    assert re.search(r">Aantal banen</th><td[^>]*>1</td><td[^>]*>1,28</td>", table)
    # the record below is today's, and its download is today's record
    _, download = verslag_links_from_record_page(response)
    assert json.loads(client.get(download).content)["antwoord"]["banen"] == 1.28


def verslag_links_from_record_page(response):
    body = html.unescape(response.content.decode())
    part = body.split('id="verslag-bewaren-kop"')[1]
    return re.search(r'id="verslag-link"[^>]*value="([^"]+)"', part).group(1), re.search(
        r'href="([^"]+formaat=json[^"]*)"', part
    ).group(1)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"geen json", "het is geen JSON"),
        (b"", "het is geen JSON"),
        (json.dumps([1]).encode(), "Een beslisverslag is een JSON-object"),
        (b"\x00\xff" * 1000, "het is geen JSON"),
    ],
)
def test_an_uploaded_file_that_is_no_record_gets_a_400_with_the_reason(client, content, message):
    response = upload(client, content)
    assert response.status_code == 400
    assert message in text_of(response)
    assert 'id="foutmeldingen"' in response.content.decode()


def test_an_edited_record_is_refused(client):
    record = json.loads(json.dumps(rec.make(*BANEN)))
    record["antwoord"]["banen"] = 3.0
    response = upload(client, json.dumps(record).encode())
    assert response.status_code == 400
    assert "Het zegel klopt niet bij de inhoud" in text_of(response)


def test_a_huge_upload_is_refused_without_a_500(client):
    response = upload(client, b"{" + b" " * (3 * 1024 * 1024) + b"}")
    assert response.status_code == 400
    assert "te groot" in text_of(response) or "niet worden gelezen" in text_of(response)


def test_no_file_or_another_method(client):
    response = client.post(CHECK, {})
    assert response.status_code == 400 and "Kies het JSON-bestand" in text_of(response)
    assert client.put(CHECK).status_code == 405
