"""The admin report of search queries that found nothing."""

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from portal.search.models import UnansweredQuery


class UnansweredQueriesReport(ReportView):
    page_title = "Zoeken zonder resultaat"
    header_icon = "search"
    index_url_name = "unanswered_queries"
    index_results_url_name = "unanswered_queries_results"
    model = UnansweredQuery
    columns = [
        Column("query_string", label="Zoekvraag"),
        Column("hits", label="Aantal keer"),
        DateColumn("first_seen", label="Eerst gezien"),
        DateColumn("last_seen", label="Laatst gezien"),
    ]
    list_export = ["query_string", "hits", "first_seen", "last_seen"]
    export_headings = {
        "query_string": "Zoekvraag",
        "hits": "Aantal keer",
        "first_seen": "Eerst gezien",
        "last_seen": "Laatst gezien",
    }

    def get_queryset(self):
        return UnansweredQuery.objects.order_by("-hits", "-last_seen")
