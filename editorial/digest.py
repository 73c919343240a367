"""The weekly digest to the Eindredacteuren: pages due for review, pages a rule change made stale."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from editorial import review
from editorial.dashboard import flagged_pages
from knowledge.rules import EINDREDACTIE


def recipients():
    return list(
        get_user_model()
        .objects.filter(groups__name=EINDREDACTIE, is_active=True)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )


def build(today=None):
    """The digest's content on ``today``: what it lists and the subject line."""
    today = today or timezone.localdate()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    def edit_url(page_id):
        return base + reverse("wagtailadmin_pages:edit", args=[page_id])

    due = review.due_pages(today, within_days=review.DUE_SOON_DAYS)
    for item in due:
        item.admin_url = edit_url(item.page.pk)
    flagged = flagged_pages()
    for item in flagged:
        item["admin_url"] = edit_url(item["page_id"])
    context = {
        "today": today,
        "overdue": [item for item in due if item.is_overdue],
        "due_soon": [item for item in due if not item.is_overdue],
        "soon_days": review.DUE_SOON_DAYS,
        "flagged": flagged,
        "admin": base + reverse("wagtailadmin_home"),
        "flags_url": base + reverse("editorial_flags"),
        "due_url": base + reverse("editorial_due"),
    }
    week = today.isocalendar().week
    context["subject"] = (
        f"Redactie week {week}: {len(context['overdue'])} controles verlopen, "
        f"{len(context['flagged'])} pagina's na regelwijziging"
    )
    return context


def send(today=None):
    """Send the digest; returns the number of recipients (0: nobody to send it to)."""
    to = recipients()
    if not to:
        return 0
    context = build(today)
    body = render_to_string("editorial/email/digest.txt", context)
    send_mail(context["subject"], body, settings.DEFAULT_FROM_EMAIL, to)
    return len(to)


def week_start(now):
    """The moment this week's digest is due: Monday 08:00 local time."""
    local = timezone.localtime(now)
    monday = local.date() - datetime.timedelta(days=local.weekday())
    return timezone.make_aware(datetime.datetime.combine(monday, datetime.time(8)))
