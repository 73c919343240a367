"""Receivers: checking a page again closes its review flags; publishing a gap's draft marks the
gap answered."""

import datetime

from django.db.models.signals import post_save


def _checked_on(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def revision_saved(sender, instance, **kwargs):
    """A saved page revision (draft, submission or publication) carries the page's
    laatst-gecontroleerd date: a new date closes the page's open flags."""
    from wagtail.models import get_default_page_content_type

    from editorial.rule_changes import resolve_flags

    if instance.base_content_type_id != get_default_page_content_type().pk:
        return
    checked_on = _checked_on((instance.content or {}).get("laatst_gecontroleerd"))
    if checked_on:
        resolve_flags(int(instance.object_id), checked_on)


def page_published(sender, instance, **kwargs):
    from editorial.gaps import mark_published
    from editorial.rule_changes import resolve_flags

    checked_on = getattr(instance, "laatst_gecontroleerd", None)
    if checked_on:
        resolve_flags(instance.pk, checked_on)
    mark_published(instance)


def register():
    from wagtail.models import Revision
    from wagtail.signals import page_published as published

    post_save.connect(revision_saved, sender=Revision, dispatch_uid="editorial_revision_saved")
    published.connect(page_published, dispatch_uid="editorial_page_published")
