import datetime
import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser tests
# are made from that same thread on purpose.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture
def site_tree(db):
    """Home with the three index pages, as the content loader makes them."""
    from tests.factories import build_site_tree

    return build_site_tree()


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test starts with an empty page cache (portal/pagecache), as a fresh deployment does."""
    from django.core.cache import caches

    caches["pages"].clear()


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


def pytest_collection_modifyitems(config, items):
    """With PORTAL_TESTS_DATABASE_ONLY set (the PostgreSQL run of `make test`), only the tests
    that use the database run: the others cannot touch it, so a second run would repeat the
    first one exactly."""
    if not os.environ.get("PORTAL_TESTS_DATABASE_ONLY"):
        return
    keep, skip = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames)
        (keep if uses_db else skip).append(item)
    if skip:
        config.hook.pytest_deselected(items=skip)
        items[:] = keep
