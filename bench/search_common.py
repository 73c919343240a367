"""What the search benchmarks share: a throwaway database (SQLite in a temporary folder, or a
PostgreSQL database made for the run) and Django set up on it."""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, bench/ comes first on sys.path and bench/rules.py would shadow django-rules.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]


def fresh_postgres(url):
    """Drop and create the database of ``url`` (its name must end in ``_bench``: a benchmark
    never touches a database it did not make)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        raise SystemExit(f"PostgreSQL database name {name!r} must end in _bench (it is dropped first)")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(workdir, database_url=None, name="bench"):
    """Django on a throwaway database (SQLite in ``workdir`` or ``database_url``, made afresh),
    migrated, with the cache table."""
    if database_url:
        fresh_postgres(database_url)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir}/{name}.sqlite3"
    os.environ["PORTAL_INDEX_DIR"] = f"{workdir}/whoosh"
    os.environ.setdefault("PORTAL_SEARCH_BACKEND", "whoosh")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the portal's database cache (portal_cache)


def backend_settings(name, workdir):
    if name == "whoosh":
        return {"default": {"BACKEND": "portal.search.backend", "PATH": f"{workdir}/whoosh"}}
    return {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}}


def percentile(values, p):
    """The ``p`` quantile of ``values`` (seconds) in milliseconds."""
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else float("nan")
