"""Three slow searches at once leave the rest of the site answering, in a real gunicorn.

gunicorn runs as `make run` runs it (3 sync workers, 30 s worker timeout) on this test's
database and index, with a backend whose matchers sleep at every step
(``slow_backend.py``): without the time budget each of these searches would hold its worker for
minutes until gunicorn killed it (a 500, and with three at once the whole site waits). With the
budget each answers 200 after about its budget, says the list may be incomplete, and the other
pages are served meanwhile and after.
"""

import concurrent.futures
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.portal.search.conftest import WHOOSH

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not WHOOSH, reason="the slow matchers are Whoosh matchers"),
]

ROOT = Path(__file__).resolve().parents[3]
#: The search engineer's port range (8300-8399); the first free one is used.
PORTS = range(8340, 8400)
WORKERS = 3
#: What a single request may take here before the test calls it stuck (gunicorn's own
#: worker timeout is 30 s; a budgeted search takes about 2 s, queued ones a few more).
REQUEST_TIMEOUT = 25


def _free_port():
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 8340-8399")


def _get(url, timeout=REQUEST_TIMEOUT):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own server
            body = response.read().decode()
            return response.status, body, time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace"), time.monotonic() - started


@pytest.fixture
def database_url(tmp_path):
    """The test database as gunicorn can open it: PostgreSQL's test database as it is, SQLite's
    in-memory test database copied to a file (with the content the test created, committed)."""
    if connection.vendor == "sqlite":
        target = tmp_path / "site.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{target}"
    conf = connection.settings_dict
    return f"postgres://{conf['USER']}:{conf['PASSWORD']}@{conf['HOST']}:{conf['PORT']}/{conf['NAME']}"


@pytest.fixture
def slow_site(site_tree):
    from django.utils import timezone

    from tests.factories import QuestionPageFactory

    for i in range(30):
        QuestionPageFactory(
            parent=site_tree["vragen"],
            title=f"Vraag {i} over het quotum",
            slug=f"quotum-{i}",
            kort_antwoord="Het quotum en de quotumheffing voor werkgevers.",
            first_published_at=timezone.now(),
        )
    call_command("update_index", verbosity=0)
    return site_tree


@pytest.fixture
def gunicorn(slow_site, database_url, tmp_path):
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.portal.search.settings_slow_search",
        DATABASE_URL=database_url,
        PORTAL_INDEX_DIR=str(settings.PORTAL_INDEX_DIR),
        PYTHONPATH=str(ROOT),
    )
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "portal.wsgi",
        f"--workers={WORKERS}",
        "--worker-class=sync",
        "--timeout=30",
        f"--bind=127.0.0.1:{port}",
        f"--error-logfile={log}",
    ]
    with open(tmp_path / "gunicorn.out", "w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"gunicorn stopped: {(tmp_path / 'gunicorn.out').read_text()[-2000:]}")
            try:
                if _get(f"{base}/api/begrippen", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail("gunicorn did not answer within 180 s")
        # Warm every worker (imports, templates), so the timing below is about searching.
        with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
            list(pool.map(lambda _: _get(f"{base}/"), range(WORKERS * 2)))
        yield base, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_three_slow_searches_leave_the_site_answering(gunicorn):
    base, log = gunicorn
    others = ["/", "/api/begrippen", "/vragen/", "/vragen/quotum-3/", "/api/zoeken/aanvullen?q=qu"]
    with concurrent.futures.ThreadPoolExecutor(WORKERS + 1) as pool:
        slow = [pool.submit(_get, f"{base}/zoeken/?q=quotum+werkgevers+heffing") for _ in range(WORKERS)]
        time.sleep(0.3)  # the three searches hold the three workers now
        during = pool.submit(lambda: [_get(f"{base}{path}") for path in others])
        searches = [future.result() for future in slow]
        pages_during = during.result()
    pages_after = [_get(f"{base}{path}") for path in others]

    for status, body, _ in searches:
        assert status == 200
        assert "Het zoeken duurde te lang" in body
    for path, (status, _, _) in zip(others * 2, pages_during + pages_after, strict=True):
        assert status == 200, path
    gunicorn_log = log.read_text()
    assert "WORKER TIMEOUT" not in gunicorn_log
    assert "Traceback" not in gunicorn_log
