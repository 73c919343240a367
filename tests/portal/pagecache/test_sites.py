"""The request's Site and root page per process under the generation (portal/pagecache/sites.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.pagecache import sites

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_cache_on(settings):
    settings.PORTAL_PAGE_CACHE = False
    settings.PORTAL_SITE_CACHE = True
    sites._known.clear()
    yield
    sites._known.clear()
    # Wagtail keeps the sites' root paths in the default cache; a Site changed here is rolled back.
    from django.core.cache import caches

    caches["default"].clear()


def site_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    # Wagtail's get_site_for_hostname: the CASE that ranks hostname and port matches.
    return [q["sql"] for q in queries if '"wagtailcore_site"' in q["sql"] and "CASE WHEN" in q["sql"]]


def test_the_site_is_looked_up_once_and_a_change_is_seen_on_the_next_request(client, site_tree):
    assert site_queries(client, "/")
    assert site_queries(client, "/") == []
    assert site_queries(client, "/kennisbank/") == []
    # Another root page for the site (what the admin's Sites screen does): the next request routes there.
    site = Site.objects.get(is_default_site=True)
    site.root_page = site_tree["kennisbank"]
    site.save()
    assert "Kennisbank" in client.get("/").content.decode()
    assert client.get("/kennisbank/").status_code == 404


def test_each_request_gets_its_own_copies(rf, site_tree):
    request = rf.get("/")
    first = sites.site_for(request)
    first.root_page.specific.title = "Veranderd door een request"
    first.site_name = "Veranderd"
    second = sites.site_for(rf.get("/"))
    assert second.root_page.specific.title == site_tree["home"].title
    assert second.site_name != "Veranderd"


def test_the_admin_and_a_post_ask_wagtail(client, site_tree, settings):
    settings.PORTAL_SITE_CACHE = True
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.post("/")
    assert [q for q in queries if '"wagtailcore_site"' in q["sql"] and "CASE WHEN" in q["sql"]]
