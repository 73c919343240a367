"""The portal's JSON API (django-ninja): one NinjaAPI, one router per part.

Served under /api/, with the OpenAPI document at /api/openapi.json and docs at /api/docs.
Validation errors use the contract's shape: 422 {"fouten": [{"veld", "melding"}]}.
"""

from ninja import NinjaAPI
from ninja.errors import ValidationError

api = NinjaAPI(
    title="Kennisportaal Banenafspraak API",
    version="1",
    description="Zoeken, begrippen en de regelmodule van het Kennisportaal Banenafspraak.",
    urls_namespace="portal-api",
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
