"""A search result's dates come from the model's own ``search_result_dates()`` hook (issue 10)."""

import datetime

import pytest
from django.utils import timezone

from knowledge.models import ArticlePage
from portal.search.service import _dates_of, _shown_dates, result_dates


class _Checked:
    """Has a field named like the pages' check date but no hook: the name alone is not read."""

    laatst_gecontroleerd = datetime.date(2026, 1, 2)
    last_published_at = None


class _OwnDates:
    def search_result_dates(self):
        return [("Vastgesteld", datetime.date(2025, 7, 1))]


class _BrokenDates:
    def search_result_dates(self):
        raise RuntimeError("no dates")


def test_a_model_supplies_its_own_dates():
    assert _dates_of(_OwnDates()) == [("Vastgesteld", datetime.date(2025, 7, 1))]


def test_without_the_hook_only_the_publication_day_counts():
    assert _dates_of(_Checked()) == []
    published = timezone.make_aware(datetime.datetime(2026, 5, 6, 12, 0))
    obj = _Checked()
    obj.last_published_at = published
    assert _dates_of(obj) == [("Bijgewerkt", datetime.date(2026, 5, 6))]


def test_a_failing_hook_gives_no_dates_not_an_error():
    assert _dates_of(_BrokenDates()) == []


@pytest.mark.django_db
def test_content_pages_give_their_check_and_a_later_publication():
    checked = datetime.date(2026, 3, 4)
    later = timezone.make_aware(datetime.datetime(2026, 4, 1, 9, 0))
    earlier = timezone.make_aware(datetime.datetime(2026, 2, 1, 9, 0))
    page = ArticlePage(title="t", laatst_gecontroleerd=checked, last_published_at=later)
    assert _dates_of(page) == [("Gecontroleerd", checked), ("Bijgewerkt", datetime.date(2026, 4, 1))]
    page.last_published_at = earlier
    assert _dates_of(page) == [("Gecontroleerd", checked)]
    assert result_dates() == []


def test_dates_are_shown_as_the_day_in_dutch_time():
    late_evening_utc = datetime.datetime(2026, 5, 5, 23, 30, tzinfo=datetime.UTC)  # 6 May in Amsterdam
    assert _shown_dates(
        [("Gecontroleerd", datetime.date(2026, 12, 4)), ("Bijgewerkt", late_evening_utc)]
    ) == [
        ("Gecontroleerd", "2026-12-04", "4 december 2026"),
        ("Bijgewerkt", "2026-05-06", "6 mei 2026"),
    ]


def test_a_model_date_that_is_no_date_is_left_out_not_an_error():
    assert _shown_dates([("Gecontroleerd", None), ("Bijgewerkt", "2026-12-04")]) == []
