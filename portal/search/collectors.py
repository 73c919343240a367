"""Whoosh collectors that cannot hang: no block-quality skipping, a deadline in the loop.

Whoosh's ``TopCollector`` (what ``Searcher.search(q, limit=10)`` uses) speeds up top-N searches
with *block quality*: once the heap of the best N is full it asks the matcher tree to
``skip_to_quality(minscore)``. In Whoosh 2.7 (and whoosh-reloaded 2.7.5) that loop never ends
when floating-point sums disagree: ``UnionMatcher.skip_to_quality`` keeps asking a child to skip
to ``minquality - other`` while the child's block quality is already above that, so neither
moves (whoosh-community/whoosh#446, #461 for ``AndMaybeMatcher``). Two ordinary words
("doelgroepenregister uwv") kept a worker busy until gunicorn killed it.

The collectors here step through the matcher themselves:

- never ``skip_to_quality`` or ``block_quality`` (the optimisation is gone, in every matcher
  class at once, not worked around for one query), and never ``matcher.replace(minscore)``
  (which drops sub-matchers by the same quality arithmetic and, under a ``CoordMatcher``,
  changes the number of terms and so the scores halfway through a search);
- look at the clock every ``CHECK_EVERY`` matches and stop at the budget's deadline
  (``portal.search.budget``): the results so far are kept and the budget is marked
  ``exceeded``, so the portal can say the list may be incomplete.

The cost (every matching document is scored instead of whole blocks skipped) is measured in
docs/performance.md ("A search cannot hang").
"""

from whoosh import collectors

#: Matches between two clock reads (a read costs about 50 ns; a scored match several
#: microseconds, an unscored one much less).
CHECK_EVERY = 64
CHECK_EVERY_UNSCORED = 1024


class _BudgetedMatches:
    """The matching loop shared by the collectors below."""

    budget = None
    stopped = False

    def _spent(self):
        # A budget that is already spent runs nothing more (each leaf searcher would still cost).
        if self.budget is not None and self.budget.expired():
            self.stopped = True
            return True
        return False

    def _stepped(self):
        if self._spent():
            return
        matcher = self.matcher
        budget = self.budget
        countdown = CHECK_EVERY
        while matcher.is_active():
            yield matcher.id()
            matcher.next()
            countdown -= 1
            if not countdown:
                countdown = CHECK_EVERY
                if budget is not None and budget.expired():
                    self.stopped = True
                    return

    def _all_ids(self):
        if self._spent():
            return
        budget = self.budget
        countdown = CHECK_EVERY_UNSCORED
        for docnum in self.matcher.all_ids():
            yield docnum
            countdown -= 1
            if not countdown:
                countdown = CHECK_EVERY_UNSCORED
                if budget is not None and budget.expired():
                    self.stopped = True
                    return


class TopCollector(_BudgetedMatches, collectors.TopCollector):
    """The best ``limit`` documents by score, exactly (no block skipping), within the budget."""

    def __init__(self, limit, budget=None):
        super().__init__(limit=limit, usequality=False, replace=0)
        self.budget = budget

    def _use_block_quality(self):
        return False

    def matches(self):
        return self._stepped()


class UnlimitedCollector(_BudgetedMatches, collectors.UnlimitedCollector):
    """Every matching document, scored, within the budget."""

    def __init__(self, budget=None):
        super().__init__()
        self.replace = 0
        self.budget = budget

    def matches(self):
        return self._stepped()


class UnsortedCollector(_BudgetedMatches, collectors.UnsortedCollector):
    """Every matching document, unscored, within the budget."""

    def __init__(self, budget=None):
        super().__init__()
        self.budget = budget

    def matches(self):
        return self._stepped() if self.context.needs_current else self._all_ids()


def collector(searcher, limit=None, scored=True, budget=None):
    """The collector for a search: top-N, all scored, or all unscored."""
    if not scored:
        return UnsortedCollector(budget)
    if limit is None or limit >= searcher.doc_count():
        return UnlimitedCollector(budget)
    return TopCollector(limit, budget)


def search(searcher, query, limit=None, scored=True, filter=None, budget=None):  # noqa: A002
    """``Searcher.search`` with the collectors above: a ``whoosh.searching.Results``, whose
    ``collector.stopped`` says whether the budget cut it short."""
    inner = collector(searcher, limit=limit, scored=scored, budget=budget)
    outer = collectors.FilterCollector(inner, filter) if filter is not None else inner
    searcher.search_with_collector(query, outer)
    results = outer.results()
    results.stopped = inner.stopped
    return results


def matching_docs(searcher, query, budget=None):
    """The set of matching document numbers (``Searcher.docs_for_query``) within the budget;
    second value: whether the budget cut it short."""
    docs = set()
    countdown = CHECK_EVERY_UNSCORED
    for docnum in searcher.docs_for_query(query):
        docs.add(docnum)
        countdown -= 1
        if not countdown:
            countdown = CHECK_EVERY_UNSCORED
            if budget is not None and budget.expired():
                return docs, True
    return docs, False
