"""The public URLs of the design contract answer, and the JSON contracts have their shape."""

import pytest

from tests.factories import ArticlePageFactory, BegripFactory, QuestionPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/kennisbank/",
        "/praktijkvoorbeelden/",
        "/vragen/",
        "/vragen/stel-een-vraag/",
        "/begrippen/",
        "/sitemap.xml",
        "/api/v2/pages/",
        "/api/docs",
        "/api/openapi.json",
        "/api/begrippen",
    ],
)
def test_contract_url_answers(client, site_tree, url):
    assert client.get(url).status_code == 200


def test_admin_asks_for_a_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_glossary_api_shape(client, db):
    BegripFactory(term="Doelgroepregister", slug="doelgroepregister")
    data = client.get("/api/begrippen").json()
    assert data == [
        {
            "term": "Doelgroepregister",
            "omschrijving": "Het register van het UWV met iedereen die bij de doelgroep hoort.",
            "url": "http://testserver/begrippen/doelgroepregister/",
        }
    ]


def test_api_v2_filters_pages_by_type(client, site_tree):
    ArticlePageFactory(parent=site_tree["kennisbank"], title="Wat telt mee")
    QuestionPageFactory(parent=site_tree["vragen"], title="Telt inleen mee?")
    data = client.get("/api/v2/pages/?type=knowledge.ArticlePage").json()
    assert [item["title"] for item in data["items"]] == ["Wat telt mee"]
    assert client.get("/api/v2/pages/?type=knowledge.QuestionPage").json()["meta"]["total_count"] == 1


def test_sitemap_lists_published_pages(client, site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"], slug="wat-telt-mee")
    assert f"/kennisbank/{page.slug}/" in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_atom_feed_lists_new_and_changed_content_newest_first(client, site_tree):
    import datetime

    from django.utils import timezone

    old = ArticlePageFactory(parent=site_tree["kennisbank"], title="Oud artikel")
    new = QuestionPageFactory(parent=site_tree["vragen"], title="Nieuwe vraag?")
    now = timezone.now()
    type(old).objects.filter(pk=old.pk).update(last_published_at=now - datetime.timedelta(days=3))
    type(new).objects.filter(pk=new.pk).update(last_published_at=now)
    response = client.get("/feed/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert body.index("Nieuwe vraag?") < body.index("Oud artikel")
    assert new.full_url in body and new.full_url.startswith("http")
    assert "Ja, als er loon wordt betaald." in body  # a question's summary is its short answer


@pytest.mark.parametrize(
    "query",
    [
        {"search": "banen", "search_operator": "xx"},
        {"search": "banen", "search_operator": ""},
        {"search": "banen", "search_operator": "AND ; DROP"},
    ],
)
def test_api_v2_refuses_an_unknown_search_operator_with_400(client, site_tree, query):
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


@pytest.mark.parametrize(
    "text", ["banen\x00uwv", "x" * 20_000, '"(( AND OR NOT *:', "\u202e\ufeff", "", "   "]
)
def test_api_v2_search_with_hostile_text_answers(client, site_tree, text):
    QuestionPageFactory(parent=site_tree["vragen"], title="Hoeveel banen telt een werkgever?")
    response = client.get("/api/v2/pages/", {"search": text, "search_operator": "or"})
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 0


def test_api_v2_search_with_a_valid_operator_finds_the_page(client, site_tree):
    QuestionPageFactory(parent=site_tree["vragen"], title="Hoeveel banen telt een werkgever?")
    for operator in ("and", "or"):
        data = client.get("/api/v2/pages/", {"search": "banen werkgever", "search_operator": operator}).json()
        assert [item["title"] for item in data["items"]] == ["Hoeveel banen telt een werkgever?"]
