"""The search API of the contract: GET /api/zoeken and the autocomplete GET /api/zoeken/aanvullen.

Mounted by portal/api.py with ``api.add_router("/", router)``.
"""

from django.http import HttpResponse
from ninja import Query, Router, Schema, Status

from portal.search import service

router = Router(tags=["zoeken"])

#: Set when the time budget ran out: "onvolledig" (results found until then) or "vereenvoudigd"
#: (the typed words only, all required).
INCOMPLETE_HEADER = "X-Zoeken-Resultaat"


class Resultaat(Schema):
    titel: str
    url: str
    type: str
    fragment: str


class Zoekresultaten(Schema):
    q: str
    totaal: int
    suggestie: str | None
    resultaten: list[Resultaat]
    facetten: dict


class Melding(Schema):
    melding: str


class Suggestie(Schema):
    titel: str
    url: str
    type: str


class Filters(Schema):
    thema: list[str] = []
    spoor: list[str] = []
    sector: list[str] = []


@router.get(
    "/zoeken",
    response={200: Zoekresultaten, 400: Melding},
    summary="Zoeken in kennisartikelen, praktijkvoorbeelden, vragen en begrippen",
    description=(
        "Tien resultaten per pagina, de beste eerst. `type` beperkt tot artikel, praktijkvoorbeeld, "
        "vraag of begrip; `thema`, `spoor` en `sector` (slugs, herhaalbaar) filteren. Een lege zoekvraag "
        "geeft 200 zonder resultaten; een onbekend type of een ongeldig paginanummer geeft 400. "
        "Duurde het zoeken te lang, dan staat in de header `X-Zoeken-Resultaat` `onvolledig` (de "
        "resultaten tot dan) of `vereenvoudigd` (alleen pagina's met alle getypte woorden)."
    ),
)
def zoeken(  # noqa: PLR0913
    request,
    response: HttpResponse,
    q: str = "",
    type: str = "",  # noqa: A002
    pagina: str = "1",
    filters: Query[Filters] = None,
):
    try:
        found = service.search(
            q,
            type=type or None,
            page=pagina or "1",
            filters=filters.dict() if filters else {},
        )
    except service.InvalidSearch as exc:
        return Status(400, {"melding": str(exc)})
    if found.incomplete:
        # The contract's fields stay as they are; the header says the list may be incomplete.
        response[INCOMPLETE_HEADER] = "vereenvoudigd" if found.simplified else "onvolledig"
    return Status(200, found.as_dict())


@router.get(
    "/zoeken/aanvullen",
    response=list[Suggestie],
    summary="Titels en begrippen die beginnen met wat al is getypt (voor het zoekveld)",
)
def aanvullen(request, q: str = ""):
    return service.autocomplete(q)
