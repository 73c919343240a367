"""Index writes as background tasks (django-tasks).

modelsearch already sends every save through its own task; this adds the portal's bulk job
(reindexing a moved page and its descendants). With the immediate backend (tests, a single
process) it runs at once; with a queue and one worker, that worker is the index's single writer.
"""

from django_tasks import task
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import get_indexed_instance


@task()
def reindex_pages(page_ids):
    """Reindex pages by id (after a move, their paths and URLs changed)."""
    from wagtail.models import Page

    pages = [get_indexed_instance(page.specific) for page in Page.objects.filter(pk__in=page_ids)]
    pages = [p for p in pages if p is not None]
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for _, backend in get_search_backends_with_name(with_auto_update=True):
        for model, objs in by_model.items():
            backend.add_bulk(model, objs)
