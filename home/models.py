"""The home page: one search box, the four entry points and the newest content."""

import datetime

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from knowledge.forms import PortalPageForm

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "knowledge.ArticleIndexPage",
        "knowledge.PracticeExampleIndexPage",
        "knowledge.QuestionIndexPage",
        "home.StandardPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "homepagina"

    def route(self, request, path_components):
        from portal.routing import route_descendant

        return route_descendant(self, request, path_components) or super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from knowledge.models import ArticlePage, PracticeExamplePage, QuestionPage

        context = super().get_context(request, *args, **kwargs)
        newest = []
        for model in (ArticlePage, PracticeExamplePage, QuestionPage):
            newest.extend(model.objects.live().order_by("-first_published_at")[:4])
        # A page made live outside the publish action (a fixture, a script) has no first_published_at.
        newest.sort(key=lambda p: p.first_published_at or p.latest_revision_created_at or EPOCH, reverse=True)
        context["newest"] = newest[:6]
        return context


class StandardPage(Page):
    """A plain page, e.g. the toegankelijkheidsverklaring or 'Over dit portaal'."""

    base_form_class = PortalPageForm  # the slug is filled in from the title, clashes explained

    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "standaardpagina"


class LoadedContentFile(models.Model):
    """Which version of each content file was loaded last, so a second load changes nothing."""

    path = models.CharField(max_length=255, unique=True)
    sha256 = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "geladen inhoudsbestand"
        verbose_name_plural = "geladen inhoudsbestanden"

    def __str__(self):
        return self.path
