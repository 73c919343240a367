"""Figures in article text, taken from the published metingen.

    {% load voortgang_tags %}{{ value|richtext|metingen }}

replaces ``[[meting:<slug>.<veld>]]`` by that value of the published meting (``doel``,
``gerealiseerd``, ``verschil``, ``tekort`` or ``procent``), formatted the Dutch way (10.004), at
the moment the page is shown: a meting an Eindredacteur publishes shows at once, in the article
as on /voortgang/. So a figure is typed once, in the meting. A meting that is not (or no longer)
published shows as "onbekend". (Parameter placeholders are filled by the content loader.)
"""

import re

from django import template
from django.utils.safestring import mark_safe

from eligibility.nl import format_value
from voortgang.models import Meting

register = template.Library()

METING = re.compile(r"\[\[meting:([a-z0-9-]+)\.([a-z]+)\]\]")
UNKNOWN = "onbekend"


def fill(text):
    """The text with its placeholders filled (see the module docstring)."""
    slugs = set(METING.findall(text)) if "[[meting:" in text else set()
    if not slugs:
        return text
    found = {m.slug: m for m in Meting.objects.filter(live=True, slug__in={slug for slug, _ in slugs})}

    def meting(match):
        item, veld = found.get(match.group(1)), match.group(2)
        if item is None or veld not in Meting.FIELDS or item.value(veld) is None:
            return UNKNOWN
        return format_value(item.value(veld))

    return METING.sub(meting, text)


@register.filter(is_safe=True)
def metingen(html):
    """Fill the placeholders in already safe HTML (the inserted figures are plain numbers)."""
    text = str(html)
    filled = fill(text)
    return html if filled is text else mark_safe(filled)  # noqa: S308 (only digits and words are added)
