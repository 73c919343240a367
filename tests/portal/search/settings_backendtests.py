"""Test settings plus modelsearch's test app, for the shared BackendTests suite.

Use until ``modelsearch.test.testapp`` is in portal/settings/test.py's INSTALLED_APPS:
``pytest --ds=tests.portal.search.settings_backendtests tests/portal/search``.
"""

from portal.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "modelsearch.test.testapp"]  # noqa: F405
# Its migrations depend on the "modelsearch" app, which Wagtail replaces by wagtail.search:
# create its tables straight from the models instead.
MIGRATION_MODULES = {"searchtests": None}
