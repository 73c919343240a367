"""A Wagtail (modelsearch) search backend on Whoosh 2.7.

Configured as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend",
"PATH": <index folder>}}``. Optional parameters: ``WRITE_TIMEOUT`` (seconds a writer waits for
the index lock, default 60).

The parts: ``index_store`` (the index folder: locked writes, per-thread searchers, rebuilds
beside the live index), ``documents`` (what an object becomes in the index), ``indexing``
(modelsearch's index and rebuilder interface), ``compiler`` (queries and filters to Whoosh
queries), ``results`` (running them within the time budget, checking and fetching), and here
the backend that ties them together.

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

from django.db import connections
from modelsearch.backends.base import (
    BaseSearchBackend,
)

from portal.search.compiler import WhooshAutocompleteQueryCompiler, WhooshSearchQueryCompiler
from portal.search.index_store import IndexStore
from portal.search.indexing import WhooshIndex, WhooshRebuilder
from portal.search.results import WhooshSearchResults


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
