"""Admin: metingen as a snippet with revisions, drafts, locking and the review workflow."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from voortgang.models import Meting


class MetingViewSet(SnippetViewSet):
    model = Meting
    icon = "table"
    menu_label = "Metingen"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "doel", "gerealiseerd", "bron", "live"]
    list_filter = ["sector", "jaar", "live"]
    search_fields = ["slug", "peilmoment", "bron_vermelding", "toelichting"]
    ordering = ["sector", "jaar", "kwartaal"]


register_snippet(MetingViewSet)


@hooks.register("portal_search_result_text")
def fill_metingen(text):
    """A search result's fragment shows a published meting's figure, as the page does."""
    from voortgang.templatetags.voortgang_tags import fill

    return fill(text)
