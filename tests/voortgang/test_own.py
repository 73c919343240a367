"""Your own organisation against its quotum: the rules module's doelbanen per year, in the browser
only (the view writes nothing), a link that carries the figures, and clear Dutch errors for bad or
hostile input, never a 500."""

import datetime
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eligibility import engine
from voortgang import own

URL = "/voortgang/eigen-organisatie/"
FIGURES = {
    "sector": "overheid",
    "uren_per_fte": "36",
    "jaar1": "2023",
    "fte1": "1.250",
    "banen1": "28",
    "jaar2": "2024",
    "uren2": "2.000.000",
    "banen2": "35",
    "jaar3": "2022",
    "fte3": "1200",
    "banen3": "20",
    "pct3": "2,5",
}

pytestmark = pytest.mark.django_db


def get(client, params):
    return client.get(URL + "?" + urlencode(params))


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def table(doc):
    rows = doc.find("table").find("tbody").find_all("tr")
    return {
        r.find("th").get_text(strip=True): [td.get_text(strip=True) for td in r.find_all("td")] for r in rows
    }


def test_the_empty_form_suggests_the_last_years_and_computes_nothing(client):
    response = client.get(URL)
    assert response.status_code == 200
    doc = page(response)
    years = own.suggested_years(datetime.date.today())
    assert [doc.find(id=f"id_jaar{i}")["value"] for i in range(1, own.ROWS + 1)] == [str(y) for y in years]
    assert doc.find(id="uitkomst") is None and doc.find(role="alert") is None


def test_the_doelbanen_per_year_are_the_rules_modules(client):
    doc = page(get(client, FIGURES))
    today = datetime.date.today()
    expected = {
        "2022": engine.evaluate(
            "quotum",
            {
                "sector": "overheid",
                "jaar": 2022,
                "fte": 1200,
                "uren_per_fte_per_week": 36,
                "quotumpercentage": 2.5,
            },
            today,
        ),
        "2023": engine.evaluate(
            "quotum", {"sector": "overheid", "jaar": 2023, "fte": 1250, "uren_per_fte_per_week": 36}, today
        ),
        "2024": engine.evaluate(
            "quotum", {"sector": "overheid", "jaar": 2024, "verloonde_uren_jaar": 2000000}, today
        ),
    }
    rows = table(doc)
    assert list(rows) == ["2022", "2023", "2024"]  # sorted by year, whatever the order typed
    from eligibility.nl import format_value

    for year, answer in expected.items():
        doel = answer["antwoord"]["doelbanen"]
        assert rows[year][0] == format_value(doel)
    assert rows["2023"][1] == "28"
    gap = round(48.71 - 28, 2) if rows["2023"][0] == "48,71" else None
    assert gap is None or rows["2023"][2] == f"{format_value(gap)} te weinig"
    svg_text = [t.get_text() for t in doc.find("svg").find_all("text")]
    for year, values in rows.items():
        assert year in svg_text
        assert f"Doel: {values[0]}" in svg_text and f"Gerealiseerd: {values[1]}" in svg_text
    text = doc.get_text()
    assert "2,5 % (zelf opgegeven)" in text
    assert "verloonde uren" in text  # the uren route says how it computed


def test_the_summary_is_one_sentence_about_the_newest_year(client):
    doc = page(get(client, FIGURES))
    rows = table(doc)
    summary = doc.find(id="uitkomst").find(class_="portal-short-answer").get_text(strip=True)
    assert summary.startswith(f"2024: 35 banen gerealiseerd tegen een doel van {rows['2024'][0]}, ")
    assert summary.endswith("van het doel).") and summary.count(".") <= 6


def test_the_link_carries_the_figures_and_gives_the_same_answer(client):
    doc = page(get(client, {**FIGURES, "bereken": "1"}))
    link = doc.find("a", string=lambda s: s and "Link naar deze uitkomst" in s)["href"]
    assert link.startswith(URL + "?") and "bereken" not in link and "fte1=1.250" in link
    assert table(page(client.get(link))) == table(doc)
    csv_link = doc.find("a", string=lambda s: s and "CSV" in s)["href"]
    response = client.get(csv_link)
    assert response["Content-Disposition"] == 'attachment; filename="voortgang-eigen-organisatie.csv"'
    lines = response.content.decode("utf-8").lstrip("\ufeff").splitlines()
    assert lines[0] == "jaar;quotumpercentage;doelbanen;gerealiseerd;verschil"
    assert lines[2].startswith("2023;2,76 %") and lines[2].split(";")[3] == "28"
    assert not lines[2].split(";")[4].startswith("'")  # a negative number stays a number


def test_the_view_writes_nothing_to_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        for params in (FIGURES, {**FIGURES, "formaat": "csv"}, {"fte1": "x"}, {}):
            assert get(client, params).status_code in (200, 400)
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert len(queries) == 0  # it does not even read: the figures are only in the link
    assert "sessionid" not in client.cookies


def test_a_year_without_a_known_percentage_asks_for_one(client):
    response = get(client, {"sector": "overheid", "uren_per_fte": "36", "jaar1": "2021", "fte1": "100"})
    assert response.status_code == 400
    doc = page(response)
    summary = doc.find(role="alert")
    link = summary.find("a", href="#id_pct1")
    assert "Het quotumpercentage voor 2021 is niet gevonden of niet vastgesteld" in link.get_text()
    assert doc.find(id="id_pct1")["aria-invalid"] == "true"
    assert "U2" not in doc.get_text()


HOSTILE = [
    ({"jaar1": "2023", "fte1": "1e308"}, "Aantal fte (regel 1)"),
    ({"jaar1": "2023", "fte1": "NaN"}, "Aantal fte (regel 1)"),
    ({"jaar1": "2023", "fte1": "inf"}, "Aantal fte (regel 1)"),
    ({"jaar1": "2023", "fte1": "-5"}, "Vul een getal van 0 of meer in."),
    ({"jaar1": "2023", "fte1": "9" * 500}, "Dit is te lang."),
    ({"jaar1": "2023", "fte1": "1\x00"}, "Dit bevat ongeldige tekens."),
    ({"jaar1": "2023", "fte1": "10000000000000"}, "Aantal fte (regel 1)"),  # over the engine's bound
    ({"jaar1": "2023", "fte1": "12 🙂"}, "Aantal fte (regel 1)"),
    ({"jaar1": "2023", "fte1": "999999999999999999999"}, "Dit getal is te groot."),
    ({"jaar1": "1800", "fte1": "10"}, "Vul een jaar in van 2013 tot en met 2100."),
    ({"jaar1": "20233", "fte1": "10"}, "Vul een jaartal in"),
    ({"jaar1": "2023", "jaar2": "2023", "fte1": "1", "fte2": "1"}, "Het jaar 2023 staat al in regel 1."),
    ({"jaar1": "2023", "fte1": "10", "uren1": "100"}, "niet allebei"),
    ({"fte1": "10"}, "Vul het jaar in waar deze cijfers over gaan."),
    ({"jaar1": "2023", "fte1": "10", "uren_per_fte": ""}, "Vul in hoeveel uur per week één fte is."),
    ({"jaar1": "2023", "fte1": "10", "uren_per_fte": "500"}, "Uren per fte per week"),
    ({"jaar1": "2023", "fte1": "10", "pct1": "500"}, "Vul een percentage van 0 tot en met 100 in."),
    ({"jaar1": "2023", "banen1": "3"}, "Vul het aantal fte of de verloonde uren in."),
    (
        {"sector": "<script>alert(1)</script>", "jaar1": "2023", "fte1": "10"},
        "Kies de sector overheid of markt.",
    ),
    ({"jaar1": "2023", "fte1": "10", "<img src=x>": "1"}, "Onbekende gegevens in het adres: <img src=x>."),
    ({"jaar7": "2023", "fte7": "10"}, "Onbekende gegevens in het adres"),
    ({}, "Vul voor ten minste één jaar het aantal fte of de verloonde uren in."),
]


@pytest.mark.parametrize(("params", "message"), HOSTILE)
def test_bad_and_hostile_input_gets_a_dutch_error_summary_not_a_500(client, params, message):
    base = {"sector": "overheid", "uren_per_fte": "36", "bereken": "1"}
    response = get(client, {**base, **params})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x>" not in html
    summary = page(response).find(role="alert")
    assert summary is not None and "Er is iets niet goed ingevuld" in summary.get_text()
    assert message in summary.get_text()
    assert page(response).find(id="uitkomst") is None


def test_a_huge_or_crowded_address_is_refused_plainly(client):
    long = client.get(URL + "?" + "fte1=1&" * 3000)
    assert long.status_code == 400
    assert "Het adres is te lang om te lezen." in page(long).find(role="alert").get_text()
    repeated = client.get(URL + "?sector=overheid&uren_per_fte=36&jaar1=2023&fte1=1&fte1=2")
    assert repeated.status_code == 200  # the last value counts, as in any form


def test_huge_but_valid_figures_are_computed_not_crashed(client):
    params = {
        "sector": "markt",
        "uren_per_fte": "168",
        "jaar1": "2023",
        "fte1": "999999999999",
        "pct1": "100",
    }
    response = get(client, {**params, "banen1": "999999999999999"})
    assert response.status_code == 200
    assert table(page(response))["2023"][1] == "999.999.999.999.999"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(
            ["sector", "uren_per_fte", "jaar1", "fte1", "uren1", "banen1", "pct1", "jaar2", "fte2", "x"]
        ),
        st.text(max_size=30),
        max_size=8,
    )
)
def test_any_query_string_gives_a_page_or_a_dutch_error(client, params):
    response = get(client, params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert page(response).find(role="alert") is not None
