"""A Wagtail (modelsearch) search backend on Whoosh 2.7.

Configured as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend",
"PATH": <index folder>}}``. Optional parameters: ``WRITE_TIMEOUT`` (seconds a writer waits for
the index lock, default 60).

The parts: ``index_store`` (the index folder: locked writes, per-thread searchers, rebuilds
beside the live index), ``documents`` (what an object becomes in the index), ``indexing``
(modelsearch's index and rebuilder interface), and here the query compiler and the results.

How it works, in short:

- One Whoosh index in ``PATH`` holds every indexed model (see ``portal.search.schema``).
- Queries (``modelsearch.query`` objects) become Whoosh queries built in code, never by Whoosh's
  query parser, so no user input is ever read as Whoosh syntax.
- Filters of the queryset become Whoosh filters where they are plain lookups on the model's
  own ``FilterField``s (``live``, ``path__startswith``, ``content_type__in``, ...). Anything
  else (filters across relations, subqueries, expressions) is applied by the database to the
  ids that Whoosh found: always correct, a little slower.
- Non-relevance ordering, ``MATCH_ALL`` and the final fetch of the objects go to the database,
  so results never include an object that no longer exists.
- Writers wait for Whoosh's file lock (``WRITE_TIMEOUT``) instead of failing: several processes
  may write, one at a time, and none loses an update. Indexing errors are logged, not raised,
  so a save in the admin never fails on the index; ``search_index_check`` repairs the gap.
"""

import logging
from collections import OrderedDict

from django.db import connections
from django.db.models import Count, QuerySet
from django.db.models.expressions import BaseExpression
from django.db.models.sql import Query as SqlQuery
from modelsearch.backends.base import (
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterFieldError,
)
from modelsearch.index import (
    AutocompleteField,
    RelatedFields,
    SearchField,
    get_indexed_models,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from whoosh import query as wq

from portal.search import analysis, budget, collectors, matching, schema
from portal.search.index_store import IndexStore
from portal.search.indexing import WhooshIndex, WhooshRebuilder

logger = logging.getLogger(__name__)

#: Candidate id lists up to this size are checked with ``pk IN (...)``; longer ones by reading
#: the queryset's ids (SQLite limits the number of parameters in one statement).
MAX_IN_PARAMS = 500


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------


class Untranslatable(Exception):
    """A filter that is applied by the database instead of Whoosh."""


def _all_of(queries):
    queries = [q for q in queries if not isinstance(q, wq.Every)]
    if any(q is wq.NullQuery for q in queries):
        return wq.NullQuery
    if not queries:
        return wq.Every()
    return queries[0] if len(queries) == 1 else wq.And(queries)


def _any_of(queries, coordinated=False):
    """OR of ``queries``; ``coordinated``: they are the units of a visitor's query, and a document
    scores by how many of them it matches (``portal.search.matching.Coordinated``)."""
    queries = [q for q in queries if q is not wq.NullQuery]
    if any(isinstance(q, wq.Every) for q in queries):
        return wq.Every()
    if not queries:
        return wq.NullQuery
    if len(queries) == 1:
        return queries[0]
    power = WhooshSearchQueryCompiler.COORDINATION_POWER
    if coordinated and power:
        return matching.Coordinated(queries, power=power)
    return matching.Union(queries)


def _best_of(queries):
    queries = [q for q in queries if q is not wq.NullQuery]
    if any(isinstance(q, wq.Every) for q in queries):
        return wq.Every()
    if not queries:
        return wq.NullQuery
    return queries[0] if len(queries) == 1 else matching.BestOf(queries)


def _negate(q):
    if q is wq.NullQuery:
        return wq.Every()
    if isinstance(q, wq.Every):
        return wq.NullQuery
    return wq.Not(q)


def _with_boost(q, boost):
    if boost == 1 or q is wq.NullQuery or isinstance(q, wq.Every):
        return q
    return q.with_boost(q.boost * boost)


def _unique(items):
    return list(OrderedDict.fromkeys(items))


def indexed_descendants(model):
    return [m for m in get_indexed_models() if issubclass(m, model)] or [model]


def _iter_search_paths(search_fields, kind, prefix=""):
    for field in search_fields:
        if isinstance(field, kind):
            yield prefix + field.field_name, getattr(field, "boost", None) or 1.0
        elif isinstance(field, RelatedFields):
            yield from _iter_search_paths(field.fields, kind, f"{prefix}{field.field_name}__")


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    HANDLES_ORDER_BY_EXPRESSIONS = True  # ordering is done by the database
    field_kind = SearchField
    #: OR-ed words (the units of a visitor's query) score by the share of them a document
    #: matches, to this power (``portal.search.matching.Coordinated``); 0 turns it off. Measured
    #: with bench/search_quality.py (docs/performance.md): 1 beats 1.5, 2, 3 and 4.
    COORDINATION_POWER = 1.0

    # -- fields ----------------------------------------------------------------------------

    def text_fields(self):
        """[(index field name, boost)] searched for this model and its subclasses."""
        found = OrderedDict()
        for model in [self.queryset.model, *indexed_descendants(self.queryset.model)]:
            for path, boost in _iter_search_paths(model.get_search_fields(), self.field_kind):
                if self.fields is not None and path not in self.fields:
                    continue
                found.setdefault(self.index_field_name(path), boost)
        if self.fields is None and self.field_kind is SearchField:
            # All fields: the catch-all field, boosted per word at index time (portal.search.schema).
            return [(schema.ALL_FIELD, 1.0)] if found else []
        return list(found.items())

    def index_field_name(self, path):
        return schema.search_field_name(path)

    # -- text query --------------------------------------------------------------------------

    #: Set by the backend: the index store, to leave out words the index does not contain (a
    #: faster query, and Whoosh's coordination matcher scores every document 0 when one of its
    #: terms has no postings).
    store = None

    def _known(self, name, term):
        searcher = self.store.searcher() if self.store is not None else None
        if searcher is None:
            return True
        try:
            return (name, term) in searcher.reader()
        except (KeyError, ValueError):
            return False

    def _terms_across(self, term, fields):
        return _any_of(
            [wq.Term(name, term, boost=boost) for name, boost in fields if self._known(name, term)]
        )

    def compile_text(self, query, fields, top=True):
        """The Whoosh query for a modelsearch query. ``top``: this is the visitor's query itself
        (not a part of it), so its OR-ed parts are units that coordination counts."""
        if isinstance(query, MatchAll):
            return wq.Every()
        if isinstance(query, PlainText):
            terms = _unique(analysis.analyze(query.query_string))
            per_term = [self._terms_across(t, fields) for t in terms]
            if not per_term:
                return wq.NullQuery
            combined = _all_of(per_term) if query.operator == "and" else _any_of(per_term, coordinated=top)
            return _with_boost(combined, query.boost)
        if isinstance(query, Phrase):
            terms = analysis.analyze(query.query_string)
            if not terms:
                return wq.NullQuery
            if len(terms) == 1:
                return self._terms_across(terms[0], fields)
            return _any_of([wq.Phrase(name, terms, boost=boost) for name, boost in fields])
        if isinstance(query, Fuzzy):
            per_term = []
            for term in _unique(analysis.analyze(query.query_string)):
                maxdist = 1 if len(term) <= 5 else 2
                per_term.append(
                    _any_of(
                        [
                            wq.FuzzyTerm(name, term, boost=boost, maxdist=maxdist, prefixlength=1)
                            for name, boost in fields
                        ]
                    )
                )
            if not per_term:
                return wq.NullQuery
            return _all_of(per_term) if query.operator == "and" else _any_of(per_term, coordinated=top)
        if isinstance(query, Boost):
            return _with_boost(self.compile_text(query.subquery, fields, top=top), query.boost)
        if isinstance(query, And):
            return _all_of([self.compile_text(q, fields, top=False) for q in query.subqueries])
        if isinstance(query, Or):
            parts = [self.compile_text(q, fields, top=False) for q in query.subqueries]
            # The visitor's query: an OR of units, coordinated. Inside it: the alternatives of one
            # unit, of which the best counts.
            return _any_of(parts, coordinated=True) if top else _best_of(parts)
        if isinstance(query, Not):
            return _negate(self.compile_text(query.subquery, fields, top=False))
        raise NotImplementedError(f"{type(query).__name__} is not supported by the Whoosh backend")

    def text_query(self):
        return self.compile_text(self.query, self.text_fields())

    # -- filters -----------------------------------------------------------------------------

    def _process_lookup(self, field_path, lookup, value):
        if len(field_path) != 1:
            raise Untranslatable("filter across a relation")
        field = field_path[0]
        model = self.queryset.model
        kind = schema.filter_kind(field.get_type(model))
        name = f"{kind}_{field.get_attname(model)}"
        attname = field.get_attname(model)

        if isinstance(value, (SqlQuery, QuerySet, BaseExpression)):
            raise Untranslatable("subquery or expression")

        def enc(v):
            try:
                return schema.encode(kind, v)
            except schema.Unencodable as exc:
                raise Untranslatable(repr(v)) from exc

        def exact(v):
            if v is None:
                return wq.Term("nulls", attname)
            encoded = enc(v)
            if kind == "fs":
                return wq.Term(name, encoded)
            if kind == "fd":
                return wq.DateRange(name, encoded, encoded)
            return wq.NumericRange(name, encoded, encoded)

        def bounded(start, end, startexcl=False, endexcl=False):
            start = enc(start) if start is not None else None
            end = enc(end) if end is not None else None
            if kind == "fs":
                return wq.TermRange(name, start, end, startexcl, endexcl)
            if kind == "fd":
                return wq.DateRange(name, start, end, startexcl, endexcl)
            return wq.NumericRange(name, start, end, startexcl, endexcl)

        if lookup == "exact":
            return exact(value)
        if lookup == "in":
            values = list(value)
            if any(isinstance(v, BaseExpression) for v in values):
                raise Untranslatable("expression in list")
            return _any_of([exact(v) for v in values])
        if lookup == "isnull":
            return wq.Term("nulls", attname) if value else _negate(wq.Term("nulls", attname))
        if lookup == "lt":
            return bounded(None, value, endexcl=True)
        if lookup == "lte":
            return bounded(None, value)
        if lookup == "gt":
            return bounded(value, None, startexcl=True)
        if lookup == "gte":
            return bounded(value, None)
        if lookup == "range":
            start, end = value
            return bounded(start, end)
        if lookup == "startswith" and kind == "fs" and isinstance(value, str):
            return wq.Prefix(name, value)
        raise Untranslatable(lookup)

    def _process_match_none(self):
        return wq.NullQuery

    def _connect_filters(self, filters, connector, negated):
        filters = [f for f in filters if f is not None]
        if not filters:
            return None
        combined = _all_of(filters) if connector == "AND" else _any_of(filters)
        return _negate(combined) if negated else combined

    def whoosh_filter(self):
        """(filter query or None, applied by Whoosh?) -- (None, False) means: the database filters."""
        where = self.queryset.query.where
        if not where:
            return None, True
        try:
            return self._get_filters_from_queryset(check_only=False), True
        except Untranslatable:
            return None, False

    def content_type_query(self):
        return wq.Term("ct", self.queryset.model.indexed_get_content_type())


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    field_kind = AutocompleteField

    def index_field_name(self, path):
        return schema.autocomplete_field_name(path)

    def compile_text(self, query, fields, top=True):
        if isinstance(query, PlainText):
            words = _unique(analysis.words(query.query_string))
            per_word = [_any_of([wq.Prefix(name, w, boost=boost) for name, boost in fields]) for w in words]
            if not per_word:
                return wq.NullQuery
            return _all_of(per_word) if query.operator == "and" else _any_of(per_word, coordinated=top)
        return super().compile_text(query, fields, top=top)


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


class Planned:
    """A query split in two: the scored text query and the unscored filter (content type and
    translated queryset filters), whose matching documents are cached per index version."""

    __slots__ = ("text", "filter")

    def __init__(self, text, filter_query):
        self.text = text
        self.filter = filter_query


class WhooshSearchResults(BaseSearchResults):
    supports_facet = True

    # -- planning ----------------------------------------------------------------------------

    def _plan(self):
        """What to run: ("db", None) for MATCH_ALL, ("none", None), or ("whoosh", query)."""
        compiler = self.query_compiler
        text = compiler.text_query()
        if text is wq.NullQuery:
            return "none", None, True
        if isinstance(text, wq.Every):
            return "db", None, True
        filter_query, whoosh_filters = compiler.whoosh_filter()
        parts = [compiler.content_type_query()]
        if filter_query is not None:
            if filter_query is wq.NullQuery:
                return "none", None, True
            if not isinstance(filter_query, wq.Every):
                parts.append(filter_query)
        return "whoosh", Planned(text, _all_of(parts)), whoosh_filters

    def _searcher(self):
        return self.backend.store.searcher()

    def _pk(self, value):
        return self.query_compiler.queryset.model._meta.pk.to_python(value.split(":", 1)[1])

    def _budget(self):
        """The time budget of this search (``portal.search.budget``)."""
        return budget.current_or_new()

    def _search(self, searcher, planned, limit, scored=True):
        allowed = self.backend.store.cached_docs(searcher, planned.filter)
        results = collectors.search(
            searcher, planned.text, limit=limit, scored=scored, filter=allowed, budget=self._budget()
        )
        if results.stopped:
            logger.warning("Search %.200r stopped at its time budget", planned.text)
        return results

    def _all_hits(self, searcher, planned, scored=True):
        """[(pk, score)] of every match, best first when scored."""
        results = self._search(searcher, planned, None, scored=scored)
        return [(self._pk(hit["docid"]), hit.score if scored else None) for hit in results]

    def _db_pks(self, candidates):
        """The candidate pks that the queryset (with all its filters) still contains."""
        queryset = self.query_compiler.queryset
        candidates = list(candidates)
        if not candidates:
            return set()
        if len(candidates) <= MAX_IN_PARAMS:
            return set(queryset.filter(pk__in=candidates).values_list("pk", flat=True))
        wanted = set(candidates)
        return {pk for pk in queryset.values_list("pk", flat=True).iterator(chunk_size=2000) if pk in wanted}

    def _fetch(self, pks_scores):
        """Model instances for [(pk, score)], in that order, from the queryset."""
        if not pks_scores:
            return []
        queryset = self.query_compiler.queryset
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        objs = {obj.pk: obj for obj in queryset.filter(pk__in=[pk for pk, _ in pks_scores])}
        results = []
        for pk, score in pks_scores:
            obj = objs.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _ordered_queryset(self, pks=None):
        queryset = self.query_compiler.queryset
        if pks is not None:
            queryset = queryset.filter(pk__in=pks) if len(pks) <= MAX_IN_PARAMS else None
        if (
            queryset is not None
            and not queryset.query.order_by
            and not self.query_compiler.order_by_relevance
        ):
            queryset = queryset.order_by("-pk")
        return queryset

    # -- running -----------------------------------------------------------------------------

    def _do_search(self):
        mode, query, whoosh_filters = self._plan()
        if mode == "none":
            return []
        compiler = self.query_compiler
        if mode == "db":
            queryset = compiler.queryset
            if not queryset.query.order_by and not compiler.order_by_relevance:
                queryset = queryset.order_by("-pk")
            if self.prefetch_related:
                queryset = queryset.prefetch_related(*self.prefetch_related)
            objs = list(queryset[self.start : self.stop])
            if self._score_field:
                for obj in objs:
                    setattr(obj, self._score_field, None)
            return objs
        searcher = self._searcher()
        if searcher is None:
            return []

        if compiler.order_by_relevance and whoosh_filters:
            limit = self.stop if self.stop is not None else None
            results = self._search(searcher, query, limit)
            hits = results[self.start : self.stop] if self.stop is not None else results[self.start :]
            pks_scores = [(self._pk(hit["docid"]), hit.score) for hit in hits]
            return self._fetch(pks_scores)

        if compiler.order_by_relevance:
            # The database applies the filters to Whoosh's ranked matches.
            ranked = self._all_hits(searcher, query)
            keep = self._db_pks(pk for pk, _ in ranked)
            ranked = [(pk, score) for pk, score in ranked if pk in keep]
            return self._fetch(ranked[self.start : self.stop])

        # Ordered by fields: the database orders the matches.
        hits = self._all_hits(searcher, query, scored=False)
        pks = [pk for pk, _ in hits]
        queryset = self._ordered_queryset()
        if len(pks) <= MAX_IN_PARAMS:
            ordered = list(queryset.filter(pk__in=pks).values_list("pk", flat=True)[self.start : self.stop])
        else:
            wanted = set(pks)
            ordered = [
                pk for pk in queryset.values_list("pk", flat=True).iterator(chunk_size=2000) if pk in wanted
            ]
            ordered = ordered[self.start : self.stop]
        return self._fetch([(pk, None) for pk in ordered])

    def _do_count(self):
        mode, query, whoosh_filters = self._plan()
        if mode == "none":
            return 0
        if mode == "db":
            return self._sliced_count(self.query_compiler.queryset.count())
        searcher = self._searcher()
        if searcher is None:
            return 0
        if whoosh_filters:
            total = len(self._matched_docs(searcher, query))
        else:
            total = len(self._db_pks(pk for pk, _ in self._all_hits(searcher, query, scored=False)))
        return self._sliced_count(total)

    def _sliced_count(self, total):
        total = max(total - self.start, 0)
        if self.stop is not None:
            total = min(total, self.stop - self.start)
        return total

    def _matched_docs(self, searcher, planned):
        """The set of matching document numbers, computed once per results object."""
        cached = getattr(self, "_docs_cache", None)
        if cached is None or cached[0] is not searcher:
            allowed = self.backend.store.cached_docs(searcher, planned.filter)
            matched, stopped = collectors.matching_docs(searcher, planned.text, self._budget())
            if stopped:
                logger.warning("Counting %.200r stopped at its time budget", planned.text)
            cached = (searcher, allowed.intersection(matched))
            self._docs_cache = cached
        return cached[1]

    # -- facets ------------------------------------------------------------------------------

    def facet_many(self, field_names):
        """{field name: facet()} for several fields, matching the query only once."""
        return {name: self.facet(name) for name in field_names}

    def facet(self, field_name):
        compiler = self.query_compiler
        model = compiler.queryset.model
        field = compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to {model.__name__}.search_fields.",
                field_name=field_name,
            )
        mode, query, whoosh_filters = self._plan()
        if mode == "none":
            return OrderedDict()
        if mode == "db" or not whoosh_filters:
            queryset = compiler.queryset
            if mode == "whoosh":
                searcher = self._searcher()
                hits = self._all_hits(searcher, query, scored=False) if searcher else []
                queryset = queryset.filter(pk__in=self._db_pks(pk for pk, _ in hits))
            rows = queryset.values(field_name).annotate(count=Count("pk")).order_by("-count")
            return OrderedDict((row[field_name], row["count"]) for row in rows)

        searcher = self._searcher()
        if searcher is None:
            return OrderedDict()
        docs = self._matched_docs(searcher, query)
        field_type = field.get_type(model)
        kind = schema.filter_kind(field_type)
        name = f"{kind}_{field.get_attname(model)}"
        reader = searcher.reader()
        counts = {}
        with_value = set()
        if name in reader.indexed_field_names():
            fieldobj = searcher.schema[name]
            terms = (
                list(reader.lexicon(name)) if kind == "fs" else list(fieldobj.sortable_terms(reader, name))
            )
            for term in terms:
                matched = docs.intersection(reader.postings(name, term).all_ids())
                if matched:
                    value = schema.decode(kind, field_type, fieldobj.from_bytes(term))
                    counts[value] = len(matched)
                    with_value |= matched
        missing = len(docs - with_value)
        if missing:
            counts[None] = missing
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        return OrderedDict(ordered)


# ---------------------------------------------------------------------------------------------
# Backend
# ---------------------------------------------------------------------------------------------


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    index_class = WhooshIndex
    results_class = WhooshSearchResults
    rebuilder_class = WhooshRebuilder
    #: A save must never fail on the index (a lock timeout, a full disk): the error is logged
    #: and ``search_index_check`` repairs the difference.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        path = params.get("PATH")
        if not path:
            raise ValueError("The Whoosh search backend needs a PATH (the index folder)")
        timeout = params.get("WRITE_TIMEOUT")
        self.store = IndexStore.for_path(path, float(timeout) if timeout is not None else None)

    def get_index_for_model(self, model):
        return self.index_class(self)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        results = super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        if results.query_compiler is not None:
            results.query_compiler.store = self.store
        return results

    def get_index(self):
        return self.index_class(self)

    def all_indexes(self):
        yield self.get_index()

    def reset_index(self):
        self.get_index().reset()

    def refresh_index(self):
        pass

    def delete(self, obj):
        self.get_index().delete_item(obj)

    def db_connection(self):
        return connections["default"]


SearchBackend = WhooshSearchBackend
