"""Template tags for the public pages: the review note and the search click links."""

from urllib.parse import urlencode

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


@register.simple_tag
def zoekklik(url, q):
    """The link of a search result: through /zoeken/klik/ (which counts the click) for a page of
    this portal, the plain URL for anything else."""
    if not (isinstance(url, str) and url.startswith("/") and not url.startswith("//")):
        return url
    return "/zoeken/klik/?" + urlencode({"q": q or "", "naar": url})
