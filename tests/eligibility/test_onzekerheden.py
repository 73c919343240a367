"""eligibility/onzekerheden.py: open questions as data, on the answer, in the API and for the kennisartikel."""

import datetime
import json
import re

import pytest
from django.template import Context, Template

from eligibility.engine import evaluate
from eligibility.onzekerheden import ONZEKERHEDEN, for_article, get
from eligibility.parameters import PARAMETERS
from eligibility.sources import KENNISARTIKELEN

CODE = re.compile(r"\bU\d{1,2}\b|variabele [A-H]\b")


def test_every_open_question_has_readings_with_sources_and_one_followed():
    assert ONZEKERHEDEN
    for entry in ONZEKERHEDEN.values():
        assert entry.onderwerp and entry.vraag.endswith("?")
        assert len(entry.lezingen) >= 2
        assert sum(item["gevolgd"] for item in entry.lezingen) == 1, entry.id
        assert any(item["bronnen"] for item in entry.lezingen), entry.id
        assert set(entry.kennisartikelen) <= set(KENNISARTIKELEN), entry.id


def test_the_codes_of_the_fact_sheet_lead_to_their_entry_and_every_code_used_has_one():
    assert get("U3").id == "jaarnorm" and get("U6").id == "inleen_uitlener"
    used = {
        ref["onzekerheid"]
        for param in PARAMETERS.values()
        for entry in param.entries
        for ref in entry.reference
        if ref.get("onzekerheid")
    }
    assert all(get(code) is not None for code in used), used
    notes = {note for param in PARAMETERS.values() for entry in param.entries for note in entry.onzekerheden}
    assert all(get(note) is not None for note in notes if isinstance(note, str)), notes


def test_no_internal_code_reaches_an_answer_or_a_page():
    samples = [
        ("banen", {"uren_per_jaar": 2000}, "2024-06-01"),
        (
            "quotum",
            {"sector": "overheid", "jaar": 2024, "fte": 100, "uren_per_fte_per_week": 36},
            "2024-06-01",
        ),
        ("telt_mee", {"persoon_in_doelgroep": True, "constructie": "detachering"}, "2016-06-01"),
        ("doelgroep", {"kader": "wet_banenafspraak_2025", "heeft_wsw_indicatie": True}, "2027-01-01"),
    ]
    for vraag, feiten, day in samples:
        answer = evaluate(vraag, feiten, day)
        assert answer["onzekerheden"], vraag
        text = json.dumps({k: answer[k] for k in ("uitleg", "onzekerheden", "bronnen")}, ensure_ascii=False)
        assert not CODE.search(text), CODE.search(text)
        assert all("onzekerheid" not in bron for step in answer["uitleg"] for bron in step["bronnen"])
    for slug in KENNISARTIKELEN:
        assert not CODE.search(json.dumps(for_article(slug, datetime.date(2026, 12, 2)), ensure_ascii=False))


def test_the_jaarnorm_answer_names_the_readings_and_the_one_followed():
    answer = evaluate("banen", {"uren_per_jaar": 2662}, "2024-06-01")
    entry = next(item for item in answer["onzekerheden"] if item["id"] == "jaarnorm")
    assert entry["gevolgd"].startswith("1.331 uur per jaar")
    assert [item["gevolgd"] for item in entry["lezingen"]] == [True, False, False]
    assert "1.326" in entry["lezingen"][2]["lezing"]
    sources = [bron["url"] for item in entry["lezingen"] for bron in item["bronnen"] if bron["url"]]
    assert "https://wetten.overheid.nl/BWBR0019070/2024-06-01/#Artikel2.32" in sources


def test_binnenwerk_in_the_wettelijk_quotum_says_both_readings():
    feiten = {
        "kader": "wettelijk_quotum",
        "persoon_in_doelgroep": True,
        "constructie": "binnenwerk",
        "formele_werkgever": "ubr_binnenwerk",
        "opdrachtgever": "ministerie_van_lnv",
        "werkplek": "staatsbosbeheer",
        "vraag_voor_werkgever": "ministerie_van_lnv",
    }
    answer = evaluate("telt_mee", feiten, "2023-06-30")
    assert answer["antwoord"] == {"telt_mee": False, "telt_mee_voor": "ubr_binnenwerk"}
    step = answer["uitleg"][-1]
    assert "lezing, geen zekerheid" in step["toelichting"]
    assert "het ministerie van Landbouw, Natuur en Voedselkwaliteit" in step["toelichting"]
    entry = next(item for item in answer["onzekerheden"] if item["id"] == "binnenwerk_wettelijk")
    assert "gemandateerd werkgever" in entry["lezingen"][1]["lezing"]


@pytest.mark.parametrize("day, present", [("2019-12-31", False), ("2020-01-01", True)])
def test_the_sectorfonds_criterion_may_have_no_object_after_the_wet_arbeidsmarkt_in_balans(day, present):
    feiten = {
        "sector": "overheid",
        "aandeel_uren_sectorfonds_pct": 60,
        "jaar": int(day[:4]),
        "quotumtekort_berekend": 1,
    }
    answer = evaluate("quotum", feiten, day)
    assert answer["antwoord"]["sector"] == "markt"
    step = next(s for s in answer["uitleg"] if s["regel_id"] == "sectorindeling")
    assert ("geen betekenis meer" in step["toelichting"]) is present
    assert any(item["id"] == "sectorfondsen" for item in answer["onzekerheden"]) is present
    numbers = " ".join(bron["titel"] for bron in step["bronnen"])
    assert "art. 3.31" in numbers  # renumbered from 3.27 (Stcrt. 2015, 43639)


def test_the_regeling_wfsv_is_cited_by_the_number_in_force():
    def titles(day):
        answer = evaluate(
            "quotum", {"sector": "overheid", "aandeel_uren_sectorfonds_pct": 60, "jaar": 2015}, day
        )
        return " ".join(
            b["titel"] for s in answer["uitleg"] if s["regel_id"] == "sectorindeling" for b in s["bronnen"]
        )

    assert "art. 3.27" in titles("2015-12-31") and "art. 3.31" not in titles("2015-12-31")


@pytest.mark.parametrize("day, present", [("2017-12-31", True), ("2018-01-01", False)])
def test_the_start_of_the_toerekening_is_an_open_question_until_the_text_of_2018(day, present):
    feiten = {"persoon_in_doelgroep": True, "constructie": "uitzending", "uren_toegerekend_aan_inlener": True}
    answer = evaluate("telt_mee", feiten, day)
    assert any(item["id"] == "toerekening_begin" for item in answer["onzekerheden"]) is present


def test_the_kennisartikel_can_show_its_open_questions():
    rendered = Template(
        '{% load eligibility_tags %}{% onzekerheden_lijst "binnenwerk" "2026-12-02" %}'
    ).render(Context({}))
    assert "Waar de bronnen verschillen" in rendered and "De checker volgt deze lezing:" in rendered
    assert 'href="https://wetten.overheid.nl/BWBR0017745/2026-12-02/#Artikel38b"' in rendered
    assert (
        Template('{% load eligibility_tags %}{% onzekerheden_lijst "geen-artikel" %}')
        .render(Context({}))
        .strip()
        == ""
    )
    items = Template(
        '{% load eligibility_tags %}{% onzekerheden_bij "banen-en-de-urennorm" as items %}{{ items.0.onderwerp }}'
    ).render(Context({}))
    assert items == "Uren per baan per jaar"


def test_a_provisional_value_and_a_note_on_a_parameter_reach_the_answer(monkeypatch):
    from dataclasses import replace

    from eligibility import parameters

    pct = parameters.PARAMETERS["quotum.percentage_overheid"]
    index = pct.dates.index(datetime.date(2019, 1, 1))
    entries = list(pct.entries)
    entries[index] = replace(
        entries[index], voorlopig=True, onzekerheden=("Nog niet in de Staatscourant gezien.",)
    )
    monkeypatch.setitem(parameters.PARAMETERS, pct.name, replace(pct, entries=tuple(entries)))
    answer = evaluate(
        "quotum", {"sector": "overheid", "jaar": 2019, "fte": 100, "uren_per_fte_per_week": 36}, "2019-06-30"
    )
    assert answer["antwoord"]["quotumpercentage_voorlopig"] is True
    vragen = [item["vraag"] for item in answer["onzekerheden"]]
    assert "Nog niet in de Staatscourant gezien." in vragen
    assert any("voorlopig" in vraag for vraag in vragen)


@pytest.mark.django_db
def test_the_kennisartikel_page_shows_the_open_questions_it_discusses(client, site_tree):
    from tests.factories import ArticlePageFactory

    page = ArticlePageFactory(parent=site_tree["kennisbank"], slug="binnenwerk", title="Binnenwerk")
    html = client.get(page.url).content.decode()
    assert "Waar de bronnen verschillen" in html and "Binnenwerk in de wettelijke quotumregeling" in html
    assert "gemandateerd werkgever" in html and "De checker volgt deze lezing:" in html
    other = ArticlePageFactory(parent=site_tree["kennisbank"], slug="een-ander-onderwerp")
    assert "Waar de bronnen verschillen" not in client.get(other.url).content.decode()


def test_the_sector_rule_says_where_its_peilmoment_and_the_uwv_reading_come_from():
    feiten = {"sector": "overheid", "aandeel_uren_sectorfonds_pct": 60, "jaar": 2020}
    answer = evaluate("quotum", feiten, "2020-06-30")
    step = next(s for s in answer["uitleg"] if s["regel_id"] == "sectorindeling")
    assert "de wet zelf noemt geen peilmoment" in step["toelichting"]
    assert "Het peilmoment voor 2020 ligt in 2019" in step["toelichting"]
    entries = {item["id"]: item for item in answer["onzekerheden"]}
    peilmoment = entries["sector_peilmoment"]
    assert "Stcrt. 2015, 31250" in peilmoment["lezingen"][0]["bronnen"][0]["titel"]
    assert "#Artikel38c" in peilmoment["lezingen"][1]["bronnen"][0]["url"]
    uwv = [
        item
        for item in entries["sectorfondsen"]["lezingen"]
        if "Uitvoeringsfonds voor de overheid" in item["lezing"]
    ]
    assert len(uwv) == 1 and not uwv[0]["gevolgd"]
    assert "50 %" in uwv[0]["lezing"] and uwv[0]["bronnen"][0]["url"].startswith("https://www.uwv.nl/")
    later = evaluate("quotum", {**feiten, "jaar": 2021}, "2021-06-30")
    assert (
        "Het peilmoment voor"
        not in next(s for s in later["uitleg"] if s["regel_id"] == "sectorindeling")["toelichting"]
    )
