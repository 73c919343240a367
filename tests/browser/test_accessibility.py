"""axe-core finds no WCAG 2.1 A/AA or best-practice violations on any page type."""

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import axe_violations
from tests.browser.demo import PAGES, build_demo


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(live_server, page: Page, path):
    build_demo()
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_question_form_with_errors_has_no_axe_violations(live_server, page: Page):
    build_demo()
    page.goto(live_server.url + "/vragen/stel-een-vraag/")
    # A required field that is still empty does not look wrong before the visitor sent anything
    look = "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderColor]"
    assert page.locator("#id_vraag").evaluate(look) == page.locator("#id_context").evaluate(look)
    page.get_by_label("Uw vraag").fill("kort")
    page.get_by_label("E-mailadres voor het antwoord (niet verplicht)").fill("geen-adres")
    page.get_by_role("button", name="Volgende: zoek vergelijkbare vragen").click()
    assert page.get_by_role("alert").is_visible()
    assert page.locator("#id_vraag").evaluate(look) != page.locator("#id_context").evaluate(look)
    assert axe_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_question_form_similar_step_has_no_axe_violations(live_server, page: Page):
    build_demo()
    page.goto(live_server.url + "/vragen/stel-een-vraag/")
    page.get_by_label("Uw vraag").fill("Telt een uitzendkracht uit de doelgroep mee?")
    page.get_by_role("button", name="Volgende: zoek vergelijkbare vragen").click()
    assert page.get_by_text("Lijkt uw vraag op een van deze?").is_visible()
    assert axe_violations(page) == []
