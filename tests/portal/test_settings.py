"""Production settings pass Django's deployment checks when given a key and host names."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("backend", ["whoosh", "database"])
def test_production_settings_pass_check_deploy_without_warnings(backend, tmp_path):
    env = {
        **{
            k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
        },  # set for browser tests only
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "kennisportaal.example.nl",
        "PORTAL_SEARCH_BACKEND": backend,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_unknown_search_backend_is_refused(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "PORTAL_SEARCH_BACKEND": "elastic"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "PORTAL_SEARCH_BACKEND must be 'whoosh' or 'database'" in result.stderr
