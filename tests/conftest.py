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
    """Each test starts with an empty page cache (portal/pagecache) and empty content memos
    (portal/pagecache/memo.py), as a fresh deployment does."""
    from django.core.cache import caches

    from portal.pagecache import memo

    caches["pages"].clear()
    memo.clear_all()


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


@pytest.fixture(scope="module")
def real_content(django_db_setup, django_db_blocker):
    """The portal's own content (``load_initial_content``) indexed as `make run` does, for the
    tests of one module; rolled back (and the index emptied) afterwards. The pages are saved with
    the search's auto-update off and indexed in one run at the end: one index write per saved
    page would take minutes."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings
    from modelsearch.backends import get_search_backend

    quiet = {name: {**conf, "AUTO_UPDATE": False} for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    with django_db_blocker.unblock():
        with transaction.atomic():
            get_search_backend("default").reset_indexes()
            with override_settings(WAGTAILSEARCH_BACKENDS=quiet):
                call_command("load_initial_content", "--no-index", verbosity=0)
            call_command("update_index", verbosity=0)
            yield
            transaction.set_rollback(True)
        get_search_backend("default").reset_indexes()
