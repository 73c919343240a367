"""eligibility/sources.py: law sources linked to the text in force on the peildatum."""

import datetime
import re
from pathlib import Path

from eligibility.engine import evaluate
from eligibility.nl import nl_date
from eligibility.onzekerheden import ONZEKERHEDEN
from eligibility.parameters import PARAMETERS
from eligibility.sources import (
    _LAW_SLUGS,
    ARTICLE_TITLES,
    DOCUMENTS,
    dated,
    dated_url,
    document,
    first_text,
    known_article,
    law,
    law_article,
    source_first_text,
)

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


# --- links before a provision existed (eligibility/wetsteksten.yaml) ----------------------------

PEILDATA = [datetime.date(year, month, 1) for year in range(2013, 2027) for month in (1, 7)]
LINK_DATE = re.compile(r"^https://wetten\.overheid\.nl/BWBR\d{7}/(\d{4}-\d{2}-\d{2})/")


def _check_link(source, day, where):
    found = law_article(source.get("url"))
    if found is None:
        return
    assert known_article(*found), f"{where}: {found} ontbreekt in wetsteksten.yaml"
    dated_source = dated(source, day)
    shown = datetime.date.fromisoformat(LINK_DATE.match(dated_source["url"]).group(1))
    since, _ = source_first_text(source)
    if since and day < since:
        assert shown == since, (where, day, dated_source["url"])
        assert "nog niet" in dated_source["titel"] and nl_date(day) in dated_source["titel"], dated_source
    else:
        assert shown == day and "nog_niet" not in dated_source, (where, day, dated_source)


def test_every_law_link_of_every_parameter_shows_a_text_that_has_the_provision():
    refs = [
        (f"{param.name} {start}", ref)
        for param in PARAMETERS.values()
        for start, entry in zip(param.dates, param.entries, strict=True)
        for ref in entry.reference
    ]
    refs += [
        (f"law {key}", {"titel": titel, "url": f"https://wetten.overheid.nl/{key[0]}/#Artikel{key[1]}"})
        for key, titel in ARTICLE_TITLES.items()
    ]
    refs += [
        (f"onzekerheid {entry.id}", bron)
        for entry in ONZEKERHEDEN.values()
        for item in entry.lezingen
        for bron in item["bronnen"]
    ]
    assert len(refs) > 100
    for where, ref in refs:
        for day in PEILDATA:
            _check_link(ref, day, where)


def test_a_provision_linked_before_it_existed_says_so_on_the_answer():
    """Wfsv 38g (Wet banenafspraak en quotum arbeidsbeperkten) has texts from 1 mei 2015 on."""
    answer = evaluate("banen", {"uren_per_jaar": 2662}, "2013-06-01")
    bronnen = [b for s in answer["uitleg"] for b in s["bronnen"]] + answer["bronnen"]
    wfsv = [b for b in bronnen if b["url"] and "BWBR0017745" in b["url"]]
    assert wfsv and all("/BWBR0017745/2015-05-01/" in b["url"] for b in wfsv)
    assert all("op 1 juni 2013 gold dit artikel nog niet" in b["titel"] for b in wfsv)
    besluit = [b for b in bronnen if b["url"] and "Artikel2.32" in b["url"]]
    assert besluit and all("/BWBR0019070/2018-01-01/" in b["url"] for b in besluit)
    later = evaluate("banen", {"uren_per_jaar": 2662}, "2018-06-01")
    assert not any("nog niet" in b["titel"] for s in later["uitleg"] for b in s["bronnen"])


def test_the_parts_of_an_older_article_say_which_part_did_not_yet_apply():
    source = {
        "titel": "Wfsv, artikel 34, lid 4 en 6",
        "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=34",
    }
    before = dated(source, datetime.date(2015, 4, 30))
    assert before["url"] == "https://wetten.overheid.nl/BWBR0017745/2015-05-01/#Artikel34"
    assert "de leden van artikel 34 over de quotumheffing" in before["titel"]
    assert dated(source, datetime.date(2015, 5, 1))["titel"] == source["titel"]


def test_every_law_link_of_every_named_case_shows_a_text_that_has_the_provision():
    from tests.eligibility.test_cases_named import CASES, request_of

    checked = 0
    for case in CASES:
        question, feiten, peildatum = request_of(case)
        answer = evaluate(question, feiten, peildatum)
        day = datetime.date.fromisoformat(answer["peildatum"])
        sources = [b for s in answer["uitleg"] for b in s["bronnen"]]
        sources += [b for o in answer["onzekerheden"] for item in o["lezingen"] for b in item["bronnen"]]
        for source in sources:
            found = law_article(source["url"])
            if found is None:
                continue
            checked += 1
            assert known_article(*found), (case["name"], found)
            since, _ = source_first_text(source)
            shown = datetime.date.fromisoformat(LINK_DATE.match(source["url"]).group(1))
            assert shown == max(day, since or day), (case["name"], source)
            assert ("de link toont de eerste tekst" in source["titel"]) is (shown > day), (
                case["name"],
                source,
            )
        for source in answer["bronnen"]:  # the summary: one entry per article, with the same note
            if law_article(source["url"]):
                shown = datetime.date.fromisoformat(LINK_DATE.match(source["url"]).group(1))
                assert shown >= day and ("de link toont de eerste tekst" in source["titel"]) is (shown > day)
    assert checked > 1000


def test_a_lid_that_started_after_its_article_says_so():
    """Wfsv 38b lid 6 (the blijfgrond) is in the text of 2020-01-01, not in that of 2019-01-01."""
    lid_6 = law("wfsv", "38b", "lid 6")
    before = dated(lid_6, datetime.date(2018, 6, 1))
    assert before["url"] == "https://wetten.overheid.nl/BWBR0017745/2020-01-01/#Artikel38b"
    assert "het zesde lid van artikel 38b (de blijfgrond) nog niet" in before["titel"]
    assert dated(law("wfsv", "38b", "lid 1 onder a"), datetime.date(2018, 6, 1))["url"].endswith(
        "/2018-06-01/#Artikel38b"
    )
    assert first_text("BWBR0017745", "38b")[0] == datetime.date(2015, 5, 1)
