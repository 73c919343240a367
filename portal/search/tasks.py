"""Index writes as background tasks (django-tasks).

modelsearch already sends every save through its own task; these add the bulk jobs of the
portal. With the immediate backend (tests, a single process) they run at once; with a queue and
one worker, that worker is the index's single writer.
"""

from django.apps import apps
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


@task()
def index_objects(model_label, pks):
    """(Re)index objects of one model, or remove those that no longer exist or should not be indexed."""
    model = apps.get_model(model_label)
    found = {obj.pk: obj for obj in model.get_indexed_objects().filter(pk__in=pks)}
    for _, backend in get_search_backends_with_name(with_auto_update=True):
        if found:
            backend.add_bulk(model, list(found.values()))
        index = backend.get_index_for_model(model)
        missing = [pk for pk in pks if pk not in found]
        if missing and hasattr(index, "delete_docids"):
            from portal.search.backend import docid

            index.delete_docids(docid(model, pk) for pk in missing)
