"""eligibility/sources.py: law sources linked to the text in force on the peildatum."""

import datetime
from pathlib import Path

from eligibility.engine import evaluate
from eligibility.sources import _LAW_SLUGS, DOCUMENTS, dated, dated_url, document, law

CONTENT_BRONNEN = Path(__file__).resolve().parents[2] / "content" / "bronnen"
DAY = datetime.date(2022, 12, 14)


def test_a_law_link_shows_the_text_in_force_on_the_day():
    assert dated_url("https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=122na", DAY) == (
        "https://wetten.overheid.nl/BWBR0017745/2022-12-14/#Artikel122na"
    )
    assert dated_url("https://wetten.overheid.nl/jci1.3:c:BWBR0019150&artikel=3.37&g=2018-01-01", DAY) == (
        "https://wetten.overheid.nl/BWBR0019150/2022-12-14/#Artikel3.37"
    )
    assert dated_url("https://wetten.overheid.nl/BWBR0017745/2020-01-01#Artikel38b", DAY) == (
        "https://wetten.overheid.nl/BWBR0017745/2022-12-14/#Artikel38b"
    )
    assert (
        dated_url("https://wetten.overheid.nl/BWBR0042307", DAY)
        == "https://wetten.overheid.nl/BWBR0042307/2022-12-14/"
    )
    assert dated_url("https://zoek.officielebekendmakingen.nl/kst-34352-65.html", DAY).endswith(
        "kst-34352-65.html"
    )
    assert (
        dated(law("wfsv", "38b", "lid 2"), DAY)["url"]
        == "https://wetten.overheid.nl/BWBR0017745/2022-12-14/#Artikel38b"
    )
    assert dated({"titel": "Zonder link", "url": None}, DAY)["url"] is None


def test_every_law_source_of_an_answer_is_dated_by_its_peildatum():
    for day in ("2019-12-31", "2022-12-14", "2026-07-01"):
        answer = evaluate("quotum", {"sector": "overheid", "jaar": 2021, "quotumtekort_berekend": 1}, day)
        urls = [
            b["url"]
            for s in answer["uitleg"]
            for b in s["bronnen"]
            if b["url"] and "wetten.overheid.nl" in b["url"]
        ]
        urls += [b["url"] for b in answer["bronnen"] if b["url"] and "wetten.overheid.nl" in b["url"]]
        assert urls and all(f"/{day}/" in url for url in urls), urls
        assert all("jci1.3" not in url for url in urls)


def test_every_source_slug_is_a_page_of_the_portal():
    slugs = {document(slug)["bron"] for slug in DOCUMENTS} | set(_LAW_SLUGS.values())
    missing = [slug for slug in slugs if slug and not (CONTENT_BRONNEN / f"{slug}.md").exists()]
    assert CONTENT_BRONNEN.exists() and not missing, missing


def test_a_law_without_a_text_yet_on_the_day_links_to_its_first_text():
    """The Wet banenafspraak (BWBR0051018) has consolidated texts from 2026-01-01 on."""
    url = law("wet_banenafspraak", "2")["url"]
    assert (
        dated_url(url, datetime.date(2024, 6, 1))
        == "https://wetten.overheid.nl/BWBR0051018/2026-01-01/#Artikel2"
    )
    assert (
        dated_url(url, datetime.date(2027, 6, 1))
        == "https://wetten.overheid.nl/BWBR0051018/2027-06-01/#Artikel2"
    )
    answer = evaluate(
        "doelgroep",
        {
            "kader": "wet_banenafspraak_2025",
            "heeft_wajong_recht": True,
            "wajong_duurzaam_geen_arbeidsvermogen": True,
            "werkt_in_dienstbetrekking": True,
        },
        "2024-06-01",
    )
    urls = [b["url"] for b in answer["bronnen"] if b["url"] and "BWBR0051018" in b["url"]]
    assert urls and all("/BWBR0051018/2026-01-01/" in u for u in urls)
