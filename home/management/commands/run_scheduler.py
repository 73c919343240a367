"""Run Wagtail's scheduled publishing every minute: `make run` starts it beside gunicorn.

In a larger deployment a cron job or systemd timer runs `manage.py publish_scheduled` instead.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Publiceert en depubliceert ingeplande pagina's, elke minuut (of --once)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconden tussen twee rondes.")
        parser.add_argument("--once", action="store_true", help="Eén ronde en stoppen.")

    def handle(self, *args, **options):
        while True:
            call_command("publish_scheduled", verbosity=0)
            call_command("editorial_jobs", verbosity=0)  # rule changes, kennisgaten, digest (editorial.jobs)
            if options["once"]:
                return
            time.sleep(max(options["interval"], 1))
