"""Retention: an unanswered asker's address is erased after 90 days; the access log keeps no query."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.utils import timezone

from knowledge.submissions import SubmittedQuestion
from portal.accesslog import PrivacyLogger, without_query

VRAAG = "Telt een gedetacheerde medewerker van het SW-bedrijf mee voor ons quotum?"


@pytest.mark.django_db
def test_an_unanswered_question_loses_its_address_after_90_days():
    now = timezone.now()
    old = SubmittedQuestion.objects.create(vraag=VRAAG, email="oud@gemeente.nl")
    recent = SubmittedQuestion.objects.create(vraag=VRAAG + "?", email="nieuw@gemeente.nl")
    SubmittedQuestion.objects.filter(pk=old.pk).update(ingediend_op=now - timedelta(days=91))
    SubmittedQuestion.objects.filter(pk=recent.pk).update(ingediend_op=now - timedelta(days=89))
    call_command("run_scheduler", once=True)  # the daily round runs at start-up
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and old.vraag == VRAAG and old.status == SubmittedQuestion.Status.NIEUW
    assert recent.email == "nieuw@gemeente.nl"


@pytest.mark.django_db
def test_the_period_is_a_setting(settings):
    settings.PORTAL_ASKER_EMAIL_RETENTION_DAYS = 10
    question = SubmittedQuestion.objects.create(vraag=VRAAG, email="a@b.nl")
    SubmittedQuestion.objects.filter(pk=question.pk).update(ingediend_op=timezone.now() - timedelta(days=11))
    call_command("erase_old_addresses", verbosity=0)
    question.refresh_from_db()
    assert question.email == ""


def test_the_access_log_drops_the_query_string_of_request_and_referrer():
    from gunicorn.config import Config

    config = Config()
    config.set("accesslog", "-")
    logger = PrivacyLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/check/doelgroep/uitkomst/?wajong=ja&indicatie_banenafspraak=ja",
        "PATH_INFO": "/check/doelgroep/uitkomst/",
        "QUERY_STRING": "wajong=ja&indicatie_banenafspraak=ja",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "198.51.100.7",
        "HTTP_REFERER": "http://127.0.0.1:8000/check/doelgroep/vraag/wajong/?wsw_indicatie=nee",
        "HTTP_USER_AGENT": "test",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    atoms = logger.atoms(response, request, environ, timedelta(milliseconds=5))
    line = config.access_log_format % atoms
    for atom in atoms.values():
        assert "wajong=ja" not in str(atom) and "wsw_indicatie" not in str(atom)
    assert "GET /check/doelgroep/uitkomst/ HTTP/1.1" in atoms["r"]
    assert "wajong=ja" not in line and "wsw_indicatie" not in line
    assert without_query("http://x.nl/a/?b=c#d") == "http://x.nl/a/"
    assert without_query("-") == "-"


def test_make_run_uses_the_privacy_logger():
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    assert "--config portal/gunicorn.conf.py" in (root / "Makefile").read_text()
    assert (
        'logger_class = "portal.accesslog.PrivacyLogger"'
        in (root / "portal" / "gunicorn.conf.py").read_text()
    )


@pytest.mark.django_db
def test_search_texts_are_stored_scrubbed_and_old_counts_pruned(site_tree, settings):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    from portal.search import service
    from portal.search.models import UnansweredQuery

    service.search("Jan Jansen bsn 123456789 jan@example.org")
    service.search("0612345678")
    stored = list(Query.objects.values_list("query_string", flat=True))
    stored += list(UnansweredQuery.objects.values_list("query_string", flat=True))
    assert stored and all("123456789" not in s and "@" not in s for s in stored), stored
    assert not any("0612345678" in s for s in stored)
    # Wagtail counts and prunes hits by the UTC day (timezone.now().date()), which is not the
    # local day between 23:00 and 24:00 UTC in winter: the test uses Wagtail's day.
    wagtail_today = timezone.now().date()
    days = settings.WAGTAILSEARCH_HITS_MAX_AGE
    QueryDailyHits.objects.update(date=wagtail_today - timedelta(days=days + 1))
    kept = Query.get("kinderopvang")
    kept.add_hit(date=wagtail_today - timedelta(days=days))
    call_command("run_scheduler", once=True)
    assert list(QueryDailyHits.objects.values_list("query__query_string", flat=True)) == ["kinderopvang"]
    assert list(Query.objects.values_list("query_string", flat=True)) == ["kinderopvang"]


@pytest.mark.django_db
def test_unanswered_queries_search_counts_and_votes_are_pruned_after_their_period(site_tree, settings):
    from editorial.models import ContentGap, GapQuery, SearchDay
    from home.management.commands.run_scheduler import DAILY
    from knowledge.feedback import PageFeedback
    from portal.search.models import UnansweredQuery

    assert ("prune_old_records", {}) in DAILY
    days = settings.PORTAL_SEARCH_TEXT_RETENTION_DAYS
    now, today = timezone.now(), timezone.localdate()
    long_ago = now - timedelta(days=days + 1)
    UnansweredQuery.objects.create(query_string="oud", first_seen=long_ago, last_seen=long_ago)
    # First searched long ago, searched again lately: kept.
    UnansweredQuery.objects.create(query_string="weer gezocht", first_seen=long_ago, last_seen=now)
    SearchDay.objects.create(day=today - timedelta(days=days + 1), text="oud", key="oud")
    SearchDay.objects.create(day=today - timedelta(days=days - 1), text="recent", key="recent")
    page = site_tree["kennisbank"]
    old_vote = PageFeedback.objects.create(page=page, nuttig=False)
    PageFeedback.objects.filter(pk=old_vote.pk).update(
        gegeven_op=now - timedelta(days=settings.PORTAL_FEEDBACK_RETENTION_DAYS + 1)
    )
    PageFeedback.objects.create(page=page, nuttig=True)
    # A kennisgat that became a draft keeps its queries (frozen), but not past the period.
    gap = ContentGap.objects.create(key="jobcoach", title="Jobcoach", status=ContentGap.Status.DRAFT)
    for text, seen in (("jobcoach oud", today - timedelta(days=days + 1)), ("jobcoach", today)):
        GapQuery.objects.create(
            gap=gap, text=text, source=GapQuery.Source.ZERO_RESULTS, count=1, last_seen=seen
        )

    call_command("prune_old_records", verbosity=0)

    assert list(UnansweredQuery.objects.values_list("query_string", flat=True)) == ["weer gezocht"]
    assert list(SearchDay.objects.values_list("text", flat=True)) == ["recent"]
    assert list(PageFeedback.objects.values_list("nuttig", flat=True)) == [True]
    assert list(gap.queries.values_list("text", flat=True)) == ["jobcoach"]


def test_the_privacy_statement_names_the_periods_the_portal_keeps(settings):
    """content/paginas/privacy.md says how long each thing is kept; the settings do it."""
    import re
    from pathlib import Path

    from django.conf import settings as django_settings

    text = (Path(django_settings.BASE_DIR) / "content" / "paginas" / "privacy.md").read_text()
    sections = dict(re.findall(r"\*\*(.+?)\*\*(.*)", text))
    assert settings.WAGTAILSEARCH_HITS_MAX_AGE == settings.PORTAL_SEARCH_TEXT_RETENTION_DAYS
    for heading, days in (
        ("Zoeken.", settings.PORTAL_SEARCH_TEXT_RETENTION_DAYS),
        ("Een vraag aan de vragenbank.", settings.PORTAL_ASKER_EMAIL_RETENTION_DAYS),
        ('"Was deze pagina nuttig?"', settings.PORTAL_FEEDBACK_RETENTION_DAYS),
    ):
        assert re.findall(r"(\d+) dagen", sections[heading]) == [str(days)], heading
