"""Editorial jobs for the scheduler that `make run` starts (home/management/commands/run_scheduler).

The scheduler asks every minute (and the Kennisgaten report asks for its own job when opened); each job runs when it is due and remembers when it ran
(``JobRun``), so several restarts in a week still send one digest. A failing job is logged and
does not stop the others or the scheduler.
"""

import datetime
import logging

from django.db import DatabaseError
from django.utils import timezone

from editorial.models import JobRun

logger = logging.getLogger(__name__)


def _check_rules():
    from editorial import rule_changes

    rule_changes.check()


def _refresh_gaps():
    from editorial import gaps

    gaps.refresh()


def _measure_gaps():
    from editorial import closure

    closure.measure_all()


def _send_digest():
    from editorial import digest

    digest.send()


def _every(delta):
    def due(last, now):
        return last is None or now - last >= delta

    return due


def _weekly_digest(last, now):
    from editorial.digest import week_start

    start = week_start(now)
    return now >= start and (last is None or last < start)


#: name -> (is it due (last run, now), what to run)
JOBS = {
    "regelwijzigingen": (_every(datetime.timedelta(hours=1)), _check_rules),
    "kennisgaten": (_every(datetime.timedelta(minutes=15)), _refresh_gaps),
    "meting": (_every(datetime.timedelta(days=1)), _measure_gaps),
    "digest": (_weekly_digest, _send_digest),
}


def run_due(now=None, jobs=None):
    """Run every job that is due; returns the names of the jobs that ran."""
    now = now or timezone.now()
    ran = []
    for name, (is_due, run) in (jobs or JOBS).items():
        try:
            record = JobRun.objects.filter(name=name).first()
            if not is_due(record.last_run if record else None, now):
                continue
            run()
            JobRun.objects.update_or_create(name=name, defaults={"last_run": now})
            ran.append(name)
        except (DatabaseError, OSError, ValueError):
            logger.exception("Editorial job %s failed", name)
    return ran
