"""Gap closure: after a gap's page is published, do its queries find it in the top 3, and how
often did the group's search find nothing before and after? Shown per month."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.rich_text import RichText

from editorial import closure, jobs
from editorial.models import ContentGap, GapMeasurement, GapQuery, SearchDay
from editorial.search_log import gap_key
from tests.factories import ArticlePageFactory, QuestionPageFactory

pytestmark = pytest.mark.django_db
PUBLISHED = timezone.make_aware(datetime.datetime(2026, 10, 15, 12))


@pytest.fixture
def closed_gap(site_tree, clean_index):
    page = QuestionPageFactory(
        parent=site_tree["vragen"],
        title="Hoe vraag ik een jobcoach aan?",
        kort_antwoord="Een jobcoach vraagt u aan bij het UWV of de gemeente.",
        body=[("paragraph", RichText("<p>De jobcoach begeleidt de werknemer op de werkplek.</p>"))],
    )
    ArticlePageFactory(parent=site_tree["kennisbank"], title="Werkplekaanpassingen")
    call_command("update_index", verbosity=0)
    key = gap_key("jobcoach aanvragen")
    gap = ContentGap.objects.create(
        key=key,
        title="Jobcoach aanvragen",
        status=ContentGap.Status.PUBLISHED,
        page=page,
        published_at=PUBLISHED,
    )
    for text in ("jobcoach aanvragen", "aanvragen jobcoach", "werkplekaanpassingen subsidie"):
        GapQuery.objects.create(gap=gap, text=text, source=GapQuery.Source.ZERO_RESULTS, count=2)
    day = datetime.date(2026, 10, 15)
    rows = [
        (-100, 9, 9),
        (-20, 6, 6),
        (-3, 4, 2),
        (0, 5, 5),
        (2, 5, 1),
        (30, 5, 0),
    ]  # (offset, searches, zero)
    for offset, searches, zero in rows:
        SearchDay.objects.create(
            day=day + datetime.timedelta(days=offset),
            text=f"jobcoach aanvragen {offset}",  # other texts of the same group count too
            key=key,
            searches=searches,
            zero_results=zero,
        )
    SearchDay.objects.create(day=day, text="iets anders", key="ander", searches=50, zero_results=50)
    return gap


def test_the_measurement_counts_queries_in_the_top_3_and_zero_results_before_and_after(closed_gap):
    m = closure.measure(closed_gap)
    assert (m.queries, m.in_top3) == (3, 2)  # 'werkplekaanpassingen subsidie' finds the article first
    assert (m.searches_before, m.zero_before) == (10, 8)  # the last 90 days before publication
    assert (m.searches_after, m.zero_after) == (10, 1)  # the publication day itself left out


def test_the_report_shows_the_figures_per_month(client, closed_gap, redacteur):
    call_command("measure_kennisgaten")
    client.force_login(redacteur)
    html = client.get("/admin/reports/gesloten-kennisgaten/").content.decode()
    assert "oktober 2026" in html
    assert "2 van 3" in html
    assert "80% (8 van 10)" in html and "10% (1 van 10)" in html
    detail = client.get(f"/admin/reports/kennisgaten/{closed_gap.pk}/").content.decode()
    assert "2 van de 3 zoekvragen vinden de pagina in de top 3" in detail


def test_a_gap_not_yet_measured_is_counted_but_not_measured(closed_gap):
    [month] = closure.by_month()
    assert (month.gaps, month.measured, month.top3) == (1, 0, "nog niet gemeten")


def test_the_scheduler_measures_once_a_day(closed_gap):
    only = {"meting": jobs.JOBS["meting"]}
    now = timezone.now()
    assert jobs.run_due(now, only) == ["meting"]
    assert jobs.run_due(now + datetime.timedelta(hours=23), only) == []
    assert jobs.run_due(now + datetime.timedelta(days=1), only) == ["meting"]
    assert GapMeasurement.objects.count() == 2


def test_an_unpublished_page_is_not_measured(closed_gap):
    closed_gap.page.unpublish()
    assert closure.measure_all() == []
