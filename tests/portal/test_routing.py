"""Routing by url_path (portal/routing.py) gives what Wagtail's tree walk gives, in fewer queries."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page

from portal.routing import route_descendant
from tests.factories import ArticlePageFactory, QuestionPageFactory

pytestmark = pytest.mark.django_db


def walk(home, components):
    """Wagtail's own routing: Page.route, bypassing the home page's shortcut."""
    try:
        return Page.route(home, RequestFactory().get("/"), components)
    except Http404:
        return None


def summary(result):
    """Page type, page and the routable view with its arguments (a bound method per instance)."""
    if result is None:
        return None
    view = result.args[0].__name__ if result.args else None
    return type(result.page), result.page.pk, view, result.args[1:]


def test_the_shortcut_finds_what_the_walk_finds(site_tree):
    home = site_tree["home"]
    article = ArticlePageFactory(parent=site_tree["kennisbank"], slug="een-artikel")
    draft = QuestionPageFactory(parent=site_tree["vragen"], slug="concept", live=False)
    paths = [
        ["kennisbank"],
        ["kennisbank", "een-artikel"],
        ["vragen", "stel-een-vraag"],  # the vragenbank's own sub-URL, not a page
        ["vragen", "concept"],  # not live: 404 both ways
        ["kennisbank", "bestaat-niet"],
        ["bestaat-niet", "een-artikel"],
    ]
    for components in paths:
        expected = walk(home, components)
        try:
            got = home.route(RequestFactory().get("/"), components)
        except Http404:
            got = None
        assert summary(got) == summary(expected), components
    assert walk(home, ["kennisbank", "een-artikel"]).page.pk == article.pk
    assert draft.pk


def test_a_sub_url_of_a_routable_ancestor_wins_over_a_page_with_its_slug(site_tree):
    """As in Wagtail: /vragen/stel-een-vraag/ is the question form even if a page takes that slug."""
    QuestionPageFactory(parent=site_tree["vragen"], slug="stel-een-vraag")
    assert (
        route_descendant(site_tree["home"], RequestFactory().get("/"), ["vragen", "stel-een-vraag"]) is None
    )


def test_an_article_is_routed_in_two_queries(site_tree, django_assert_num_queries):
    ArticlePageFactory(parent=site_tree["kennisbank"], slug="een-artikel")
    home = site_tree["home"]
    with django_assert_num_queries(2):
        result = route_descendant(home, RequestFactory().get("/"), ["kennisbank", "een-artikel"])
    assert result.page.slug == "een-artikel"
