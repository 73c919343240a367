"""Every page type renders, with its bronnen, date and related content; parent/child rules hold."""

import pytest

from home.models import HomePage, StandardPage
from knowledge import models as km
from tests.factories import (
    ArticlePageFactory,
    BegripFactory,
    BronFactory,
    PracticeExamplePageFactory,
    QuestionPageFactory,
    SectorFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


def test_home_page_shows_search_box_entry_points_and_newest(client, site_tree):
    ArticlePageFactory(parent=site_tree["kennisbank"], title="Wie hoort bij de doelgroep?")
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    for url in ("/kennisbank/", "/praktijkvoorbeelden/", "/vragen/", "/check/"):
        assert f'href="{url}"' in html
    assert "Wie hoort bij de doelgroep?" in html
    assert '<html lang="nl"' in html
    assert 'href="#inhoud"' in html


def test_article_page_shows_body_sources_checked_date_and_related(client, site_tree):
    bron = BronFactory(titel="Werkagenda Banenafspraak Rijk 2021-2022", url="", kenmerk="", jaar=2021)
    other = ArticlePageFactory(parent=site_tree["kennisbank"], title="Binnenwerk")
    page = ArticlePageFactory(parent=site_tree["kennisbank"], title="Wat telt mee", bronnen=[bron])
    km.RelatedPage.objects.create(page=page, target=other)
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tekst over Wat telt mee." in html
    assert "Werkagenda Banenafspraak Rijk 2021-2022, 2021" in html
    assert 'datetime="2026-11-24"' in html
    assert f'href="{other.url}"' in html
    assert "Kruimelpad" in html


def test_practice_example_page_shows_its_facets_and_sections(client, site_tree):
    page = PracticeExamplePageFactory(parent=site_tree["praktijkvoorbeelden"], aantal_banen=None)
    page.sector.add(SectorFactory(slug="rijk", naam="Rijksoverheid"))
    page.save()
    html = client.get(page.url).content.decode()
    for text in (
        "Aanpak",
        "Wat werkte",
        "Lessen",
        "Dienst Uitvoering Onderwijs",
        "Rijksoverheid",
        "niet genoemd in de bron",
    ):
        assert text in html


def test_question_page_shows_short_answer_and_at_most_three_related_questions(client, site_tree):
    related = [QuestionPageFactory(parent=site_tree["vragen"]) for _ in range(3)]
    page = QuestionPageFactory(parent=site_tree["vragen"], title="Telt een uitzendkracht mee?")
    for q in related:
        km.RelatedQuestion.objects.create(page=page, question=q)
    html = client.get(page.url).content.decode()
    assert "Kort antwoord" in html and "Ja, als er loon wordt betaald." in html
    assert all(q.title in html for q in related)


def test_a_question_with_only_a_short_answer_shows_no_empty_full_answer(client, site_tree):
    without = QuestionPageFactory(parent=site_tree["vragen"], body=[])
    with_body = QuestionPageFactory(
        parent=site_tree["vragen"], body=[{"type": "paragraph", "value": "<p>Meer uitleg.</p>"}]
    )
    assert "Volledig antwoord" not in client.get(without.url).content.decode()
    assert "Volledig antwoord" in client.get(with_body.url).content.decode()


def test_question_page_refuses_a_fourth_related_question(site_tree):
    from django.core.exceptions import ValidationError

    page = QuestionPageFactory(parent=site_tree["vragen"])
    for _ in range(4):
        page.related_questions.add(
            km.RelatedQuestion(question=QuestionPageFactory(parent=site_tree["vragen"]))
        )
    with pytest.raises(ValidationError):
        page.full_clean()


@pytest.mark.parametrize("slug", ["kennisbank", "praktijkvoorbeelden", "vragen"])
def test_index_pages_list_live_children_only(client, site_tree, slug):
    factory = {
        "kennisbank": ArticlePageFactory,
        "praktijkvoorbeelden": PracticeExamplePageFactory,
        "vragen": QuestionPageFactory,
    }[slug]
    shown = factory(parent=site_tree[slug], title="Zichtbare pagina")
    factory(parent=site_tree[slug], title="Concept pagina", live=False)
    html = client.get(site_tree[slug].url).content.decode()
    assert shown.title in html
    assert "Concept pagina" not in html
    assert "1 resultaat" in html


def test_index_filter_by_facet_with_counts(client, site_tree):
    doelgroep = ThemaFactory(slug="doelgroep", naam="Doelgroep en register")
    quotum = ThemaFactory(slug="banen-en-quotum", naam="Banen, quotum en heffing")
    a = ArticlePageFactory(parent=site_tree["kennisbank"], title="Over de doelgroep")
    b = ArticlePageFactory(parent=site_tree["kennisbank"], title="Over het quotum")
    a.thema.add(doelgroep)
    a.save()
    b.thema.add(quotum)
    b.save()
    html = client.get("/kennisbank/").content.decode()
    assert 'Doelgroep en register <span class="portal-meta">(1)</span>' in html
    filtered = client.get("/kennisbank/?thema=doelgroep").content.decode()
    assert "Over de doelgroep" in filtered and "Over het quotum" not in filtered
    assert 'aria-current="true"' in filtered
    assert "Alle filters wissen" in filtered


def test_index_ignores_unknown_filter_values_and_bad_page_numbers(client, site_tree):
    ArticlePageFactory(parent=site_tree["kennisbank"])
    assert client.get("/kennisbank/?thema=bestaat-niet").status_code == 200
    assert client.get("/kennisbank/?pagina=abc").status_code == 200
    assert client.get("/kennisbank/?pagina=99999").status_code == 200
    assert client.get("/kennisbank/?thema=" + "x" * 5000).status_code == 200


def test_glossary_lists_begrippen_and_each_has_a_page(client, db):
    begrip = BegripFactory(slug="doelgroepregister")
    html = client.get("/begrippen/").content.decode()
    assert "Doelgroepregister" in html and "(LDR)" in html
    detail = client.get(begrip.get_absolute_url()).content.decode()
    assert "landelijk doelgroepregister" in detail
    assert client.get("/begrippen/bestaat-niet/").status_code == 404


def test_standard_page_renders(client, site_tree):
    page = site_tree["home"].add_child(
        instance=StandardPage(
            title="Toegankelijkheidsverklaring", slug="toegankelijkheid", body="<p>WCAG 2.1 AA</p>"
        )
    )
    assert "WCAG 2.1 AA" in client.get(page.url).content.decode()


def test_unknown_url_gives_a_dutch_404(client, site_tree):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


class TestParentChildRules:
    def test_content_pages_live_only_under_their_own_index(self):
        assert km.ArticlePage.allowed_parent_page_models() == [km.ArticleIndexPage]
        assert km.PracticeExamplePage.allowed_parent_page_models() == [km.PracticeExampleIndexPage]
        assert km.QuestionPage.allowed_parent_page_models() == [km.QuestionIndexPage]

    def test_index_pages_live_under_home_and_hold_one_type(self):
        for index, child in (
            (km.ArticleIndexPage, km.ArticlePage),
            (km.PracticeExampleIndexPage, km.PracticeExamplePage),
            (km.QuestionIndexPage, km.QuestionPage),
        ):
            assert index.allowed_parent_page_models() == [HomePage]
            assert index.allowed_subpage_models() == [child]

    def test_content_pages_have_no_children(self):
        for model in (km.ArticlePage, km.PracticeExamplePage, km.QuestionPage, StandardPage):
            assert model.allowed_subpage_models() == []
