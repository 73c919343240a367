"""Rate limits that hold across workers and behind a proxy (portal/security/ratelimit.py)."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client, RequestFactory

from knowledge.feedback import PageFeedback
from knowledge.submissions import SubmittedQuestion
from portal.security.clientip import client_ip
from tests.factories import ArticlePageFactory

URL = "/vragen/stel-een-vraag/"
VRAAG = "Telt een gedetacheerde medewerker van het SW-bedrijf mee voor ons quotum?"


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        ([], "198.51.100.7", "", "198.51.100.7"),
        ([], "198.51.100.7", "203.0.113.1", "198.51.100.7"),  # not from a proxy: the header is ignored
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.1", "203.0.113.1"),
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 203.0.113.1", "203.0.113.1"),  # a forged entry is left of it
        (["10.0.0.0/8"], "10.0.0.2", "203.0.113.1, 10.0.0.9", "203.0.113.1"),  # two proxies
        (["10.0.0.0/8"], "10.0.0.2", "", "10.0.0.2"),
        (["10.0.0.0/8"], "10.0.0.2", "garbage", "10.0.0.2"),
        (["10.0.0.0/8"], "192.0.2.5", "203.0.113.1", "192.0.2.5"),  # not a trusted proxy
        (["2001:db8::/32"], "2001:db8::1", "[2001:db8:ffff::5]:443, 2001:db8::2", "2001:db8:ffff::5"),
    ],
)
def test_client_ip(settings, trusted, remote, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXIES = trusted
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(RequestFactory().get("/", **extra)) == expected


def ask(client, i):
    return client.post(URL, {"vraag": f"{VRAAG} ({i})", "context": "", "email": "", "bevestigd": "on"})


@pytest.mark.django_db
def test_fifty_rapid_questions_store_at_most_five(site_tree, settings):
    """The probe sent 50 and 15 were stored (5 in each of 3 worker processes)."""
    assert settings.PORTAL_ASK_RATE_LIMIT == 5
    statuses = [ask(Client(REMOTE_ADDR="198.51.100.7"), i).status_code for i in range(50)]
    assert SubmittedQuestion.objects.count() == 5
    assert statuses.count(302) == 5 and statuses.count(429) == 45


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_questions_store_at_most_five(site_tree, settings):
    """Four threads at once, as two workers would: the count is atomic in the database.

    On PostgreSQL only: the test database of SQLite lives in memory, where concurrent writers get
    'table is locked' instead of waiting (a file database, as `make run` uses, waits; the load test in
    bench/ posts concurrently against gunicorn).
    """
    from django.db import connection, connections

    if connection.vendor == "sqlite":
        pytest.skip("in-memory SQLite does not take concurrent writers")

    def post(i):
        try:
            return ask(Client(REMOTE_ADDR="198.51.100.7"), i).status_code
        finally:
            # The thread's own connection (kept between requests, CONN_MAX_AGE): closed here, or
            # the test database cannot be dropped at the end ("being accessed by other users").
            connections.close_all()

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(post, range(50)))
    assert SubmittedQuestion.objects.count() == 5
    assert statuses.count(302) == 5 and statuses.count(429) == 45


@pytest.mark.django_db
def test_behind_a_proxy_each_visitor_has_his_own_limit(site_tree, settings):
    settings.PORTAL_TRUSTED_PROXIES = ["10.0.0.1"]
    settings.PORTAL_ASK_RATE_LIMIT = 2
    first = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    second = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert [ask(first, i).status_code for i in range(3)] == [302, 302, 429]
    assert ask(second, 10).status_code == 302
    # A visitor who connects directly cannot pick another address with the header.
    direct = [
        ask(Client(REMOTE_ADDR="192.0.2.5", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}"), 20 + i).status_code
        for i in range(3)
    ]
    assert direct == [302, 302, 429]


@pytest.mark.django_db
def test_fifty_rapid_feedback_votes_store_the_limit(site_tree, settings):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(50):
        client.post("/reactie/", {"page": page.pk, "nuttig": "ja"})
    assert PageFeedback.objects.count() == settings.PORTAL_FEEDBACK_RATE_LIMIT
