"""Admin: snippets for the taxonomies, begrippen, bronnen and organisaties, and the queue of
submitted questions with filters."""

from django import forms
from django.db.models import Q
from django.urls import path
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.feedback import PageFeedback
from knowledge.snippets import Begrip, Bron, Doelgroep, Organisatie, Sector, Spoor, Thema, Werksoort
from knowledge.submission_admin import CLOSE, DraftView, ReplyView, SubmissionActionsPanel
from knowledge.submissions import SubmittedQuestion


class SubmittedQuestionForm(WagtailAdminModelForm):
    """Only users with the close permission may set a closing status."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.has_perm(CLOSE):
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
            # The asker's address: only for Eindredacteuren (and superusers), who answer them.
            FieldPanel("email", read_only=True, permission=CLOSE),
            FieldPanel("status"),
            FieldPanel("antwoord_pagina"),
            FieldPanel("notitie"),
            SubmissionActionsPanel(),
        ],
        base_form_class=SubmittedQuestionForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("reply/<int:pk>/", ReplyView.as_view(), name="reply"),
            path("draft/<int:pk>/", DraftView.as_view(), name="draft"),
        ]


def _viewset(snippet_model, icon, fields):
    return type(
        f"{snippet_model.__name__}ViewSet",
        (SnippetViewSet,),
        {"model": snippet_model, "icon": icon, "list_display": fields, "search_fields": fields[:1]},
    )


class BronColumns:
    """Soort and jaar beside the title, so that two editions of one document can be told apart."""

    @property
    def columns(self):
        return [
            *super().columns,
            Column("soort", label="Soort", accessor="get_soort_display"),
            Column("jaar", label="Jaar"),
        ]


class BronSearchForm(BaseFilterForm):
    """The chooser's search box. Bron is not in the search index, so the database is searched: a
    source matches when every word of the query occurs in its titel, kenmerk or omschrijving."""

    q = forms.CharField(
        label="Zoek een bron",
        widget=forms.TextInput(attrs={"placeholder": "Titel of kenmerk"}),
        required=False,
    )
    fields_searched = ("titel", "kenmerk", "omschrijving")

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").replace("\x00", "")[:200]  # PostgreSQL refuses NUL
        words = query.split()[:10]
        for word in words:
            in_any_field = Q(
                *(Q(**{f"{field}__icontains": word}) for field in self.fields_searched), _connector=Q.OR
            )
            objects = objects.filter(in_any_field)
        if words:
            self.is_searching = True
            self.search_query = query
        return objects


class BronChooseView(BronColumns, ChooseView):
    filter_form_class = BronSearchForm
    ordering = ("titel", "-jaar")


class BronChooseResultsView(BronColumns, ChooseResultsView):
    filter_form_class = BronSearchForm
    ordering = ("titel", "-jaar")


class BronChooserViewSet(SnippetChooserViewSet):
    """The Bron chooser on every page: a database search and a "Nieuwe bron" tab, so an
    editor never has to leave a half-written page to add a source."""

    choose_view_class = BronChooseView
    choose_results_view_class = BronChooseResultsView
    form_fields = ["titel", "soort", "jaar", "kenmerk", "url", "omschrijving"]
    creation_tab_label = "Nieuwe bron"
    create_action_label = "Bron toevoegen en kiezen"


class BronViewSet(SnippetViewSet):
    model = Bron
    icon = "doc-full"
    list_display = ["titel", "soort", "jaar"]
    list_filter = ["soort"]
    search_fields = ["titel", "kenmerk", "omschrijving"]
    search_backend_name = None  # Bron is not indexed: the listing searches the database
    chooser_viewset_class = BronChooserViewSet


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
        BronViewSet,
        _viewset(Organisatie, "group", ["naam", "sector"]),
        _viewset(Thema, "tag", ["naam", "slug"]),
        _viewset(Spoor, "tag", ["naam", "slug"]),
        _viewset(Sector, "tag", ["naam", "slug"]),
        _viewset(Doelgroep, "tag", ["naam", "slug"]),
        _viewset(Werksoort, "tag", ["naam", "slug"]),
        PageFeedbackViewSet,
    ]


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    actions.register_action("knowledge.reply_sent", "Antwoord verstuurd", "Antwoord aan de vrager verstuurd")


register_snippet(SubmittedQuestionViewSet)
register_snippet(KnowledgeSnippets)
