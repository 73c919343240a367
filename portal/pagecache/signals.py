"""What replaces the page cache's generation (portal/pagecache/generation.py).

Wagtail's own signals for pages (published, unpublished, moved, deleted), plus saving and deleting
any model that pages show: every model of the content apps (``PORTAL_PAGE_CACHE_CONTENT_APPS``:
the snippets begrippen, bronnen, organisaties, the taxonomies) except those no page shows
(``PORTAL_PAGE_CACHE_IGNORED_MODELS``: feedback votes, the question queue), the models of other
apps that pages show (``PORTAL_PAGE_CACHE_EXTRA_MODELS``: the editorial review flags), and
Wagtail's images, documents, sites, redirects, view restrictions and site settings. A draft save
of a page changes nothing visitors see and leaves the cache alone. Rules parameters are files: a
change is a deploy, covered by the fingerprint.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.pagecache.generation import bump_on_commit

CONTENT_MODELS = set()

# Page fields a draft save or a lock writes: none of them is shown to a visitor.
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
    "comments",
}


def _content_models():
    """Models whose rows pages show: every model of the content apps, and Wagtail's shared ones."""
    from django.apps import apps
    from django.conf import settings
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, PageViewRestriction, Site

    # A view restriction (a password or login on a page, or on a collection's documents) makes a
    # page that was public private: it must not be served from the cache on the next request.
    models = {
        Site,
        Redirect,
        PageViewRestriction,
        CollectionViewRestriction,
        get_image_model(),
        get_document_model(),
        *settings_registry,
    }
    models.update(apps.get_model(label) for label in settings.PORTAL_PAGE_CACHE_EXTRA_MODELS)
    ignored = set(settings.PORTAL_PAGE_CACHE_IGNORED_MODELS)
    for label in settings.PORTAL_PAGE_CACHE_CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if not issubclass(model, Page) and model._meta.label not in ignored:
                models.add(model)
    return models


def _page_saved(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if instance.live or update_fields is None or "live" in update_fields:
        bump_on_commit()


def _changed(**kwargs):
    bump_on_commit()


def _page_deleted(sender, instance, **kwargs):
    bump_on_commit()


def connect():
    page_published.connect(_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_changed, dispatch_uid="pagecache-moved")
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(_page_saved, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
            post_delete.connect(
                _page_deleted, sender=model, dispatch_uid=f"pagecache-del-{model._meta.label}"
            )
    CONTENT_MODELS.update(_content_models())
    for model in CONTENT_MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache-del-{model._meta.label}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and (isinstance(instance, Page) or type(instance) in CONTENT_MODELS):
        bump_on_commit()
