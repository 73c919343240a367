"""The portal's Whoosh backend with slow matchers, for the gunicorn test: every step through the
postings sleeps ``STEP_SECONDS``, as a pathological query or a very slow disk would. Without
the time budget a search here takes minutes; with it, its budget."""

import time

from whoosh import query as wq
from whoosh.matching import WrappingMatcher

from portal.search.backend import WhooshSearchBackend
from portal.search.compiler import WhooshSearchQueryCompiler

STEP_SECONDS = 0.25


class SlowMatcher(WrappingMatcher):
    def _replacement(self, newchild):
        return SlowMatcher(newchild)

    def next(self):
        time.sleep(STEP_SECONDS)
        return self.child.next()

    def all_ids(self):
        while self.is_active():
            yield self.id()
            self.next()


class SlowQuery(wq.WrappingQuery):
    def matcher(self, searcher, context=None):
        return SlowMatcher(self.child.matcher(searcher, context))


class SlowQueryCompiler(WhooshSearchQueryCompiler):
    def text_query(self):
        text = super().text_query()
        if text is wq.NullQuery or isinstance(text, wq.Every):
            return text
        return SlowQuery(text)


class SlowSearchBackend(WhooshSearchBackend):
    query_compiler_class = SlowQueryCompiler


SearchBackend = SlowSearchBackend
