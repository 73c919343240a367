"""The trekker's tools: the guided checker, the calculators and counting a placements file.

Every checker screen is a GET request whose query string is the whole state (the peildatum, the
facts, the questions skipped); a form on a screen submits to the same screen with ``actie``, and
the view answers with a redirect to the next screen. So Back, Next, a bookmark and a shared link
all work without a session, without JavaScript and without anything stored.
"""

import datetime

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from eligibility import engine, placements
from eligibility.checker import state as st
from eligibility.checker import text
from eligibility.facts import BOOL, CHOICE, DATE, INT, NUMBER, NUMBER_LIST
from eligibility.forms import (
    BanenCalculatorForm,
    FieldView,
    PlacementsForm,
    QuotumCalculatorForm,
    field_view,
)
from eligibility.labels import WERKGEVER_FEITEN, werkgever_invoer
from eligibility.nl import nl_number
from eligibility.verslag import record as verslag
from eligibility.verslag import tools as verslag_tools
from eligibility.vocabulary import VOCABULARY

QUESTIONS = ("doelgroep", "telt_mee", "banen", "quotum")
CHECKER = "Checker"
FLOW_PARAMS = {"actie": ("volgende", "vorige", "overslaan", "wissen"), "vanuit": ("controle",)}
START_PARAMS = {"actie": ("start",), "vanuit": ("controle",)}


# --- helpers ----------------------------------------------------------------------------------


def _module(vraag):
    if vraag not in QUESTIONS:
        raise Http404("Onbekende vraag")
    return engine.module(vraag)


def _url(name, vraag, query="", *args):
    url = reverse(name, args=[vraag, *args])
    return f"{url}?{query}" if query else url


def start_url(state, **extra):
    return _url("checker-start", state.vraag, state.query(**extra))


def question_url(state, name, **extra):
    return _url("checker-question", state.vraag, state.query(**extra), name)


def review_url(state):
    return _url("checker-review", state.vraag, state.query())


def result_url(state, facts=None, skipped=True, **extra):
    return _url("checker-result", state.vraag, state.query(facts=facts, skipped=skipped, **extra))


def begrip_links(slugs):
    """(term, url) for each begrip that exists, in the order given."""
    from knowledge.models import Begrip

    slugs = list(dict.fromkeys(slugs))
    found = dict(Begrip.objects.filter(slug__in=slugs).values_list("slug", "term"))
    return [(found[slug], reverse("begrip-detail", args=[slug])) for slug in slugs if slug in found]


def article_links(slugs):
    """{slug: (title, url)} for the kennisartikelen that are published."""
    from knowledge.models import ArticlePage

    pages = ArticlePage.objects.live().filter(slug__in=list(slugs))
    return {page.slug: (page.title, page.url) for page in pages if page.url}


def explain(uitleg):
    """The uitleg steps with their kennisartikel (title, url) when published, and the articles."""
    slugs = [(item.get("kennisartikel") or {}).get("slug") for item in uitleg]
    slugs = [slug for slug in slugs if slug]
    articles = article_links(slugs)
    steps = [
        {
            **item,
            "artikel": articles.get((item.get("kennisartikel") or {}).get("slug")),
            "uitkomst_tekst": text.outcome_text(item.get("uitkomst")),
        }
        for item in uitleg
    ]
    return steps, articles, slugs


def fact_field(fact, value="", errors=(), peildatum=None):
    """The FieldView of one checker question."""
    widget = {BOOL: "radio", CHOICE: "radio", DATE: "date", INT: "number", NUMBER: "number"}.get(
        fact.kind, "text"
    )
    choices = (("ja", "Ja"), ("nee", "Nee")) if fact.kind == BOOL else tuple(fact.choices)
    suffix = "%" if fact.unit == "procent" else fact.unit
    help_text = fact.help_on(peildatum)
    if fact.kind == NUMBER_LIST:
        help_text = f"{help_text} Scheid de getallen met een puntkomma, bijvoorbeeld 20; 12,5.".strip()
    elif fact.kind == NUMBER:
        help_text = f"{help_text} Gebruik een komma voor decimalen.".strip()
    elif fact.kind == DATE:
        help_text = f"{help_text} Bijvoorbeeld 31-12-2025.".strip()
    default = text.default_text(fact, peildatum) if peildatum else ""
    if default and fact.kind not in (BOOL, CHOICE):
        help_text += f" Niet ingevuld: {default}."
    if fact.kind not in (BOOL, CHOICE):
        help_text += " Weet u het niet, of geldt de vraag niet, kies dan 'Weet ik niet'."
    return FieldView(
        name=fact.name,
        id=f"feit-{fact.name}",
        label=fact.label_on(peildatum),
        help=help_text,
        errors=list(errors),
        value=value,
        widget=widget,
        choices=choices,
        suffix=suffix,
        heading=True,
        width="short" if widget in ("number", "date") else "",
    )


def _crumbs(vraag=None, current=None, current_url=None):
    crumbs = [("Home", "/"), (CHECKER, reverse("checker"))]
    if vraag:
        crumbs.append((engine.module(vraag).TITEL, reverse("checker-start", args=[vraag])))
    if current:
        crumbs.append((current, current_url))
    return crumbs


def _hidden(state, leave_out=()):
    return [(name, value) for name, value in state.params() if name not in leave_out]


def _salvage(vraag, query, today):
    """The part of a bad query string that can be read, for links that help fix the rest."""
    good = st.State(vraag, today)
    for key, items in query.lists():
        if len(items) != 1:
            continue
        single = QueryDict(mutable=True)
        single[key] = items[0]
        try:
            part, _, _ = st.read_state(vraag, single, today, extra={"actie": (), "vanuit": (), "print": ()})
        except st.BadParams:
            continue
        if key == st.PEILDATUM:
            good.peildatum = part.peildatum
        good.answers.update(part.answers)
        good.skipped |= part.skipped
    good.answers = {f.name: good.answers[f.name] for f in st.facts_of(vraag) if f.name in good.answers}
    return good


def bad_request(request, vraag, fouten):
    """A 400 page with an error summary; each error links to the screen where it can be put right."""
    today = timezone.localdate()
    schema = st.schema(vraag)
    good = _salvage(vraag, request.GET, today)
    items = []
    for fout in fouten:
        veld, melding = fout["veld"], fout["melding"]
        if veld in schema:
            items.append(
                {
                    "label": schema[veld].label_on(good.peildatum),
                    "melding": melding,
                    "href": question_url(good, veld),
                }
            )
        elif veld == st.PEILDATUM:
            items.append({"label": "Peildatum", "melding": melding, "href": start_url(good)})
        else:
            items.append({"label": f"Gegeven '{veld}'", "melding": melding, "href": ""})
    context = {
        "vraag": vraag,
        "titel": engine.module(vraag).TITEL,
        "fouten": items,
        "restart_url": reverse("checker-start", args=[vraag]),
        "crumbs": _crumbs(vraag, "Fout in de link", request.path),
    }
    return TemplateResponse(request, "eligibility/bad_request.html", context, status=400)


def _redirect(url):
    return HttpResponseRedirect(url)


# --- the landing page ---------------------------------------------------------------------------


def landing(request):
    questions = [
        {
            "vraag": vraag,
            "titel": engine.module(vraag).TITEL,
            "intro": text.intro(vraag, timezone.localdate()),
            "url": reverse("checker-start", args=[vraag]),
        }
        for vraag in QUESTIONS
    ]
    return TemplateResponse(
        request, "eligibility/landing.html", {"questions": questions, "crumbs": _crumbs()}
    )


# --- the guided checker ------------------------------------------------------------------------


def start(request, vraag):
    """The first screen: what the checker does, the peildatum and the kader."""
    mod = _module(vraag)
    today = timezone.localdate()
    try:
        state, extras, raw = st.read_state(
            vraag, request.GET, today, extra=START_PARAMS, skip=(st.PEILDATUM, "kader")
        )
    except st.BadParams as error:
        return bad_request(request, vraag, error.fouten)
    errors = {}
    peil_text = raw.get(st.PEILDATUM, "")
    if peil_text.strip():
        try:
            state.peildatum = st.parse_peildatum(peil_text)
        except ValueError as error:
            errors[st.PEILDATUM] = str(error)
    kader_text = raw.get("kader", "")
    kader, kader_error = st.read_field(vraag, "kader", kader_text)
    if kader_error:
        errors["kader"] = "Kies een van de kaders."
    elif kader is not None:
        state.answer("kader", kader)

    if extras.get("actie") == "start" and not errors:
        plan = st.plan(state)
        if extras.get("vanuit"):
            target = (
                question_url(state, plan.current, vanuit="controle") if plan.current else review_url(state)
            )
        elif plan.path or plan.current:
            target = question_url(state, plan.path[0] if plan.path else plan.current)
        else:
            target = review_url(state)
        return _redirect(target)

    kader_fact = st.schema(vraag)["kader"]
    fields = [
        FieldView(
            name=st.PEILDATUM,
            id="peildatum",
            label="Peildatum",
            help="De datum waarop de regels worden toegepast. Standaard vandaag; kies een andere datum om te "
            "zien wat er op die dag gold. Bijvoorbeeld 31-12-2025.",
            errors=[errors[st.PEILDATUM]] if st.PEILDATUM in errors else [],
            value=peil_text if st.PEILDATUM in errors else state.peildatum.isoformat(),
            widget="date",
            width="short",
        ),
        FieldView(
            name="kader",
            id="feit-kader",
            label=kader_fact.label_on(state.peildatum),
            help=kader_fact.help_on(state.peildatum),
            errors=[errors["kader"]] if "kader" in errors else [],
            value=state.answers.get("kader") or kader_fact.default,
            widget="radio",
            choices=tuple(kader_fact.choices),
        ),
    ]
    context = {
        "vraag": vraag,
        "titel": mod.TITEL,
        "intro": text.intro(vraag, state.peildatum),
        "fields": fields,
        "error_items": [(f"{f.label}: {e}", f"#{f.id}") for f in fields for e in f.errors],
        "hidden": _hidden(state, (st.PEILDATUM, "kader")),
        "vanuit": extras.get("vanuit"),
        "begrippen": begrip_links(("peildatum", *VOCABULARY["kader"].begrippen)),
        "calculator_url": {
            "banen": reverse("checker-banen-calculator"),
            "quotum": reverse("checker-quotum-calculator"),
        }.get(vraag),
        "crumbs": _crumbs(vraag),
    }
    return TemplateResponse(request, "eligibility/start.html", context, status=400 if errors else 200)


def question(request, vraag, feit):
    """One question per screen; with ``actie`` the answer is taken and the next screen follows."""
    _module(vraag)
    schema = st.schema(vraag)
    if feit not in schema or feit == "kader":
        raise Http404("Onbekende vraag")
    fact = schema[feit]
    today = timezone.localdate()
    try:
        state, extras, raw = st.read_state(vraag, request.GET, today, extra=FLOW_PARAMS, skip=(feit,))
    except st.BadParams as error:
        return bad_request(request, vraag, error.fouten)
    actie, vanuit = extras.get("actie"), extras.get("vanuit")
    typed = raw.get(feit)
    value, error = st.read_field(vraag, feit, typed)

    if actie is None:
        if error:
            return bad_request(request, vraag, [{"veld": feit, "melding": error}])
        if value is not None:
            state.answer(feit, value)
        return _question_page(request, state, fact, vanuit)

    if actie == "wissen":
        state.clear(feit)
        return _redirect(review_url(state))
    if actie == "overslaan":
        state.skip(feit)
    elif error:
        return _question_page(request, state, fact, vanuit, typed=typed, error=error)
    elif value is not None:
        state.answer(feit, value)
    elif actie == "volgende":
        without = state.copy()
        without.clear(feit)
        needed = st.plan(without)
        if needed.current == feit or feit in needed.path:
            message = "Kies een antwoord." if fact.kind in (BOOL, CHOICE) else "Vul een antwoord in."
            message += " Weet u het niet, kies dan 'Weet ik niet'."
            return _question_page(request, state, fact, vanuit, typed="", error=message)
        state.clear(feit)

    plan = st.plan(state)
    if actie == "vorige":
        if feit in plan.path:
            index = plan.path.index(feit)
            if index > 0:
                return _redirect(question_url(state, plan.path[index - 1], vanuit=vanuit))
            return _redirect(start_url(state, vanuit=vanuit))
        if vanuit and plan.current != feit:  # an extra question asked from the review
            return _redirect(review_url(state))
        if plan.path:
            return _redirect(question_url(state, plan.path[-1], vanuit=vanuit))
        return _redirect(start_url(state, vanuit=vanuit))
    # volgende / overslaan
    if not vanuit and feit in plan.path:
        index = plan.path.index(feit)
        if index + 1 < len(plan.path):
            return _redirect(question_url(state, plan.path[index + 1]))
    if plan.current:
        return _redirect(question_url(state, plan.current, vanuit=vanuit))
    return _redirect(review_url(state))


def _question_page(request, state, fact, vanuit, typed=None, error=None):
    vraag = state.vraag
    plan = st.plan(state)
    if typed is None:
        value = state.answers.get(fact.name)
        if value is None:
            typed = ""
        elif fact.name in WERKGEVER_FEITEN:
            typed = werkgever_invoer(value)  # read back by the same (latest) table
        else:
            typed = st.format_value(fact, value)
    number = plan.path.index(fact.name) + 1 if fact.name in plan.path else len(plan.path) + 1
    required = fact.name in plan.path or plan.current == fact.name
    field = fact_field(fact, typed, [error] if error else [], state.peildatum)
    last = plan.result["antwoord"].get("laatst_bekende_quotumpercentage") if vraag == "quotum" else None
    if fact.name == "quotumpercentage" and last:
        field.help += (
            f" Voor dit jaar is geen vastgesteld percentage gevonden; kiest u 'Weet ik niet', dan rekent de "
            f"checker met het laatst bekende: {nl_number(last['percentage'])} % (vastgesteld voor {last['jaar']})."
        )
    context = {
        "vraag": vraag,
        "titel": engine.module(vraag).TITEL,
        "field": field,
        "error_items": [(error, f"#{field.id}")] if error else [],
        "hidden": _hidden(state, (fact.name,)),
        "vanuit": vanuit,
        "number": number,
        "required": required,
        "skipped": fact.name in state.skipped,
        "can_clear": not required and fact.name in state.answers,
        "begrippen": begrip_links(fact.begrippen),
        "review_url": review_url(state),
        "peildatum": state.peildatum,
        "crumbs": _crumbs(vraag, f"Vraag {number}", request.get_full_path()),
    }
    return TemplateResponse(request, "eligibility/question.html", context, status=400 if error else 200)


def _answer_rows(state, names, plan):
    schema = st.schema(state.vraag)
    rows = []
    for name in names:
        fact = schema[name]
        if name in state.answers and name in plan.facts:
            shown = text.fact_value(fact, state.answers[name])
        elif name in state.skipped:
            shown = "Weet ik niet"
        else:
            default = text.default_text(fact, state.peildatum)
            shown = "Niet opgegeven" + (f" (standaard: {default})" if default else "")
        rows.append(
            {
                "name": name,
                "vraag": fact.label_on(state.peildatum),
                "antwoord": shown,
                "given": name in state.answers,
                "url": question_url(state, name, vanuit="controle"),
            }
        )
    return rows


def review(request, vraag):
    """Every answer, each with a link to change it; then the way to the result."""
    mod = _module(vraag)
    today = timezone.localdate()
    try:
        state, _, _ = st.read_state(vraag, request.GET, today)
    except st.BadParams as error:
        return bad_request(request, vraag, error.fouten)
    plan = st.plan(state)
    schema = st.schema(vraag)
    kader_fact = schema["kader"]
    optional = [
        f.name
        for f in st.facts_of(vraag)
        if f.name != "kader"
        and f.name not in plan.path
        and f.name != plan.current
        and st.relevant(f, plan.facts)
    ]
    context = {
        "vraag": vraag,
        "titel": mod.TITEL,
        "peildatum": state.peildatum,
        "kader": text.fact_value(kader_fact, state.answers.get("kader") or kader_fact.default),
        "start_url": start_url(state, vanuit="controle"),
        "asked": _answer_rows(state, plan.path, plan),
        "optional": _answer_rows(state, optional, plan),
        "current_url": question_url(state, plan.current, vanuit="controle") if plan.current else "",
        "current_label": schema[plan.current].label_on(state.peildatum) if plan.current else "",
        "result_url": result_url(state),
        "crumbs": _crumbs(vraag, "Controleer uw antwoorden", request.get_full_path()),
    }
    return TemplateResponse(request, "eligibility/review.html", context)


def _with_defaults(vraag, facts, peildatum):
    """The facts plus the values the engine would assume for facts with a date-dependent default."""
    out = dict(facts)
    for fact in st.facts_of(vraag):
        if fact.name not in out and callable(fact.default):
            out[fact.name] = fact.default_on(peildatum)
    return out


def result(request, vraag):
    """The answer in one sentence, why (steps with sources), what to read, and other dates."""
    mod = _module(vraag)
    today = timezone.localdate()
    try:
        state, extras, _ = st.read_state(vraag, request.GET, today, extra={"print": ("1",)})
    except st.BadParams as error:
        return bad_request(request, vraag, error.fouten)
    plan = st.plan(state)
    facts = plan.facts if plan.complete else st.in_force(vraag, state.answers)
    answer = engine.evaluate(vraag, facts, state.peildatum)
    last_known = None
    if vraag == "quotum":  # the tools answer for every year: with the last known percentage, said so
        answer, last_known = engine.with_last_known_percentage(facts, state.peildatum, answer)
    decided = not answer["ontbrekende_feiten"]
    schema = st.schema(vraag)
    conditional = []
    if not decided:  # 'Weet ik niet': the answer for each value of the first fact it turns on
        first = schema[answer["ontbrekende_feiten"][0]]
        options = engine.conditional_answers(vraag, facts, state.peildatum, first.name)
        conditional = text.conditional_lines(vraag, first, options, facts, state.peildatum)

    steps, articles, slugs = explain(answer["uitleg"])
    reading = [articles[slug] for slug in dict.fromkeys(slugs) if slug in articles]
    if (
        len(reading) > 1
        and steps
        and steps[0].get("regel_id") == "kader"
        and steps[0]["artikel"] == reading[0]
    ):
        reading = reading[1:] + reading[:1]  # the kader's article last: the rules' own come first

    differences = []
    if decided and not last_known:
        same_facts = _with_defaults(vraag, facts, state.peildatum)
        try:
            others = engine.differences_on_other_dates(vraag, same_facts, state.peildatum)
        except (engine.InvalidInput, ValueError, KeyError):
            others = []
        for item in others:
            if item["tot"] and st.parse_date(item["tot"]) < st.MIN_PEILDATUM:
                continue  # before the banenafspraak: nothing to compare with
            sentence = text.difference_text(item)
            if not sentence:
                continue
            on = st.parse_date(item["tot"] or item["van"]) if (item["tot"] or item["van"]) else None
            url = ""
            if on and st.MIN_PEILDATUM <= on <= st.MAX_PEILDATUM:
                url = result_url(st.State(vraag, on, same_facts), skipped=False)
            differences.append({"text": sentence, "url": url})

    share = request.build_absolute_uri(result_url(state, facts=facts, skipped=False))
    missing = [
        {"label": schema[name].label_on(state.peildatum), "url": question_url(state, name)}
        for name in answer["ontbrekende_feiten"]
        if name in schema
    ]
    answered = [
        {"vraag": schema[name].label_on(state.peildatum), "antwoord": text.fact_value(schema[name], value)}
        for name, value in facts.items()
    ]
    context = {
        "vraag": vraag,
        "titel": mod.TITEL,
        "peildatum": state.peildatum,
        "decided": decided,
        "sentence": text.sentence(vraag, answer["antwoord"], facts, state.peildatum) if decided else "",
        "voorwaarde": answer["antwoord"].get("voorwaarde"),
        "conditional": conditional,
        "last_known_note": text.last_known_note(
            last_known, _with_defaults(vraag, facts, state.peildatum)["jaar"]
        )
        if last_known
        else "",
        "summary": text.answer_rows(answer["antwoord"]) if decided else [],
        "steps": steps,
        "bronnen": answer["bronnen"],
        "onzekerheden": answer["onzekerheden"],
        "reading": reading,
        "differences": differences,
        "missing": missing,
        "open_question_url": question_url(state, plan.current) if plan.current and decided else "",
        "answered": answered,
        "share_url": share,
        "verslag": verslag.links("checker", vraag, facts, state.peildatum),
        "print_url": result_url(state, **{"print": "1"}),
        "print_view": extras.get("print") == "1",
        "review_url": review_url(state),
        "result_path": result_url(state),
        "crumbs": _crumbs(vraag, "Uitkomst", request.get_full_path()),
    }
    return TemplateResponse(request, "eligibility/result.html", context)


# --- the calculators -----------------------------------------------------------------------------


def _form_fields(form, spec):
    return [field_view(form[name], widget, **extra) for name, widget, extra in spec]


QUOTUM_FIELDS = (
    ("peildatum", "date", {"width": "short"}),
    ("jaar", "number", {"width": "short"}),
    ("sector", "radio", {}),
    ("fte", "number", {"width": "short", "suffix": "fte"}),
    ("uren_per_fte_per_week", "number", {"width": "short", "suffix": "uur per week"}),
    ("verloonde_uren_jaar", "number", {"width": "short", "suffix": "uur"}),
    ("verloonde_uren_vorig_jaar", "number", {"width": "short", "suffix": "uur"}),
    ("quotumpercentage", "number", {"width": "short", "suffix": "%"}),
    ("gerealiseerde_banen", "number", {"width": "short", "suffix": "banen"}),
)
BANEN_FIELDS = (
    ("peildatum", "date", {"width": "short"}),
    ("uren_per_week", "number", {"width": "short", "suffix": "uur per week"}),
    ("weken_per_jaar", "number", {"width": "short", "suffix": "weken"}),
    ("uren_per_jaar", "number", {"width": "short", "suffix": "uur per jaar"}),
)


def quotum_calculator(request):
    """fte or verloonde uren in, doelbanen out; with the banen realised the tekort and the heffing."""
    submitted = bool(request.GET)
    form = QuotumCalculatorForm(request.GET if submitted else None)
    if not submitted:
        form = QuotumCalculatorForm(initial={"peildatum": timezone.localdate().isoformat()})
    context = {"crumbs": _crumbs(None, "Quotumcalculator", request.path)}
    outcome = None
    if submitted and form.is_valid():
        data = form.cleaned_data
        peildatum = data["peildatum"]
        facts = form.facts()
        jaar = facts.get("jaar") or peildatum.year
        facts["jaar"] = jaar
        realised = facts.get("gerealiseerde_banen")
        computed = verslag_tools.quotumcalculator(facts, peildatum)  # as its beslisverslag computes it
        answer = computed.answer
        if "quotumpercentage" in answer["ontbrekende_feiten"]:  # no percentage known at all (markt)
            form.add_error(
                "quotumpercentage",
                f"Voor de {text.SECTOREN.get(facts.get('sector'), 'sector')} is geen quotumpercentage bekend, "
                f"ook niet van vóór {jaar}. Vul het percentage in dat u wilt gebruiken.",
            )
        else:
            outcome = _quotum_outcome(answer, computed.facts, peildatum, realised)
            outcome["notes"][:0] = computed.aannames
            outcome["verslag"] = verslag.links("quotumcalculator", "quotum", facts, peildatum)
    status = 400 if form.errors else 200
    context.update(
        {
            "form": form,
            "fields": _form_fields(form, QUOTUM_FIELDS),
            "outcome": outcome,
            "errors": _error_list(form),
        }
    )
    return TemplateResponse(request, "eligibility/quotum_calculator.html", context, status=status)


# The chart is drawn for a phone (280 units wide, text of 16 units, scaled 1 to 1.15 by the CSS):
# each label above its bar, the figure after the bar, so the text never shrinks below body size.
CHART_WIDTH, CHART_BAR, CHART_ROW = 280, 190, 60


def _quotum_outcome(answer, facts, peildatum, realised):
    antwoord = answer["antwoord"]
    target = antwoord.get("doelbanen")
    chart = None
    if target is not None:
        rows = [("Doelbanen", target, "doel")]
        if realised is not None:
            rows.append(("Gerealiseerde banen", realised, "gerealiseerd"))
        top = max(value for _, value, _ in rows) or 1
        bars = []
        for i, (label, value, kind) in enumerate(rows):
            width = round(CHART_BAR * value / top, 1)
            y = 8 + i * CHART_ROW
            bars.append(
                {
                    "label": label,
                    "shown": text.answer_value("banen", value),
                    "kind": kind,
                    "label_y": y + 16,
                    "y": y + 24,
                    "value_y": y + 42,
                    "width": width,
                    "value_x": width + 6,
                }
            )
        chart = {"rows": bars, "width": CHART_WIDTH, "height": 8 + len(rows) * CHART_ROW}
    notes = []
    labels = {name: st.schema("quotum")[name].label_on(peildatum) for name in answer["ontbrekende_feiten"]}
    if "verloonde_uren_vorig_jaar" in labels or "verloonde_uren_jaar" in labels:
        notes.append(
            text.fill(
                "Vul de verloonde uren van het heffingsjaar en van het jaar ervoor in om te zien of u onder de "
                "quotumheffing valt (drempel: [[parameter:quotum.drempel_uren]] verloonde uren per jaar).",
                datetime.date(facts.get("jaar") or peildatum.year, 12, 31),
            )
        )
    table = [
        ("Doelbanen", text.answer_value("doelbanen", target)),
    ]
    if realised is not None:
        table.append(("Gerealiseerde banen", text.answer_value("banen", realised)))
    for key in ("quotumtekort", "heffing_berekend_euro", "valt_onder_quotumheffing", "heffing_opgelegd"):
        if key in antwoord:
            table.append((text.ANSWER_LABELS[key], text.answer_value(key, antwoord[key])))
    return {
        "sentence": text.sentence("quotum", antwoord, facts, peildatum),
        "table": table,
        "chart": chart,
        "steps": explain(answer["uitleg"])[0],
        "onzekerheden": answer["onzekerheden"],
        "notes": notes,
        "checker_url": result_url(st.State("quotum", peildatum, st.in_force("quotum", facts))),
    }


def banen_calculator(request):
    """Uren per week or per year in, banen out."""
    submitted = bool(request.GET)
    form = BanenCalculatorForm(request.GET if submitted else None)
    if not submitted:
        form = BanenCalculatorForm(initial={"peildatum": timezone.localdate().isoformat()})
    outcome = None
    if submitted and form.is_valid():
        peildatum = form.cleaned_data["peildatum"]
        facts = form.facts()
        answer = engine.evaluate("banen", facts, peildatum)
        outcome = {
            "sentence": text.sentence("banen", answer["antwoord"], facts, peildatum),
            "steps": explain(answer["uitleg"])[0],
            "onzekerheden": answer["onzekerheden"],
            "verslag": verslag.links("banencalculator", "banen", facts, peildatum),
        }
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "fields": _form_fields(form, BANEN_FIELDS),
        "outcome": outcome,
        "errors": _error_list(form),
        "crumbs": _crumbs(None, "Banencalculator", request.path),
    }
    return TemplateResponse(request, "eligibility/banen_calculator.html", context, status=status)


def _error_list(form, file_errors=()):
    """The error summary's items: (text, href) for each field error, then the form's own errors."""
    if not form.is_bound and not file_errors:
        return []
    items = []
    for message in file_errors:
        items.append((message, "#bestand"))
    if form.is_bound:
        for name, errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            for message in errors:
                items.append((f"{bound.label}: {message}", f"#{bound.id_for_label}"))
        for message in form.non_field_errors():
            items.append((message, ""))
    return items


# --- counting a placements file -----------------------------------------------------------------


def _placements_context(request, form, file_errors=(), counted=None, packed=""):
    return {
        "form": form,
        "fields": [
            field_view(form["peildatum"], "date", width="short"),
            field_view(form["kader"], "radio"),
        ],
        "file_errors": list(file_errors),
        "errors": _error_list(form, file_errors),
        "counted": counted,
        "packed": packed,
        "column_help": placements.column_help(),
        "max_rows": nl_number(placements.MAX_ROWS, 0),
        "crumbs": _crumbs(None, "Plaatsingen tellen", request.path),
    }


@csrf_exempt
def placements_upload(request):
    """GET: the form. POST: count the file, in memory only (the size is checked while it arrives)."""
    if request.method == "POST":
        request.upload_handlers = [placements.LimitedUploadHandler(request)]
        try:
            return _placements_post(request)
        except (RequestDataTooBig, TooManyFieldsSent, MultiPartParserError):
            form = PlacementsForm(initial={"peildatum": timezone.localdate().isoformat()})
            context = _placements_context(
                request,
                form,
                ["Het formulier kon niet worden gelezen. Kies het bestand opnieuw (ten hoogste 2 MB)."],
            )
            return TemplateResponse(request, "eligibility/placements.html", context, status=400)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    form = PlacementsForm(
        initial={"peildatum": timezone.localdate().isoformat(), "kader": "wettelijk_quotum"}
    )
    return TemplateResponse(request, "eligibility/placements.html", _placements_context(request, form))


@csrf_protect
def _placements_post(request):
    form = PlacementsForm(request.POST)
    upload = request.FILES.get("bestand")
    file_errors = []
    table = None
    if upload is None:
        file_errors.append("Kies een CSV- of XLSX-bestand met plaatsingen.")
    elif getattr(upload, "too_big", False) or upload.size > placements.MAX_BYTES:
        size = text.answer_value("banen", round(upload.size / 1024 / 1024, 1))
        file_errors.append(
            f"Het bestand is te groot ({size} MB). Het mag ten hoogste 2 MB zijn; splits het bestand in delen."
        )
    else:
        try:
            table = placements.read_file(upload.name, upload.read())
            placements.check_header(table.header)
        except placements.FileRefused as error:
            file_errors.extend(error.messages)
            table = None
    if not form.is_valid() or file_errors:
        context = _placements_context(request, form, file_errors)
        return TemplateResponse(request, "eligibility/placements.html", context, status=400)
    counted = placements.count(table, form.cleaned_data["peildatum"], form.cleaned_data["kader"])
    context = _placements_context(request, form, counted=counted, packed=placements.pack(table))
    return TemplateResponse(request, "eligibility/placements.html", context)


DOWNLOADS = {
    "regels_csv": ("plaatsingen-per-regel.csv", "text/csv; charset=utf-8", placements.lines_csv),
    "totalen_csv": ("plaatsingen-totalen.csv", "text/csv; charset=utf-8", placements.totals_csv),
    "xlsx": (
        "plaatsingen-telling.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        placements.result_xlsx,
    ),
}


BROKEN_DOWNLOAD = "De gegevens voor de download zijn niet compleet. Upload het bestand opnieuw."


def placements_download(request):
    """The counted lines as a file, recomputed from the form field of the result page."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("checker-placements"))
    try:
        data = request.POST
    except (RequestDataTooBig, TooManyFieldsSent):
        form = PlacementsForm(initial={"peildatum": timezone.localdate().isoformat()})
        context = _placements_context(request, form, [BROKEN_DOWNLOAD])
        return TemplateResponse(request, "eligibility/placements.html", context, status=400)
    form = PlacementsForm(data)
    kind = data.get("formaat")
    errors = []
    table = None
    if kind not in DOWNLOADS:
        errors.append("Kies een van de downloads.")
    try:
        table = placements.unpack(data.get("gegevens", ""))
        placements.check_header(table.header)
    except placements.FileRefused as error:
        errors.extend(error.messages)
    if errors or not form.is_valid():
        context = _placements_context(request, form, errors)
        return TemplateResponse(request, "eligibility/placements.html", context, status=400)
    counted = placements.count(table, form.cleaned_data["peildatum"], form.cleaned_data["kader"])
    filename, content_type, make = DOWNLOADS[kind]
    response = HttpResponse(make(counted), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def placements_template(request):
    """The template file: ?formaat=xlsx (with a sheet describing the columns) or ?formaat=csv."""
    kind = request.GET.get("formaat")
    if kind == "csv":
        response = HttpResponse(placements.template_csv(), content_type="text/csv; charset=utf-8")
    elif kind == "xlsx":
        response = HttpResponse(placements.template_xlsx(), content_type=DOWNLOADS["xlsx"][1])
    else:
        return HttpResponseRedirect(reverse("checker-placements"))
    response["Content-Disposition"] = f'attachment; filename="sjabloon-plaatsingen.{kind}"'
    return response
