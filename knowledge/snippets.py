"""Snippets: the taxonomies, begrippen (glossary), bronnen (sources) and organisaties.

They live outside the page tree because many pages share them; each has a slug so that the
content files and URLs can point at it.
"""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def unique_slug(model, text, max_length, pk=None):
    """A slug from ``text`` that no other row of ``model`` has: -2, -3 ... appended as needed."""
    base = slugify(text)[: max_length - 4].strip("-") or model._meta.model_name
    taken = set(model.objects.exclude(pk=pk).filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


class TaxonomyTerm(models.Model):
    """A term in one of the controlled vocabularies (see content/taxonomie.yaml)."""

    naam = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)

    panels = [FieldPanel("naam"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Thema(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class Spoor(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "spoor"
        verbose_name_plural = "sporen"
        ordering = ["slug"]


class Sector(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "sector"
        verbose_name_plural = "sectoren"


class Doelgroep(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"


class Werksoort(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "werksoort"
        verbose_name_plural = "werksoorten"


class Bron(models.Model):
    """A source a page rests on: a law article, a Kamerstuk, a seed document.

    Not in the search index (the public search never returns bronnen): the admin's Bron chooser
    searches the database (see knowledge/wagtail_hooks.py). A bron made in the chooser's "Nieuwe
    bron" form gets its slug from its title."""

    class Soort(models.TextChoices):
        WET = "wet", "Wet of regeling"
        KAMERSTUK = "kamerstuk", "Kamerstuk"
        KAMERBRIEF = "kamerbrief", "Kamerbrief"
        BELEIDSDOCUMENT = "beleidsdocument", "Beleidsdocument"
        ONDERZOEK = "onderzoek", "Onderzoek"
        FOLDER = "folder", "Folder"
        WEBSITE = "website", "Website"

    titel = models.CharField(max_length=255)
    slug = models.SlugField(max_length=80, unique=True)
    soort = models.CharField(max_length=20, choices=Soort.choices)
    jaar = models.PositiveSmallIntegerField(null=True, blank=True)
    kenmerk = models.CharField(
        max_length=120, blank=True, help_text="Bijvoorbeeld een Kamerstuknummer of BWBR-artikel."
    )
    url = models.URLField(max_length=500, blank=True)
    omschrijving = models.TextField(blank=True)

    panels = [
        FieldPanel("titel"),
        FieldPanel("slug"),
        FieldPanel("soort"),
        FieldPanel("jaar"),
        FieldPanel("kenmerk"),
        FieldPanel("url"),
        FieldPanel("omschrijving"),
    ]

    class Meta:
        verbose_name = "bron"
        verbose_name_plural = "bronnen"
        ordering = ["titel"]

    def __str__(self):
        return self.titel

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Bron, self.titel, self._meta.get_field("slug").max_length, self.pk)
        super().save(*args, **kwargs)

    @property
    def citation(self):
        """Title, kenmerk and year, as shown under a page."""
        parts = [self.titel]
        if self.kenmerk:
            parts.append(self.kenmerk)
        if self.jaar:
            parts.append(str(self.jaar))
        return ", ".join(parts)


class Organisatie(models.Model):
    naam = models.CharField(max_length=255)
    slug = models.SlugField(max_length=80, unique=True)
    afkorting = models.CharField(max_length=40, blank=True)
    sector = models.ForeignKey(Sector, null=True, blank=True, on_delete=models.SET_NULL)
    website = models.URLField(blank=True)
    omschrijving = models.TextField(blank=True)

    panels = [
        FieldPanel("naam"),
        FieldPanel("slug"),
        FieldPanel("afkorting"),
        FieldPanel("sector"),
        FieldPanel("website"),
        FieldPanel("omschrijving"),
    ]

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Begrip(index.Indexed, models.Model):
    """A glossary term. Its afkorting and synoniemen also feed the search synonyms."""

    term = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    afkorting = models.CharField(max_length=40, blank=True)
    synoniemen = models.TextField(blank=True, help_text="Andere woorden die mensen gebruiken, één per regel.")
    omschrijving = models.TextField(help_text="Twee tot vijf zinnen in gewone taal (Markdown).")
    omschrijving_html = models.TextField(blank=True, editable=False)
    bronnen = models.ManyToManyField(Bron, blank=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("afkorting"),
        FieldPanel("synoniemen"),
        FieldPanel("omschrijving"),
        FieldPanel("bronnen"),
    ]

    search_fields = [
        index.SearchField("term", boost=5),
        index.AutocompleteField("term"),
        index.SearchField("afkorting", boost=5),
        index.SearchField("synoniemen", boost=3),
        index.SearchField("omschrijving"),
        index.FilterField("slug"),
    ]

    class Meta:
        verbose_name = "begrip"
        verbose_name_plural = "begrippen"
        ordering = ["term"]

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("begrip-detail", args=[self.slug])

    def search_result_text(self):
        """A search result's fragment is cut from the rendered omschrijving (portal.search)."""
        return self.omschrijving_html

    def search_result_summary(self):
        return self.omschrijving

    @property
    def synoniemen_list(self):
        return [s.strip() for s in self.synoniemen.splitlines() if s.strip()]

    def save(self, *args, **kwargs):
        from knowledge.markdown import render_markdown

        self.omschrijving_html = render_markdown(self.omschrijving)
        super().save(*args, **kwargs)
