"""Query budgets per page type, uncached (page and fragment cache off): prefetching keeps them flat.

(The search page's budget is in tests/portal/search/test_views.py.)

Each budget is the count measured on a site with several related pages, sources and taxonomy
terms per page, with nothing to spare: a template that starts walking a relation per item breaks
it. The counts do not grow with the number of related pages (checked for the article).
"""

import pytest

from knowledge import models as km
from tests.factories import (
    ArticlePageFactory,
    BegripFactory,
    BronFactory,
    PracticeExamplePageFactory,
    QuestionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE = False
    settings.PORTAL_FRAGMENT_CACHE = False  # the budgets are for a full render


@pytest.fixture
def site(site_tree):
    thema = [km.Thema.objects.create(naam=f"Thema {i}", slug=f"thema-{i}") for i in range(3)]
    spoor = km.Spoor.objects.create(naam="Spoor 1", slug="spoor-1")
    pages = []
    for i in range(3):
        for factory, parent in (
            (ArticlePageFactory, "kennisbank"),
            (PracticeExamplePageFactory, "praktijkvoorbeelden"),
            (QuestionPageFactory, "vragen"),
        ):
            page = factory(parent=site_tree[parent], bronnen=[BronFactory(), BronFactory()])
            page.thema.set(thema[: 1 + i % 3])
            page.spoor.set([spoor])
            page.save()
            pages.append(page)
    for page in pages:
        for n, target in enumerate(pages[:6]):
            if target.pk != page.pk:
                km.RelatedPage.objects.create(page=page, target=target, sort_order=n)
    for i in range(5):
        BegripFactory(term=f"Begrip {i}")
    return {"pages": pages, **site_tree}


def count(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


BUDGETS = {
    "home": ("/", 8),
    "kennisbank": ("/kennisbank/", 13),
    "kennisbank gefilterd": ("/kennisbank/?thema=thema-0&spoor=spoor-1", 15),
    "praktijkvoorbeelden": ("/praktijkvoorbeelden/", 14),
    "vragenbank": ("/vragen/", 10),
    "begrippen": ("/begrippen/", 1),
    "feed": ("/feed/", 3),
    # Wagtail's sitemap fetches the specific pages with a query per page type, not per page.
    "sitemap": ("/sitemap.xml", 12),
}


@pytest.mark.parametrize("name", BUDGETS)
def test_index_and_home_pages_stay_within_their_budget(client, site, django_assert_max_num_queries, name):
    url, budget = BUDGETS[name]
    count(client, url, django_assert_max_num_queries, budget)


def test_a_begrip_stays_within_its_budget(client, site, django_assert_max_num_queries):
    count(client, km.Begrip.objects.first().get_absolute_url(), django_assert_max_num_queries, 3)


@pytest.mark.parametrize(
    ("kind", "budget"), [(km.ArticlePage, 18), (km.PracticeExamplePage, 20), (km.QuestionPage, 19)]
)
def test_content_pages_stay_within_their_budget(client, site, django_assert_max_num_queries, kind, budget):
    page = kind.objects.live().first()
    count(client, page.url, django_assert_max_num_queries, budget)


@pytest.mark.parametrize(
    ("kind", "budget"),
    [(km.ArticlePage, 7), (km.PracticeExamplePage, 7), (km.QuestionPage, 7), (km.ArticleIndexPage, 8)],
)
def test_with_the_fragment_cache_a_page_costs_routing_and_what_is_per_visitor(
    client, site, settings, django_assert_max_num_queries, kind, budget
):
    """What is the same for every visitor (body, sources, related, facets) comes from the
    fragment cache after one render (portal/pagecache/fragments.py), also with the page cache off."""
    settings.PORTAL_FRAGMENT_CACHE = True
    count(client, kind.objects.live().first().url, django_assert_max_num_queries, budget)


def test_related_pages_cost_the_same_whatever_their_number(client, site, django_assert_max_num_queries):
    few = km.ArticlePage.objects.live().first()
    many = km.ArticlePage.objects.live().last()
    km.RelatedPage.objects.filter(page=few).exclude(
        pk=km.RelatedPage.objects.filter(page=few).first().pk
    ).delete()
    for target in site["pages"]:
        if target.pk != many.pk:
            km.RelatedPage.objects.create(page=many, target=target)
    assert km.RelatedPage.objects.filter(page=many).count() >= 10
    # Ten more links of the same three page types: at most a query per type more, never one per link.
    assert count(client, many.url, django_assert_max_num_queries, 30) <= (
        count(client, few.url, django_assert_max_num_queries, 30) + 2
    )
