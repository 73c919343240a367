"""eligibility/parameters: dated values in YAML, each with a reference, in ISO date order."""

import datetime
import re
from pathlib import Path

import pytest
import yaml
from django.template import Context, Template

from eligibility.parameters import PARAMETERS, ROOT, fill_placeholders, format_value, parameter
from eligibility.sources import KENNISARTIKELEN

FILES = sorted(ROOT.rglob("*.yaml"))
CONTENT_BRONNEN = Path(__file__).resolve().parents[2] / "content" / "bronnen"
JCI = re.compile(
    r"^https://wetten\.overheid\.nl/jci1\.3:c:BWBR\d{7}&artikel=[0-9a-z.]+"
    r"(&z=\d{4}-\d{2}-\d{2})?(&g=\d{4}-\d{2}-\d{2})?$"  # optionally the dated text
)


def test_there_are_parameter_files():
    assert len(FILES) >= 15


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_value_has_a_reference_and_the_dates_are_ordered_iso_dates(path):
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["description"]
    assert data.get("kennisartikel") in KENNISARTIKELEN
    keys = list(data["values"])
    assert keys, "at least one dated value"
    raw_keys = re.findall(r"^  (\S+):\s*$", text.split("values:", 1)[1], flags=re.MULTILINE)
    assert raw_keys == [key.isoformat() for key in keys], "keys written as YYYY-MM-DD"
    assert all(isinstance(key, datetime.date) for key in keys)
    assert keys == sorted(keys) and len(set(keys)) == len(keys), "ascending, no duplicates"
    for key, entry in data["values"].items():
        assert (
            {"value", "reference"}
            <= set(entry)
            <= {"value", "reference", "voorlopig", "onzekerheden", "noot"}
        ), key
        assert entry.get("voorlopig", True) is True, f"{key}: voorlopig is only written as true"
        assert entry["reference"], f"{key}: a reference per value, also for an unknown (null) value"
        for reference in entry["reference"]:
            assert reference["titel"].strip()
            assert "url" in reference and "bron" in reference
            url = reference["url"]
            if url and "wetten.overheid.nl" in url:
                assert JCI.match(url), url
            if reference["bron"] and CONTENT_BRONNEN.exists():
                assert (CONTENT_BRONNEN / f"{reference['bron']}.md").exists(), reference["bron"]


def test_a_parameter_is_read_on_a_date():
    value = parameter("quotum.heffing_per_baan", on=datetime.date(2024, 1, 1))
    assert value.value == 5000
    assert value.valid_from == datetime.date(2015, 5, 1)
    assert value.reference[0]["url"].endswith("artikel=38h")


def test_a_missing_value_stays_missing():
    assert parameter("quotum.percentage_overheid", datetime.date(2021, 6, 1)).value is None
    assert parameter("quotum.percentage_overheid", datetime.date(2019, 6, 1)).value == 2.14
    before = parameter("banen.urennorm", datetime.date(2012, 12, 31))
    assert before.value is None and before.valid_from is None and before.reference
    assert (
        parameter("stelsel.inwerkingtreding_art2_wet_banenafspraak", datetime.date(2030, 1, 1)).value is None
    )


def test_the_known_values_of_the_fact_sheet():
    on = datetime.date(2024, 1, 1)
    assert parameter("banen.urennorm", on).value == 25.5
    assert parameter("banen.jaarnorm", on).value == 1331  # Besluit Wfsv art. 2.32 onder d
    assert parameter("banen.uren_per_fta", on).value == parameter("banen.urennorm", on).value
    assert parameter("quotum.drempel_uren", on).value == 25 * parameter("quotum.uren_per_werknemer", on).value
    assert parameter("quotum.percentage_overheid", datetime.date(2018, 6, 1)).value == 1.93
    assert parameter("quotum.percentage_overheid", datetime.date(2023, 6, 1)).value == 2.76
    percentages = {
        year: parameter("quotum.percentage_overheid", datetime.date(year, 12, 31)).value
        for year in range(2015, 2027)
    }
    assert percentages == {
        **dict.fromkeys((2015, 2016, 2017, 2020, 2021, 2022, 2025, 2026)),
        2018: 1.93,
        2019: 2.14,
        2023: 2.76,
        2024: 2.76,
    }
    assert all(
        parameter("quotum.percentage_markt", datetime.date(year, 12, 31)).value is None
        for year in range(2015, 2027)
    )
    assert parameter("quotum.activering_overheid", datetime.date(2017, 12, 31)).value is False
    assert parameter("quotum.activering_overheid", datetime.date(2018, 1, 1)).value is True
    assert parameter("doelgroep.praktijkroute_open", datetime.date(2017, 1, 1)).value is True
    assert (
        parameter("doelgroep.wajong_duurzaam_met_dienstbetrekking", datetime.date(2026, 1, 1)).value is True
    )
    uitstel = {
        day: parameter("quotum.heffing_uitstel", day).value
        for day in PARAMETERS["quotum.heffing_uitstel"].dates
    }
    assert uitstel == {  # art. 122na per text version (regelrecht-corpus 2020-01-01 .. 2026-01-01)
        datetime.date(2015, 5, 1): {"regel": "geen"},
        datetime.date(2020, 1, 1): {"regel": "jaren_voor", "jaar": 2022},
        datetime.date(2022, 12, 14): {"regel": "jaren_voor", "jaar": 2026},
        datetime.date(2025, 1, 1): {"regel": "jaren_voor", "jaar": 2026},
        datetime.date(2026, 1, 1): {"regel": "voor_inwerkingtreding_art2"},
    }
    assert parameter("quotum.heffing_uitstel", datetime.date(2022, 12, 13)).value["jaar"] == 2022
    assert parameter("quotum.heffing_uitstel", datetime.date(2025, 6, 1)).since == datetime.date(2022, 12, 14)
    assert parameter("quotum.heffing_uitstel", datetime.date(2025, 6, 1)).noot  # the correction says why


def test_values_are_shown_the_dutch_way():
    assert format_value(25.5) == "25,5"
    assert format_value(40575) == "40.575"
    assert format_value(5000) == "5.000"
    assert format_value(1.93) == "1,93"
    assert format_value(None) == "onbekend"
    assert format_value(True) == "ja"
    assert format_value(datetime.date(2021, 1, 1)) == "1 januari 2021"


def test_article_text_can_show_the_value_in_force():
    text = "1 baan = [[parameter:banen.urennorm]] uur per week; [[parameter:bestaat.niet]] blijft staan."
    assert fill_placeholders(text, datetime.date(2024, 1, 1)) == (
        "1 baan = 25,5 uur per week; [[parameter:bestaat.niet]] blijft staan."
    )


def test_templates_show_the_value_in_force():
    template = Template(
        '{% load eligibility_tags %}{% parameter_waarde "quotum.drempel_uren" "2020-01-01" %}'
        " | {{ tekst|parameters:'2019-06-01' }}"
    )
    rendered = template.render(Context({"tekst": "[[parameter:quotum.percentage_overheid]] %"}))
    assert rendered == "40.575 | 2,14 %"
