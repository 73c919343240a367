"""The query compiler: modelsearch query objects and queryset filters become Whoosh queries,
built in code (never by Whoosh's query parser, so no user input is read as Whoosh syntax)."""

from collections import OrderedDict

from django.db.models import QuerySet
from django.db.models.expressions import BaseExpression
from django.db.models.sql import Query as SqlQuery
from modelsearch.backends.base import (
    BaseSearchQueryCompiler,
)
from modelsearch.index import (
    AutocompleteField,
    RelatedFields,
    SearchField,
    get_indexed_models,
)
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from whoosh import query as wq

from portal.search import analysis, matching, schema
from portal.search.query import NamePair


class Untranslatable(Exception):
    """A filter that is applied by the database instead of Whoosh."""


def _all_of(queries):
    queries = [q for q in queries if not isinstance(q, wq.Every)]
    if any(q is wq.NullQuery for q in queries):
        return wq.NullQuery
    if not queries:
        return wq.Every()
    return queries[0] if len(queries) == 1 else wq.And(queries)


def _any_of(queries, coordinated=False, bonus=()):
    """OR of ``queries``; ``coordinated``: they are the units of a visitor's query, and a document
    scores by how many of them it matches (``portal.search.matching.Coordinated``), plus the
    ``bonus`` queries it matches (which are no units)."""
    queries = [q for q in queries if q is not wq.NullQuery]
    if any(isinstance(q, wq.Every) for q in queries):
        return wq.Every()
    if not queries:
        return wq.NullQuery
    bonus = [q for q in bonus if q is not wq.NullQuery]
    if len(queries) == 1 and not bonus:
        return queries[0]
    power = WhooshSearchQueryCompiler.COORDINATION_POWER
    if coordinated and power:
        return matching.Coordinated([*queries, *bonus], power=power, bonus=len(bonus))
    return matching.Union([*queries, *bonus])


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
            pairs = [q for q in query.subqueries if isinstance(q, NamePair)]
            parts = [self.compile_text(q, fields, top=False) for q in query.subqueries if q not in pairs]
            # The visitor's query: an OR of units, coordinated, with the bonus of its word pairs.
            # Inside it: the alternatives of one unit, of which the best counts.
            if not top:
                return _best_of(parts)
            return _any_of(parts, coordinated=True, bonus=[self._name_pair(q) for q in pairs])
        if isinstance(query, NamePair):
            return wq.NullQuery  # only a bonus to the units of a visitor's query
        if isinstance(query, Not):
            return _negate(self.compile_text(query.subquery, fields, top=False))
        raise NotImplementedError(f"{type(query).__name__} is not supported by the Whoosh backend")

    #: Weight of a ``NamePair`` bonus: two typed words next to each other in an object's name.
    NAME_PAIR_BOOST = 1.0

    def name_fields(self):
        """The index fields of the name of this model and its subclasses: the top-level search
        fields with a model's highest boost (a page's title, a begrip's term and afkorting)."""
        if self.fields is not None:
            return []
        found = []
        for model in [self.queryset.model, *indexed_descendants(self.queryset.model)]:
            boosts = {}
            for field in model.get_search_fields():
                if isinstance(field, SearchField):
                    boosts[field.field_name] = max(boosts.get(field.field_name, 0), field.boost or 1.0)
            top = max(boosts.values(), default=None)
            found += [self.index_field_name(path) for path, boost in boosts.items() if boost == top]
        return _unique(found)

    def _name_pair(self, pair):
        terms = [analysis.analyze(word) for word in pair.words]
        if not self.NAME_PAIR_BOOST or not all(len(t) == 1 for t in terms):
            return wq.NullQuery
        terms = [t[0] for t in terms]
        return _any_of(
            [
                wq.Phrase(name, terms, boost=self.NAME_PAIR_BOOST)
                for name in self.name_fields()
                if all(self._known(name, term) for term in terms)
            ]
        )

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
