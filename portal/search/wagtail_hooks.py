"""Admin: a report of the search queries that found nothing (Rapporten > Zoeken zonder resultaat)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from portal.search.views_admin import UnansweredQueriesReport


@hooks.register("register_admin_urls")
def register_unanswered_url():
    return [
        path(
            "reports/zoeken-zonder-resultaat/", UnansweredQueriesReport.as_view(), name="unanswered_queries"
        ),
        path(
            "reports/zoeken-zonder-resultaat/results/",
            UnansweredQueriesReport.as_view(results_only=True),
            name="unanswered_queries_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_unanswered_menu_item():
    return AdminOnlyMenuItem(
        "Zoeken zonder resultaat",
        reverse("unanswered_queries"),
        icon_name="search",
        order=900,
    )
