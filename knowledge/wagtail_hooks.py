"""Admin: snippets for the taxonomies, begrippen, bronnen and organisaties, and the queue of
submitted questions with filters."""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.feedback import PageFeedback
from knowledge.snippets import Begrip, Bron, Doelgroep, Organisatie, Sector, Spoor, Thema, Werksoort
from knowledge.submissions import SubmittedQuestion


class SubmittedQuestionForm(WagtailAdminModelForm):
    """Only users with the close permission may set a closing status."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.has_perm("knowledge.close_submittedquestion"):
            field = self.fields["status"]
            field.choices = [c for c in field.choices if c[0] not in SubmittedQuestion.CLOSED]


class SubmittedQuestionViewSet(SnippetViewSet):
    model = SubmittedQuestion
    icon = "help"
    menu_label = "Ingezonden vragen"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["vraag", "status", "ingediend_op", "antwoord_pagina"]
    list_filter = ["status", "ingediend_op"]
    search_fields = ["vraag", "context"]
    list_per_page = 50
    ordering = ["-ingediend_op"]

    edit_handler = ObjectList(
        [
            FieldPanel("vraag", read_only=True),
            FieldPanel("context", read_only=True),
            FieldPanel("email", read_only=True),
            FieldPanel("status"),
            FieldPanel("antwoord_pagina"),
            FieldPanel("notitie"),
        ],
        base_form_class=SubmittedQuestionForm,
    )


def _viewset(snippet_model, icon, fields):
    return type(
        f"{snippet_model.__name__}ViewSet",
        (SnippetViewSet,),
        {"model": snippet_model, "icon": icon, "list_display": fields, "search_fields": fields[:1]},
    )


class PageFeedbackViewSet(SnippetViewSet):
    """Which pages visitors found (not) useful."""

    model = PageFeedback
    icon = "pick"
    menu_label = "Reacties op pagina's"
    list_display = ["page", "nuttig", "gegeven_op"]
    list_filter = ["nuttig", "gegeven_op"]
    inspect_view_enabled = True


class KnowledgeSnippets(SnippetViewSetGroup):
    menu_label = "Kennisbank"
    menu_icon = "folder-open-inverse"
    menu_order = 210
    items = [
        _viewset(Begrip, "list-ul", ["term", "afkorting"]),
        _viewset(Bron, "doc-full", ["titel", "soort", "jaar"]),
        _viewset(Organisatie, "group", ["naam", "sector"]),
        _viewset(Thema, "tag", ["naam", "slug"]),
        _viewset(Spoor, "tag", ["naam", "slug"]),
        _viewset(Sector, "tag", ["naam", "slug"]),
        _viewset(Doelgroep, "tag", ["naam", "slug"]),
        _viewset(Werksoort, "tag", ["naam", "slug"]),
        PageFeedbackViewSet,
    ]


register_snippet(SubmittedQuestionViewSet)
register_snippet(KnowledgeSnippets)
