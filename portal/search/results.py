"""The results: run a compiled query within its time budget, check the hits against the
database queryset, fetch the objects in rank order, count and facet."""

import logging
import threading
from collections import OrderedDict

from django.db.models import Count
from modelsearch.backends.base import (
    BaseSearchResults,
    FilterFieldError,
)
from whoosh import collectors as wcollectors
from whoosh import query as wq

from portal.search import budget, collectors, schema
from portal.search.compiler import _all_of

logger = logging.getLogger(__name__)

#: Candidate id lists up to this size are checked with ``pk IN (...)``; longer ones by reading
#: the queryset's ids (SQLite limits the number of parameters in one statement).
MAX_IN_PARAMS = 500


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
        """What to run: ("db", None) for MATCH_ALL, ("none", None), or ("whoosh", query).

        Planned once per query: the count, the hits and every facet of one search (and the
        sliced copies of the results, which share the compiler) ask for the same plan."""
        compiler = self.query_compiler
        plan = compiler.__dict__.get("_portal_plan")
        if plan is None:
            plan = compiler._portal_plan = self._make_plan()
        return plan

    def _make_plan(self):
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
        """The live index's searcher, looked up (and checked for newer commits) once per query
        rather than once per count, hits and facet."""
        compiler = self.query_compiler
        searcher = compiler.__dict__.get("_portal_searcher")
        if searcher is None:
            searcher = compiler._portal_searcher = self.backend.store.searcher()
        return searcher

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
            return self._fetch(self._ranked_hits(searcher, query))

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

    def _ranked_hits(self, searcher, planned):
        """[(pk, score)] of this slice, best first, as Whoosh ranks them (its filters did all)."""
        return self._pks_scores(self._search(searcher, planned, self.stop))

    def _pks_scores(self, results):
        """[(pk, score)] of this slice of Whoosh's ranked ``results``."""
        hits = results[self.start : self.stop] if self.stop is not None else results[self.start :]
        return [(self._pk(hit["docid"]), hit.score) for hit in hits]

    def ranked_and_count(self):
        """(number of matches, [(pk, score)] of this slice, best first) from one scored pass,
        without fetching the objects; None when the database has to check or order the matches
        (count and iterate the results then).

        The portal search merges the ranked hits of several types and fetches only the ones it
        shows (``fetch``), instead of a page of objects per type. The pass also keeps the set of
        matching documents, so the count and the facets do not match the query again."""
        mode, query, whoosh_filters = self._plan()
        if mode == "none":
            return 0, []
        if mode != "whoosh" or not (self.query_compiler.order_by_relevance and whoosh_filters):
            return None
        searcher = self._searcher()
        if searcher is None:
            return 0, []
        allowed = self.backend.store.cached_docs(searcher, query.filter)
        inner = _CountingTopCollector(self.stop or searcher.doc_count() or 1, self._budget())
        searcher.search_with_collector(query.text, wcollectors.FilterCollector(inner, allowed))
        if inner.stopped:
            logger.warning("Search %.200r stopped at its time budget", query.text)
        self.query_compiler._portal_docs = (searcher, inner.docset)
        return len(inner.docset), self._pks_scores(inner.results())

    def fetch(self, pks_scores):
        """The objects of [(pk, score)] from ``ranked_and_count()``, in that order; a pk the queryset no
        longer has is left out (as when iterating the results)."""
        return self._fetch(pks_scores)

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
        """The set of matching document numbers, computed once per query (the sliced copies of
        the results share it; ``ranked_and_count`` may have made it)."""
        cached = self.query_compiler.__dict__.get("_portal_docs")
        if cached is None or cached[0] is not searcher:
            allowed = self.backend.store.cached_docs(searcher, planned.filter)
            matched, stopped = collectors.matching_docs(searcher, planned.text, self._budget())
            if stopped:
                logger.warning("Counting %.200r stopped at its time budget", planned.text)
            cached = (searcher, allowed.intersection(matched))
            self.query_compiler._portal_docs = cached
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
        counts = {}
        with_value = set()
        for term, ids in _facet_postings(searcher, name, kind):
            matched = docs.intersection(ids)
            if matched:
                value = schema.decode(kind, field_type, searcher.schema[name].from_bytes(term))
                counts[value] = len(matched)
                with_value |= matched
        missing = len(docs - with_value)
        if missing:
            counts[None] = missing
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        return OrderedDict(ordered)


class _CountingTopCollector(collectors.TopCollector):
    """The budgeted top-N collector that also keeps the set of the documents it matched (the
    filter's: FilterCollector passes only allowed ones), for the count and the facets."""

    def _collect(self, global_docnum, score):
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)


_postings = threading.local()


def _facet_postings(searcher, name, kind):
    """[(term, set of document numbers)] of a filter field, read once per searcher (that is, per
    index version and thread): every search's facets read the same few dozen posting lists."""
    cache = getattr(_postings, "cache", None)
    if cache is None or cache[0] is not searcher:
        cache = _postings.cache = (searcher, {})
    entries = cache[1]
    if name not in entries:
        reader = searcher.reader()
        found = []
        if name in reader.indexed_field_names():
            fieldobj = searcher.schema[name]
            terms = (
                list(reader.lexicon(name)) if kind == "fs" else list(fieldobj.sortable_terms(reader, name))
            )
            found = [(term, frozenset(reader.postings(name, term).all_ids())) for term in terms]
        entries[name] = found
    return entries[name]
