"""The portal search: what the /zoeken/ page and GET /api/zoeken both call.

``search(q, type=..., page=..., filters=...)`` runs one search per content type (kennisartikel,
praktijkvoorbeeld, vraag, begrip) through whichever Wagtail search backend is configured, merges
them by score, adds the editors' best bets in front, counts facets, makes highlighted fragments
and proposes a spelling ("Bedoelde u ...?"). When nothing is found and a suggestion exists, it
searches again with the suggestion.
"""

import contextlib
import datetime
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.html import escape
from modelsearch.backends import get_search_backend
from wagtail import hooks
from whoosh.query import QueryError

from portal.pagecache import generation
from portal.pagecache.memo import ContentMemo
from portal.privacy import normalise
from portal.search import analysis, budget, highlight
from portal.search import query as query_parser
from portal.search.backend import WhooshSearchBackend
from portal.search.spelling import WhooshSpeller, database_speller

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
MAX_PAGE = 100

#: type (the API's value) -> (model label, label shown to visitors), in the order registered
#: by the content apps (``register_type``; the knowledge app's ``AppConfig.ready``).
TYPES = {}
#: facet (the filter's name) -> (model label of its terms, label); the terms have ``slug`` and
#: ``naam``, and a type takes part in the facets when its model has a field of each name.
FACETS = {}


def register_type(key, model_label, label):
    """Search ``model_label`` (a page type or another indexed model) as type ``key``.

    A result's title, fragment text and fallback fragment come from the object's own
    ``search_result_title()``, ``search_result_text()``, ``search_result_summary()`` and
    ``search_result_dates()`` when it has them (see ``_card`` and ``_dates_of`` for the
    defaults)."""
    TYPES[key] = (model_label, label)


def register_facet(name, model_label, label):
    FACETS[name] = (model_label, label)


#: Errors of a search backend on a query (not of the portal's own code).
BACKEND_ERRORS = (DatabaseError, QueryError)


class InvalidSearch(ValueError):
    """A parameter that cannot be searched with (shown to the visitor as a 400)."""


@dataclass
class Result:
    title: str
    url: str
    type: str
    fragment: str
    type_label: str = ""
    promoted: bool = False
    score: float | None = None
    #: [(label, "2026-12-04", "4 december 2026")] shown with the result: when an editor last
    #: checked the page against its sources, and when it was last published if that was later (a
    #: begrip has neither).
    dates: list = field(default_factory=list)

    def as_dict(self):
        return {"titel": self.title, "url": self.url, "type": self.type, "fragment": self.fragment}


@dataclass(frozen=True)
class Card:
    """What a result shows that the query does not change: made once per object and content
    generation (``_memo``), so a search fetches and walks only the objects it has not shown since
    the last change."""

    title: str
    url: str
    #: The text the fragment is taken from (``search_result_text()``, the apps' placeholders
    #: filled in), and the one shown when no passage matches.
    text: str
    summary: str
    dates: tuple = ()


#: Per process, under the page cache's generation (portal/pagecache/memo.py): the result cards
#: ("card", type, pk), the editors' best bets per query, the facet terms, the view restrictions.
#: A card is a few kB (its text, median 2,000 characters): some 2,000 cards with the rest are
#: 5-10 MB per worker (the highlighter keeps as many prepared texts: highlight.PREPARED_TEXTS).
_memo = ContentMemo(maxsize=2_200)


@dataclass
class SearchResponse:
    q: str
    total: int = 0
    suggestion: str | None = None
    results: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    page: int = 1
    num_pages: int = 0
    type: str | None = None
    filters: dict = field(default_factory=dict)
    retried_with: str | None = None
    #: The time budget ran out: the results are those found until then (maybe not all).
    incomplete: bool = False
    #: The full query ran out of time without results: these are for the plain words, all required.
    simplified: bool = False

    def as_dict(self):
        return {
            "q": self.q,
            "totaal": self.total,
            "suggestie": self.suggestion,
            "resultaten": [r.as_dict() for r in [*self.promotions, *self.results]],
            "facetten": self.facets,
        }


def _model(label):
    return apps.get_model(label)


def _backend():
    return get_search_backend("default")


def _is_whoosh(backend):
    return isinstance(backend, WhooshSearchBackend)


def _score_sign(backend):
    """+1 when a higher score is better; SQLite's bm25() gives lower numbers to better matches."""
    return -1 if type(backend).__module__.startswith("modelsearch.backends.database.sqlite") else 1


def speller_for(backend):
    if _is_whoosh(backend):
        searcher = backend.store.searcher()
        return WhooshSpeller(searcher) if searcher is not None else None
    return database_speller([_model(label) for label, _ in TYPES.values()])


def _is_page_type(type_key):
    from wagtail.models import Page

    return issubclass(_model(TYPES[type_key][0]), Page)


def _has_facets(type_key):
    """Whether the objects of this type carry the facets (the filters apply to them)."""
    fields = {f.name for f in _model(TYPES[type_key][0])._meta.get_fields()}
    return bool(FACETS) and all(name in fields for name in FACETS)


def _private_q(token):
    """Wagtail's ``private_q()`` (the pages under a view restriction): one query, made once per
    content generation instead of once per search and page type."""
    from wagtail.models import Page

    return _memo.get(token, ("private",), lambda: Page.objects.all().private_q())


def _queryset(type_key, filters, private=None):
    """The live, public objects of a type (``private``: a ``_private_q()`` made before)."""
    model = _model(TYPES[type_key][0])
    if _is_page_type(type_key):
        queryset = model.objects.live()
        queryset = queryset.public() if private is None else queryset.exclude(private)
    else:
        queryset = model.objects.all()
    for facet, slugs in filters.items():
        if slugs:
            matching = model.objects.filter(**{f"{facet}__slug__in": slugs}).values("id")
            queryset = queryset.filter(id__in=matching)
    return queryset


def _call(obj, method, default):
    """``obj.method()`` when the model defines it, else ``default(obj)``; never an error page."""
    try:
        own = getattr(obj, method, None)
        value = own() if callable(own) else default(obj)
        return str(value or "")
    except Exception:  # noqa: BLE001 - a title or fragment is never worth an error page
        logger.warning("No %s for the search result %r", method, obj, exc_info=True)
        return ""


def _default_title(obj):
    return getattr(obj, "title", None) or str(obj)


def _default_text(obj):
    """The searchable text of the object's search fields (``search_fields``)."""
    from portal.search.documents import build_document

    return build_document(type(obj), obj).get("spell", "")


def _default_summary(obj):
    return getattr(obj, "search_description", "")


def _url(obj):
    if hasattr(obj, "get_url"):
        return obj.get_url() or ""
    return obj.get_absolute_url()


def _card(obj):
    text = _call(obj, "search_result_text", _default_text)
    # Apps may fill in their placeholders as the page does (the voortgang app: a meting's figure).
    for hook in hooks.get_hooks("portal_search_result_text"):
        text = hook(text)
    return Card(
        title=_call(obj, "search_result_title", _default_title),
        url=_url(obj),
        text=text,
        summary=_call(obj, "search_result_summary", _default_summary),
        dates=tuple(_dates_of(obj)),
    )


def _card_of(token, type_key, obj):
    return _memo.get(token, ("card", type_key, obj.pk), lambda: _card(obj))


def _result(card, type_key, words, score=None, *, type_label=None, fragment=None, promoted=False):
    """The result for a card: its fragment the passage of the query words in the card's text
    (unless ``fragment`` is given: a best bet's description)."""
    return Result(
        title=card.title,
        url=card.url,
        type=type_key,
        type_label=TYPES[type_key][1] if type_label is None else type_label,
        fragment=highlight.fragment(card.text, words, fallback=card.summary)
        if fragment is None
        else fragment,
        promoted=promoted,
        score=score,
        dates=_shown_dates(card.dates),
    )


def _shown_dates(dates):
    """[(label, "2026-12-04", "4 december 2026")]; a value that is no date is left out (logged)."""
    shown = []
    for label, day in dates:
        if isinstance(day, datetime.datetime):  # a model's own dates may be moments
            day = timezone.localdate(day) if timezone.is_aware(day) else day.date()
        if not isinstance(day, datetime.date):
            logger.warning("A search result date %r (%r) is not a date", label, day)
            continue
        shown.append((label, *_day_texts(day, translation.get_language())))
    return shown


@lru_cache(maxsize=2_048)
def _day_texts(day, language):
    """A day as the ``datetime`` attribute and the text of a <time> element: formatted once per
    process and language (the template's ``date`` filter was a tenth of the search page's render)."""
    return day.strftime("%Y-%m-%d"), formats.date_format(day, "j F Y")


def _dates_of(obj):
    """A result's dates: the object's own ``search_result_dates()`` (a list of (label, date)) when
    its model defines it, else the day it was last published; never an error page."""
    own = getattr(obj, "search_result_dates", None)
    if not callable(own):
        return result_dates(published=getattr(obj, "last_published_at", None))
    try:
        return list(own() or [])
    except Exception:  # noqa: BLE001 - a result's dates are never worth an error page
        logger.warning("No search_result_dates for the search result %r", obj, exc_info=True)
        return []


def result_dates(checked=None, published=None):
    """[("Gecontroleerd", day), ("Bijgewerkt", day)]: the day the content was last checked, and the
    day it was last published when that is later (or when it was never checked)."""
    published = timezone.localdate(published) if published else None
    dates = [("Gecontroleerd", checked)] if checked else []
    if published and (not checked or published > checked):
        dates.append(("Bijgewerkt", published))
    return dates


def _type_of(page):
    specific_label = page.specific_class._meta.label if page.specific_class else ""
    for key, (label, _) in TYPES.items():
        if label == specific_label:
            return key
    return None


def _promotions(q, words, token):
    """Editors' best bets for this exact query (Wagtail search promotions), live pages only."""
    if not q or not apps.is_installed("wagtail.contrib.search_promotions"):
        return []
    from wagtail.search.utils import normalise_query_string

    text = normalise_query_string(q)
    if text not in _promoted_queries(token):
        return []
    return [
        _result(card, type_key, words, type_label=type_label, fragment=fragment, promoted=True)
        for type_key, type_label, card, fragment in _memo.get(
            token, ("promotions", text), lambda: _picks(text, token)
        )
    ]


def _promoted_queries(token):
    """The normalised queries that have a best bet: one query per content generation, so a search
    without best bets (most) asks nothing, and the memo keeps picks only for these."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    return _memo.get(
        token,
        ("promoted queries",),
        lambda: frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True)),
    )


def _picks(query_string, token):
    """The best bets of a normalised query as (type, type label, card, fragment or None when the
    fragment is the query's passage of the card's text): live, public pages only, as results.

    Their cards are not kept as the results' cards (the memo's "card" entries are of objects the
    search's own querysets returned): a hit whose card is known is not fetched again."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.models import Page

    bets = list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [pick.page_id for pick in bets if pick.page_id]
    public = (
        set(
            Page.objects.live()
            .filter(pk__in=page_ids)
            .exclude(_private_q(token))
            .values_list("pk", flat=True)
        )
        if page_ids
        else set()
    )
    picks = []
    for pick in bets:
        description = escape(pick.description) if pick.description else None
        if pick.page_id:
            if pick.page_id not in public:  # a draft, or under a view restriction
                continue
            page = pick.page.specific
            type_key = _type_of(page)
            if type_key:
                picks.append((type_key, TYPES[type_key][1], _card(page), description))
            else:  # a page of a type the search does not list: shown as the first page type
                type_key = next((key for key in TYPES if _is_page_type(key)), "")
                card = Card(
                    title=page.title,
                    url=page.get_url() or "",
                    text="",
                    summary="",
                    dates=tuple(_dates_of(page)),
                )
                picks.append((type_key, "", card, description or ""))
        elif pick.external_link_url:
            card = Card(
                title=pick.external_link_text or pick.external_link_url,
                url=pick.external_link_url,
                text="",
                summary="",
            )
            picks.append(("extern", "Externe link", card, escape(pick.description)))
    return picks


def _log(q, total):
    """Count the query (Wagtail's query hits) and remember it when it found nothing.

    Only the scrubbed, normalised text is stored (``portal.privacy``: no e-mail address, BSN,
    telephone or account number); a query with nothing meaningful left is not stored at all.
    Wagtail's ``searchpromotions_garbage_collect`` (daily, run_scheduler) prunes old hits.

    All of a search's counters (Wagtail's, and the ``after_portal_search`` hooks', e.g.
    editorial.search_log) are written in one transaction: a commit waits for the disk on SQLite,
    and two commits were the largest part of a search page's wall time (docs/performance.md).
    """
    q = normalise(q)
    if not q:
        return
    try:
        with transaction.atomic():
            _count_hit(q)
            if total == 0:
                from portal.search.models import UnansweredQuery

                UnansweredQuery.record(q)
            for hook in hooks.get_hooks("after_portal_search"):
                hook(q, total)
    except (DatabaseError, ValueError):
        logger.warning("Could not log search query %r", q, exc_info=True)


def _count_hit(q):
    """Wagtail's ``Query.get(q).add_hit()``, in one UPDATE when the query already has today's
    row (most searches); Wagtail's own two or three statements only for the first of the day."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
    from wagtail.search.utils import normalise_query_string

    text = normalise_query_string(q)
    today = timezone.now().date()  # the day Query.add_hit uses
    if not QueryDailyHits.objects.filter(query__query_string=text, date=today).update(hits=F("hits") + 1):
        Query.get(text).add_hit(date=today)


def validate(type_key=None, page=1, filters=None):
    if type_key and type_key not in TYPES:
        raise InvalidSearch(f"Onbekend type '{type_key}'. Kies uit: {', '.join(TYPES)}.")
    try:
        page = int(page)
    except (TypeError, ValueError) as exc:
        raise InvalidSearch("Het paginanummer moet een geheel getal zijn.") from exc
    if page < 1 or page > MAX_PAGE:
        raise InvalidSearch(f"Het paginanummer moet tussen 1 en {MAX_PAGE} liggen.")
    clean_filters = {}
    for facet, values in (filters or {}).items():
        if facet not in FACETS:
            continue
        # a slug is printable: a NUL byte would even break PostgreSQL's query, so it is dropped
        values = [v for v in (values or []) if isinstance(v, str) and v.isprintable() and 0 < len(v) <= 80][
            :10
        ]
        if values:
            clean_filters[facet] = values
    return type_key or None, page, clean_filters


def search(q, type=None, page=1, filters=None, log=True):  # noqa: A002 - the contract's name
    """Run the portal search. Raises ``InvalidSearch`` for a bad type or page number.

    The whole search runs within one time budget (``portal.search.budget``, setting
    ``PORTAL_SEARCH_TIME_BUDGET``): what does not fit is left out and the response says so
    (``incomplete``); when the full query found nothing in time, the typed words alone, all
    required, get a short second budget (``simplified``)."""
    type_key, page, filters = validate(type, page, filters)
    backend = _backend()
    parsed = query_parser.parse(q)
    if not parsed.is_empty:
        # Outside the budget: the database backend's vocabulary is built once per ten minutes
        # (seconds on a big site), and a correction costs a few lookups per word.
        parsed = query_parser.parse(q, speller=speller_for(backend))
    with budget.limit() as spent:
        response = _search(parsed, backend, type_key, page, filters, spent)
    if spent.exceeded and response.total == 0 and not parsed.is_empty:
        with budget.limit(spent.seconds * SIMPLER_QUERY_SHARE) as second:
            simpler = _run(parsed, backend, type_key, page, filters, second, simple=True)
        if simpler.total:
            simpler.suggestion = response.suggestion
            simpler.simplified = True
            simpler.incomplete = True
            response = simpler
    if log and page == 1:
        _log(parsed.text, response.total)
    return response


#: Autocomplete answers while someone types: a quarter of a search's budget.
AUTOCOMPLETE_SHARE = 0.25

#: The simpler query's budget, as a share of the full budget.
SIMPLER_QUERY_SHARE = 0.5


def _search(parsed, backend, type_key, page, filters, spent):
    response = _run(parsed, backend, type_key, page, filters, spent)
    response.suggestion = parsed.suggestion()
    if response.total == 0 and response.suggestion and not spent.exceeded:
        retry = query_parser.parse(response.suggestion)
        retried = _run(retry, backend, type_key, page, filters, spent)
        if retried.total:
            retried.q = parsed.text
            retried.suggestion = response.suggestion
            retried.retried_with = response.suggestion
            response = retried
    response.incomplete = response.incomplete or spent.exceeded
    return response


def _run(parsed, backend, type_key, page, filters, spent, simple=False):
    response = SearchResponse(q=parsed.text, page=page, type=type_key, filters=filters)
    response.facets = {"type": {key: 0 for key in TYPES}, **{name: [] for name in FACETS}}
    if parsed.is_empty:
        search_query = None
    elif simple:
        search_query = parsed.to_simple_query()
    else:
        search_query = parsed.to_query(weighted=_is_whoosh(backend))
    if search_query is None:
        return response

    words = parsed.words_for_highlight()
    token = generation.token()
    if page == 1 and not filters:
        response.promotions = [
            p for p in _promotions(parsed.text, words, token) if not type_key or p.type == type_key
        ]
    promoted_urls = {p.url for p in response.promotions}

    types = [type_key] if type_key else list(TYPES)
    if filters:
        types = [t for t in types if _has_facets(t)]
    sign = _score_sign(backend)
    window = page * PAGE_SIZE
    candidates = []  # (score, type, object or None, pk when the object is still to fetch)
    fetchers = {}  # type -> the results that fetch its ranked pks
    facet_counts = {name: {} for name in FACETS}
    keys = [key for key in TYPES if not filters or _has_facets(key)]
    operator = "and" if simple else "or"
    private = _private_q(token) if any(_is_page_type(key) for key in keys) else None
    for position, key in enumerate(keys):
        share = spent.share(len(keys) - position)
        try:
            with budget.limit(budget=share), _database_deadline(backend, share):
                results = backend.search(search_query, _queryset(key, filters, private), operator=operator)
                sliced = results.annotate_score("_score")[:window]
                # The Whoosh backend counts and ranks in one pass, without fetching: only the
                # shown hits are fetched (_with_objects).
                counted = (
                    sliced.ranked_and_count()
                    if key in types and hasattr(sliced, "ranked_and_count")
                    else None
                )
                count, ranked = counted if counted is not None else (results.count(), None)
                response.facets["type"][key] = count
                if key not in types or not count:
                    continue
                hits = list(sliced) if ranked is None else []
                facets = {name: _facet(results, name) for name in FACETS} if _has_facets(key) else {}
        except BACKEND_ERRORS as exc:
            if isinstance(exc, DatabaseError) and budget.is_timeout(exc, share):
                # The database backend ran out of time on this type: leave it out, say so.
                logger.warning("Search for %r in %s stopped at its time budget", parsed.text, key)
            else:
                # A query the backend cannot run must not become an error page: log it, show
                # nothing for this type (the tests fail on this log record).
                logger.exception("Search for %r in %s failed", parsed.text, key)
            continue
        response.total += count
        for obj in hits:
            score = obj._score if obj._score is not None else 0.0
            candidates.append((sign * score, key, obj, None))
        if ranked:
            fetchers[key] = sliced
            candidates.extend((sign * (score or 0.0), key, None, pk) for pk, score in ranked)
        for name, counts in facets.items():
            for value, n in counts.items():
                if value is not None:
                    facet_counts[name][value] = facet_counts[name].get(value, 0) + n

    candidates.sort(key=lambda c: -c[0])
    if not filters:
        # A card of this generation is of an object that was live and public when it was made
        # (a change since would have replaced the generation): not fetched again. With filters,
        # the database checks them (the index may be a moment behind a changed thema).
        candidates = _known_cards(candidates, token)
    start = (page - 1) * PAGE_SIZE
    for score, key, item in _with_objects(candidates, fetchers, start + PAGE_SIZE)[start:]:
        card = item if isinstance(item, Card) else _card_of(token, key, item)
        if card.url in promoted_urls:
            continue
        response.results.append(_result(card, key, words, score=score))
    response.num_pages = math.ceil(response.total / PAGE_SIZE) if response.total else 0
    response.facets.update(_facet_terms(facet_counts, filters, token))
    return response


def _known_cards(candidates, token):
    """The candidates, with the memo's card in place of each pk it has one for."""
    known = _memo.lookup(token, [("card", key, pk) for _, key, obj, pk in candidates if obj is None])
    if not known:
        return candidates
    replaced = []
    for score, key, obj, pk in candidates:
        card = known.get(("card", key, pk)) if obj is None else None
        replaced.append((score, key, card, None) if card is not None else (score, key, obj, pk))
    return replaced


def _with_objects(candidates, fetchers, needed):
    """The first ``needed`` candidates as (score, type, object or card): the ones ranked by pk are
    fetched now, one query per type, and one the database no longer has (an index a moment
    behind) is skipped, the next candidate taking its place."""
    found = []
    position = 0
    while len(found) < needed and position < len(candidates):
        batch = candidates[position : position + needed - len(found)]
        position += len(batch)
        wanted = {}
        for score, key, obj, pk in batch:
            if obj is None:
                wanted.setdefault(key, []).append((pk, score))
        fetched = {(key, obj.pk): obj for key, pks in wanted.items() for obj in fetchers[key].fetch(pks)}
        for score, key, obj, pk in batch:
            obj = obj if obj is not None else fetched.get((key, pk))
            if obj is not None:
                found.append((score, key, obj))
    return found


def _database_deadline(backend, share):
    """The database backends stop their own statements at the deadline, inside a savepoint
    (``budget.database_deadline``); Whoosh checks it in its collectors."""
    if _is_whoosh(backend):
        return contextlib.nullcontext()
    return budget.database_deadline(connection, share)


def _facet(results, name):
    try:
        return results.facet(name)
    except NotImplementedError:
        return {}


def _facet_terms(facet_counts, filters, token):
    out = {}
    for name, (label, _) in FACETS.items():
        counts = facet_counts.get(name, {})
        selected = set(filters.get(name, []))
        terms = _terms_of(label, token) if counts else {}
        entries = [
            {"slug": slug, "naam": naam, "aantal": counts[pk], "gekozen": slug in selected}
            for pk, (slug, naam) in terms.items()
            if pk in counts
        ]
        entries.sort(key=lambda e: (-e["aantal"], e["naam"]))
        out[name] = entries
    return out


def _terms_of(label, token):
    """{pk: (slug, naam)} of a facet's terms (a taxonomy: tens of rows), once per generation."""
    return _memo.get(
        token,
        ("facet", label),
        lambda: {
            pk: (slug, naam) for pk, slug, naam in _model(label).objects.values_list("pk", "slug", "naam")
        },
    )


def autocomplete(q, limit=8):
    """Titles and begrippen that start with what was typed: [{"titel", "url", "type"}]."""
    text = " ".join(analysis.words(query_parser.clean(q)))  # words only: no FTS or Whoosh syntax
    if len(text) < 2:
        return []
    backend = _backend()
    found = []
    with budget.limit(budget.default_seconds() * AUTOCOMPLETE_SHARE) as spent:
        keys = list(TYPES)
        for position, key in enumerate(keys):
            share = spent.share(len(keys) - position)
            try:
                with budget.limit(budget=share), _database_deadline(backend, share):
                    results = backend.autocomplete(text, _queryset(key, {}), operator="and")
                    for obj in results[:limit]:
                        title = _call(obj, "search_result_title", _default_title)
                        found.append({"titel": title, "url": _url(obj), "type": key})
            except NotImplementedError:
                return []
            except BACKEND_ERRORS as exc:
                if isinstance(exc, DatabaseError) and budget.is_timeout(exc, share):
                    logger.warning("Autocomplete for %r in %s stopped at its time budget", text, key)
                else:
                    logger.exception("Autocomplete for %r in %s failed", text, key)
    found.sort(key=lambda r: (not analysis.fold(r["titel"]).startswith(text), len(r["titel"])))
    return found[:limit]
