"""The click link of the search results: count the click, then go to the result.

``/zoeken/klik/?q=<query>&naar=<path>`` works without JavaScript and leads only to a page of this
portal: a live page or a begrip. Anything else (another host, a scheme, ``//``, an unknown path)
is a 400, so the link can never be used to send someone elsewhere.
"""

from urllib.parse import urlsplit

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.urls import Resolver404, resolve
from wagtail.models import Page, Site

from editorial.search_log import record_click

MAX_PATH = 500


def internal_path(request, target):
    """``target`` when it is the path of a live public page or a begrip of this portal, else None."""
    if not isinstance(target, str) or not target.startswith("/") or len(target) > MAX_PATH:
        return None
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or target.startswith("//")
        or "\\" in target
        or parts.query
        or parts.fragment
    ):
        return None
    path = parts.path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name == "begrip-detail":
        from knowledge.models import Begrip

        return path if Begrip.objects.filter(slug=match.kwargs.get("slug")).exists() else None
    site = Site.find_for_request(request)
    if site is None or not path.endswith("/"):
        return None
    url_path = site.root_page.url_path + path.lstrip("/")
    return path if Page.objects.live().public().filter(url_path=url_path).exists() else None


def search_click(request):
    target = internal_path(request, request.GET.get("naar", ""))
    if target is None:
        return HttpResponseBadRequest("Ongeldige link: deze link leidt alleen naar pagina's van dit portaal.")
    record_click(request.GET.get("q", "")[:255])
    response = HttpResponseRedirect(target)
    response["X-Robots-Tag"] = "noindex"
    return response
