"""Wagtail API v2 at /api/v2/: published pages, images and documents, read-only.

The pages endpoint checks its search parameters before Wagtail's search filter runs: an unknown
``search_operator`` is a 400 (Wagtail passes it on to the backend, which raised: a 500), and the
search text is cleaned as the portal's own search box cleans it (printable, at most 255
characters), so no API request reaches the backend with input the search box would refuse.
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.search.query import clean

SEARCH_OPERATORS = ("and", "or")


class CheckedSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        text = clean(request.GET["search"])
        if not text:
            return queryset.none()
        params = request.GET.copy()
        params["search"] = text
        original = request._request.GET
        request._request.GET = params
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


class PortalPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        CheckedSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
