"""The knowledge pages: kennisbank, praktijkvoorbeelden and vragenbank.

Every content page shares `ContentPage`: a summary, a body, the taxonomies, its bronnen,
a 'laatst gecontroleerd' date and hand-picked related pages. Index pages list their children
with facet filters that work as plain GET links.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.cache import patch_cache_control
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.panels import EditorialStatusPanel
from knowledge.blocks import BaseStreamBlock
from knowledge.feedback import PageFeedback  # noqa: F401
from knowledge.filters import FacetFilter
from knowledge.forms import PortalPageForm
from knowledge.snippets import (  # noqa: F401  (snippets register with the app from here)
    Begrip,
    Bron,
    Doelgroep,
    Organisatie,
    Sector,
    Spoor,
    Thema,
    Werksoort,
)
from knowledge.submissions import SubmittedQuestion  # noqa: F401

FACETS = ("thema", "spoor", "sector", "doelgroep", "werksoort")


class PageSource(Orderable):
    """A bron cited by a page, in the order shown."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_sources")
    bron = models.ForeignKey(Bron, on_delete=models.CASCADE, related_name="+")
    toelichting = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("bron"), FieldPanel("toelichting")]


class RelatedPage(Orderable):
    """Hand-picked related content, shown under every content page."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="pagina"
    )

    panels = [FieldPanel("target")]


class ContentPage(Page):
    """Abstract base of the three content page types."""

    base_form_class = PortalPageForm  # the slug is filled in from the title, clashes explained

    samenvatting = models.TextField(
        max_length=400, help_text="Een of twee zinnen voor overzichten en zoekresultaten."
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name="tekst")
    laatst_gecontroleerd = models.DateField(
        help_text="Wanneer een redacteur de inhoud voor het laatst tegen de bronnen heeft gecontroleerd."
    )
    controle_interval = models.PositiveSmallIntegerField(
        "controle-interval (maanden)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Na hoeveel maanden de pagina opnieuw gecontroleerd moet worden. Leeg: de standaard "
        "voor dit paginatype, korter voor pagina's over de regels.",
    )
    thema = ParentalManyToManyField(Thema, blank=True, related_name="%(class)s_pages")
    spoor = ParentalManyToManyField(Spoor, blank=True, related_name="%(class)s_pages")
    sector = ParentalManyToManyField(Sector, blank=True, related_name="%(class)s_pages")
    doelgroep = ParentalManyToManyField(Doelgroep, blank=True, related_name="%(class)s_pages")
    werksoort = ParentalManyToManyField(Werksoort, blank=True, related_name="%(class)s_pages")

    facet_panels = [
        MultiFieldPanel(
            [FieldPanel(name, widget=forms.CheckboxSelectMultiple) for name in FACETS],
            heading="Indeling",
        )
    ]
    source_panels = [
        EditorialStatusPanel(),
        FieldPanel("laatst_gecontroleerd"),
        FieldPanel("controle_interval"),
        InlinePanel("page_sources", label="Bronnen", min_num=1),
        InlinePanel("related_links", label="Gerelateerde inhoud"),
    ]

    search_fields = Page.search_fields + [
        # The title says what a page answers: it weighs like a begrip's term (portal.search).
        index.SearchField("title", boost=4),
        index.SearchField("samenvatting", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.RelatedFields("thema", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("spoor", [index.SearchField("naam"), index.FilterField("slug")]),
        index.RelatedFields("sector", [index.SearchField("naam"), index.FilterField("slug")]),
        # Facet counts in the search (portal.search): one FilterField per facet.
        index.FilterField("thema"),
        index.FilterField("spoor"),
        index.FilterField("sector"),
    ]

    class Meta:
        abstract = True

    def search_result_text(self):
        """The text a search result's fragment is cut from (portal.search)."""
        body = " ".join(str(v) for v in self.body.stream_block.get_searchable_content(self.body))
        return "\n".join(part for part in (self.samenvatting, body) if part)

    def search_result_summary(self):
        """A search result's fragment when no passage matches the words (portal.search)."""
        return self.samenvatting

    def search_result_dates(self):
        """A search result's dates (portal.search): last checked, and last published if later."""
        from portal.search.service import result_dates

        return result_dates(checked=self.laatst_gecontroleerd, published=self.last_published_at)

    def facet_slugs(self):
        """{facet: [slug, ...]} for search facets and filters."""
        return {name: [t.slug for t in getattr(self, name).all()] for name in FACETS}

    def sources(self):
        return [ps.bron for ps in self.page_sources.select_related("bron")]

    def related(self):
        """The live related pages, in the editor's order, as their specific types.

        One query for the links and one per page type (``specific()``), not one per link.
        """
        ids = [link.target_id for link in self.related_links.all()]
        pages = Page.objects.live().filter(pk__in=ids).specific().in_bulk()
        return [pages[pk] for pk in ids if pk in pages]


class IndexPage(RoutablePageMixin, Page):
    """Abstract listing page with facet filters by GET parameters."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    child_model = None
    facets = FACETS
    per_page = 12

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def children(self):
        return self.child_model.objects.child_of(self).live().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        facet_filter = FacetFilter(self.children(), self.facets, request.GET)
        paginator = Paginator(facet_filter.queryset, self.per_page)
        asked = request.GET.getlist("pagina")
        items = paginator.get_page(asked[0] if asked else None)
        context.update(
            facet_filter=facet_filter,
            items=items,
            canonical_query=facet_filter.canonical and asked in ([], [str(items.number)]),
        )
        return context

    def serve(self, request, *args, **kwargs):
        """A filter or page number that is not one of the page's own links is answered but kept out
        of the shared page cache (``private``), so made-up values cannot fill it."""
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if context.get("canonical_query") is False:
            patch_cache_control(response, private=True)
        return response


class ArticleIndexPage(IndexPage):
    """/kennisbank/: the guidance articles."""

    facets = ("thema", "spoor", "sector", "doelgroep")
    subpage_types = ["knowledge.ArticlePage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    @property
    def child_model(self):
        return ArticlePage

    class Meta:
        verbose_name = "kennisbank"


class ArticlePage(ContentPage):
    """A kennisartikel: guidance on one topic."""

    parent_page_types = ["knowledge.ArticleIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("samenvatting"),
        FieldPanel("body"),
        *ContentPage.facet_panels,
        *ContentPage.source_panels,
    ]

    class Meta:
        verbose_name = "kennisartikel"
        verbose_name_plural = "kennisartikelen"


class PracticeExampleIndexPage(IndexPage):
    """/praktijkvoorbeelden/."""

    facets = ("sector", "spoor", "werksoort", "doelgroep", "thema")
    subpage_types = ["knowledge.PracticeExamplePage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    @property
    def child_model(self):
        return PracticeExamplePage

    class Meta:
        verbose_name = "overzicht praktijkvoorbeelden"


class PracticeExamplePage(ContentPage):
    """A praktijkvoorbeeld: how one employer did it, and what others can learn."""

    organisatie = models.ForeignKey(
        Organisatie, null=True, blank=True, on_delete=models.SET_NULL, related_name="voorbeelden"
    )
    aantal_banen = models.DecimalField(
        max_digits=8, decimal_places=1, null=True, blank=True, help_text="Leeg als de bron geen aantal noemt."
    )
    regio = models.CharField(max_length=120, blank=True)
    periode = models.CharField(max_length=60, blank=True)
    aanpak = RichTextField(features=["h3", "bold", "italic", "link", "ol", "ul"])
    wat_werkte = RichTextField(features=["h3", "bold", "italic", "link", "ol", "ul"])
    lessen = RichTextField(features=["h3", "bold", "italic", "link", "ol", "ul"])

    parent_page_types = ["knowledge.PracticeExampleIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("samenvatting"),
        MultiFieldPanel(
            [
                FieldPanel("organisatie"),
                FieldPanel("aantal_banen"),
                FieldPanel("regio"),
                FieldPanel("periode"),
            ],
            heading="Kenmerken",
        ),
        FieldPanel("body", heading="Situatie"),
        FieldPanel("aanpak"),
        FieldPanel("wat_werkte"),
        FieldPanel("lessen"),
        *ContentPage.facet_panels,
        *ContentPage.source_panels,
    ]

    search_fields = ContentPage.search_fields + [
        index.SearchField("aanpak"),
        index.SearchField("wat_werkte"),
        index.SearchField("lessen"),
        index.SearchField("regio"),
        index.RelatedFields(
            "organisatie", [index.SearchField("naam", boost=3), index.SearchField("afkorting", boost=3)]
        ),
    ]

    def search_result_text(self):
        return "\n".join(
            [super().search_result_text(), str(self.aanpak), str(self.wat_werkte), str(self.lessen)]
        )

    class Meta:
        verbose_name = "praktijkvoorbeeld"
        verbose_name_plural = "praktijkvoorbeelden"


class QuestionIndexPage(IndexPage):
    """/vragen/: the vragenbank, and the form to ask a new question."""

    facets = ("thema",)
    per_page = 20
    subpage_types = ["knowledge.QuestionPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    @property
    def child_model(self):
        return QuestionPage

    @path("stel-een-vraag/")
    def ask(self, request):
        from knowledge.views import ask_question

        return ask_question(request, self)

    class Meta:
        verbose_name = "vragenbank"


class RelatedQuestion(Orderable):
    page = ParentalKey("knowledge.QuestionPage", on_delete=models.CASCADE, related_name="related_questions")
    question = models.ForeignKey(
        "knowledge.QuestionPage", on_delete=models.CASCADE, related_name="+", verbose_name="vraag"
    )

    panels = [FieldPanel("question")]


class QuestionPage(ContentPage):
    """A vraag with a short and a full answer (the body), and up to three related questions."""

    MAX_RELATED = 3

    kort_antwoord = models.TextField(max_length=600, help_text="Het antwoord in een tot drie zinnen.")

    parent_page_types = ["knowledge.QuestionIndexPage"]
    subpage_types = []

    content_panels = [
        TitleFieldPanel("title", heading="Vraag"),  # fills in the slug as the title is typed
        FieldPanel("kort_antwoord"),
        FieldPanel("body", heading="Volledig antwoord"),
        FieldPanel("samenvatting"),
        InlinePanel("related_questions", label="Gerelateerde vragen", max_num=MAX_RELATED),
        *ContentPage.facet_panels,
        *ContentPage.source_panels,
    ]

    search_fields = ContentPage.search_fields + [index.SearchField("kort_antwoord", boost=3)]

    def search_result_text(self):
        return f"{self.kort_antwoord}\n{super().search_result_text()}"

    def search_result_summary(self):
        return self.samenvatting or self.kort_antwoord

    class Meta:
        verbose_name = "vraag en antwoord"
        verbose_name_plural = "vragen en antwoorden"

    def clean(self):
        super().clean()
        related = [rq for rq in self.related_questions.all() if not getattr(rq, "DELETE", False)]
        if len(related) > self.MAX_RELATED:
            raise ValidationError(f"Kies ten hoogste {self.MAX_RELATED} gerelateerde vragen.")

    def related_question_pages(self):
        return [rq.question for rq in self.related_questions.select_related("question") if rq.question.live]
