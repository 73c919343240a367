"""Parameter values and open questions in templates, read from the same data as the rules.

{% load eligibility_tags %}
1 baan = {% parameter_waarde "banen.urennorm" %} uur per week   ->  1 baan = 25,5 uur per week
{{ page.body|parameters }}   fills [[parameter:quotum.drempel_uren]] placeholders
{% onzekerheden_lijst page.slug %}   the open questions a kennisartikel discusses: the readings,
                                     their sources and the one the rules follow, in plain Dutch
{% onzekerheden_bij page.slug as items %}   the same as data
{{ peildatum|nl_datum }}   1 januari 2026: dates the way eligibility.nl writes them, as the answers do
"""

import dataclasses
import datetime

from django import template
from django.utils import timezone

from eligibility.nl import format_value, nl_date
from eligibility.onzekerheden import for_article
from eligibility.parameters import PARAMETERS, fill_placeholders, parameter
from eligibility.sources import dated

register = template.Library()


def _day(op):
    if op is None or op == "":
        return timezone.localdate()
    if isinstance(op, datetime.date):
        return op
    return datetime.date.fromisoformat(str(op))


@register.filter
def nl_datum(day):
    """A date the Dutch way (1 januari 2026), by the one module that writes dates (eligibility.nl)."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    return nl_date(day) if isinstance(day, datetime.date) else ""


@register.simple_tag
def parameter_waarde(name, op=None):
    """The value of a parameter in force today (or on ``op``), formatted the Dutch way."""
    if name not in PARAMETERS:
        return ""
    return format_value(parameter(name, _day(op)).value)


@register.filter(is_safe=True)
def parameters(text, op=None):
    """Fill ``[[parameter:<naam>]]`` placeholders in a text with the values in force."""
    return fill_placeholders(str(text), _day(op))


@register.simple_tag
def parameter_in_force(name, op=None):
    """The ParameterValue in force today (or on ``op``), with ``display``; None for an unknown name."""
    if name not in PARAMETERS:
        return None
    day = _day(op)
    value = parameter(name, day)
    value = dataclasses.replace(value, reference=tuple(dated(ref, day) for ref in value.reference))
    return {"value": value, "display": format_value(value.value) if value.known else None}


@register.simple_tag
def onzekerheden_bij(slug, op=None):
    """The open questions (eligibility/onzekerheden.yaml) that the kennisartikel ``slug`` discusses."""
    return for_article(str(slug), _day(op))


@register.inclusion_tag("eligibility/includes/onzekerheden.html")
def onzekerheden_lijst(slug, op=None):
    """A section 'Waar de bronnen verschillen' for a kennisartikel; nothing when it has none."""
    return {"onzekerheden": for_article(str(slug), _day(op)), "kop_id": f"onzekerheden-{slug}"}
