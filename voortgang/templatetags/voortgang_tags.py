"""Figures in article text, taken from the published metingen and the rules parameters.

    {% load voortgang_tags %}{{ value|richtext|metingen }}

replaces, at the moment the page is shown:
- ``[[meting:<slug>.<veld>]]`` by that value of the published meting (``doel``, ``gerealiseerd``,
  ``verschil``, ``tekort`` or ``procent``), formatted the Dutch way (10.004);
- ``[[quotumpercentage:<sector>:<jaar>]]`` by the quotumpercentage of that sector and year from
  the rules parameters (1,93), the same value /voortgang/ and the quotum rule use.

So a figure is typed once: in the meting or the parameter file. A meting that is not (or no
longer) published shows as "onbekend", as does a percentage that was not found.
"""

import datetime
import re

from django import template
from django.utils.safestring import mark_safe

from eligibility.parameters import format_value, parameter
from voortgang.models import FIRST_YEAR, LAST_YEAR, Meting

register = template.Library()

METING = re.compile(r"\[\[meting:([a-z0-9-]+)\.([a-z]+)\]\]")
QUOTUM = re.compile(r"\[\[quotumpercentage:(overheid|markt):(\d{4})\]\]")
UNKNOWN = "onbekend"


def fill(text):
    """The text with its placeholders filled (see the module docstring)."""
    if "[[" not in text:
        return text
    slugs = set(METING.findall(text))
    found = {m.slug: m for m in Meting.objects.filter(live=True, slug__in={slug for slug, _ in slugs})}

    def meting(match):
        item, veld = found.get(match.group(1)), match.group(2)
        if item is None or veld not in Meting.FIELDS or item.value(veld) is None:
            return UNKNOWN
        return format_value(item.value(veld))

    def quotum(match):
        jaar = int(match.group(2))
        if not FIRST_YEAR <= jaar <= LAST_YEAR:
            return UNKNOWN
        value = parameter(f"quotum.percentage_{match.group(1)}", on=datetime.date(jaar, 12, 31)).value
        return UNKNOWN if value is None else format_value(value)

    return QUOTUM.sub(quotum, METING.sub(meting, text))


@register.filter(is_safe=True)
def metingen(html):
    """Fill the placeholders in already safe HTML (the inserted figures are plain numbers)."""
    text = str(html)
    filled = fill(text)
    return html if filled is text else mark_safe(filled)  # noqa: S308 (only digits and words are added)
