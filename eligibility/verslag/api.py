"""``POST /api/checks/verslag``: a saved decision record in, the same record under today's rules out.

The body is the JSON file of a beslisverslag as the portal gave it (``/check/<vraag>/verslag/
?...&formaat=json``). 200: ``{antwoord_gelijk, regelversie_gelijk, conclusie, meldingen,
verschillen, regels, verslag}`` (``eligibility.verslag.compare.recheck``); 422 with the API's
``{"fouten": [{"veld", "melding"}]}`` for a body that is not a record, too big, of the wrong types,
for an unknown question, or with a seal that does not fit the content. Never a 500.
"""

from django.core.exceptions import RequestDataTooBig

from eligibility import engine
from eligibility.verslag import compare, versie
from eligibility.verslag import record as rec


def post(request):
    """Check a saved beslisverslag against today's rules."""
    from eligibility.api import _errors, _response

    try:
        raw = request.body
    except RequestDataTooBig:
        return _errors([{"veld": "body", "melding": "Het verzoek is te groot (ten hoogste 2 MB)."}])
    try:
        return _response(compare.recheck(rec.loads(raw)))
    except (rec.InvalidRecord, engine.InvalidInput) as error:
        return _errors(error.fouten)


# --- OpenAPI -------------------------------------------------------------------------------------


def record_schema(bron, onzekerheid):
    """The JSON Schema of a beslisverslag, in Dutch."""
    props = {}
    for name, (kind, description) in rec.FIELDS.items():
        types = kind if isinstance(kind, tuple) else (kind,)
        json_types = [
            {str: "string", int: "integer", dict: "object", list: "array", type(None): "null"}[t]
            for t in types
        ]
        props[name] = {
            "type": json_types[0] if len(json_types) == 1 else json_types,
            "description": description,
        }
    props["soort"]["enum"] = [rec.SOORT]
    props["formaat"]["enum"] = [rec.FORMAAT]
    props["hulpmiddel"]["enum"] = list(rec.tools.TOOLS)
    props["vraag"]["enum"] = list(engine.QUESTIONS)
    props["peildatum"]["format"] = "date"
    props["bronnen"]["items"] = bron
    props["onzekerheden"]["items"] = onzekerheid
    props["ontbrekende_feiten"]["items"] = {"type": "string"}
    props["aannames"]["items"] = {"type": "string"}
    props["uitleg"]["items"] = {
        "type": "object",
        "description": "Een regel: regel, regel_id, uitkomst, toelichting, bronnen.",
    }
    props["regels"].update(
        {
            "additionalProperties": False,
            "required": ["versie", "release"],
            "properties": {
                "versie": {
                    "type": "string",
                    "pattern": versie.VERSION_PATTERN.pattern,
                    "description": "Vingerafdruk (sha256, ingekort) van de parameters en regels waarmee is gerekend.",
                },
                "release": {
                    "type": "string",
                    "maxLength": versie.MAX_RELEASE,
                    "description": "De release van het portaal.",
                },
            },
        }
    )
    props["zegel"].update({"pattern": "^[A-Za-z0-9_-]{20,100}$"})
    return {
        "title": "Beslisverslag",
        "type": "object",
        "description": "Een beslisverslag zoals het portaal het als JSON-bestand geeft, onveranderd.",
        "additionalProperties": False,
        "required": list(rec.FIELDS),
        "properties": props,
    }


def comparison_schema(record):
    change = {"type": "object", "description": "Eén verschil, met een melding in het Nederlands."}
    return {
        "type": "object",
        "required": [
            "antwoord_gelijk",
            "regelversie_gelijk",
            "conclusie",
            "meldingen",
            "verschillen",
            "regels",
            "verslag",
        ],
        "properties": {
            "antwoord_gelijk": {
                "type": "boolean",
                "description": "Is het antwoord onder de regels van vandaag nog hetzelfde?",
            },
            "regelversie_gelijk": {
                "type": "boolean",
                "description": "Is de regelversie van vandaag die van het verslag?",
            },
            "conclusie": {
                "type": "string",
                "description": "In gewone woorden: is het antwoord nog hetzelfde, en zijn de regels gewijzigd?",
            },
            "meldingen": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Elk verschil in één zin.",
            },
            "verschillen": {
                "type": "object",
                "description": "De verschillen per onderdeel: antwoordvelden (was/nu), regels (nieuw, vervallen, "
                "gewijzigd: uitkomst, toelichting, bronnen), bronnen, onzekerheden, ontbrekende feiten, aannames.",
                "properties": {
                    "antwoord": {"type": "array", "items": change},
                    "regels": {"type": "array", "items": change},
                    "bronnen": {"type": "object"},
                    "onzekerheden": {"type": "array", "items": change},
                    "ontbrekende_feiten": {"type": ["object", "null"]},
                    "aannames": {"type": ["object", "null"]},
                },
            },
            "regels": {
                "type": "object",
                "description": "De regelversie en release van het verslag en van nu.",
            },
            "verslag": {
                **record,
                "description": "Het verslag opnieuw gemaakt onder de regels van vandaag (om te bewaren).",
            },
        },
    }


def register(router, json_content, fouten_schema, bron_schema, onzekerheid_schema):
    """Add the operation to the checks router (before its catch-all ``/{vraag}``)."""
    record = record_schema(bron_schema, onzekerheid_schema)
    router.add_api_operation(
        "/verslag",
        ["POST"],
        post,
        operation_id="check_verslag",
        summary="Een beslisverslag narekenen",
        description="Stuur een bewaard beslisverslag (het JSON-bestand van /check/{vraag}/verslag/, onveranderd) en "
        "krijg terug of het antwoord onder de regels van vandaag nog hetzelfde is, wat er veranderd is (per "
        "antwoordveld, per regel met uitkomst en bronnen, de onzekerheden) en of de regelversie anders is, met het "
        "verslag van vandaag. Een verslag met een zegel dat niet bij de inhoud past, wordt geweigerd (422). "
        "Er wordt niets bewaard.",
        url_name="check_verslag",
        openapi_extra={
            "requestBody": {"required": True, "content": {"application/json": {"schema": record}}},
            "responses": {
                200: json_content(comparison_schema(record), "De vergelijking met de regels van vandaag."),
                422: json_content(
                    fouten_schema, "Geen geldig of een veranderd beslisverslag: per veld een melding."
                ),
            },
        },
    )
