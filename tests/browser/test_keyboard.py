"""The question form can be found, filled in and sent with the keyboard only."""

import pytest
from playwright.sync_api import Page, expect

from knowledge.submissions import SubmittedQuestion
from tests.factories import build_site_tree

VRAAG = "Telt een medewerker via de raamovereenkomst mee voor ons ministerie?"


def tab_to(page, predicate, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"focus never reached: {predicate}")


@pytest.mark.django_db(transaction=True)
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(live_server, page: Page):
    build_site_tree()
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Ga direct naar de inhoud")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"


@pytest.mark.django_db(transaction=True)
def test_send_a_question_with_the_keyboard_only(live_server, page: Page):
    build_site_tree()
    page.goto(live_server.url + "/vragen/")
    tab_to(page, "document.activeElement.textContent.trim() === 'Stel zelf een vraag'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/stel-een-vraag/")
    tab_to(page, "document.activeElement.id === 'id_vraag'")
    page.keyboard.type(VRAAG)
    tab_to(page, "document.activeElement.id === 'id_email'")
    page.keyboard.type("hr@ministerie.example")
    tab_to(page, "document.activeElement.textContent.trim() === 'Volgende: zoek vergelijkbare vragen'")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Lijkt uw vraag op een van deze?")).to_be_visible()
    tab_to(page, "document.activeElement.textContent.trim() === 'Verstuur mijn vraag'")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedankt, uw vraag is verstuurd")).to_be_visible()
    stored = SubmittedQuestion.objects.get()
    assert (stored.vraag, stored.email) == (VRAAG, "hr@ministerie.example")
