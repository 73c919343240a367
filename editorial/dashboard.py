"""The panel on the admin home page: what needs the editors' attention, without searching."""

from django.db.models import Count, Max
from wagtail.admin.ui.components import Component

from editorial import gaps, review
from editorial.models import ReviewFlag

SHOWN = 5


def flagged_pages():
    """[{"page_id", "page__title", "flags", "last"}] of pages with open flags, newest first."""
    return list(
        ReviewFlag.objects.filter(resolved_at__isnull=True)
        .values("page_id", "page__title")
        .annotate(flags=Count("id"), last=Max("flagged_at"))
        .order_by("-last", "page__title")
    )


class EditorialPanel(Component):
    name = "editorial"
    template_name = "editorial/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        flagged = flagged_pages()
        due = review.due_pages()
        open_gaps = gaps.ranked()
        return {
            "gaps": list(open_gaps[:SHOWN]),
            "gaps_count": open_gaps.count(),
            "flagged": flagged[:SHOWN],
            "flagged_count": len(flagged),
            "due": due[:SHOWN],
            "due_count": len(due),
        }
