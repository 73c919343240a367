"""/voortgang/: where the sectors stand against the banenafspraak's targets, with sources.

Everything is read at request time from the published metingen and the rules parameters, so a
meting an Eindredacteur publishes shows at once, and a draft never does.
"""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from voortgang import progress
from voortgang.models import Sector, published


def _crumbs(*items):
    return [("Home", "/"), *items]


def overview(request):
    today = timezone.localdate()
    metingen = published()
    quotum = [
        {
            "sector": sector,
            "heading": heading,
            "rows": (rows := progress.quotum_percentages(sector, today)),
            "summary": progress.quotum_summary(rows, label),
        }
        for sector, heading, label in (
            ("overheid", "Sector overheid", "de sector overheid"),
            ("markt", "Markt", "de markt"),
        )
    ]
    context = {
        "sections": progress.sections(metingen),
        "quotum": quotum,
        "bijgewerkt": max((m.last_published_at for m in metingen if m.last_published_at), default=None),
        "crumbs": _crumbs(("Voortgang", request.path)),
    }
    return TemplateResponse(request, "voortgang/overview.html", context)


def _download(content, filename):
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def metingen_download(request):
    """?sector=overheid|rijk|markt|totaal for one chart's figures; without it, every meting."""
    sector = request.GET.get("sector")
    metingen = published()
    if sector is not None:
        if sector not in Sector.values:
            raise Http404("Onbekende sector.")
        metingen = [m for m in metingen if m.sector == sector]
    name = f"metingen-{sector}.csv" if sector else "metingen.csv"
    return _download(progress.metingen_csv(metingen), name)


def quotum_download(request):
    return _download(progress.quotum_csv(timezone.localdate()), "quotumpercentages.csv")
