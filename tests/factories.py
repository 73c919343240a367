"""Factories for pages and snippets (wagtail-factories), so tests build only what they need."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Page
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage
from knowledge import models as km


class TermFactory(factory.django.DjangoModelFactory):
    naam = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")


class ThemaFactory(TermFactory):
    class Meta:
        model = km.Thema
        django_get_or_create = ("slug",)


class SectorFactory(TermFactory):
    class Meta:
        model = km.Sector
        django_get_or_create = ("slug",)


class SpoorFactory(TermFactory):
    class Meta:
        model = km.Spoor
        django_get_or_create = ("slug",)


class BronFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = km.Bron
        django_get_or_create = ("slug",)

    titel = "Wet financiering sociale verzekeringen, artikel 38b"
    slug = factory.Sequence(lambda n: f"bron-{n}")
    soort = km.Bron.Soort.WET
    jaar = 2026
    kenmerk = "BWBR0017745 art. 38b"
    url = "https://wetten.overheid.nl/jci1.3:c:BWBR0017745&artikel=38b"


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = km.Organisatie
        django_get_or_create = ("slug",)

    naam = "Dienst Uitvoering Onderwijs"
    slug = factory.Sequence(lambda n: f"org-{n}")
    afkorting = "DUO"


class BegripFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = km.Begrip
        django_get_or_create = ("slug",)

    term = "Doelgroepregister"
    slug = factory.Sequence(lambda n: f"begrip-{n}")
    afkorting = "LDR"
    synoniemen = "landelijk doelgroepregister\nregister"
    omschrijving = "Het register van het UWV met iedereen die bij de doelgroep hoort."


def _body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


class ContentPageFactory(wagtail_factories.PageFactory):
    samenvatting = "Een korte samenvatting."
    laatst_gecontroleerd = datetime.date(2026, 11, 24)
    body = factory.LazyAttribute(lambda o: _body(f"Tekst over {o.title}."))
    live = True

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def bronnen(page, create, extracted, **kwargs):
        for bron in extracted or [BronFactory()]:
            km.PageSource.objects.create(page=page, bron=bron)


class ArticlePageFactory(ContentPageFactory):
    class Meta:
        model = km.ArticlePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kennisartikel {n}")


class PracticeExamplePageFactory(ContentPageFactory):
    class Meta:
        model = km.PracticeExamplePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    organisatie = factory.SubFactory(OrganisatieFactory)
    aantal_banen = 12
    regio = "Groningen"
    periode = "2016-2021"
    aanpak = "<p>Zo pakten ze het aan.</p>"
    wat_werkte = "<p>Dit werkte.</p>"
    lessen = "<p>Dit leerden ze.</p>"


class QuestionPageFactory(ContentPageFactory):
    class Meta:
        model = km.QuestionPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Telt vraag {n} mee?")
    kort_antwoord = "Ja, als er loon wordt betaald."


def build_site_tree():
    """The tree the content loader builds: home and the three index pages."""
    home = HomePage.objects.filter(depth=2).first()
    if home is None:  # a transactional test flushed the tree the migration made
        from wagtail.models import Locale, Site

        Locale.objects.get_or_create(language_code="nl")
        root = Page.objects.filter(depth=1).first() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="Kennisportaal Banenafspraak", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
    indexes = {}
    for model, slug, title in (
        (km.ArticleIndexPage, "kennisbank", "Kennisbank"),
        (km.PracticeExampleIndexPage, "praktijkvoorbeelden", "Praktijkvoorbeelden"),
        (km.QuestionIndexPage, "vragen", "Vragenbank"),
    ):
        page = model.objects.filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=model(title=title, slug=slug, show_in_menus=True))
        indexes[slug] = page
    return {"home": home, **indexes, "root": Page.objects.get(depth=1)}


__all__ = [
    "ArticlePageFactory",
    "BegripFactory",
    "BronFactory",
    "PracticeExamplePageFactory",
    "QuestionPageFactory",
    "StandardPage",
    "build_site_tree",
]
