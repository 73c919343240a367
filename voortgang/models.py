"""A meting: one figure of the banenafspraak's progress, with the source it comes from.

A meting is a snippet with revisions, a draft state, locking and the editorial workflow, so an
editor can add the newest monitor figures and an Eindredacteur publishes them; only published
metingen reach /voortgang/ and the articles that cite them with ``[[meting:<slug>.<veld>]]``.
One meting holds what one source says about one sector at one moment (a year, or a quarter):
the target, the realisation, or both. When sources disagree, each gets its own meting, so the
page shows both side by side.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from eligibility.nl import nl_date
from knowledge.snippets import Bron

FIRST_YEAR = 2013  # the nulmeting of the banenafspraak: 1 January 2013
LAST_YEAR = 2100


class Sector(models.TextChoices):
    OVERHEID = "overheid", "Sector overheid"
    RIJK = "rijk", "Rijksoverheid"
    MARKT = "markt", "Markt (sector niet-overheid)"
    TOTAAL = "totaal", "Markt en overheid samen"


class Meting(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """What one source says about the target and the realisation of one sector at one moment."""

    # The values a placeholder ``[[meting:<slug>.<veld>]]`` can show.
    FIELDS = ("doel", "gerealiseerd", "verschil", "tekort", "procent")

    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Korte naam in kleine letters, bijvoorbeeld rijk-2022. Een artikel toont een getal met "
        "[[meting:rijk-2022.gerealiseerd]].",
    )
    sector = models.CharField(max_length=20, choices=Sector.choices)
    jaar = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    kwartaal = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=[(q, f"{q}e kwartaal") for q in range(1, 5)],
        help_text="Leeg voor een cijfer over het hele jaar (de stand aan het eind van het jaar).",
    )
    peilmoment = models.CharField(
        max_length=80,
        blank=True,
        help_text="Hoe de bron het moment noemt, bijvoorbeeld 'eind 2022' of 'vóór 1 januari 2024'. Leeg: "
        "het jaar en het kwartaal.",
    )
    doel = models.PositiveIntegerField(
        null=True, blank=True, help_text="Het aantal banen dat op dat moment gerealiseerd moest zijn."
    )
    gerealiseerd = models.PositiveIntegerField(
        null=True, blank=True, help_text="Het aantal gerealiseerde banen (van 25,5 uur per week)."
    )
    doel_circa = models.BooleanField(
        "doel is afgerond",
        default=False,
        help_text="De bron noemt een afgerond of geschat doel ('ongeveer').",
    )
    gerealiseerd_circa = models.BooleanField(
        "gerealiseerd is afgerond",
        default=False,
        help_text="De bron noemt een afgerond of geschat aantal ('ongeveer').",
    )
    bron = models.ForeignKey(
        Bron,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="metingen",
        help_text="Het document waarin het cijfer staat.",
    )
    bron_vermelding = models.CharField(
        max_length=255,
        blank=True,
        help_text="Een bron als tekst, als er geen bron in de lijst staat, of wat de bron zelf aanhaalt "
        "(bijvoorbeeld de monitor waaruit een Kamerbrief citeert).",
    )
    vindplaats = models.CharField(
        max_length=255, blank=True, help_text="Waar in de bron: hoofdstuk, paragraaf, tabel of voetnoot."
    )
    bron_datum = models.DateField(
        null=True, blank=True, help_text="De datum van het document of van de meting, als die bekend is."
    )
    toelichting = models.TextField(
        blank=True,
        help_text="Wat de lezer moet weten om het cijfer goed te lezen, en waar bronnen elkaar tegenspreken.",
    )

    panels = [
        FieldPanel("slug"),
        FieldPanel("sector"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("jaar"), FieldPanel("kwartaal")]), FieldPanel("peilmoment")],
            heading="Periode",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doel"), FieldPanel("gerealiseerd")]),
                FieldRowPanel([FieldPanel("doel_circa"), FieldPanel("gerealiseerd_circa")]),
            ],
            heading="Aantal banen",
        ),
        MultiFieldPanel(
            [
                FieldPanel("bron"),
                FieldPanel("bron_vermelding"),
                FieldPanel("vindplaats"),
                FieldPanel("bron_datum"),
            ],
            heading="Bron",
        ),
        FieldPanel("toelichting"),
    ]

    class Meta:
        verbose_name = "meting"
        verbose_name_plural = "metingen"
        ordering = ["sector", "jaar", "kwartaal", "slug"]

    def __str__(self):
        return f"{self.get_sector_display()}, {self.periode}"

    def clean(self):
        super().clean()
        errors = {}
        if self.doel is None and self.gerealiseerd is None:
            errors["gerealiseerd"] = "Vul het doel, het aantal gerealiseerde banen of allebei in."
        if self.bron_id is None and not self.bron_vermelding.strip():
            errors["bron_vermelding"] = "Kies een bron of noem de bron als tekst."
        if errors:
            raise ValidationError(errors)

    # -- what the page, the CSV and the placeholders show ---------------------------------------
    @property
    def periode(self):
        if self.peilmoment:
            return self.peilmoment
        if self.kwartaal:
            return f"{self.kwartaal}e kwartaal {self.jaar}"
        return str(self.jaar)

    @property
    def sort_key(self):
        """A year's figure is the stand at its end, so it sorts with the fourth quarter."""
        return (self.jaar, self.kwartaal or 4, self.slug)

    @property
    def verschil(self):
        """Realised minus target: negative is a shortfall. None unless both are known."""
        if self.doel is None or self.gerealiseerd is None:
            return None
        return self.gerealiseerd - self.doel

    @property
    def tekort(self):
        """The jobs still missing against the target (0 when the target was met)."""
        verschil = self.verschil
        return None if verschil is None else max(0, -verschil)

    @property
    def procent(self):
        """The realisation as a whole percentage of the target."""
        if self.verschil is None or not self.doel:
            return None
        return round(100 * self.gerealiseerd / self.doel)

    def value(self, veld):
        if veld not in self.FIELDS:
            raise KeyError(veld)
        return getattr(self, veld)

    @property
    def citation(self):
        """Document, place in it and date, as one line under the figure."""
        parts = []
        if self.bron_id:
            parts.append(self.bron.citation)
        if self.vindplaats:
            parts.append(self.vindplaats)
        if self.bron_vermelding:
            parts.append(self.bron_vermelding)
        if self.bron_datum:
            parts.append(nl_date(self.bron_datum))
        return "; ".join(parts)


def published():
    """The live metingen, with their bron, in the order they are charted."""
    return sorted(Meting.objects.filter(live=True).select_related("bron"), key=lambda m: m.sort_key)
