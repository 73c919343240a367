"""A hard time budget for searches.

Every search runs against a ``Budget``: a deadline on the monotonic clock. The loops that can
take long check it (the Whoosh collectors in ``portal.search.collectors`` every few dozen
matches; the database backends through ``database_deadline``), stop when it has passed and
mark the budget ``exceeded``, so the caller can answer with what was found and say so.

Nothing here uses signals or threads: a check is a clock read inside the search's own loop, so
it works the same in a gunicorn sync worker, a thread, a management command or a test.

``portal.search.service`` opens one budget per portal search (``with budget.limit(): ...``);
a search made elsewhere (the admin, API v2) gets a fresh default budget per operation.
"""

import contextlib
import contextvars
import time

from django.conf import settings
from django.db import transaction

#: Seconds one portal search may take, unless ``PORTAL_SEARCH_TIME_BUDGET`` says otherwise.
DEFAULT_SECONDS = 2.0


def default_seconds():
    try:
        seconds = float(getattr(settings, "PORTAL_SEARCH_TIME_BUDGET", DEFAULT_SECONDS))
    except (TypeError, ValueError):
        seconds = DEFAULT_SECONDS
    return seconds if seconds > 0 else DEFAULT_SECONDS


class Budget:
    """A deadline; ``exceeded`` records that some search stopped at it."""

    def __init__(self, seconds=None, parent=None):
        self.seconds = default_seconds() if seconds is None else max(float(seconds), 0.0)
        self.deadline = time.monotonic() + self.seconds
        self.parent = parent
        if parent is not None:
            self.deadline = min(self.deadline, parent.deadline)
        self.exceeded = False

    def remaining(self):
        return max(self.deadline - time.monotonic(), 0.0)

    def expired(self):
        """True (and ``exceeded`` set, here and in the parents) once the deadline has passed."""
        if time.monotonic() < self.deadline:
            return False
        self.mark_exceeded()
        return True

    def mark_exceeded(self):
        budget = self
        while budget is not None:
            budget.exceeded = True
            budget = budget.parent

    def share(self, parts):
        """A child budget with a fair share of what is left (``parts`` searches still to run),
        so one slow search cannot leave nothing for the others."""
        return Budget(self.remaining() / max(parts, 1), parent=self)

    def __repr__(self):
        return f"<Budget {self.remaining():.3f}s left of {self.seconds:.3f}s{' exceeded' if self.exceeded else ''}>"


_current = contextvars.ContextVar("portal_search_budget", default=None)


def current():
    """The budget of the portal search running now, or None outside one."""
    return _current.get()


def current_or_new():
    """The running budget, or a fresh default one (a search from the admin or API v2)."""
    return _current.get() or Budget()


@contextlib.contextmanager
def limit(seconds=None, budget=None):
    """Run the searches inside under one budget (a new one of ``seconds``, or ``budget``)."""
    budget = budget if budget is not None else Budget(seconds)
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


#: How many SQLite virtual machine instructions run between two clock checks.
SQLITE_CHECK_EVERY = 10_000


@contextlib.contextmanager
def database_deadline(connection, budget):
    """Stop the database's own queries at the budget's deadline (the database search backend),
    inside a savepoint, so that a stopped statement never breaks the request's transaction.

    SQLite: a progress handler interrupts the running statement (``OperationalError:
    interrupted``). PostgreSQL: ``statement_timeout`` set locally (``SET LOCAL``) inside the
    savepoint, which is always rolled back at the end (the block only reads): that undoes the
    setting without a statement of its own that the short timeout could cancel, so the limit can
    never stay on the connection. Other databases: no limit. A stopped statement raises
    ``django.db.OperationalError``; the caller treats it as the budget running out
    (``is_timeout``).
    """
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        raw = connection.connection

        def progress():
            return 1 if budget.expired() else 0

        raw.set_progress_handler(progress, SQLITE_CHECK_EVERY)
        try:
            with transaction.atomic(using=connection.alias):
                yield
        finally:
            raw.set_progress_handler(None, 0)
    elif vendor == "postgresql":
        milliseconds = max(int(budget.remaining() * 1000), 1)
        with transaction.atomic(using=connection.alias):
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(milliseconds)])
                yield
            finally:
                transaction.set_rollback(True, using=connection.alias)
    else:
        with transaction.atomic(using=connection.alias):
            yield


def is_timeout(exc, budget):
    """Whether a database error is the budget's deadline stopping a statement."""
    text = str(exc).lower()
    if "interrupted" in text or "statement timeout" in text or "canceling statement" in text:
        budget.mark_exceeded()
        return True
    return False
