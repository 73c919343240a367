"""Erase the e-mail address of every question that has waited longer than the retention period.

An asker's address is only there to send the answer. Closing a question erases it at once
(knowledge/submissions.py); a question nobody closes keeps it at most
``PORTAL_ASKER_EMAIL_RETENTION_DAYS`` days (90). `run_scheduler` runs this every day.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from knowledge.submissions import SubmittedQuestion


def erase_old_addresses(days=None, now=None):
    """Erase the addresses of questions sent more than ``days`` ago; returns how many."""
    days = settings.PORTAL_ASKER_EMAIL_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return SubmittedQuestion.objects.filter(ingediend_op__lt=cutoff).exclude(email="").update(email="")


class Command(BaseCommand):
    help = "Wist e-mailadressen bij vragen die langer dan de bewaartermijn wachten."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Bewaartermijn in dagen (standaard de instelling).")

    def handle(self, *args, **options):
        erased = erase_old_addresses(options.get("days"))
        if options["verbosity"]:
            self.stdout.write(f"{erased} e-mailadres(sen) gewist.")
