"""The search keeps what a result shows per content generation (service._memo): a repeated search
fetches nothing, and a change is in the very next search (a publish, an unpublish, a view
restriction, a best bet, a renamed facet term). The memo is on in the tests as in production, and
empty at each test's start (tests/conftest.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.search import service
from tests.portal.search.conftest import WHOOSH, titles

pytestmark = pytest.mark.django_db


def search(q, **kwargs):
    return service.search(q, log=False, **kwargs)


@pytest.mark.skipif(not WHOOSH, reason="the database backend fetches its hits in its own queries")
def test_a_repeated_search_asks_the_database_nothing(content):
    first = search("doelgroep")
    with CaptureQueriesContext(connection) as captured:
        again = search("doelgroep")
    assert [q["sql"] for q in captured] == []
    assert titles(again) == titles(first) and titles(first)
    assert [r.fragment for r in again.results] == [r.fragment for r in first.results]
    assert again.facets == first.facets


def test_a_published_change_is_in_the_next_search(content):
    page = content["pages"]["register"]
    assert "Het doelgroepregister raadplegen" in titles(search("werkgeversportaal"))
    page.title = "Het doelgroepregister inzien"
    page.save_revision().publish()
    assert "Het doelgroepregister inzien" in titles(search("werkgeversportaal"))
    assert "Het doelgroepregister raadplegen" not in titles(search("werkgeversportaal"))


def test_an_unpublished_page_is_gone_from_the_next_search(content):
    page = content["pages"]["register"]
    assert "Het doelgroepregister raadplegen" in titles(search("werkgeversportaal"))
    page.unpublish()
    assert "Het doelgroepregister raadplegen" not in titles(search("werkgeversportaal"))


def test_a_page_that_gets_a_view_restriction_is_gone_from_the_next_search(content):
    from wagtail.models import PageViewRestriction

    page = content["pages"]["register"]
    assert "Het doelgroepregister raadplegen" in titles(search("werkgeversportaal"))
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim")
    assert "Het doelgroepregister raadplegen" not in titles(search("werkgeversportaal"))


def test_a_new_or_removed_best_bet_is_in_the_next_search(content):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    target = content["pages"]["social-return"]
    assert not search("quotum").promotions
    pick = SearchPromotion.objects.create(
        query=Query.get("quotum"), page=target, description="Lees dit eerst."
    )
    response = search("quotum")
    assert [(r.title, r.fragment, r.promoted) for r in response.promotions] == [
        (target.title, "Lees dit eerst.", True)
    ]
    assert titles(response).count(target.title) == 1
    pick.delete()
    assert not search("quotum").promotions


def test_a_renamed_facet_term_is_in_the_next_search(content):
    thema = content["thema"]["doelgroep"]
    assert "Doelgroep en register" in [t["naam"] for t in search("doelgroep").facets["thema"]]
    thema.naam = "Doelgroep en doelgroepregister"
    thema.save()
    assert "Doelgroep en doelgroepregister" in [t["naam"] for t in search("doelgroep").facets["thema"]]


def test_a_best_bet_on_a_page_under_a_view_restriction_is_not_shown(content):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.models import PageViewRestriction

    target = content["pages"]["register"]
    PageViewRestriction.objects.create(page=target, restriction_type="password", password="geheim")
    SearchPromotion.objects.create(query=Query.get("register"), page=target, description="Intern.")
    assert target.title not in titles(search("register"))


def test_a_moved_page_under_a_view_restriction_stays_out_while_the_index_lags_behind(content, site_tree):
    """The move's reindex of the descendants runs after the commit (in a test: never, as in the
    moment before it runs or when it fails), so the index still has the old, public path. A best
    bet on the page must not make its card known to the results: the database checks the hit."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.models import Page, PageViewRestriction

    register = content["pages"]["register"]
    kennisbank = Page.objects.get(pk=site_tree["kennisbank"].pk)
    intern = kennisbank.get_parent().add_child(instance=Page(title="Intern", slug="intern"))
    PageViewRestriction.objects.create(page=intern, restriction_type="password", password="geheim")
    assert register.title in titles(search("werkgeversportaal"))
    kennisbank.move(intern, pos="last-child")
    SearchPromotion.objects.create(query=Query.get("intern register"), page=register, description="")
    search("intern register")
    assert register.title not in titles(search("werkgeversportaal"))
