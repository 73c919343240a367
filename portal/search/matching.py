"""Whoosh query and matcher classes of the portal: OR queries that score like a search box should.

``Union``: Whoosh's binary tree of ``UnionMatcher``s (the sum of the matching clauses' scores),
always, never the "array" matcher Whoosh picks for small indexes (which allocates index-sized
arrays for every clause: measured 5x slower).

``BestOf``: the alternatives of one unit; the best one counts.

``Coordinated``: the OR of the *units* of a visitor's query (a typed word with its spelling
alternative, or a synonym group with its alternatives): the sum of the matching units' scores
times ``(matching units / units) ** power``. A page that has all of "sroi banen leverancier"
then ranks above a begrip that has only "sroi", however short (and so highly scored) the
begrip is. Whoosh's own coordination (``Or(scale=...)``, ``CoordMatcher``) adds
``(matching - 1) / (terms - scale) ** 2`` to the score, well under 1 where BM25 scores run to 20
or 50, so it hardly changed an order; it also counts terms, not units (a synonym group of four
phrases counted as eight), and changes its term count, so its scores, when Whoosh replaces a
finished sub-matcher halfway through a search.

Neither matcher supports block quality: the portal's collectors (``portal.search.collectors``)
never ask for it.
"""

from whoosh import matching
from whoosh import query as wq
from whoosh.matching import UnionMatcher
from whoosh.query.compound import CompoundQuery


class Union(wq.Or):
    """``Or`` that always builds Whoosh's binary tree of union matchers."""

    def _matcher(self, subs, searcher, context):
        reader = searcher.reader()
        return self._tree_matcher(subs, UnionMatcher, searcher, context, lambda q: q.estimate_size(reader))


class _NaryOr(CompoundQuery):
    """An OR whose matcher sees all its clauses at once (``_NaryMatcher``), kept as built:
    Whoosh's ``normalize`` would merge nested ORs into it and so change what a clause is."""

    intersect_merge = False
    matcher_class = None

    def __init__(self, subqueries, boost=1.0, **options):
        super().__init__(subqueries, boost=boost)
        self.options = options

    def __eq__(self, other):
        return super().__eq__(other) and self.options == other.options

    def __hash__(self):
        return super().__hash__() ^ hash(tuple(sorted(self.options.items())))

    def _same(self, subqueries):
        return self.__class__(subqueries, boost=self.boost, **self.options)

    def apply(self, fn):
        return self._same([fn(q) for q in self.subqueries])

    def normalize(self):
        subs = [q.normalize() for q in self.subqueries]
        subs = [q for q in subs if q is not wq.NullQuery]
        return self._same(subs) if subs else wq.NullQuery

    def simplify(self, ixreader):
        return self._same([q.simplify(ixreader) for q in self.subqueries])

    def matcher(self, searcher, context=None):
        subs = self.subqueries
        if not subs:
            return matching.NullMatcher()
        children = [q.matcher(searcher, context) for q in subs]
        m = self.matcher_class(children, total=len(subs), **self.options)
        if self.boost != 1.0:
            m = matching.WrappingMatcher(m, self.boost)
        return m


class _NaryMatcher(matching.Matcher):
    """N-ary union: positioned on the lowest id of its active children; ``_combine`` scores the
    children positioned there."""

    def __init__(self, children, total, **options):
        self._children = children
        self._total = total
        self._options = options
        self._active = [c for c in children if c.is_active()]
        self._id = self._lowest()

    def _lowest(self):
        active = self._active
        return min(c.id() for c in active) if active else None

    def __repr__(self):
        return f"{type(self).__name__}({self._children!r}, {self._options})"

    # -- state --------------------------------------------------------------------------------

    def is_active(self):
        return self._id is not None

    def id(self):
        return self._id

    def reset(self):
        for child in self._children:
            child.reset()
        self._active = [c for c in self._children if c.is_active()]
        self._id = self._lowest()

    def copy(self):
        return self.__class__([c.copy() for c in self._children], self._total, **self._options)

    def children(self):
        return list(self._children)

    def supports_block_quality(self):
        return False

    def replace(self, minquality=0):
        return self  # never restructured: what is combined stays the same for every document

    # -- moving -------------------------------------------------------------------------------

    def _refresh(self):
        self._active = [c for c in self._active if c.is_active()]
        self._id = self._lowest()

    def next(self):
        current = self._id
        if current is None:
            raise matching.ReadTooFar
        for child in self._active:
            if child.id() == current:
                child.next()
        self._refresh()

    def skip_to(self, id):  # noqa: A002 - Whoosh's name
        if self._id is None:
            raise matching.ReadTooFar
        if id <= self._id:
            return
        for child in self._active:
            if child.id() < id:
                child.skip_to(id)
        self._refresh()

    # -- scoring ------------------------------------------------------------------------------

    def _on_current(self):
        current = self._id
        return [c for c in self._active if c.id() == current]

    def score(self):
        return self._combine(self._on_current())

    def _combine(self, children):
        """The score of the document from its children positioned on it."""
        raise NotImplementedError

    def weight(self):
        return sum(c.weight() for c in self._on_current())

    def matching_terms(self, id=None):
        if self._id is None or (id is not None and id != self._id):
            return
        for child in self._on_current():
            yield from child.matching_terms(self._id)

    def supports(self, astype):
        return all(c.supports(astype) for c in self._children)

    def spans(self):
        found = []
        for child in self._on_current():
            found.extend(child.spans())
        return sorted(set(found))

    def value(self):
        return b"".join(c.value() for c in self._on_current())


class CoordinatedMatcher(_NaryMatcher):
    def __init__(self, children, total, **options):
        super().__init__(children, total, **options)
        self._bonus = {id(c) for c in children[len(children) - options.get("bonus", 0) :]}
        self._units = total - len(self._bonus)

    def _combine(self, children):
        units = sum(1 for c in children if id(c) not in self._bonus)
        return sum(c.score() for c in children) * (units / self._units) ** self._options["power"]


class Coordinated(_NaryOr):
    """OR of units, scored by the sum of the matching units times their share to ``power``.
    The last ``bonus`` subqueries are no units: they add their score to a document that
    matches them (two typed words next to each other in its name), and do not count in the share."""

    JOINT = " COORD "
    matcher_class = CoordinatedMatcher

    def __init__(self, subqueries, boost=1.0, power=2.0, bonus=0):
        super().__init__(subqueries, boost=boost, power=power, bonus=bonus)

    def normalize(self):
        count = self.options["bonus"]
        subs = [q.normalize() for q in self.subqueries]
        units = [q for q in subs[: len(subs) - count] if q is not wq.NullQuery]
        bonus = [q for q in subs[len(subs) - count :] if q is not wq.NullQuery] if count else []
        if not units:
            return wq.NullQuery
        return self.__class__(
            [*units, *bonus], boost=self.boost, power=self.options["power"], bonus=len(bonus)
        )


class BestOfMatcher(_NaryMatcher):
    def _combine(self, children):
        return max(c.score() for c in children)


class BestOf(_NaryOr):
    """OR of the alternatives of one unit (the typed word, its synonyms, its correction): the
    best-scoring alternative counts, so a page that uses three spellings of one concept does not
    score three times. (Whoosh's ``DisjunctionMax`` cannot be used: its matcher takes the max of
    both children's scores even when they are on different documents.)"""

    JOINT = " BEST "
    matcher_class = BestOfMatcher
