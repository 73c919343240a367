"""No search can hang: Whoosh's block-quality skipping is never used, and every search has a
hard time budget after which the portal answers with what it found and says so.

On the real content (the hang of issue 10 was ``doelgroepenregister uwv`` there)."""

import pytest
from django.db import OperationalError, connection, transaction
from django.test import override_settings

from portal.search import budget, collectors
from tests.portal.search.conftest import WHOOSH, watchdog

# One worker loads the real content for this module, not both.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("search_budget")]

#: Queries that kept a worker in Whoosh's skip_to_quality for good before the fix (found by the
#: combination run of test_combinations.py on the real content with the old collector).
ONCE_HUNG = [
    "doelgroepenregister uwv",
    "banenafspraak wfsv",
    "banenafspraak overheid",
    "doelgroep uwv",
    "werk overheid",
    "wfsv quotum",
    "uwv quotum",
]


@pytest.fixture
def no_quality_skipping(monkeypatch):
    """Every Whoosh matcher class refuses block-quality calls: a search that still reaches them
    fails here instead of (sometimes) looping for ever."""
    from whoosh.matching import mcore

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"{type(self).__name__}.skip_to_quality/block_quality was called")

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    for cls in {mcore.Matcher, *subclasses(mcore.Matcher)}:
        for name in ("skip_to_quality", "block_quality"):
            if name in vars(cls):
                monkeypatch.setattr(cls, name, refuse)


@pytest.mark.parametrize("q", ONCE_HUNG)
def test_the_queries_that_hung_now_answer(real_content, search_errors, no_quality_skipping, q):
    from portal.search.service import search

    with watchdog(20, q):
        response = search(q, log=False)
    assert response.total > 0 and response.results
    assert not response.incomplete


def test_the_hang_query_answers_on_the_page_and_the_api(real_content, search_errors, client):
    with watchdog(20):
        page = client.get("/zoeken/", {"q": "doelgroepenregister uwv"})
        api = client.get("/api/zoeken", {"q": "doelgroepenregister uwv"})
    assert page.status_code == 200 and "Doelgroepregister" in page.content.decode()
    assert api.status_code == 200 and api.json()["totaal"] > 0
    assert "X-Zoeken-Resultaat" not in api.headers


@pytest.mark.skipif(not WHOOSH, reason="Whoosh's collectors")
def test_top_ten_without_skipping_is_the_exact_top_ten(real_content):
    """The collector gives the same ten as scoring every match and sorting (no block skipped)."""
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    backend = get_search_backend("default")
    searcher = backend.store.searcher()
    results = backend.search("uwv werkgever quotum", Page.objects.live(), operator="or")
    _, planned, _ = results._plan()
    allowed = backend.store.cached_docs(searcher, planned.filter)
    top = collectors.search(searcher, planned.text, limit=10, filter=allowed)
    every = collectors.search(searcher, planned.text, limit=None, filter=allowed)
    assert len(every) > 10
    assert [hit.docnum for hit in top] == [hit.docnum for hit in every][:10]
    assert [round(h.score, 9) for h in top] == [round(h.score, 9) for h in every][:10]


# -- the budget ---------------------------------------------------------------------------------


class FakeClock:
    """A monotonic clock that moves ``step`` seconds at every reading."""

    def __init__(self, step):
        self.now = 1000.0
        self.step = step

    def __call__(self):
        self.now += self.step
        return self.now


@pytest.mark.skipif(not WHOOSH, reason="Whoosh's collectors check the clock")
def test_past_the_budget_the_portal_shows_what_it_found_and_says_so(
    real_content, search_errors, monkeypatch, client
):
    monkeypatch.setattr(collectors, "CHECK_EVERY", 1)
    monkeypatch.setattr(budget.time, "monotonic", FakeClock(0.01))
    # 2 s budget, 0.01 s per clock read: the collectors stop after some matches.
    from portal.search.service import search

    response = search("werkgever doelgroep quotum uwv", log=False)
    assert response.incomplete and not response.simplified
    assert response.results  # what was found until the deadline
    html = client.get("/zoeken/", {"q": "werkgever doelgroep quotum uwv"}).content.decode()
    assert "Het zoeken duurde te lang" in html
    api = client.get("/api/zoeken", {"q": "werkgever doelgroep quotum uwv"})
    assert api.status_code == 200
    assert api.headers["X-Zoeken-Resultaat"] == "onvolledig"
    assert set(api.json()) == {"q", "totaal", "suggestie", "resultaten", "facetten"}


@override_settings(PORTAL_SEARCH_TIME_BUDGET=1e-9)
def test_a_spent_budget_gives_an_empty_answer_not_an_error(real_content, search_errors, client):
    """No time at all: nothing is searched, the visitor is told, the status is 200."""
    response = client.get("/zoeken/", {"q": "quotumheffing"})
    assert response.status_code == 200
    assert "duurde te lang" in response.content.decode()
    api = client.get("/api/zoeken", {"q": "quotumheffing"})
    assert api.status_code == 200 and api.headers["X-Zoeken-Resultaat"] in {"onvolledig", "vereenvoudigd"}


def test_the_simpler_query_is_the_typed_words_all_required():
    from portal.search import query as query_parser

    parsed = query_parser.parse('telt een "wsw-er" mee bij het LDR')
    simple = parsed.to_simple_query()
    assert simple.operator == "and"
    assert simple.query_string.split() == ["wsw", "er", "telt", "mee", "ldr"]


def test_when_the_full_query_runs_out_the_simpler_query_answers(real_content, search_errors, monkeypatch):
    """The full query finds nothing in time; the typed words alone, all required, get a second,
    shorter budget and find the page: the visitor is told the results are simplified."""
    from portal.search import service

    real_run = service._run

    def slow_full_query(parsed, backend, type_key, page, filters, spent, simple=False):
        if not simple:
            spent.mark_exceeded()
            return service.SearchResponse(q=parsed.text, page=page, type=type_key, filters=filters)
        return real_run(parsed, backend, type_key, page, filters, spent, simple=simple)

    monkeypatch.setattr(service, "_run", slow_full_query)
    response = service.search("quotumheffing uitstel", log=False)
    assert response.simplified and response.incomplete
    assert response.total > 0


def test_budget_shares_leave_time_for_every_type(monkeypatch):
    monkeypatch.setattr(budget.time, "monotonic", lambda: 0.0)
    total = budget.Budget(2.0)
    first = total.share(4)
    assert first.remaining() == pytest.approx(0.5)
    monkeypatch.setattr(budget.time, "monotonic", lambda: 0.6)
    assert first.expired() and total.exceeded
    assert total.share(3).remaining() == pytest.approx(1.4 / 3)


# -- the database backends stop their statements --------------------------------------------


def _slow_statement():
    """A statement that counts for a long time on either database (no table needed)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000000) "
            "SELECT count(*) FROM n"
        )
        return cursor.fetchone()


def test_database_deadline_stops_a_long_statement():
    spent = budget.Budget(0.2)
    with (
        watchdog(30, "a database statement past its deadline"),
        pytest.raises(OperationalError) as caught,
        budget.database_deadline(connection, spent),
        transaction.atomic(),
    ):
        _slow_statement()
    assert budget.is_timeout(caught.value, spent)
    assert spent.exceeded
    # The connection still works, without the limit.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] in {"0", "0ms"}


def test_a_backend_error_that_is_not_a_timeout_is_logged_as_an_error(real_content, monkeypatch):
    """The other side of ``search_errors``: a real backend failure shows up in the error log, so
    the fuzz and property tests would fail on it."""
    from django.db import DatabaseError

    from portal.search import service
    from tests.portal.search.conftest import SearchErrors

    class Broken:
        def search(self, *args, **kwargs):
            raise DatabaseError("disk I/O error")

    monkeypatch.setattr(service, "_backend", lambda: Broken())
    monkeypatch.setattr(service, "speller_for", lambda backend: None)
    with SearchErrors() as errors:
        response = service.search("quotum", log=False)
    assert response.total == 0
    assert [r.levelname for r in errors.records] == ["ERROR"] * len(service.TYPES)
    with pytest.raises(AssertionError, match="logged errors"):
        errors.check()
