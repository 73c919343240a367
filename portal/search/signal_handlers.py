"""Keep the search in step with content changes that modelsearch's own handlers miss.

- A moved page changes the ``path`` (and URL) of all its descendants by a bulk update, without a
  save signal: reindex them.
- Begrippen feed the synonym groups, and every page or begrip change may change the spelling
  vocabulary of the database backend: drop those caches.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save


def _reindex_descendants(sender, instance, **kwargs):
    from portal.search.tasks import reindex_pages

    page_ids = list(instance.get_descendants(inclusive=True).values_list("pk", flat=True))
    transaction.on_commit(lambda: reindex_pages.enqueue(page_ids))


def _begrip_changed(sender, **kwargs):
    from portal.search import spelling, synonyms

    synonyms.invalidate()
    spelling.invalidate()


def _page_changed(sender, **kwargs):
    from portal.search import spelling

    spelling.invalidate()


def register():
    from django.apps import apps
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_page_move.connect(_reindex_descendants, dispatch_uid="portal_search_page_move")
    page_published.connect(_page_changed, dispatch_uid="portal_search_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="portal_search_page_unpublished")
    if apps.is_installed("knowledge"):
        begrip = apps.get_model("knowledge", "Begrip")
        post_save.connect(_begrip_changed, sender=begrip, dispatch_uid="portal_search_begrip_saved")
        post_delete.connect(_begrip_changed, sender=begrip, dispatch_uid="portal_search_begrip_deleted")
