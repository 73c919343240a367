"""Admin: the editorial reports under Rapporten, the panel on the dashboard."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial import admin_views, search_log
from editorial.dashboard import EditorialPanel


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


def _report_urls(prefix, view, name, **kwargs):
    return [
        path(prefix, view.as_view(**kwargs), name=name),
        path(f"{prefix}results/", view.as_view(results_only=True, **kwargs), name=f"{name}_results"),
    ]


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        *_report_urls("reports/regelwijzigingen/", admin_views.RuleChangeFlagsReport, "editorial_flags"),
        *_report_urls("reports/regels/", admin_views.ParameterCitationsReport, "editorial_parameters"),
        *_report_urls("reports/controle-verlopen/", admin_views.ReviewDueReport, "editorial_due"),
        *_report_urls("reports/kennisgaten/", admin_views.ContentGapsReport, "editorial_gaps"),
        *_report_urls("reports/kennisgaten/<int:pk>/", admin_views.ContentGapDetail, "editorial_gap"),
        *_report_urls("reports/gesloten-kennisgaten/", admin_views.GapClosureReport, "editorial_closure"),
        *_report_urls("reports/regels/<str:name>/", admin_views.ParameterDetailReport, "editorial_parameter"),
    ]


@hooks.register("register_reports_menu_item")
def register_flags_menu_item():
    return EditorMenuItem(
        "Te controleren na regelwijziging", reverse("editorial_flags"), icon_name="warning", order=700
    )


@hooks.register("register_reports_menu_item")
def register_parameters_menu_item():
    return EditorMenuItem("Regels en pagina's", reverse("editorial_parameters"), icon_name="code", order=710)


@hooks.register("register_reports_menu_item")
def register_due_menu_item():
    return EditorMenuItem("Controle verlopen", reverse("editorial_due"), icon_name="time", order=705)


@hooks.register("register_reports_menu_item")
def register_gaps_menu_item():
    return EditorMenuItem("Kennisgaten", reverse("editorial_gaps"), icon_name="help", order=720)


@hooks.register("register_reports_menu_item")
def register_closure_menu_item():
    return EditorMenuItem("Gesloten kennisgaten", reverse("editorial_closure"), icon_name="tick", order=730)


@hooks.register("construct_homepage_panels")
def add_editorial_panel(request, panels):
    if request.user.has_perm(admin_views.PERMISSION):
        panels.append(EditorialPanel())


@hooks.register("after_portal_search")
def count_search(q, total):
    search_log.record_search(q, total)
