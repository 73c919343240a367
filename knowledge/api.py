"""The glossary API of the contract: GET /api/begrippen."""

from ninja import Router, Schema

from knowledge.models import Begrip

router = Router(tags=["begrippen"])


class BegripOut(Schema):
    term: str
    omschrijving: str
    url: str


@router.get("/begrippen", response=list[BegripOut], summary="Alle begrippen uit de begrippenlijst")
def begrippen(request):
    return [
        {
            "term": b.term,
            "omschrijving": b.omschrijving,
            "url": request.build_absolute_uri(b.get_absolute_url()),
        }
        for b in Begrip.objects.order_by("term")
    ]
