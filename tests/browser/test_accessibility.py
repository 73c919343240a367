"""axe-core finds no WCAG 2.1 A/AA or best-practice violations on any page type."""

import pytest
from playwright.sync_api import Page

from home.models import StandardPage
from knowledge import models as km
from tests.browser.conftest import axe_violations
from tests.factories import (
    ArticlePageFactory,
    BegripFactory,
    PracticeExamplePageFactory,
    QuestionPageFactory,
    SectorFactory,
    ThemaFactory,
    build_site_tree,
)


def build_demo():
    tree = build_site_tree()
    thema = ThemaFactory(slug="meetellen", naam="Wat telt mee")
    sector = SectorFactory(slug="rijk", naam="Rijksoverheid")
    article = ArticlePageFactory(parent=tree["kennisbank"], title="Wat telt mee", slug="wat-telt-mee")
    article.thema.add(thema)
    article.save()
    example = PracticeExamplePageFactory(parent=tree["praktijkvoorbeelden"], title="DUO", slug="duo")
    example.sector.add(sector)
    example.save()
    related = QuestionPageFactory(parent=tree["vragen"], title="Telt inleen mee?", slug="telt-inleen-mee")
    question = QuestionPageFactory(
        parent=tree["vragen"], title="Telt een uitzendkracht mee?", slug="uitzendkracht"
    )
    question.thema.add(thema)
    question.save()
    km.RelatedQuestion.objects.create(page=question, question=related)
    km.RelatedPage.objects.create(page=article, target=example)
    BegripFactory(slug="doelgroepregister")
    tree["home"].add_child(
        instance=StandardPage(
            title="Toegankelijkheidsverklaring", slug="toegankelijkheid", body="<p>WCAG 2.1 AA.</p>"
        )
    )


PAGES = [
    "/",
    "/kennisbank/",
    "/kennisbank/?thema=meetellen",
    "/kennisbank/wat-telt-mee/",
    "/praktijkvoorbeelden/",
    "/praktijkvoorbeelden/?sector=rijk",
    "/praktijkvoorbeelden/duo/",
    "/vragen/",
    "/vragen/?thema=meetellen",
    "/vragen/uitzendkracht/",
    "/vragen/stel-een-vraag/",
    "/begrippen/",
    "/begrippen/doelgroepregister/",
    "/toegankelijkheid/",
    "/bestaat-niet/",
    "/zoeken/",
    "/zoeken/?q=uitzendkracht",
    "/zoeken/?q=uitzendkracht&type=vraag",
    "/zoeken/?q=uitzendkrcht",
]


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
    page.get_by_label("Uw vraag").fill("kort")
    page.get_by_label("E-mailadres voor het antwoord (niet verplicht)").fill("geen-adres")
    page.get_by_role("button", name="Volgende: zoek vergelijkbare vragen").click()
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_question_form_similar_step_has_no_axe_violations(live_server, page: Page):
    build_demo()
    page.goto(live_server.url + "/vragen/stel-een-vraag/")
    page.get_by_label("Uw vraag").fill("Telt een uitzendkracht uit de doelgroep mee?")
    page.get_by_role("button", name="Volgende: zoek vergelijkbare vragen").click()
    assert page.get_by_text("Lijkt uw vraag op een van deze?").is_visible()
    assert axe_violations(page) == []
