"""The search API of the contract: GET /api/zoeken and the autocomplete GET /api/zoeken/aanvullen.

Mounted by portal/api.py with ``api.add_router("/", router)``.
"""

from ninja import Query, Router, Schema, Status

from portal.search import service

router = Router(tags=["zoeken"])


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
        "geeft 200 zonder resultaten; een onbekend type of een ongeldig paginanummer geeft 400."
    ),
)
def zoeken(request, q: str = "", type: str = "", pagina: str = "1", filters: Query[Filters] = None):  # noqa: A002
    try:
        response = service.search(
            q,
            type=type or None,
            page=pagina or "1",
            filters=filters.dict() if filters else {},
        )
    except service.InvalidSearch as exc:
        return Status(400, {"melding": str(exc)})
    return Status(200, response.as_dict())


@router.get(
    "/zoeken/aanvullen",
    response=list[Suggestie],
    summary="Titels en begrippen die beginnen met wat al is getypt (voor het zoekveld)",
)
def aanvullen(request, q: str = ""):
    return service.autocomplete(q)
