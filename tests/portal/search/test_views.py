"""The search page's query budget (portal/search/views.py and the service it calls).

The page is never cached, so every visitor's search pays these queries. The budget is the
count measured on the test content with nothing to spare: a template or a result that starts
querying per hit, or a search step that repeats per content type, breaks it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.pagecache import memo
from portal.search import service
from tests.portal.search.conftest import WHOOSH

pytestmark = pytest.mark.django_db

#: promotions 1, view restrictions 1, the shown results (a query per type among them, four
#: types) 4, the facet terms 3, the search log 4 (SAVEPOINT, two UPDATEs, RELEASE: the test runs
#: in a transaction; outside one it is BEGIN and two UPDATEs). The database backend counts,
#: ranks and facets in SQL: per type a count, the hits and a query per facet (34 in all); on
#: PostgreSQL each type also sets its statement deadline in a savepoint (3 more per type).
BUDGETS = {"whoosh": 13, "sqlite": 34, "postgresql": 46}
#: The same search again in the same worker, the content unchanged: the result cards, best bets,
#: facet terms and view restrictions are known (service._memo), so on Whoosh only the log is left;
#: the database backend still counts, ranks and fetches its hits in SQL.
REPEATED = {"whoosh": 4, "sqlite": 29, "postgresql": 37}


def budget(budgets=BUDGETS):
    return budgets["whoosh" if WHOOSH else connection.vendor]


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE = False
    settings.PORTAL_FRAGMENT_CACHE = False


@pytest.mark.parametrize("q", ["doelgroep", "quotumheffing", "werkgever uitzendkracht"])
def test_the_search_page_stays_within_its_query_budget(client, content, django_assert_max_num_queries, q):
    client.get("/zoeken/", {"q": q})  # the first search of a query today creates its log rows
    memo.clear_all()  # a worker that has shown none of these results since the last change
    with django_assert_max_num_queries(budget()):
        response = client.get("/zoeken/", {"q": q})
    assert response.status_code == 200
    assert response.context["response"].results, q


def test_a_repeated_search_page_asks_for_its_log_and_what_only_the_database_backend_needs(
    client, content, django_assert_max_num_queries
):
    first = client.get("/zoeken/", {"q": "doelgroep"})
    with django_assert_max_num_queries(budget(REPEATED)):
        again = client.get("/zoeken/", {"q": "doelgroep"})
    assert again.content == first.content


def test_a_repeated_search_writes_its_counters_with_one_update_each(content):
    service._log("quotumheffing", 3)
    with CaptureQueriesContext(connection) as captured:
        service._log("quotumheffing", 3)
    assert [q["sql"].split()[0] for q in captured] == ["SAVEPOINT", "UPDATE", "UPDATE", "RELEASE"]
