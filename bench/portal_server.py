"""Start the portal as `make run` does, in a throwaway folder, for the benchmarks in bench/.

The same steps as the Makefile's run target (migrate, createcachetable, configure_site,
collectstatic, load_initial_content, update_index) on an SQLite file and a Whoosh index of their
own under ``--state`` (kept between runs with ``--reuse`` so the 1-2 minute set-up is paid once),
then gunicorn with sync workers and portal.settings.local_run. Used by bench/pages.py and
bench/load.py.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def environment(state, port, **extra):
    state = Path(state)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.local_run",
        "DATABASE_URL": f"sqlite:///{state / 'db.sqlite3'}",
        "PORTAL_INDEX_DIR": str(state / "whoosh_index"),
        "PORTAL_PAGE_CACHE_DIR": str(state / "pages"),
        "PORTAL_BASE_URL": f"http://127.0.0.1:{port}",
        "PORTAL_ASK_RATE_LIMIT": os.environ.get("PORTAL_ASK_RATE_LIMIT", "5"),
        **{k: str(v) for k, v in extra.items()},
    }


def prepare(state, port, reuse=True, log=sys.stderr):
    """Migrate and load the content once; a second call with reuse=True only re-applies settings."""
    state = Path(state)
    state.mkdir(parents=True, exist_ok=True)
    env = environment(state, port)
    fresh = not (state / "db.sqlite3").exists() or not reuse
    steps = [
        ["migrate", "--noinput", "-v0"],
        ["createcachetable"],
        ["configure_site", "-v0"],
        ["collectstatic", "--noinput", "-v0"],  # every time, as `make run`: new code may bring new assets
    ]
    if fresh:
        steps += [
            ["load_initial_content", "--if-empty"],
            ["update_index", "-v0"],
        ]
    started = time.monotonic()
    for step in steps:
        subprocess.run([PYTHON, "manage.py", *step], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    print(f"prepared {state} in {time.monotonic() - started:.0f} s", file=log)


def fetch(url, timeout=30):
    """The body of a GET to the local server (http://127.0.0.1 only)."""
    assert url.startswith("http://127.0.0.1:"), url
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - a local http URL
        return response.read()


def port_free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class GunicornServer:
    """gunicorn serving ``app`` from ``cwd`` with N sync workers on 127.0.0.1:port; a context manager.

    Ready when ``ready_path`` answers; bench/side_by_side.py runs bakerydemo with it too.
    """

    ready_path = "/"

    def __init__(self, app, cwd, env, port, workers=2, gunicorn=GUNICORN, extra_args=()):
        self.app, self.cwd, self.env, self.port, self.workers = app, cwd, env, port, workers
        self.gunicorn, self.extra_args = gunicorn, list(extra_args)
        self.process = None

    def __enter__(self):
        if not port_free(self.port):
            raise SystemExit(f"port {self.port} is in use")
        args = [
            self.gunicorn,
            self.app,
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--graceful-timeout",
            "5",
            *self.extra_args,
        ]
        self.process = subprocess.Popen(
            args,
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(f"{self.url}{self.ready_path}", timeout=5)
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise SystemExit(f"gunicorn {self.app} did not answer within 60 s")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self):
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid in out.split()]

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return False


class Server(GunicornServer):
    """gunicorn portal.wsgi with N sync workers on 127.0.0.1:port, the `make run` way."""

    ready_path = "/robots.txt"

    def __init__(self, state, port, workers=2, access_log=None, **env):
        self.state, self.access_log = state, access_log
        extra = ["--env", "DJANGO_SETTINGS_MODULE=portal.settings.local_run"]
        if access_log:
            extra += [
                "--access-logfile",
                str(access_log),
                "--config",
                str(ROOT / "portal" / "gunicorn.conf.py"),
            ]
        super().__init__(
            "portal.wsgi", ROOT, environment(state, port, **env), port, workers=workers, extra_args=extra
        )
