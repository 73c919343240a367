"""The portal's JSON API (django-ninja): one NinjaAPI, one router per part.

Served under /api/, with the OpenAPI document at /api/openapi.json and docs at /api/docs.
Validation errors use the contract's shape: 422 {"fouten": [{"veld", "melding"}]}.
"""

from django.template.response import TemplateResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.openapi.docs import DocsBase


class PortalSwagger(DocsBase):
    """Swagger UI from the portal's own static files (static/vendor/swagger-ui), started by a
    static script: no request to another host (django-ninja's default loads it from a CDN unless
    ninja is an installed app) and no inline script, so a strict Content-Security-Policy holds.
    The API has no authentication, so "Try it out" needs no CSRF token."""

    template = "api/docs.html"

    def render_page(self, request, api, **kwargs):
        context = {"api": api, "openapi_url": self.get_openapi_url(api, kwargs)}
        return TemplateResponse(request, self.template, context)


api = NinjaAPI(
    title="Kennisportaal Banenafspraak API",
    version="1",
    description="Zoeken, begrippen en de regelmodule van het Kennisportaal Banenafspraak.",
    urls_namespace="portal-api",
    docs=PortalSwagger(),
)


def field_errors(errors):
    """Turn pydantic/ninja error dicts into the contract's list of {veld, melding}."""
    fouten = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")]
        fouten.append({"veld": ".".join(location) or "body", "melding": error.get("msg", "ongeldig")})
    return fouten


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    return api.create_response(request, {"fouten": field_errors(exc.errors)}, status=422)


def _mount_routers():
    from eligibility.api import router as checks_router
    from knowledge.api import router as knowledge_router
    from portal.search.api import router as search_router

    api.add_router("/", knowledge_router)
    api.add_router("/", search_router)
    api.add_router("/checks", checks_router)


_mount_routers()
