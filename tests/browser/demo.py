"""A small site with every public page type, shared by the browser tests.

The content is deliberately awkward for a phone: a long Dutch compound in a title, a long
unbroken URL and tables in a body (one with an empty corner heading, as real content has), so
the layout tests see what real content brings.
"""

from home.models import StandardPage
from knowledge import models as km
from knowledge.markdown import markdown_blocks
from tests.factories import (
    ArticlePageFactory,
    BegripFactory,
    PracticeExamplePageFactory,
    QuestionPageFactory,
    SectorFactory,
    ThemaFactory,
    build_site_tree,
)

LONG_URL = "https://wetten.overheid.nl/BWBR0017745/2026-01-01#Hoofdstuk4_Afdeling2_Paragraaf4.1_Artikel38b"
AWKWARD_MARKDOWN = f"""## Arbeidsongeschiktheidsverzekeringsvoorwaarden

Zie {LONG_URL} voor de tekst van de wet, en de doelgroepregisterinschrijvingsbevestigingsbrief.
Lees verder:
- Eerste punt van de lijst
- Tweede punt

| Regeling | Wat het is | Bij wie |
|---|---|---|
| [Loonkostensubsidie](begrip:doelgroepregister) | Vergoeding voor het verschil tussen minimumloon en loonwaarde, onder de Participatiewet | Gemeente |
| No-riskpolis | Ziekengeld vanaf de eerste ziektedag | Uitvoeringsinstituut Werknemersverzekeringen |

| | Tot en met 2025 | Vanaf 1 januari 2026 |
|---|---|---|
| Doelgroepverklaring | Nodig | Niet meer nodig |
"""


def awkward_body():
    """The body of a content page as raw StreamField data: text, a list and a table block."""
    return [
        {"type": kind, "value": getattr(value, "source", value)}
        for kind, value in markdown_blocks(AWKWARD_MARKDOWN, resolve_page=None)
    ]


def build_demo():
    tree = build_site_tree()
    thema = ThemaFactory(slug="meetellen", naam="Wat telt mee")
    sector = SectorFactory(slug="rijk", naam="Rijksoverheid")
    article = ArticlePageFactory(
        parent=tree["kennisbank"], title="Wat telt mee", slug="wat-telt-mee", body=awkward_body()
    )
    article.thema.add(thema)
    article.save()
    example = PracticeExamplePageFactory(parent=tree["praktijkvoorbeelden"], title="DUO", slug="duo")
    example.sector.add(sector)
    example.save()
    related = QuestionPageFactory(parent=tree["vragen"], title="Telt inleen mee?", slug="telt-inleen-mee")
    question = QuestionPageFactory(
        parent=tree["vragen"],
        title="Telt een uitzendkracht via een inleenconstructie mee voor de banenafspraak?",
        slug="uitzendkracht",
        body=awkward_body(),
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


# One URL per public page type and state (filters, search with results, a spelling suggestion).
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
