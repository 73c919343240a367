"""Did the new page close the gap? Measured for every gap whose draft was published.

Two figures per gap, kept as a ``GapMeasurement`` each time they are taken (daily by the
scheduler, or ``manage.py measure_kennisgaten``):

- of the gap's queries (the texts it was written for), how many now find the page in the top 3
  of the portal search (best bets included: that is what a visitor sees first);
- the share of the group's searches that found nothing, in the ``BEFORE_DAYS`` before the day of
  publication and on the days after it (the day itself is left out: it is half of each).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format

from editorial.models import ContentGap, GapMeasurement, SearchDay

BEFORE_DAYS = 90
TOP = 3


def _searches(key, **day_filter):
    totals = SearchDay.objects.filter(key=key, **day_filter).aggregate(
        s=Sum("searches"), z=Sum("zero_results")
    )
    return totals["s"] or 0, totals["z"] or 0


def finds_page(text, page_url):
    """True when searching ``text`` shows ``page_url`` among the first TOP results."""
    from portal.search.service import InvalidSearch, search

    try:
        response = search(text, log=False)
    except InvalidSearch:
        return False
    return page_url in [r.url for r in [*response.promotions, *response.results]][:TOP]


def measure(gap, now=None):
    """Take the figures for one published gap; returns the new ``GapMeasurement`` (or None)."""
    page = gap.page
    if page is None or not page.live or gap.published_at is None:
        return None
    now = now or timezone.now()
    published = timezone.localdate(gap.published_at)
    texts = sorted(set(gap.queries.values_list("text", flat=True)))
    url = page.url
    searches_before, zero_before = _searches(
        gap.key, day__gte=published - datetime.timedelta(days=BEFORE_DAYS), day__lt=published
    )
    searches_after, zero_after = _searches(gap.key, day__gt=published)
    return GapMeasurement.objects.create(
        gap=gap,
        measured_at=now,
        queries=len(texts),
        in_top3=sum(finds_page(text, url) for text in texts),
        searches_before=searches_before,
        zero_before=zero_before,
        searches_after=searches_after,
        zero_after=zero_after,
    )


def measure_all(now=None):
    gaps = ContentGap.objects.filter(status=ContentGap.Status.PUBLISHED).select_related("page")
    return [m for m in (measure(gap, now) for gap in gaps) if m is not None]


def _rate(part, whole):
    return f"{round(100 * part / whole)}% ({part} van {whole})" if whole else "geen zoekopdrachten"


@dataclass
class Month:
    """The gaps published in one month, with their latest measurements added up."""

    start: datetime.date
    gaps: int = 0
    measured: int = 0
    queries: int = 0
    in_top3: int = 0
    searches_before: int = 0
    zero_before: int = 0
    searches_after: int = 0
    zero_after: int = 0

    @property
    def label(self):
        return date_format(self.start, "F Y")

    @property
    def top3(self):
        return f"{self.in_top3} van {self.queries}" if self.queries else "nog niet gemeten"

    @property
    def zero_rate_before(self):
        return _rate(self.zero_before, self.searches_before)

    @property
    def zero_rate_after(self):
        return _rate(self.zero_after, self.searches_after)


def by_month():
    """[Month] for every month in which a gap's page was published, newest first."""
    months = {}
    gaps = ContentGap.objects.filter(status=ContentGap.Status.PUBLISHED, published_at__isnull=False)
    for gap in gaps.prefetch_related("measurements"):
        start = timezone.localdate(gap.published_at).replace(day=1)
        month = months.setdefault(start, Month(start))
        month.gaps += 1
        latest = max(gap.measurements.all(), key=lambda m: m.measured_at, default=None)
        if latest is None:
            continue
        month.measured += 1
        for name in ("queries", "in_top3", "searches_before", "zero_before", "searches_after", "zero_after"):
            setattr(month, name, getattr(month, name) + getattr(latest, name))
    return sorted(months.values(), key=lambda m: m.start, reverse=True)
