"""/voortgang/: every chart's numbers are its table's numbers and its CSV's numbers, drafts stay
out, every figure names its source, and the quotumpercentage per year is the rules parameter."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup

from eligibility.nl import format_value
from eligibility.parameters import parameter
from voortgang import progress

pytestmark = pytest.mark.django_db


def soup(client, url="/voortgang/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture
def figures(meting_factory):
    return [
        meting_factory(slug="overheid-2017", sector="overheid", jaar=2017, doel=10000, gerealiseerd=6471),
        meting_factory(slug="overheid-2022", sector="overheid", jaar=2022, doel=22500, gerealiseerd=10004),
        meting_factory(
            slug="overheid-einddoel",
            sector="overheid",
            jaar=2023,
            peilmoment="vóór 1 januari 2024",
            doel=25000,
            gerealiseerd=None,
        ),
        meting_factory(slug="rijk-2019", sector="rijk", jaar=2019, kwartaal=4, doel=3531, gerealiseerd=2068),
        meting_factory(
            slug="rijk-2023-q2", sector="rijk", jaar=2023, kwartaal=2, doel=None, gerealiseerd=4175
        ),
        meting_factory(slug="markt-2022", sector="markt", jaar=2022, doel=70000, gerealiseerd=71113),
        meting_factory(
            slug="rijk-opgave", sector="rijk", jaar=2026, doel=5000, doel_circa=True, gerealiseerd=None
        ),
    ]


def chart_values(section):
    """{period: (doel text, gerealiseerd text)} read from the SVG's text."""
    svg = section.find("svg")
    texts = [t.get_text() for t in svg.find_all("text")]
    out, period = {}, None
    for text in texts:
        if text.startswith("Doel: "):
            out[period] = [text.removeprefix("Doel: ")]
        elif text.startswith("Gerealiseerd: "):
            out[period].append(text.removeprefix("Gerealiseerd: "))
        else:
            period = text
    return {k: tuple(v) for k, v in out.items()}


def table_values(section):
    rows = section.find("table").find("tbody").find_all("tr")
    return {
        row.find("th").get_text(strip=True): tuple(td.get_text(strip=True) for td in row.find_all("td"))
        for row in rows
    }


@pytest.mark.parametrize("sector", ["overheid", "rijk", "markt"])
def test_each_charts_numbers_are_its_tables_and_its_csvs(client, figures, sector):
    page = soup(client)
    section = page.find(id=sector).find_parent("section")
    expected = [m for m in sorted(figures, key=lambda m: m.sort_key) if m.sector == sector]
    chart, table = chart_values(section), table_values(section)
    assert list(chart) == list(table) == [m.periode for m in expected]
    csv_rows = read_csv(client.get(f"/voortgang/metingen.csv?sector={sector}"))
    assert [r["periode"] for r in csv_rows] == [m.periode for m in expected]
    for meting, row in zip(expected, csv_rows, strict=True):
        doel, gerealiseerd, _verschil = table[meting.periode]
        shown_doel = progress.number(meting.doel, meting.doel_circa) or "–"
        shown_real = progress.number(meting.gerealiseerd, meting.gerealiseerd_circa) or "–"
        assert (doel, gerealiseerd) == (shown_doel, shown_real)
        assert chart[meting.periode] == (
            shown_doel if meting.doel is not None else "geen cijfer",
            shown_real if meting.gerealiseerd is not None else "geen cijfer",
        )
        assert row["doel"] == ("" if meting.doel is None else str(meting.doel))
        assert row["gerealiseerd"] == ("" if meting.gerealiseerd is None else str(meting.gerealiseerd))
        assert row["bron"] == meting.citation


def test_the_gap_is_shown_in_jobs_and_summed_up_in_one_sentence(client, figures):
    section = soup(client).find(id="overheid").find_parent("section")
    assert table_values(section)["2022"] == ("22.500", "10.004", "12.496 te weinig")
    assert table_values(section)["2017"][2] == "3.529 te weinig"
    summary = section.find(class_="portal-short-answer").get_text(strip=True)
    assert summary == (
        "2022: 10.004 banen gerealiseerd tegen een doel van 22.500, 12.496 banen te weinig (44 % van het doel); "
        "latere cijfers staan in de tabel."
    )
    markt = soup(client).find(id="markt").find_parent("section")
    assert table_values(markt)["2022"][2] == "1.113 meer dan het doel"


def test_every_figure_names_its_source_next_to_the_table(client, figures):
    page = soup(client)
    for meting in figures:
        item = page.find(id=f"bron-{meting.slug}")
        assert item is not None, meting.slug
        assert meting.bron.titel in item.get_text() and meting.vindplaats in item.get_text()
        assert page.find("a", href=f"#bron-{meting.slug}").get_text(strip=True) == meting.periode


def test_a_draft_or_unpublished_meting_stays_off_the_page(client, figures, meting_factory):
    draft = meting_factory(slug="rijk-concept", sector="rijk", jaar=2024, gerealiseerd=4321, live=False)
    draft.save_revision()
    figures[1].unpublish()
    html = client.get("/voortgang/").content.decode()
    csv_text = client.get("/voortgang/metingen.csv").content.decode()
    for text in ("4.321", "10.004"):
        assert text not in html
    assert "4321" not in csv_text and "10004" not in csv_text


def test_a_sector_without_figures_says_so(client, figures):
    section = soup(client).find(id="totaal").find_parent("section")
    assert section.find("svg") is None
    assert "nog geen gepubliceerde cijfers" in section.get_text()


def test_the_quotumpercentage_per_year_is_read_from_the_rules_parameters(client):
    page = soup(client)
    table = page.find(id="quotumpercentage").find_parent("section").find("table")
    rows = {r.find("th").get_text(strip=True): r.find_all("td") for r in table.find("tbody").find_all("tr")}
    assert "2015" in rows and str(datetime.date.today().year) in rows
    for year, cells in rows.items():
        value = parameter("quotum.percentage_overheid", on=datetime.date(int(year), 12, 31))
        shown = cells[0].get_text(strip=True)
        if value.known:
            assert shown == f"{format_value(value.value)} %" + (" (voorlopig)" if value.voorlopig else "")
        else:
            assert shown == "Niet gevonden of niet vastgesteld"
        for ref in value.reference:
            assert ref["titel"].split()[0] in cells[1].get_text()
    assert rows["2018"][0].get_text(strip=True) == "1,93 %"
    text = page.get_text()
    for code in ("U2", "onzekerheid", "SEED", "EXT"):
        assert code not in text.split()


def test_the_quotum_csv_has_every_year_of_both_sectors(client):
    rows = read_csv(client.get("/voortgang/quotumpercentages.csv"))
    years = progress.quotum_years(datetime.date.today())
    assert [(r["sector"], int(r["jaar"])) for r in rows] == [
        (s, y) for s in ("overheid", "markt") for y in years
    ]
    assert {r["quotumpercentage"] for r in rows if r["sector"] == "overheid" and r["jaar"] == "2018"} == {
        "1,93"
    }
    assert all(r["opmerking"] == progress.NOT_KNOWN for r in rows if not r["quotumpercentage"])


def test_the_csv_is_a_download_that_a_spreadsheet_cannot_run(client, meting_factory):
    meting_factory(
        slug="formule", sector="rijk", bron=None, vindplaats="", bron_vermelding='=HYPERLINK("x")', jaar=2020
    )
    response = client.get("/voortgang/metingen.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="metingen.csv"'
    assert read_csv(response)[0]["bron"].startswith("'=")


@pytest.mark.parametrize(
    "query", ["?sector=gemeente", "?sector=", "?sector=%00", "?sector=%3Cscript%3E", "?sector=" + "x" * 5000]
)
def test_an_unknown_sector_in_the_csv_link_is_a_plain_400_not_a_500(client, query):
    response = client.get("/voortgang/metingen.csv" + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert body == "Onbekende sector in het adres. Kies een van: overheid, rijk, markt, totaal.\n"


def test_voortgang_is_in_the_main_menu_and_the_sitemap(client, site_tree, figures):
    home = soup(client, "/")
    assert home.find("nav", attrs={"aria-label": "Hoofdmenu"}).find("a", href="/voortgang/") is not None
    assert "/voortgang/</loc>" in client.get("/sitemap.xml").content.decode()
    current = soup(client).find("nav", attrs={"aria-label": "Hoofdmenu"}).find("a", href="/voortgang/")
    assert current["aria-current"] == "page"


def test_the_page_works_without_javascript_and_without_inline_script_or_style(client, figures):
    page = soup(client)
    assert not page.find_all("script")
    assert not page.find_all("style")
    assert not page.find_all(attrs={"style": True})
    assert page.find("h1").get_text(strip=True) == "Voortgang van de banenafspraak"
    for svg in page.find_all("svg"):
        assert svg["role"] == "img"
        labels = svg["aria-labelledby"].split()
        assert all(svg.find(id=label) for label in labels)


def test_a_published_meting_reaches_a_visitor_who_saw_the_page_before(
    client, figures, meting_factory, django_capture_on_commit_callbacks
):
    """The page cache keeps /voortgang/ for visitors; publishing a meting moves it on."""
    assert "4.321" not in client.get("/voortgang/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        draft = meting_factory(slug="rijk-2024", sector="rijk", jaar=2024, gerealiseerd=4321, live=False)
        draft.save_revision()
    assert "4.321" not in client.get("/voortgang/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        draft.get_latest_revision().publish()
    assert "4.321" in client.get("/voortgang/").content.decode()
    assert "4321" in client.get("/voortgang/metingen.csv?sector=rijk").content.decode()
