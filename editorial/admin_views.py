"""The editorial reports and views in the Wagtail admin (Rapporten > ...), on Wagtail's ReportView."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from editorial import citations, closure, gaps, jobs, review, rule_changes
from editorial.models import ContentGap, GapQuery, ReviewFlag, RuleChange

PERMISSION = "editorial.view_reports"


def _day(value):
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localtime(value).date()
    return date_format(value, "j F Y")


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class EditorReport(ReportView):
    """A report for the Redacteuren and Eindredacteuren (``editorial.view_reports``)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RuleChangeFlagsReport(EditorReport):
    """'Te controleren na regelwijziging': open flags, newest first."""

    page_title = "Te controleren na regelwijziging"
    header_icon = "warning"
    index_url_name = "editorial_flags"
    index_results_url_name = "editorial_flags_results"
    model = ReviewFlag
    columns = [
        TitleColumn("page", label="Pagina", get_url=lambda flag: _edit_url(flag.page)),
        Column("parameter", label="Regel", accessor=lambda flag: flag.change.parameter),
        Column("wijziging", label="Wat veranderde", accessor=lambda flag: flag.change.summary),
        Column("geldt", label="Geldt vanaf", accessor=lambda flag: _day(flag.change.takes_effect)),
        Column("cited_as", label="Verwijst via"),
        Column("gemeld", label="Gemeld op", accessor=lambda flag: _day(flag.flagged_at)),
    ]
    list_export = [
        "page.title",
        "change.parameter",
        "change.summary",
        "change.takes_effect",
        "cited_as",
        "flagged_at",
    ]
    export_headings = {
        "page.title": "Pagina",
        "change.parameter": "Regel",
        "change.summary": "Wat veranderde",
        "change.takes_effect": "Geldt vanaf",
        "cited_as": "Verwijst via",
        "flagged_at": "Gemeld op",
    }

    def get_queryset(self):
        return (
            ReviewFlag.objects.filter(resolved_at__isnull=True)
            .select_related("page", "change")
            .order_by("-flagged_at", "page__title")
        )


class ParameterRow:
    """A rules file as the parameter views show it."""

    def __init__(self, rule_file, citing):
        self.file = rule_file
        self.name = rule_file.name
        self.citing = citing  # {page: [Citation]}
        self.description = " ".join(str(rule_file.content.get("description", "")).split())

    @property
    def pages(self):
        return sorted(self.citing.items(), key=lambda item: item[0].title)


def parameter_rows():
    files, _ = rule_changes.read_files()
    index = citations.CitationIndex()
    return [
        ParameterRow(
            f,
            index.citing(f.name, rule_changes.kennisartikelen(f.content), rule_changes.bronnen(f.content)),
        )
        for f in files.values()
    ]


class ParameterCitationsReport(EditorReport):
    """Every rules file with the number of pages that cite it (the way back from a rule to text)."""

    page_title = "Regels en de pagina's die ze noemen"
    header_icon = "code"
    index_url_name = "editorial_parameters"
    index_results_url_name = "editorial_parameters_results"
    paginate_by = 100
    columns = [
        TitleColumn(
            "name",
            label="Regel",
            get_url=lambda row: reverse("editorial_parameter", args=[row.name]),
        ),
        Column("description", label="Omschrijving"),
        Column("pages", label="Pagina's", accessor=lambda row: len(row.citing)),
    ]

    def get_queryset(self):
        return parameter_rows()


class ParameterDetailReport(EditorReport):
    """One rule: the pages that cite it, how, and its recent changes."""

    header_icon = "code"
    index_url_name = "editorial_parameter"
    index_results_url_name = "editorial_parameter_results"
    template_name = "editorial/parameter_detail.html"
    columns = [
        TitleColumn(
            "page",
            label="Pagina",
            accessor=lambda item: item[0].title,
            get_url=lambda item: _edit_url(item[0]),
        ),
        Column("type", label="Soort", accessor=lambda item: item[0]._meta.verbose_name),
        Column("how", label="Verwijst via", accessor=lambda item: citations.describe(item[1])),
        Column(
            "gecontroleerd",
            label="Laatst gecontroleerd",
            accessor=lambda item: _day(item[0].laatst_gecontroleerd),
        ),
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        rows = {row.name: row for row in parameter_rows()}
        self.row = rows.get(kwargs.get("name"))
        if self.row is None:
            raise Http404("Onbekende regel")

    @property
    def page_title(self):
        return f"Regel {self.row.name}"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.row.name])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.row.name])

    def get_queryset(self):
        return self.row.pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rule"] = self.row
        context["changes"] = RuleChange.objects.filter(parameter=self.row.name)[:20]
        return context


class ReviewDueReport(EditorReport):
    """'Controle verlopen': live pages past their review date, longest overdue first."""

    page_title = "Controle verlopen"
    header_icon = "time"
    index_url_name = "editorial_due"
    index_results_url_name = "editorial_due_results"
    columns = [
        TitleColumn("title", label="Pagina", get_url=lambda item: _edit_url(item.page)),
        Column("type", label="Soort", accessor=lambda item: item.page._meta.verbose_name),
        Column(
            "checked",
            label="Laatst gecontroleerd",
            accessor=lambda item: _day(item.page.laatst_gecontroleerd),
        ),
        Column("interval", label="Interval (maanden)"),
        Column("due_on", label="Controle was op", accessor=lambda item: _day(item.due)),
        Column("overdue_days", label="Dagen over tijd"),
    ]
    list_export = ["title", "page.laatst_gecontroleerd", "interval", "due", "overdue_days"]
    export_headings = {
        "title": "Pagina",
        "page.laatst_gecontroleerd": "Laatst gecontroleerd",
        "interval": "Interval (maanden)",
        "due": "Controle was op",
        "overdue_days": "Dagen over tijd",
    }

    def get_queryset(self):
        return review.due_pages()


def _gap_url(gap):
    return reverse("editorial_gap", args=[gap.pk])


class ContentGapsReport(EditorReport):
    """'Kennisgaten': what visitors look for and do not find, most frequent first."""

    page_title = "Kennisgaten"
    header_icon = "help"
    index_url_name = "editorial_gaps"
    index_results_url_name = "editorial_gaps_results"
    model = ContentGap
    columns = [
        TitleColumn("title", label="Kennisgat", get_url=_gap_url),
        Column("total", label="Signalen"),
        Column("zero_results", label="Zonder resultaat"),
        Column("no_clicks", label="Zonder klik"),
        Column("not_useful", label="Niet nuttig"),
        Column("questions", label="Vragen"),
        Column("last", label="Laatst gezien", accessor=lambda gap: _day(gap.last_seen)),
    ]
    list_export = ["title", "total", "zero_results", "no_clicks", "not_useful", "questions", "last_seen"]
    export_headings = {
        "title": "Kennisgat",
        "total": "Signalen",
        "zero_results": "Zoeken zonder resultaat",
        "no_clicks": "Zoeken zonder klik",
        "not_useful": "Niet nuttig",
        "questions": "Ingezonden vragen",
        "last_seen": "Laatst gezien",
    }

    def get_queryset(self):
        jobs.run_due(
            jobs={"kennisgaten": jobs.JOBS["kennisgaten"]}
        )  # fresh when the scheduler is not running
        return gaps.ranked()


class ContentGapDetail(EditorReport):
    """One kennisgat: its queries, and the actions that close it (a draft question) or drop it."""

    header_icon = "help"
    index_url_name = "editorial_gap"
    index_results_url_name = "editorial_gap_results"
    template_name = "editorial/gap_detail.html"
    paginate_by = 100
    columns = [
        Column("text", label="Zoekvraag, opmerking of vraag"),
        Column("source", label="Bron", accessor=lambda query: query.get_source_display()),
        Column("count", label="Aantal"),
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.gap = get_object_or_404(ContentGap.objects.select_related("page"), pk=kwargs["pk"])

    @property
    def page_title(self):
        return f"Kennisgat: {self.gap.title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("editorial_gaps"), "label": "Kennisgaten"},
            {"url": "", "label": self.gap.title},
        ]

    def get_index_url(self):
        return _gap_url(self.gap)

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.gap.pk])

    def get_queryset(self):
        return GapQuery.objects.filter(gap=self.gap).order_by("-count", "text")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gap"] = self.gap
        context["measurement"] = self.gap.measurements.order_by("-measured_at").first()
        context["before_days"] = closure.BEFORE_DAYS
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("actie")
        gap = self.gap
        if action == "concept" and gap.status == ContentGap.Status.OPEN:
            try:
                page = gaps.convert(gap, request.user)
            except gaps.CannotConvert as exc:
                messages.error(request, str(exc))
                return redirect(_gap_url(gap))
            messages.success(
                request,
                f"Conceptvraag '{page.title}' gemaakt. Schrijf het antwoord en dien de vraag in voor review.",
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        if action == "afwijzen" and gap.status == ContentGap.Status.OPEN:
            gap.status = ContentGap.Status.DISMISSED
            gap.save(update_fields=["status"])
            messages.success(request, f"Kennisgat '{gap.title}' afgewezen.")
            return redirect("editorial_gaps")
        if action == "heropenen" and gap.status == ContentGap.Status.DISMISSED:
            gap.status = ContentGap.Status.OPEN
            gap.save(update_fields=["status"])
            messages.success(request, f"Kennisgat '{gap.title}' staat weer open.")
            return redirect(_gap_url(gap))
        messages.error(request, "Deze actie kan niet bij dit kennisgat.")
        return redirect(_gap_url(gap))


class GapClosureReport(EditorReport):
    """'Gesloten kennisgaten': per month of publication, whether the queries now find the page
    and how often the group's search found nothing before and after."""

    page_title = "Gesloten kennisgaten per maand"
    header_icon = "tick"
    index_url_name = "editorial_closure"
    index_results_url_name = "editorial_closure_results"
    columns = [
        Column("label", label="Maand van publicatie"),
        Column("gaps", label="Kennisgaten beantwoord"),
        Column("measured", label="Gemeten"),
        Column("top3", label="Zoekvragen met de pagina in de top 3"),
        Column("zero_rate_before", label="Zonder resultaat vóór"),
        Column("zero_rate_after", label="Zonder resultaat na"),
    ]
    list_export = [
        "label",
        "gaps",
        "measured",
        "queries",
        "in_top3",
        "searches_before",
        "zero_before",
        "searches_after",
        "zero_after",
    ]
    export_headings = {
        "label": "Maand",
        "gaps": "Beantwoord",
        "measured": "Gemeten",
        "queries": "Zoekvragen",
        "in_top3": "In top 3",
        "searches_before": "Zoekopdrachten vóór",
        "zero_before": "Zonder resultaat vóór",
        "searches_after": "Zoekopdrachten na",
        "zero_after": "Zonder resultaat na",
    }

    def get_queryset(self):
        return closure.by_month()
