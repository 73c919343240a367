"""A meting's period, gap and citation: what the page, the CSV and the placeholders show."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import BronFactory
from voortgang.models import Meting

pytestmark = pytest.mark.django_db


def test_the_period_is_the_sources_own_words_else_year_and_quarter():
    assert Meting(jaar=2022, peilmoment="eind 2022").periode == "eind 2022"
    assert Meting(jaar=2023, kwartaal=2).periode == "2e kwartaal 2023"
    assert Meting(jaar=2019).periode == "2019"


def test_a_years_figure_sorts_with_its_fourth_quarter_after_the_second():
    year, q2 = Meting(slug="a", jaar=2023), Meting(slug="b", jaar=2023, kwartaal=2)
    assert sorted([year, q2], key=lambda m: m.sort_key) == [q2, year]


def test_gap_shortfall_and_percentage():
    short = Meting(doel=5144, gerealiseerd=3749)
    assert (short.verschil, short.tekort, short.procent) == (-1395, 1395, 73)
    above = Meting(doel=70000, gerealiseerd=71113)
    assert (above.verschil, above.tekort, above.procent) == (1113, 0, 102)
    only_count = Meting(gerealiseerd=4175)
    assert (only_count.verschil, only_count.tekort, only_count.procent) == (None, None, None)


def test_the_citation_names_document_place_and_date():
    bron = BronFactory(
        titel="Werkagenda Banenafspraak Rijk 2021-2022", kenmerk="Ministerie van BZK", jaar=2021
    )
    meting = Meting(
        bron=bron,
        vindplaats="hoofdstuk 1",
        bron_vermelding="Monitor 2019",
        bron_datum=datetime.date(2020, 6, 10),
    )
    assert meting.citation == (
        "Werkagenda Banenafspraak Rijk 2021-2022, Ministerie van BZK, 2021; hoofdstuk 1; Monitor 2019; 10 juni 2020"
    )


def test_a_meting_needs_a_figure_and_a_source():
    with pytest.raises(ValidationError) as error:
        Meting(slug="x", sector="rijk", jaar=2022).full_clean()
    assert set(error.value.message_dict) >= {"gerealiseerd", "bron_vermelding"}
    Meting(slug="x", sector="rijk", jaar=2022, doel=1, bron_vermelding="Monitor").full_clean()


def test_an_unknown_placeholder_field_is_refused():
    with pytest.raises(KeyError):
        Meting(doel=1).value("titel")
