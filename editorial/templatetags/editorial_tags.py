"""Template tags for the public pages: the review note and the search click links."""

from django import template

register = template.Library()


@register.filter
def wordt_gecontroleerd(page):
    """True when a content page is due for review or cites a rule that changed since its check."""
    from editorial import review
    from editorial.models import ReviewFlag

    if not getattr(page, "laatst_gecontroleerd", None):
        return False
    return (
        review.is_due(page) or ReviewFlag.objects.filter(page_id=page.pk, resolved_at__isnull=True).exists()
    )
