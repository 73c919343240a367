"""A panel in the page editor: when the page is due, which rule changes it should be checked
against, and (for a question made from a kennisgat) the queries it should answer."""

from wagtail.admin.panels import Panel


class EditorialStatusPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Redactie")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "redactie"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/status.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.pk and self.instance.laatst_gecontroleerd)

        def get_context_data(self, parent_context=None):
            from editorial import review
            from editorial.models import GapQuery, ReviewFlag

            context = super().get_context_data(parent_context)
            page = self.instance
            context.update(
                due=review.due_date(page),
                interval=review.interval(page),
                own_interval=bool(page.controle_interval),
                flags=ReviewFlag.objects.filter(page=page, resolved_at__isnull=True).select_related("change"),
                gap_queries=GapQuery.objects.filter(gap__page_id=page.pk).order_by("-count", "text")[:30],
            )
            return context
