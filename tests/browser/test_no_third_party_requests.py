"""No page makes the browser ask another host for anything: not the public pages, not the checker,
not the API documentation (self-hosted Swagger UI) and not the admin (no gravatar avatars).

A government site should not tell third parties who reads what, and the portal must work where
only its own host is reachable.
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Page, expect

from knowledge import models as km
from tests.browser.demo import PAGES, build_demo
from tests.browser.test_responsive import checker_paths

LOCAL_SCHEMES = ("data", "blob", "about")


def watch_requests(page: Page, base):
    """A list that fills with every request to a host other than the test server's."""
    own = urlsplit(base).netloc
    foreign = []

    def check(request):
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts.netloc != own:
            foreign.append((page.url, request.url))

    page.on("request", check)
    return foreign


def visit(page: Page, base, paths):
    for path in paths:
        page.goto(base + path, wait_until="networkidle")


def log_in(page: Page, base, user):
    from tests.otp import verified_login

    client = Client()
    verified_login(client, user)  # a superuser needs the second factor (portal/security/twofactor.py)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base}])


@pytest.mark.django_db(transaction=True)
def test_public_pages_and_the_checker_ask_no_other_host(live_server, page: Page):
    build_demo()
    foreign = watch_requests(page, live_server.url)
    checker = [path for path in checker_paths() if "/vraag/" not in path or path.endswith("actie=volgende")]
    visit(page, live_server.url, PAGES + checker)
    assert foreign == []


@pytest.mark.django_db(transaction=True)
def test_the_api_docs_work_from_the_portal_alone(live_server, page: Page):
    foreign = watch_requests(page, live_server.url)
    page.goto(live_server.url + "/api/docs", wait_until="networkidle")
    expect(page.get_by_role("heading", name="API-documentatie")).to_be_visible()
    # Swagger UI has read the OpenAPI document and lists the operations of the contract
    expect(page.get_by_text("/api/zoeken", exact=True).first).to_be_visible()
    expect(page.get_by_text("/api/checks/quotum", exact=True).first).to_be_visible()
    assert foreign == []


@pytest.mark.django_db(transaction=True)
def test_the_admin_asks_no_other_host(live_server, page: Page):
    build_demo()
    user = get_user_model().objects.create_superuser("eindredacteur", "redactie@example.org", "x")
    log_in(page, live_server.url, user)
    foreign = watch_requests(page, live_server.url)
    question = km.QuestionPage.objects.get(slug="uitzendkracht")
    article = km.ArticlePage.objects.get(slug="wat-telt-mee")
    paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{question.pk}/edit/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/add/knowledge/questionpage/{question.get_parent().pk}/",
        "/admin/snippets/knowledge/bron/",
        "/admin/users/",
        "/admin/account/",
    ]
    visit(page, live_server.url, paths)
    expect(page.locator("img.avatar, .avatar img").first).to_be_attached()
    assert foreign == []
