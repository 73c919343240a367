"""The decision record's pages: the record from its link, its JSON download, and the check of a
saved record (an uploaded JSON file) against today's rules.

``/check/<vraag>/verslag/?peildatum=...&<feiten>&regelversie=...&antwoord=...`` computes the record
again from what the link carries and compares it with the answer the link kept (``?formaat=json``
downloads it); ``/check/verslag/`` takes a saved record
and shows whether its answer still holds and what changed. Nothing is stored: the upload is read
in memory (at most 2 MB, the same handler as the placements file) and forgotten.
"""

import json

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import Http404, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from eligibility import engine, placements
from eligibility import views as checker_views
from eligibility.checker import state as st
from eligibility.checker import text
from eligibility.verslag import compare, versie
from eligibility.verslag import record as rec

TEMPLATE = "eligibility/verslag.html"
CHECK_TEMPLATE = "eligibility/verslag_controle.html"


def download(record):
    """The record as a JSON file to keep."""
    body = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    response = HttpResponse(body.encode("utf-8"), content_type="application/json; charset=utf-8")
    name = f"beslisverslag-{record['vraag']}-{record['peildatum']}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def record_context(request, record):
    """What the record's template shows: the record in Dutch, its link and its download."""
    vraag = record["vraag"]
    peildatum = engine.validate_peildatum(record["peildatum"])
    schema = st.schema(vraag)
    decided = not record["ontbrekende_feiten"]
    steps = checker_views.explain(record["uitleg"])[0]
    kader = schema["kader"]
    return {
        "record": record,
        "vraag": vraag,
        "titel": record["titel"],
        "hulpmiddel": rec.tool_title(record["hulpmiddel"]),
        "peildatum": peildatum,
        "kader": text.fact_value(kader, record["kader"]) if record["kader"] else "",
        "feiten": [
            {"vraag": schema[name].label_on(peildatum), "antwoord": text.fact_value(schema[name], value)}
            for name, value in record["feiten"].items()
            if name in schema and name != "kader"
        ],
        "decided": decided,
        "summary": text.answer_rows(record["antwoord"])
        if decided or record["hulpmiddel"] != "checker"
        else [],
        "missing": [
            schema[name].label_on(peildatum) for name in record["ontbrekende_feiten"] if name in schema
        ],
        "steps": steps,
        "onzekerheden": record["onzekerheden"],
        "bronnen": record["bronnen"],
        "today": timezone.localdate(),
        "share_url": request.build_absolute_uri(rec.record_link(record)),
        "json_url": rec.record_link(record, "json"),
        "check_url": reverse("checker-verslag-controle"),
        "api_url": "/api/checks/verslag",
        "crumbs": _crumbs(record, request),
    }


def _crumbs(record, request):
    tool = record["hulpmiddel"]
    crumbs = [("Home", "/"), (checker_views.CHECKER, reverse("checker"))]
    if tool == "quotumcalculator":
        crumbs.append(("Quotumcalculator", reverse("checker-quotum-calculator")))
    elif tool == "banencalculator":
        crumbs.append(("Banencalculator", reverse("checker-banen-calculator")))
    else:
        crumbs.append((record["titel"], reverse("checker-start", args=[record["vraag"]])))
    crumbs.append(("Beslisverslag", request.get_full_path()))
    return crumbs


def link_status(link, record):
    """What a link without its answer can tell: whether the rules version it names is today's."""
    now = record["regels"]["versie"]
    if link.regelversie == now:
        return {
            "gelijk": True,
            "tekst": "Nagerekend met de regels van vandaag: de regelversie is dezelfde als toen dit verslag werd "
            f"gemaakt ({now}). Het antwoord is dus nog hetzelfde.",
        }
    return {
        "gelijk": False,
        "tekst": f"De regels zijn gewijzigd sinds dit verslag is gemaakt: de link noemt regelversie "
        f"{link.regelversie}, de regels van vandaag hebben versie {now}. Hieronder staat het antwoord onder de "
        "regels van vandaag. De link zelf bevat alleen de vraag, de feiten en de peildatum, niet het antwoord "
        "van toen: of dat anders was, ziet u door het JSON-bestand van het verslag te laten controleren.",
    }


def from_link(request, vraag):
    """GET: the record a link describes, computed again; ``formaat=json`` downloads it."""
    if vraag not in checker_views.QUESTIONS:
        raise Http404("Onbekende vraag")
    try:
        link = rec.read_link(vraag, request.GET, timezone.localdate())
        record = rec.make(link.tool, vraag, link.feiten, link.peildatum)
    except (st.BadParams, engine.InvalidInput) as error:
        return checker_views.bad_request(request, vraag, error.fouten)
    if link.formaat == "json":
        return download(record)
    context = record_context(request, record)
    if link.was is not None:  # the link kept the answer: say whether it still holds
        context["comparison"] = compare.recheck_link(link.was, record)
    else:
        context["status"] = link_status(link, record)
    return TemplateResponse(request, TEMPLATE, context)


# --- checking a saved record ---------------------------------------------------------------------

UNREADABLE = "Het formulier kon niet worden gelezen. Kies het bestand opnieuw (ten hoogste 2 MB)."


def _check_page(request, errors=(), comparison=None, status=200):
    context = {
        "errors": [(message, "#verslag-bestand") for message in errors],
        "error_title": "Het verslag kan niet worden gecontroleerd",
        "comparison": comparison,
        "crumbs": [
            ("Home", "/"),
            (checker_views.CHECKER, reverse("checker")),
            ("Beslisverslag controleren", reverse("checker-verslag-controle")),
        ],
        "max_size": "2 MB",
        "api_url": "/api/checks/verslag",
        "rules_version": versie.current(),
    }
    if comparison:
        context.update(record_context(request, comparison["verslag"]))
        context["crumbs"] = context["crumbs"][:2] + [("Beslisverslag controleren", request.path)]
    return TemplateResponse(request, CHECK_TEMPLATE, context, status=status)


@csrf_exempt
def check_upload(request):
    """GET: the form. POST: check the uploaded record, in memory only, against today's rules."""
    if request.method == "POST":
        request.upload_handlers = [placements.LimitedUploadHandler(request, limit=rec.MAX_BYTES)]
        try:
            return _check_post(request)
        except (RequestDataTooBig, TooManyFieldsSent, MultiPartParserError):
            return _check_page(request, [UNREADABLE], status=400)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    return _check_page(request)


@csrf_protect
def _check_post(request):
    upload = request.FILES.get("verslag")
    if upload is None:
        return _check_page(request, ["Kies het JSON-bestand van een beslisverslag."], status=400)
    if getattr(upload, "too_big", False) or upload.size > rec.MAX_BYTES:
        return _check_page(
            request, ["Het bestand is te groot: een beslisverslag is ten hoogste 2 MB."], status=400
        )
    try:
        record = rec.loads(upload.read())
        comparison = compare.recheck(record)
    except rec.InvalidRecord as error:
        return _check_page(request, [_message(fout) for fout in error.fouten], status=400)
    except engine.InvalidInput as error:  # valid then, not under today's rules
        return _check_page(request, [_message(fout, today=True) for fout in error.fouten], status=400)
    return _check_page(request, comparison=comparison)


def _message(fout, today=False):
    prefix = "Onder de regels van vandaag: " if today else ""
    return f"{prefix}{fout['veld']}: {fout['melding']}"
