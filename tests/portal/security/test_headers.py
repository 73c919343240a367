"""Security headers: a strict CSP on every public page (no inline script or style), a relaxed one
only under /admin/, Referrer-Policy and Permissions-Policy."""

import re

import pytest

from tests.factories import ArticlePageFactory, BegripFactory, PracticeExamplePageFactory, QuestionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls(site_tree):
    article = ArticlePageFactory(parent=site_tree["kennisbank"])
    example = PracticeExamplePageFactory(parent=site_tree["praktijkvoorbeelden"])
    question = QuestionPageFactory(parent=site_tree["vragen"])
    begrip = BegripFactory()
    return [
        "/",
        "/kennisbank/",
        "/kennisbank/?thema=onbekend",
        article.url,
        example.url,
        "/praktijkvoorbeelden/",
        question.url,
        "/vragen/",
        "/vragen/stel-een-vraag/",
        "/begrippen/",
        f"/begrippen/{begrip.slug}/",
        "/zoeken/?q=banen",
        "/check/",
        "/check/doelgroep/",
        "/check/plaatsingen/",
        "/api/docs",
        "/bestaat-niet/",
    ]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_every_public_page_gets_the_strict_policy_and_has_no_inline_script_or_style(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"], url
        assert "unsafe" not in response["Content-Security-Policy"], url
        html = response.content.decode()
        # A <script> needs a src (JSON data blocks are not run); no <style>, no style="", no on*="".
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (url, tag)
        assert not re.search(r"<style\b", html), url
        assert not re.search(r"\sstyle\s*=", html), url
        assert not re.search(r"\son[a-z]+\s*=\s*[\"']", html), url


def test_referrer_and_permissions_policy(client, site_tree):
    response = client.get("/")
    assert response["Referrer-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in permissions
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_gets_its_own_relaxed_policy(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["style-src"] and "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # Wagtail's preview panel frames the admin
    assert policy["object-src"] == ["'none'"]
    # Still only this origin: no host or scheme is allowed for scripts.
    assert all(source.startswith("'") for source in policy["script-src"])
