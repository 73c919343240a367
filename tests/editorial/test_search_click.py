"""The search results link through /zoeken/klik/, which counts the click and leads only to pages
of this portal."""

import pytest
from django.core.management import call_command

from editorial.models import SearchDay
from editorial.search_log import record_search
from tests.factories import ArticlePageFactory, BegripFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(parent=site_tree["kennisbank"], title="Jobcoach aanvragen", slug="jobcoach")


def test_result_links_go_through_the_click_counter(client, article, clean_index):
    call_command("update_index", verbosity=0)
    html = client.get("/zoeken/", {"q": "jobcoach"}).content.decode()
    assert 'href="/zoeken/klik/?q=jobcoach&amp;naar=%2Fkennisbank%2Fjobcoach%2F"' in html
    response = client.get("/zoeken/klik/", {"q": "jobcoach", "naar": "/kennisbank/jobcoach/"})
    assert response.status_code == 302 and response["Location"] == "/kennisbank/jobcoach/"
    row = SearchDay.objects.get(text="jobcoach")
    assert (row.searches, row.zero_results, row.clicks) == (1, 0, 1)


def test_a_begrip_is_a_valid_target(client, site_tree):
    BegripFactory(slug="doelgroepregister")
    response = client.get("/zoeken/klik/", {"q": "ldr", "naar": "/begrippen/doelgroepregister/"})
    assert response.status_code == 302 and response["Location"] == "/begrippen/doelgroepregister/"


@pytest.mark.parametrize(
    "target",
    [
        "https://example.org/",
        "//example.org/",
        "/\\example.org",
        "\\\\example.org",
        "javascript:alert(1)",
        "/kennisbank/bestaat-niet/",
        "/kennisbank/concept/",
        "/kennisbank/jobcoach/?next=https://example.org",
        "/kennisbank/jobcoach",
        "/begrippen/bestaat-niet/",
        "/admin/",
        "",
        "/" + "a" * 5000,
    ],
)
def test_anything_but_a_page_of_the_portal_is_a_clear_400(client, article, site_tree, target):
    ArticlePageFactory(parent=site_tree["kennisbank"], slug="concept", live=False)
    record_search("jobcoach", 3)
    response = client.get("/zoeken/klik/", {"q": "jobcoach", "naar": target})
    assert response.status_code == 400
    assert "Ongeldige link" in response.content.decode()
    assert SearchDay.objects.get().clicks == 0


def test_a_click_without_a_query_still_leads_to_the_page(client, article):
    assert client.get("/zoeken/klik/", {"naar": "/kennisbank/jobcoach/"}).status_code == 302
    assert not SearchDay.objects.exists()
