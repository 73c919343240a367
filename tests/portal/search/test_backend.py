"""modelsearch's shared backend test suite (``BackendTests``) against the Whoosh backend.

Needs modelsearch's test app in INSTALLED_APPS (portal/settings/test.py adds it); without it the
suite is skipped with that reason.
"""

import tempfile
import unittest

from django.apps import apps
from django.test import TestCase, override_settings

WHOOSH = {
    "default": {
        "BACKEND": "portal.search.backend",
        "PATH": tempfile.mkdtemp(prefix="portal-backendtests-"),
    }
}

if apps.is_installed("modelsearch.test.testapp"):
    import sys

    import wagtail.search.models

    # The suite imports modelsearch.models, whose concrete models Wagtail defines as
    # wagtail.search.models (app "wagtailsearch") instead: point the import there.
    sys.modules.setdefault("modelsearch.models", wagtail.search.models)
    from modelsearch.tests.test_backends import BackendTests
else:  # pragma: no cover - depends on the settings module

    class BackendTests:
        pass


@unittest.skipUnless(
    apps.is_installed("modelsearch.test.testapp"),
    "modelsearch.test.testapp is not in INSTALLED_APPS (see tests/portal/search/settings_backendtests.py)",
)
@override_settings(WAGTAILSEARCH_BACKENDS=WHOOSH, MODELSEARCH_BACKENDS=WHOOSH)
class TestWhooshBackend(BackendTests, TestCase):
    backend_path = "portal.search.backend"
    fixtures = []

    @classmethod
    def setUpTestData(cls):
        from django.core.management.color import no_style
        from django.db import connection

        from tests.portal.search.backendtests_data import build

        build()
        # The data has fixed primary keys; on PostgreSQL move the sequences past them so the
        # suite's own inserts get fresh keys (SQLite needs nothing).
        models = list(apps.get_app_config("searchtests").get_models())
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)

    def clear_index_entries(self):
        from modelsearch.backends import get_search_backend

        get_search_backend("default").reset_indexes()


def test_shared_backend_suite_is_installed():
    """Makes a missing test app visible as a skip (the suite itself would silently vanish)."""
    import pytest

    if not apps.is_installed("modelsearch.test.testapp"):
        pytest.skip(
            "modelsearch's BackendTests need modelsearch.test.testapp in INSTALLED_APPS and "
            'MIGRATION_MODULES = {"searchtests": None} (as tests/portal/search/settings_backendtests.py)'
        )
