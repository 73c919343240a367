"""When a content page is due for review.

Each page is due ``interval`` months after its laatst-gecontroleerd date. The interval is the
page's own ``controle_interval`` when an editor set one, else a default per page type, shorter for
pages about the rules themselves (a rule thema), because those go stale when the law changes.
"""

import calendar
import datetime

from django.utils import timezone

from editorial.citations import content_models

#: Months between two reviews, per page type (model name).
DEFAULT_MONTHS = {"articlepage": 12, "questionpage": 12, "practiceexamplepage": 24}
#: Themas about the rules: their pages are reviewed every RULE_THEME_MONTHS months.
RULE_THEMES = frozenset({"doelgroep", "meetellen", "banen-en-quotum", "wetgeving", "financien"})
RULE_THEME_MONTHS = 6
#: The digest also lists pages that fall due within this many days.
DUE_SOON_DAYS = 14


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_interval(page):
    """The interval a page gets when the editor sets none: per type, shorter for rule themas."""
    months = DEFAULT_MONTHS.get(page._meta.model_name, 12)
    if any(thema.slug in RULE_THEMES for thema in page.thema.all()):
        months = min(months, RULE_THEME_MONTHS)
    return months


def interval(page):
    return page.controle_interval or default_interval(page)


def due_date(page):
    return add_months(page.laatst_gecontroleerd, interval(page))


def is_due(page, today=None):
    return due_date(page) <= (today or timezone.localdate())


class DuePage:
    """A live content page with its review dates, for the reports, the panel and the digest."""

    def __init__(self, page, today):
        self.page = page
        self.interval = interval(page)
        self.due = add_months(page.laatst_gecontroleerd, self.interval)
        self.overdue_days = (today - self.due).days

    @property
    def title(self):
        return self.page.title

    @property
    def is_overdue(self):
        return self.overdue_days >= 0


def due_pages(today=None, within_days=0):
    """Live content pages due on ``today`` + ``within_days`` or earlier, longest overdue first."""
    today = today or timezone.localdate()
    limit = today + datetime.timedelta(days=within_days)
    found = []
    for model in content_models():
        for page in model.objects.live().prefetch_related("thema"):
            item = DuePage(page, today)
            if item.due <= limit:
                found.append(item)
    return sorted(found, key=lambda item: (item.due, item.title))
