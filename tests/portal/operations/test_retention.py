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
def test_search_texts_are_stored_scrubbed_and_old_counts_pruned(site_tree):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    from portal.search import service
    from portal.search.models import UnansweredQuery

    service.search("Jan Jansen bsn 123456789 jan@example.org")
    service.search("0612345678")
    stored = list(Query.objects.values_list("query_string", flat=True))
    stored += list(UnansweredQuery.objects.values_list("query_string", flat=True))
    assert stored and all("123456789" not in s and "@" not in s for s in stored), stored
    assert not any("0612345678" in s for s in stored)
    QueryDailyHits.objects.update(date=timezone.localdate() - timedelta(days=366))
    call_command("run_scheduler", once=True)
    assert not QueryDailyHits.objects.exists() and not Query.objects.exists()
