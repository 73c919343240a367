"""The search is generic: content apps register their types, facets and synonym sources, and
a model supplies its own result title and fragment text, with defaults for one that does not."""

import pytest
from wagtail.models import Page

from portal.search import service

pytestmark = pytest.mark.django_db


def test_the_knowledge_app_registers_the_contract_types_in_order():
    assert list(service.TYPES) == ["artikel", "praktijkvoorbeeld", "vraag", "begrip"]
    assert list(service.FACETS) == ["thema", "spoor", "sector"]
    assert [service._has_facets(key) for key in service.TYPES] == [True, True, True, False]


def test_a_page_without_result_methods_gets_the_defaults(site_tree, monkeypatch):
    monkeypatch.setitem(service.TYPES, "pagina", ("wagtailcore.Page", "Pagina"))
    page = Page.objects.get(pk=site_tree["kennisbank"].pk)  # a plain Page: no result methods
    page.search_description = "Alles over de banenafspraak."
    result = service._result(service._card(page), "pagina", ["nergens"])
    assert result.title == page.title
    assert result.url == page.get_url()
    assert result.fragment == "Alles over de banenafspraak."  # no passage matches: the summary
    assert "mark" in service._result(service._card(page), "pagina", [page.title.split()[0].lower()]).fragment


def test_a_model_s_own_result_methods_win_and_their_errors_do_not_break_the_page(site_tree):
    from tests.factories import BegripFactory, QuestionPageFactory

    vraag = QuestionPageFactory(
        parent=site_tree["vragen"],
        title="Telt stage mee?",
        slug="stage",
        kort_antwoord="Nee, een stage niet.",
    )
    assert service._result(service._card(vraag), "vraag", ["stage"]).fragment.startswith(
        "Nee, een <mark>stage</mark>"
    )
    begrip = BegripFactory(
        term="Loonkostensubsidie", slug="lks", omschrijving="Een **subsidie** op het loon."
    )
    result = service._result(service._card(begrip), "begrip", ["subsidie"])
    assert result.title == "Loonkostensubsidie" and "**" not in result.fragment  # the rendered text

    def broken():
        raise ValueError("kapot")

    begrip.search_result_text = broken
    assert (
        service._result(service._card(begrip), "begrip", ["subsidie"]).fragment
        == "Een **subsidie** op het loon."
    )


def test_apps_fill_in_their_placeholders_in_the_fragment(site_tree):
    from wagtail import hooks

    from tests.factories import QuestionPageFactory

    assert any(
        fn.__module__ == "voortgang.wagtail_hooks" for fn in hooks.get_hooks("portal_search_result_text")
    )
    vraag = QuestionPageFactory(
        parent=site_tree["vragen"], title="Hoeveel?", slug="hoeveel", kort_antwoord="Er zijn [[x]] banen."
    )
    with hooks.register_temporarily(
        "portal_search_result_text", lambda text: text.replace("[[x]]", "42.000")
    ):
        assert (
            "42.000 <mark>banen</mark>" in service._result(service._card(vraag), "vraag", ["banen"]).fragment
        )
