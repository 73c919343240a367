"""A page save in the admin that the model refuses gives a message, never a 500.

The admin form checks the slug before saving (knowledge.forms.PortalPageForm), but a check and
a save are two steps: when autosave creates the same new page in between (an editor presses
"Indienen" while the autosave request is under way), ``Page.full_clean`` raises a ValidationError
from inside Wagtail's view. This middleware turns that into a clear message on the parent's page
list (new page) or the page's edit view; the draft autosave made holds the editor's text.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.html import format_html, format_html_join

ADMIN_PAGE_VIEWS = {"wagtailadmin_pages:add", "wagtailadmin_pages:edit"}


def validation_messages(error):
    if hasattr(error, "message_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return list(error.messages)


class PageSaveErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if (
            not isinstance(exception, ValidationError)
            or request.method != "POST"
            or match is None
            or match.view_name not in ADMIN_PAGE_VIEWS
        ):
            return None
        found = validation_messages(exception)
        text = (
            "De pagina kon niet worden opgeslagen. Vaak is er net een pagina met hetzelfde webadres "
            "(slug) gemaakt, bijvoorbeeld het concept dat automatisch werd opgeslagen terwijl u typte: "
            "kijk of dat concept in de lijst staat en ga daarin verder."
        )
        if not request.accepts("text/html"):  # an autosave request
            return JsonResponse(
                {"success": False, "error_code": "validation_error", "error_message": text}, status=400
            )
        messages.error(
            request,
            format_html("{} <ul>{}</ul>", text, format_html_join("", "<li>{}</li>", ((m,) for m in found))),
        )
        if match.view_name == "wagtailadmin_pages:add":
            return redirect("wagtailadmin_explore", match.kwargs["parent_page_id"])
        return redirect("wagtailadmin_pages:edit", match.kwargs["page_id"])
