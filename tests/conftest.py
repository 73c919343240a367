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
