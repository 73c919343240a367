"""What the editorial tools keep of the public search: per day and per normalised query, how
often it was searched, found nothing and led to a click on a result.

Fed by the search's ``after_portal_search`` hook (portal.search.service) and by the click links
of the results page (``/zoeken/klik/``). Only the scrubbed, normalised text is kept
(``portal.privacy``); no address, session or time of day.
"""

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from editorial.models import SearchDay
from portal.privacy import normalise
from portal.search import analysis

logger = logging.getLogger(__name__)


def gap_key(text):
    """The group a text belongs to: its stemmed words without stop words, sorted and unique, so
    'Telt een uitzendkracht mee?', 'telt uitzendkrachten mee' and 'uitzendkracht telt mee' are
    one group (the portal's Dutch analyser, portal.search.analysis)."""
    return " ".join(sorted(set(analysis.analyze(text))))[:255]


def record_search(q, total):
    """Count one search (and whether it found nothing) for today."""
    text = normalise(q)
    key = gap_key(text) if text else ""
    if not key:
        return
    zero = 1 if total == 0 else 0
    day = timezone.localdate()
    rows = SearchDay.objects.filter(day=day, text=text)
    try:
        # No savepoint of its own on the common path (today's row exists): the search logs its
        # counters in one transaction (portal.search.service._log).
        if rows.update(searches=F("searches") + 1, zero_results=F("zero_results") + zero):
            return
        try:
            with transaction.atomic():
                SearchDay.objects.create(day=day, text=text, key=key, searches=1, zero_results=zero)
        except IntegrityError:  # another worker made today's row first
            rows.update(searches=F("searches") + 1, zero_results=F("zero_results") + zero)
    except DatabaseError:
        logger.warning("Could not count a search for the editorial statistics", exc_info=True)


def record_click(q):
    """Count a click on a result of query ``q``; only for a query searched today."""
    text = normalise(q)
    if not text:
        return
    try:
        SearchDay.objects.filter(day=timezone.localdate(), text=text).update(clicks=F("clicks") + 1)
    except DatabaseError:
        logger.warning("Could not count a search click", exc_info=True)
