"""Keep the search in step with content changes that modelsearch's own handlers miss.

- A moved page changes the ``path`` (and URL) of all its descendants by a bulk update, without a
  save signal: reindex them.
- Every change of what visitors can find may change the spelling vocabulary of the database
  backend: a page published or unpublished, any other indexed object saved or deleted. Drop that
  cache. (Synonym sources invalidate their own groups: ``synonyms.register_source``.)
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch import index


def _reindex_descendants(sender, instance, **kwargs):
    from portal.search.tasks import reindex_pages

    page_ids = list(instance.get_descendants(inclusive=True).values_list("pk", flat=True))
    transaction.on_commit(lambda: reindex_pages.enqueue(page_ids))


def _page_changed(sender, **kwargs):
    from portal.search import spelling

    spelling.invalidate()


def _object_changed(sender, **kwargs):
    from wagtail.models import Page

    if issubclass(sender, index.Indexed) and not issubclass(sender, Page):
        _page_changed(sender)


def register():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_page_move.connect(_reindex_descendants, dispatch_uid="portal_search_page_move")
    page_published.connect(_page_changed, dispatch_uid="portal_search_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="portal_search_page_unpublished")
    post_save.connect(_object_changed, dispatch_uid="portal_search_object_saved")
    post_delete.connect(_object_changed, dispatch_uid="portal_search_object_deleted")
