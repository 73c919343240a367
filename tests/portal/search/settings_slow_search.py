"""Settings of the gunicorn in test_gunicorn.py: the test settings, DEBUG off, the database and
index folder of the test that started it, and the slow-matcher backend."""

import os

from portal.search import collectors
from portal.settings.test import *  # noqa: F403

DEBUG = False
PORTAL_INDEX_DIR = os.environ["PORTAL_INDEX_DIR"]
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "tests.portal.search.slow_backend", "PATH": PORTAL_INDEX_DIR, "AUTO_UPDATE": False}
}
# Few documents, each step slow: look at the clock at every match.
collectors.CHECK_EVERY = 1
collectors.CHECK_EVERY_UNSCORED = 1
