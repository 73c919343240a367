import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105  (test settings only)
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Every test run gets its own throwaway index, never the live one.
PORTAL_INDEX_DIR = tempfile.mkdtemp(prefix="portal-test-index-")
if PORTAL_SEARCH_BACKEND == "whoosh":  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["PATH"] = PORTAL_INDEX_DIR  # noqa: F405
MEDIA_ROOT = os.path.join(tempfile.gettempdir(), "portal-test-media")
WHITENOISE_AUTOREFRESH = True
# modelsearch's shared BackendTests run against our backend with their own test models.
INSTALLED_APPS = [*INSTALLED_APPS, "modelsearch.test.testapp"]  # noqa: F405
MIGRATION_MODULES = {"searchtests": None}
# The page cache is on in the tests, as in production, in a folder of this test process.
PORTAL_PAGE_CACHE_DIR = tempfile.mkdtemp(prefix="portal-test-pages-")
CACHES["pages"]["LOCATION"] = PORTAL_PAGE_CACHE_DIR  # noqa: F405
PORTAL_PAGE_CACHE_GENERATION_FILE = os.path.join(PORTAL_PAGE_CACHE_DIR, "generation")
# The Site lookup per process (portal/pagecache/sites.py) would query the database for requests
# whose tests show they need none (the checker's API): off, except in its own tests.
PORTAL_SITE_CACHE = False
