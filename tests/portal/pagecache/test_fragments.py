"""Template fragments under the page cache's generation (portal/pagecache/fragments.py).

The page cache is off here, so every request renders: what is checked is that the parts taken
from the fragment cache are never one change behind, and that a preview never reaches it.
"""

import pytest
from django.core.cache import caches
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.rich_text import RichText

from knowledge.models import ArticlePage
from tests.factories import ArticlePageFactory, BronFactory, ThemaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.PORTAL_PAGE_CACHE = False
    settings.PORTAL_FRAGMENT_CACHE = True
    caches["fragments"].clear()


@pytest.fixture
def article(site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"], title="Artikel", slug="artikel")
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def publish_body(page, text):
    page = ArticlePage.objects.get(pk=page.pk)
    page.body = [("paragraph", RichText(f"<p>{text}</p>"))]
    page.save_revision().publish()


def test_a_published_body_a_source_and_a_term_show_on_the_next_render(client, article):
    assert b"Tekst over Artikel." in client.get(article.url).content
    assert len(caches["fragments"]._cache) >= 2  # body and sources were stored
    assert b"Tekst over Artikel." in client.get(article.url).content

    publish_body(article, "Nieuwe tekst")
    assert b"Nieuwe tekst" in client.get(article.url).content

    bron = article.page_sources.first().bron
    bron.titel = "Een andere bron"
    bron.save()
    assert b"Een andere bron" in client.get(article.url).content

    article = ArticlePage.objects.get(pk=article.pk)
    article.thema.add(ThemaFactory(naam="Vers thema"))  # a ParentalManyToManyField: saved on publish
    article.save_revision().publish()
    assert b"Vers thema" in client.get(article.url).content
    assert "Vers thema" in client.get("/kennisbank/").content.decode()


def test_a_draft_neither_comes_from_nor_goes_into_the_fragment_cache(article, rf):
    template = Template('{% load pagecache_tags %}{% fragment "t" page %}{{ text }}{% endfragment %}')

    def render(text, preview=False):
        request = rf.get(article.url)
        request.is_preview = preview
        return template.render(Context({"request": request, "page": article, "text": text}))

    assert render("live") == "live"
    assert render("concept", preview=True) == "concept"
    assert render("anders") == "live"  # the stored live fragment; the draft stored nothing


def test_the_vary_values_and_the_condition_make_the_key(article):
    template = Template(
        '{% load pagecache_tags %}{% fragment "t" page request.GET if ok %}{{ text }}{% endfragment %}'
    )
    factory = RequestFactory()

    def render(query, text, ok=True):
        context = {"request": factory.get("/kennisbank/" + query), "page": article, "text": text, "ok": ok}
        return template.render(Context(context))

    assert render("?thema=a&spoor=b", "een") == "een"
    assert render("?spoor=b&thema=a", "twee") == "een"  # the same filter, in another order
    assert render("?thema=a", "drie") == "drie"
    assert render("?thema=x", "vier", ok=False) == "vier"
    assert render("?thema=x", "vijf", ok=False) == "vijf"  # not canonical: never stored


def test_off_renders_every_time(article, settings):
    settings.PORTAL_FRAGMENT_CACHE = False
    template = Template('{% load pagecache_tags %}{% fragment "t" page %}{{ text }}{% endfragment %}')
    request = RequestFactory().get("/")
    assert [template.render(Context({"request": request, "page": article, "text": t})) for t in "ab"] == [
        "a",
        "b",
    ]
    BronFactory()  # nothing stored, so nothing to go stale
    assert not caches["fragments"]._cache


def test_a_page_cache_miss_reads_the_generation_once(client, article, settings, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.pagecache import generation

    settings.PORTAL_PAGE_CACHE = True
    client.get(article.url)  # fragments stored
    caches["pages"].clear()
    reads, current = [], generation.current
    monkeypatch.setattr(generation, "current", lambda: reads.append(1) or current())
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert len(reads) == 1
    # The token is a file (one host): no query on the shared cache table for it.
    assert not [q for q in queries if "portal_cache" in q["sql"]]
