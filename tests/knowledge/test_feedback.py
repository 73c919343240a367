"""'Was deze pagina nuttig?': stored per page without personal data; bad input is a clear 400."""

import pytest
from django.core.cache import cache

from knowledge.feedback import PageFeedback
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def test_content_pages_offer_the_question(client, site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    html = client.get(page.url).content.decode()
    assert "Was deze pagina nuttig?" in html and 'name="nuttig" value="ja"' in html


def test_an_answer_is_stored_and_thanked(client, site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    response = client.post("/reactie/", {"page": page.pk, "nuttig": "nee"})
    assert response.status_code == 302 and response["Location"] == page.url + "?bedankt=1#feedback"
    assert list(PageFeedback.objects.values_list("page_id", "nuttig")) == [(page.pk, False)]
    assert "Bedankt voor uw reactie" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"page": "abc", "nuttig": "ja"},
        {"page": "999999", "nuttig": "ja"},
        {"page": "1" * 5000, "nuttig": "ja"},
        {"nuttig": "misschien"},
    ],
)
def test_bad_input_is_a_clear_400_and_stores_nothing(client, site_tree, data):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    data = {"page": page.pk, **data} if "page" not in data else data
    response = client.post("/reactie/", data)
    assert response.status_code == 400
    assert "Ongeldige reactie" in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("target", ["root", "home", "kennisbank", "draft"])
def test_a_page_without_the_question_is_a_400_and_stores_nothing(client, site_tree, target):
    """The probe's input: page=1, Wagtail's root, which has no URL (it gave a 500 after storing)."""
    from wagtail.models import Page

    pages = {
        "root": Page.objects.get(depth=1),
        "home": site_tree["home"],
        "kennisbank": site_tree["kennisbank"],
        "draft": ArticlePageFactory(parent=site_tree["kennisbank"], live=False),
    }
    if target == "root":
        assert pages["root"].url is None
    response = client.post("/reactie/", {"page": str(pages[target].pk), "nuttig": "ja"})
    assert response.status_code == 400
    assert "Ongeldige reactie" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_get_is_not_allowed(client, db):
    assert client.get("/reactie/").status_code == 405


def test_a_burst_is_capped(client, site_tree, settings):
    """The probe stored 50 of 50 rapid votes; the limit (10 an hour) now holds in the database."""
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    for _ in range(50):
        client.post("/reactie/", {"page": page.pk, "nuttig": "ja"})
    assert PageFeedback.objects.count() == settings.PORTAL_FEEDBACK_RATE_LIMIT == 10
