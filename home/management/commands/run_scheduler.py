"""Run Wagtail's scheduled publishing every minute, and the daily clean-ups: `make run` starts it.

Every round: ``publish_scheduled``. Once a day (at start-up, then every 24 hours): the commands in
``DAILY``, such as erasing the e-mail address of questions that waited longer than the retention
period. In a larger deployment a cron job or systemd timer runs the same commands instead.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand

DAY = 24 * 60 * 60
# (command, options) run once a day.
DAILY = [
    ("erase_old_addresses", {}),  # an unanswered asker's address: at most 90 days (docs/operations.md)
    ("axes_reset_logs", {"age": 30}),  # admin login attempts: 30 days
    ("searchpromotions_garbage_collect", {}),  # search counts older than WAGTAILSEARCH_HITS_MAX_AGE
    ("prune_old_records", {}),  # unanswered queries, search counts per day, feedback votes: 365 days
    ("search_index_check", {}),  # a killed indexing run is found and repaired within a day
]


class Command(BaseCommand):
    help = "Publiceert en depubliceert ingeplande pagina's, elke minuut (of --once), en ruimt dagelijks op."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconden tussen twee rondes.")
        parser.add_argument("--once", action="store_true", help="Eén ronde en stoppen.")

    def handle(self, *args, **options):
        last_daily = None
        while True:
            call_command("publish_scheduled", verbosity=0)
            call_command("editorial_jobs", verbosity=0)  # rule changes, kennisgaten, digest (editorial.jobs)
            if last_daily is None or time.monotonic() - last_daily >= DAY:
                last_daily = time.monotonic()
                for name, command_options in DAILY:
                    call_command(name, verbosity=0, **command_options)
            if options["once"]:
                return
            time.sleep(max(options["interval"], 1))
