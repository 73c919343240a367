"""The public search page /zoeken/ (server-rendered; JavaScript only adds autocomplete)."""

from urllib.parse import urlencode

from django.shortcuts import render

from portal.search import service


def _url(params, **changes):
    merged = {k: v for k, v in params.items()}
    merged.update(changes)
    pairs = []
    for key, value in merged.items():
        values = value if isinstance(value, list) else [value]
        pairs.extend((key, v) for v in values if v not in (None, "", []))
    return "?" + urlencode(pairs)


def search_page(request):
    q = request.GET.get("q", "")
    type_key = request.GET.get("type", "")
    filters = {name: request.GET.getlist(name) for name in service.FACETS}
    status = 200
    error = None
    response = None
    try:
        response = service.search(
            q, type=type_key or None, page=request.GET.get("pagina") or "1", filters=filters
        )
    except service.InvalidSearch as exc:
        error = str(exc)
        status = 400

    params = {"q": q, "type": type_key, **filters}
    context = {"q": q, "error": error, "response": response, "search_type": type_key}
    if response is not None:
        context["type_links"] = [
            {
                "key": key,
                "label": label,
                "count": response.facets["type"].get(key, 0),
                "selected": key == type_key,
                "url": _url(params, type="" if key == type_key else key, pagina=""),
            }
            for key, (_, label) in service.TYPES.items()
        ]
        facet_groups = []
        for name, (_, label) in service.FACETS.items():
            entries = []
            for entry in response.facets.get(name, []):
                chosen = list(filters.get(name, []))
                if entry["gekozen"]:
                    chosen.remove(entry["slug"])
                else:
                    chosen.append(entry["slug"])
                entries.append({**entry, "url": _url(params, **{name: chosen, "pagina": ""})})
            if entries:
                facet_groups.append({"name": name, "label": label, "entries": entries})
        context["facet_groups"] = facet_groups
        context["filters_active"] = any(filters.values()) or bool(type_key)
        context["clear_url"] = _url({"q": q})
        if response.suggestion:
            context["suggestion_url"] = _url({"q": response.suggestion})
        pages = []
        for number in range(1, response.num_pages + 1):
            if number in (1, response.num_pages) or abs(number - response.page) <= 2:
                pages.append(
                    {"number": number, "url": _url(params, pagina=number), "current": number == response.page}
                )
            elif pages and pages[-1] is not None:
                pages.append(None)
        context["pages"] = pages
        if response.page > 1:
            context["previous_url"] = _url(params, pagina=response.page - 1)
        if response.page < response.num_pages:
            context["next_url"] = _url(params, pagina=response.page + 1)
    return render(request, "portal_search/search.html", context, status=status)
