"""The page cache (portal/pagecache): anonymous pages from a shared cache, never one change behind."""

import datetime
import os

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.models import Page

from knowledge.models import ArticlePage
from portal.pagecache import generation
from tests.factories import (
    ArticlePageFactory,
    BegripFactory,
    QuestionPageFactory,
    SectorFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_cache():
    caches["pages"].clear()
    caches["shared"].clear()


def get(url, client=None, **extra):
    return (client or Client()).get(url, **extra)


def cached_twice(url):
    first, second = get(url), get(url)
    assert first.status_code == second.status_code == 200, url
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit"), url
    assert first.content == second.content
    return second


@pytest.fixture
def article(site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"], title="Eerste titel", slug="artikel")
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def test_anonymous_pages_come_from_the_cache_with_validators(article, site_tree):
    begrip = BegripFactory()
    thema, sector = ThemaFactory(), SectorFactory()
    for url in (
        "/",
        "/kennisbank/",
        f"/kennisbank/?thema={thema.slug}&pagina=1",
        f"/kennisbank/?sector={sector.slug}&thema={thema.slug}",
        article.url,
        "/vragen/",
        "/begrippen/",
        f"/begrippen/{begrip.slug}/",
        "/feed/",
        "/sitemap.xml",
        "/check/",
    ):
        response = cached_twice(url)
        assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
        assert response["ETag"].startswith('"') and response["Last-Modified"]
        assert "Content-Security-Policy" in response and "Set-Cookie" not in response
        not_modified = get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert not_modified.status_code == 304 and not_modified.content == b""
        since = get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert since.status_code == 304


def test_an_article_with_its_feedback_form_sets_no_cookie(article):
    response = get(article.url)
    assert "Was deze pagina nuttig?" in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies and response["X-Page-Cache"] == "miss"


def test_never_cached(article, site_tree, django_user_model):
    never = [
        "/vragen/stel-een-vraag/",  # a form with a CSRF token
        "/zoeken/?q=banen",
        "/check/doelgroep/uitkomst/?wsw_indicatie=ja",  # a checker URL with facts
        "/kennisbank/?onbekend=1",  # a parameter no page reads
        article.url + "?bedankt=1",  # the thanks after a vote, for that voter only
        "/api/begrippen",
        "/admin/login/",
    ]
    for url in never:
        for _ in range(2):
            response = get(url)
            assert "X-Page-Cache" not in response, url
            assert "private" in response.get("Cache-Control", "") or "no-cache" in response.get(
                "Cache-Control", ""
            )
    editor = Client()
    editor.force_login(django_user_model.objects.create_user("redacteur", "r@example.org", "x"))
    for _ in range(2):
        response = editor.get(article.url)
        assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
    # A POST is never answered from the cache.
    assert Client().post(article.url).get("X-Page-Cache") is None


def test_made_up_filter_values_are_answered_but_never_fill_the_cache(article, site_tree):
    thema = ThemaFactory()
    made_up = [
        "/kennisbank/?sector=bestaat-niet",
        "/kennisbank/?sector=" + "x" * 500,
        f"/kennisbank/?thema={thema.slug}&thema={thema.slug}",  # the same value twice
        f"/kennisbank/?thema={thema.slug}&thema=",
        "/kennisbank/?pagina=999",  # shows the last page, under another number
        "/kennisbank/?pagina=abc",
        "/kennisbank/?pagina=1&pagina=2",
    ]
    for url in made_up:
        for _ in range(2):
            response = get(url)
            assert response.status_code == 200, url
            assert "X-Page-Cache" not in response and "private" in response["Cache-Control"], url
    assert get(f"/kennisbank/?thema={thema.slug}")["X-Page-Cache"] == "miss"


def test_a_published_change_is_visible_on_the_next_request(article, site_tree):
    cached_twice(article.url)
    cached_twice("/kennisbank/")
    cached_twice("/")
    article.title = "Tweede titel"
    article.save_revision().publish()
    for url in (article.url, "/kennisbank/", "/"):
        response = get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Tweede titel" in response.content.decode(), url


def test_a_draft_leaves_the_cache_alone(article):
    cached_twice(article.url)
    article.title = "Concepttitel"
    article.save_revision()
    response = get(article.url)
    assert response["X-Page-Cache"] == "hit" and "Concepttitel" not in response.content.decode()


def test_unpublishing_and_deleting_are_visible_on_the_next_request(article, site_tree):
    other = QuestionPageFactory(parent=site_tree["vragen"], title="Een vraag die verdwijnt?")
    other.save_revision().publish()
    cached_twice(article.url)
    assert "Een vraag die verdwijnt?" in cached_twice("/vragen/").content.decode()
    article.unpublish()
    assert get(article.url).status_code == 404
    Page.objects.get(pk=other.pk).delete()
    assert "Een vraag die verdwijnt?" not in get("/vragen/").content.decode()


def test_moving_a_page_is_visible_on_the_next_request(article, site_tree):
    cached_twice("/kennisbank/")
    old_url = article.url
    cached_twice(old_url)
    article.slug = "nieuwe-plek"
    article.save_revision().publish()
    moved = get(old_url)  # Wagtail's redirects app sends the old address on
    assert moved.status_code == 301 and moved["Location"] == "/kennisbank/nieuwe-plek/"
    assert get("/kennisbank/nieuwe-plek/").status_code == 200


def test_moving_in_the_tree_is_visible(site_tree):
    from knowledge.models import QuestionPage

    question = QuestionPageFactory(parent=site_tree["vragen"], title="Waar sta ik?")
    question.save_revision().publish()
    assert "Waar sta ik?" in cached_twice("/vragen/").content.decode()
    # A move in the tree (what the admin's move action does), through Wagtail's own move().
    other_index = site_tree["vragen"].add_child(
        instance=type(site_tree["vragen"])(title="Tijdelijk", slug="tijdelijk")
    )
    QuestionPage.objects.get(pk=question.pk).move(other_index, pos="last-child")
    assert "Waar sta ik?" not in get("/vragen/").content.decode()


def test_a_snippet_change_is_visible_on_the_next_request(article):
    begrip = BegripFactory(term="Doelgroepregister")
    assert "Doelgroepregister" in cached_twice("/begrippen/").content.decode()
    detail = f"/begrippen/{begrip.slug}/"
    cached_twice(detail)
    begrip.term = "Doelgroepregister (LDR)"
    begrip.save()
    assert "Doelgroepregister (LDR)" in get("/begrippen/").content.decode()
    assert "Doelgroepregister (LDR)" in get(detail).content.decode()
    source = article.page_sources.first().bron
    assert source.titel in cached_twice(article.url).content.decode()
    source.titel = "Een andere titel van de bron"
    source.save()
    assert "Een andere titel van de bron" in get(article.url).content.decode()
    begrip.delete()
    assert get(detail).status_code == 404


def test_a_review_flag_is_visible_on_the_next_request(article):
    """The scheduler flags pages after a rule change has been deployed, so after the new code's
    keys already hold the page: the flag itself must make it stale, and so must resolving it."""
    from editorial.models import ReviewFlag, RuleChange

    note = "Deze pagina wordt gecontroleerd"
    assert note not in cached_twice(article.url).content.decode()
    change = RuleChange.objects.create(path="x.yaml", parameter="x", kind=RuleChange.Kind.FILE)
    flag = ReviewFlag.objects.create(page=article, change=change, cited_as="bron wfsv-38h")
    assert note in cached_twice(article.url).content.decode()
    flag.resolved_at = datetime.datetime.now(datetime.UTC)
    flag.save()
    assert note not in get(article.url).content.decode()


def test_a_new_day_or_another_deploy_makes_new_keys(article, monkeypatch):
    """A parameter block shows the value of today; a deploy may change parameters or templates."""
    from django.utils import timezone

    cached_twice(article.url)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)
    assert get(article.url)["X-Page-Cache"] == "miss"
    monkeypatch.setattr(generation, "fingerprint", lambda: "another-version")
    assert get(article.url)["X-Page-Cache"] == "miss"


def test_the_fingerprint_follows_a_parameter_file(tmp_path, settings):
    (tmp_path / "eligibility" / "parameters").mkdir(parents=True)
    parameter = tmp_path / "eligibility" / "parameters" / "uren.yaml"
    parameter.write_text("values: {2015-01-01: {value: 25.5}}\n")
    settings.BASE_DIR, settings.STATIC_ROOT = tmp_path, tmp_path / "static"
    generation.fingerprint.cache_clear()
    try:
        before = generation.fingerprint()
        parameter.write_text("values: {2015-01-01: {value: 25.5}, 2027-01-01: {value: 26}}\n")
        generation.fingerprint.cache_clear()
        assert generation.fingerprint() != before
    finally:
        generation.fingerprint.cache_clear()


@pytest.mark.parametrize("where", ["file", "shared cache"])
def test_a_lost_generation_token_only_costs_misses(article, settings, where):
    """The token is a file on one host; with several hosts it lives in the shared cache."""
    if where == "shared cache":
        settings.PORTAL_PAGE_CACHE_GENERATION_FILE = ""
    cached_twice(article.url)
    if where == "file":
        os.unlink(settings.PORTAL_PAGE_CACHE_GENERATION_FILE)
    else:
        caches["shared"].clear()
    assert get(article.url)["X-Page-Cache"] == "miss"
    assert get(article.url)["X-Page-Cache"] == "hit"
    article.title = "Na de publicatie"
    article.save_revision().publish()
    assert "Na de publicatie" in get(article.url).content.decode()


def test_a_view_restriction_is_effective_on_the_next_request(article):
    """A page that gets a password is never served from the cache to the next visitor."""
    from wagtail.models import PageViewRestriction

    assert article.title in cached_twice(article.url).content.decode()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = get(article.url)
    assert (
        response.get("X-Page-Cache") != "hit" and "Tekst over Eerste titel" not in response.content.decode()
    )
    restriction.delete()
    assert get(article.url)["X-Page-Cache"] == "miss"
