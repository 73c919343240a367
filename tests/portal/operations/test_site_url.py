"""PORTAL_BASE_URL becomes the Wagtail Site's address: API v2, the sitemap and the feed link there."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Site

from portal.operations.site_url import parse_base_url
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

BASE = "https://kennisportaal.example.nl"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("https://kennisportaal.example.nl", ("kennisportaal.example.nl", 443)),
        ("https://kennisportaal.example.nl/", ("kennisportaal.example.nl", 443)),
        ("http://portal.local", ("portal.local", 80)),
        ("https://portal.local:8443", ("portal.local", 8443)),
    ],
)
def test_parse_base_url(url, expected):
    assert parse_base_url(url) == expected


@pytest.mark.parametrize(
    "url", ["kennisportaal.example.nl", "ftp://x.nl", "https://x.nl/portaal/", "http://x.nl:443"]
)
def test_a_base_url_that_cannot_be_a_site_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        parse_base_url(url)
    with pytest.raises(CommandError):
        call_command("configure_site", url=url, verbosity=0)


def test_api_sitemap_and_feed_give_the_configured_address(client, site_tree, settings):
    settings.PORTAL_BASE_URL = BASE
    page = ArticlePageFactory(parent=site_tree["kennisbank"], slug="een-artikel")
    type(page).objects.filter(pk=page.pk).update(last_published_at=timezone.now())
    call_command("configure_site", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("kennisportaal.example.nl", 443, BASE)

    url = f"{BASE}/kennisbank/een-artikel/"
    listing = client.get("/api/v2/pages/", {"type": "knowledge.ArticlePage"}).json()
    assert [item["meta"]["html_url"] for item in listing["items"]] == [url]
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["meta"]["html_url"] == url
    assert f"<loc>{url}</loc>" in client.get("/sitemap.xml").content.decode()
    feed = client.get("/feed/").content.decode()
    assert f'href="{url}"' in feed and f'href="{BASE}/"' in feed
    # The pages themselves are still served, whatever host name the request uses.
    assert client.get(page.url).status_code == 200


def test_configure_site_is_idempotent_and_make_run_passes_its_address(settings, site_tree):
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8555"
    call_command("configure_site", verbosity=0)
    call_command("configure_site", verbosity=0)
    assert Site.objects.filter(hostname="127.0.0.1", port=8555, is_default_site=True).count() == 1
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[3] / "Makefile").read_text()
    assert "PORTAL_BASE_URL ?= http://$(HOST):$(PORT)" in makefile
    assert "manage.py configure_site" in makefile
