"""What the editorial tools remember.

Nothing here identifies a visitor: search texts and comments are stored scrubbed and normalised
(``portal.privacy``), as daily counts, without addresses, sessions or user agents.
"""

from django.db import models
from django.utils import timezone


class ParameterSnapshot(models.Model):
    """The version of one rules YAML file the portal last saw: its hash and parsed content."""

    path = models.CharField("bestand", max_length=255, unique=True)
    sha256 = models.CharField(max_length=64)
    content = models.JSONField("inhoud")
    seen_at = models.DateTimeField("gezien op", default=timezone.now)

    class Meta:
        verbose_name = "momentopname van een parameterbestand"
        verbose_name_plural = "momentopnamen van parameterbestanden"
        ordering = ["path"]

    def __str__(self):
        return self.path


class RuleChange(models.Model):
    """One change in a parameter's values or references, found by comparing a file's versions."""

    class Kind(models.TextChoices):
        ADDED = "toegevoegd", "Nieuwe waarde"
        CHANGED = "gewijzigd", "Waarde gewijzigd"
        REMOVED = "verwijderd", "Waarde verwijderd"
        REFERENCE = "bron", "Bron gewijzigd"
        FILE = "bestand", "Bestand gewijzigd"

    path = models.CharField("bestand", max_length=255)
    parameter = models.CharField(max_length=200)
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    takes_effect = models.DateField("geldt vanaf", null=True, blank=True)
    old = models.CharField("oud", max_length=500, blank=True)
    new = models.CharField("nieuw", max_length=500, blank=True)
    found_at = models.DateTimeField("gevonden op", default=timezone.now)

    class Meta:
        verbose_name = "regelwijziging"
        verbose_name_plural = "regelwijzigingen"
        ordering = ["-found_at", "parameter", "takes_effect"]

    def __str__(self):
        return f"{self.parameter}: {self.summary}"

    @property
    def summary(self):
        """'5.000 euro → 6.000 euro', or what changed when there is no old/new pair."""
        if self.old or self.new:
            return f"{self.old or '(geen)'} → {self.new or '(geen)'}"
        return self.get_kind_display()


class ReviewFlag(models.Model):
    """A page that cites a changed parameter and must be checked again.

    Open until the page is saved or published with a laatst-gecontroleerd date later than the
    one it had when flagged, and not before the change was found.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="review_flags")
    change = models.ForeignKey(RuleChange, on_delete=models.CASCADE, related_name="flags")
    cited_as = models.CharField("verwijst via", max_length=255)
    checked_before = models.DateField("laatst gecontroleerd bij melding", null=True, blank=True)
    flagged_at = models.DateTimeField("gemeld op", default=timezone.now)
    resolved_at = models.DateTimeField("afgehandeld op", null=True, blank=True)

    class Meta:
        verbose_name = "controle na regelwijziging"
        verbose_name_plural = "controles na regelwijziging"
        ordering = ["-flagged_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "change"], name="one_flag_per_page_and_change")
        ]

    def __str__(self):
        return f"{self.page.title}: {self.change}"


class SearchDay(models.Model):
    """How often a (normalised) query was searched on a day, found nothing, or led to a click."""

    day = models.DateField("dag")
    text = models.CharField("zoekvraag", max_length=200)
    key = models.CharField("groep", max_length=255, db_index=True)
    searches = models.PositiveIntegerField("zoekopdrachten", default=0)
    zero_results = models.PositiveIntegerField("zonder resultaat", default=0)
    clicks = models.PositiveIntegerField("kliks", default=0)

    class Meta:
        verbose_name = "zoekvraag per dag"
        verbose_name_plural = "zoekvragen per dag"
        constraints = [models.UniqueConstraint(fields=["day", "text"], name="one_row_per_query_and_day")]

    def __str__(self):
        return f"{self.day}: {self.text}"


class ContentGap(models.Model):
    """A kennisgat: signals that one question is not answered, grouped by their stemmed words."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DRAFT = "concept", "Conceptvraag gemaakt"
        PUBLISHED = "gepubliceerd", "Beantwoord"
        DISMISSED = "afgewezen", "Afgewezen"

    key = models.CharField("groep", max_length=255, unique=True)
    title = models.CharField("titel", max_length=255)
    total = models.PositiveIntegerField("aantal signalen", default=0)
    zero_results = models.PositiveIntegerField("zoeken zonder resultaat", default=0)
    no_clicks = models.PositiveIntegerField("zoeken zonder klik", default=0)
    not_useful = models.PositiveIntegerField("niet nuttig", default=0)
    questions = models.PositiveIntegerField("ingezonden vragen", default=0)
    last_seen = models.DateField("laatst gezien", null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    page = models.ForeignKey(
        "knowledge.QuestionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="content_gaps",
        verbose_name="vraag en antwoord",
    )
    converted_at = models.DateTimeField("omgezet op", null=True, blank=True)
    published_at = models.DateTimeField("gepubliceerd op", null=True, blank=True)

    class Meta:
        verbose_name = "kennisgat"
        verbose_name_plural = "kennisgaten"
        ordering = ["-total", "title"]

    def __str__(self):
        return self.title


class GapQuery(models.Model):
    """One query (or comment, or question) of a kennisgat: what the new page should answer."""

    class Source(models.TextChoices):
        ZERO_RESULTS = "zonder_resultaat", "Zoeken zonder resultaat"
        NO_CLICK = "geen_klik", "Zoeken zonder klik"
        NOT_USEFUL = "niet_nuttig", "Niet nuttig"
        QUESTION = "vraag", "Ingezonden vraag"

    gap = models.ForeignKey(ContentGap, on_delete=models.CASCADE, related_name="queries")
    text = models.CharField("tekst", max_length=200)
    source = models.CharField("bron", max_length=20, choices=Source.choices)
    count = models.PositiveIntegerField("aantal", default=0)
    # when a visitor last typed it: a frozen gap's queries are pruned with the search texts
    last_seen = models.DateField("laatst gezien", null=True, blank=True)

    class Meta:
        verbose_name = "zoekvraag van een kennisgat"
        verbose_name_plural = "zoekvragen van kennisgaten"
        ordering = ["-count", "text"]
        constraints = [
            models.UniqueConstraint(fields=["gap", "text", "source"], name="one_query_per_gap_and_source")
        ]

    def __str__(self):
        return self.text


class GapMeasurement(models.Model):
    """After a gap became a published page: do its queries find that page, and how often does
    the group's search still find nothing, before and after publication?"""

    gap = models.ForeignKey(ContentGap, on_delete=models.CASCADE, related_name="measurements")
    measured_at = models.DateTimeField("gemeten op", default=timezone.now)
    queries = models.PositiveIntegerField("zoekvragen", default=0)
    in_top3 = models.PositiveIntegerField("pagina in top 3", default=0)
    searches_before = models.PositiveIntegerField("zoekopdrachten vóór", default=0)
    zero_before = models.PositiveIntegerField("zonder resultaat vóór", default=0)
    searches_after = models.PositiveIntegerField("zoekopdrachten na", default=0)
    zero_after = models.PositiveIntegerField("zonder resultaat na", default=0)

    class Meta:
        verbose_name = "meting van een kennisgat"
        verbose_name_plural = "metingen van kennisgaten"
        ordering = ["-measured_at"]
        get_latest_by = "measured_at"

    def __str__(self):
        return f"{self.gap}: {self.in_top3}/{self.queries}"


class JobRun(models.Model):
    """When a scheduled editorial job last ran (the scheduler asks every minute)."""

    name = models.CharField(max_length=40, unique=True)
    last_run = models.DateTimeField()

    def __str__(self):
        return f"{self.name}: {self.last_run}"
