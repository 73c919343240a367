"""The rules API: ``POST /api/checks/{vraag}`` and the fact schema per question.

Mounted by portal/api.py under ``/checks``. The body is parsed here rather than by ninja so that
every bad input, malformed JSON included, gets the contract's 422 ``{"fouten": [{veld, melding}]}``
and never a 500. The OpenAPI document still describes every fact per question, in Dutch.
"""

import json

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.utils import timezone
from ninja import Router

from eligibility import engine
from eligibility.facts import safe_text
from eligibility.verslag import api as verslag_api

router = Router(tags=["Regelmodule"])

BODY_KEYS = ("peildatum", "feiten")


def _response(data, status=200):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(
        text.encode("utf-8", "backslashreplace"),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def _errors(fouten, status=422):
    return _response({"fouten": fouten}, status=status)


def _read_body(request):
    """The request body as a dict ``{peildatum, feiten}``, or raise InvalidInput."""
    try:
        raw = request.body
    except RequestDataTooBig:
        raise engine.InvalidInput([{"veld": "body", "melding": "Het verzoek is te groot."}]) from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise engine.InvalidInput(
            [{"veld": "body", "melding": "Het verzoek is geen geldige JSON (UTF-8)."}]
        ) from None
    if not isinstance(data, dict):
        raise engine.InvalidInput(
            [
                {
                    "veld": "body",
                    "melding": 'Het verzoek moet een JSON-object zijn: {"peildatum": ..., "feiten": {...}}.',
                }
            ]
        )
    fouten = [
        {"veld": safe_text(key), "melding": "Onbekend veld; toegestaan zijn peildatum en feiten."}
        for key in data
        if key not in BODY_KEYS
    ]
    if "feiten" not in data:
        fouten.append({"veld": "feiten", "melding": "Ontbreekt: geef de feiten als object (mag leeg zijn)."})
    if fouten:
        raise engine.InvalidInput(fouten[: engine.MAX_ERRORS])
    return data


def check(request, vraag):
    """Evaluate one question; 200 with the answer, 404 for an unknown question, 422 for bad input."""
    if vraag not in engine.QUESTIONS:
        return _errors([{"veld": "vraag", "melding": _unknown_question(vraag)}], status=404)
    try:
        data = _read_body(request)
        peildatum = data.get("peildatum")
        answer = engine.evaluate(
            vraag, data["feiten"], timezone.localdate() if peildatum is None else peildatum
        )
    except engine.InvalidInput as error:
        return _errors(error.fouten)
    return _response(answer)


def feiten(request, vraag):
    """The facts of a question for a guided checker: one question per screen, in asking order."""
    if vraag not in engine.QUESTIONS:
        return _errors([{"veld": "vraag", "melding": _unknown_question(vraag)}], status=404)
    return _response(engine.fact_schema(vraag))


def vragen(request):
    """The questions the rules module answers."""
    return _response(
        {
            "vragen": [
                {"vraag": name, "titel": module.TITEL, "url": f"/api/checks/{name}"}
                for name, module in engine.QUESTIONS.items()
            ]
        }
    )


def _unknown_question(vraag):
    return f"Onbekende vraag '{safe_text(vraag)}'. Bekende vragen: {', '.join(engine.QUESTIONS)}."


# --- OpenAPI -------------------------------------------------------------------------------

FOUTEN_SCHEMA = {
    "type": "object",
    "required": ["fouten"],
    "properties": {
        "fouten": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["veld", "melding"],
                "properties": {
                    "veld": {
                        "type": "string",
                        "description": "Het veld met de fout, bijv. feiten.uren_per_week.",
                    },
                    "melding": {"type": "string", "description": "Wat er mis is, in het Nederlands."},
                },
            },
        }
    },
}
BRON_SCHEMA = {
    "type": "object",
    "required": ["titel", "url"],
    "properties": {
        "titel": {"type": "string"},
        "url": {
            "type": ["string", "null"],
            "description": "Link naar wetten.overheid.nl of de bron; null zonder.",
        },
        "bron": {"type": ["string", "null"], "description": "Slug van de bron in het portaal."},
        "nog_niet": {
            "type": "string",
            "description": "Alleen als de bepaling op de peildatum nog niet gold: dat zegt deze zin, en de "
            "link toont de eerste tekst waarin zij staat.",
        },
    },
}


ONZEKERHEID_SCHEMA = {
    "type": "object",
    "required": ["onderwerp", "vraag", "lezingen", "gevolgd"],
    "properties": {
        "id": {"type": ["string", "null"], "description": "Vaste sleutel van de open vraag."},
        "onderwerp": {"type": "string"},
        "vraag": {"type": "string"},
        "lezingen": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "lezing": {"type": "string"},
                    "bronnen": {"type": "array", "items": BRON_SCHEMA},
                    "gevolgd": {"type": "boolean", "description": "Volgt de regelmodule deze lezing?"},
                },
            },
        },
        "gevolgd": {"type": ["string", "null"], "description": "De lezing die de regelmodule volgt."},
    },
}


def _answer_schema(vraag):
    module = engine.QUESTIONS[vraag]
    return {
        "type": "object",
        "required": ["vraag", "peildatum", "antwoord", "uitleg", "bronnen", "ontbrekende_feiten"],
        "properties": {
            "vraag": {"type": "string", "enum": [vraag]},
            "peildatum": {"type": "string", "format": "date"},
            "kader": {"type": "string"},
            "antwoord": {
                "type": "object",
                "description": "Het antwoord; een beslissend veld is null zolang er feiten ontbreken.",
                "properties": {
                    name: {**field.schema, "title": field.label, "description": field.omschrijving}
                    for name, field in module.ANTWOORD.items()
                },
            },
            "uitleg": {
                "type": "array",
                "description": "Elke toegepaste regel met uitkomst, toelichting, bronnen en kennisartikel.",
                "items": {
                    "type": "object",
                    "required": ["regel", "uitkomst", "toelichting", "bronnen"],
                    "properties": {
                        "regel": {"type": "string"},
                        "regel_id": {"type": "string"},
                        "uitkomst": {"type": "string"},
                        "toelichting": {"type": "string"},
                        "bronnen": {"type": "array", "items": BRON_SCHEMA},
                        "kennisartikel": {
                            "type": "object",
                            "properties": {"slug": {"type": "string"}, "url": {"type": "string"}},
                        },
                    },
                },
            },
            "bronnen": {"type": "array", "items": BRON_SCHEMA},
            "ontbrekende_feiten": {
                "type": "array",
                "description": "De feiten die nog nodig zijn, in de volgorde waarin ze gevraagd worden.",
                "items": {"type": "string", "enum": [fact.name for fact in module.FEITEN]},
            },
            "onzekerheden": {
                "type": "array",
                "description": "Open vragen waar de bronnen verschillen of zwijgen en waarop dit antwoord rust: "
                "de lezingen, elk met bronnen, en welke lezing de regelmodule volgt.",
                "items": ONZEKERHEID_SCHEMA,
            },
        },
    }


def _json_content(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _register(vraag):
    module = engine.QUESTIONS[vraag]

    def post(request):
        return check(request, vraag)

    def get(request):
        return feiten(request, vraag)

    router.add_api_operation(
        f"/{vraag}",
        ["POST"],
        post,
        operation_id=f"check_{vraag}",
        summary=module.TITEL,
        description=" ".join(module.__doc__.split()),
        url_name=f"check_{vraag}",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {**engine.request_json_schema(vraag), "required": ["feiten"]}
                    }
                },
            },
            "responses": {
                200: _json_content(_answer_schema(vraag), "Het antwoord met uitleg en bronnen."),
                422: _json_content(FOUTEN_SCHEMA, "Ongeldige invoer: per veld een melding."),
            },
        },
    )
    router.add_api_operation(
        f"/{vraag}",
        ["GET"],
        get,
        operation_id=f"feiten_{vraag}",
        summary=f"Feiten voor: {module.TITEL}",
        description="De feiten van deze vraag in vraagvolgorde, met vraagtekst, uitleg en toegestane "
        "waarden.",
        url_name=f"feiten_{vraag}",
        openapi_extra={"responses": {200: _json_content({"type": "object"}, "De feiten van de vraag.")}},
    )


router.add_api_operation(
    "",
    ["GET"],
    vragen,
    operation_id="vragen",
    summary="De vragen van de regelmodule",
    url_name="check_vragen",
    openapi_extra={"responses": {200: _json_content({"type": "object"}, "De vragen.")}},
)
for _vraag in engine.QUESTIONS:
    _register(_vraag)
verslag_api.register(router, _json_content, FOUTEN_SCHEMA, BRON_SCHEMA, ONZEKERHEID_SCHEMA)  # before /{vraag}
router.add_api_operation("/{vraag}", ["POST"], check, include_in_schema=False, url_name="check_onbekend")
router.add_api_operation("/{vraag}", ["GET"], feiten, include_in_schema=False, url_name="feiten_onbekend")
