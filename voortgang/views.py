"""/voortgang/: where the sectors stand against the banenafspraak's targets, with sources.

Everything is read at request time from the published metingen and the rules parameters, so a
meting an Eindredacteur publishes shows at once, and a draft never does.
"""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from eligibility import engine
from eligibility.forms import field_view
from voortgang import own, progress
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


# --- your own organisation: figures in the link only ----------------------------------------

ENGINE_FIELDS = {"fte": "fte", "verloonde_uren_jaar": "uren", "quotumpercentage": "pct", "jaar": "jaar"}


def _field_for(veld, regel):
    """The form field of an engine error's ``veld`` for the row ``regel``; None for the form itself."""
    name = veld.removeprefix("feiten.")
    if name == "uren_per_fte_per_week":
        return "uren_per_fte"  # one field for every row
    return own.row_name(ENGINE_FIELDS[name], regel) if name in ENGINE_FIELDS else None


def _error_items(form):
    """The NL Design System error summary's items: (text, link to the field)."""
    items = []
    for name, errors in form.errors.items():
        for message in errors:
            if name == "__all__":
                items.append((message, ""))
            else:
                items.append((f"{form[name].label}: {message}", f"#{form[name].id_for_label}"))
    return items


def _results(form, today):
    """Each filled-in year through the rules module; errors go onto the form's fields."""
    data = form.cleaned_data
    results = []
    for row in form.rows():
        try:
            results.append(own.evaluate_year(row, data["sector"], data.get("uren_per_fte"), today))
        except own.MissingPercentage:
            form.add_error(
                own.row_name("pct", row["regel"]),
                f"Het quotumpercentage voor {row['jaar']} is niet gevonden of niet vastgesteld. Vul het "
                "percentage in waarmee u wilt rekenen.",
            )
        except engine.InvalidInput as error:
            for fout in error.fouten:
                name = _field_for(fout["veld"], row["regel"])
                if name is None:
                    form.add_error(None, fout["melding"])
                elif name not in form.errors:
                    form.add_error(name, fout["melding"])
    return results


def own_figures(request):
    """The trekker's own figures per year against the doelbanen; GET only, nothing stored."""
    today = timezone.localdate()
    context = {"crumbs": _crumbs(("Voortgang", reverse("voortgang")), ("Eigen organisatie", request.path))}
    if len(request.META.get("QUERY_STRING", "")) > own.MAX_QUERY:
        form = own.OwnFiguresForm(initial=_initial(today))
        context.update(form=form, rows=_rows(form), errors=[(own.TOO_LONG, "")])
        return TemplateResponse(request, "voortgang/own_figures.html", context, status=400)
    submitted = bool(request.GET)
    form = own.OwnFiguresForm(request.GET if submitted else None, initial=_initial(today))
    results = _results(form, today) if submitted and form.is_valid() else []
    if form.errors:
        results = []
    elif results and request.GET.get("formaat") == "csv":
        return _download(own.to_csv(results), "voortgang-eigen-organisatie.csv")
    outcome = None
    if results:
        query = form.link_query()
        outcome = {
            "summary": progress.summary(results, "uw organisatie"),
            "chart": progress.chart(results, "eigen"),
            "results": [{"row": r, **own.shown(r)} for r in results],
            "link": f"{request.path}?{query}",
            "csv": f"{request.path}?{query}&formaat=csv",
        }
    context.update(form=form, rows=_rows(form), outcome=outcome, errors=_error_items(form))
    return TemplateResponse(
        request, "voortgang/own_figures.html", context, status=400 if form.errors else 200
    )


def _initial(today):
    years = own.suggested_years(today)
    return {
        "sector": "overheid",
        "uren_per_fte": "36",
        **{own.row_name("jaar", i + 1): y for i, y in enumerate(years)},
    }


def _rows(form):
    """The form's fields as the field template wants them: the general ones, then one group per year."""
    general = [
        field_view(form["sector"], "radio"),
        field_view(form["uren_per_fte"], "number", width="short", suffix="uur per week"),
    ]
    widgets = {
        "jaar": ("number", ""),
        "fte": ("number", "fte"),
        "uren": ("number", "uur"),
        "banen": ("number", "banen"),
        "pct": ("number", "%"),
    }
    rows = [
        {
            "number": i,
            "fields": [
                field_view(
                    form[own.row_name(name, i)], widgets[name][0], width="short", suffix=widgets[name][1]
                )
                for name in own.ROW_FIELDS
            ],
        }
        for i in range(1, own.ROWS + 1)
    ]
    return {"general": general, "years": rows}
