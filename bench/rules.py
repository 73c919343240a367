"""Benchmark of the rules module: evaluations per second in-process, and latency over HTTP.

    .venv/bin/python bench/rules.py                 # both parts
    .venv/bin/python bench/rules.py --no-http       # in-process only

In-process: ``engine.evaluate`` (validation included) for each question, in one thread, so on
one core. Over HTTP: gunicorn on 127.0.0.1 with ``portal.settings.local_run`` and a throwaway
SQLite database (migrated first), then ``wrk`` with 32 connections POSTing JSON to
``/api/checks/{vraag}``; p50/p95/p99 per question. gunicorn is stopped afterwards.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this file is called rules.py: put the project, not bench/, first so "rules" is django-rules
sys.path[0] = str(ROOT)

from eligibility.engine import evaluate  # noqa: E402 - after the path set-up above

PEILDATUM = "2024-06-01"
SCENARIOS = {
    "doelgroep": {
        "heeft_wajong_recht": True,
        "wajong_regime": "wajong_2010",
        "wajong_duurzaam_geen_arbeidsvermogen": False,
    },
    "telt_mee": {
        "persoon_in_doelgroep": True,
        "constructie": "detachering",
        "uitlener_type": "sw_bedrijf",
        "uren_toegerekend_aan_inlener": True,
        "formele_werkgever": "sw_bedrijf_gemeente_x",
        "vraag_voor_werkgever": "ministerie_van_lnv",
        "kader": "wettelijk_quotum",
    },
    "banen": {"uren_per_week_per_persoon": [12.75, 25.5, 32, 8]},
    "quotum": {
        "sector": "overheid",
        "jaar": 2019,
        "fte": 1000,
        "uren_per_fte_per_week": 36,
        "quotumpercentage": 2.14,
        "gerealiseerde_banen": 30,
        "verloonde_uren_vorig_jaar": 1_500_000,
        "verloonde_uren_jaar": 1_550_000,
    },
}
WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[%s]]
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%%d,"non2xx":%%d,"socket_errors":%%d,"p50_ms":%%.2f,"p95_ms":%%.2f,"p99_ms":%%.2f,"rps":%%.1f}\\n',
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
"""


def in_process(seconds):
    """Evaluations per second per question, in this process and thread (one core)."""
    results = {}
    for question, facts in SCENARIOS.items():
        evaluate(question, facts, PEILDATUM)  # warm up
        count, start = 0, time.perf_counter()
        deadline = start + seconds
        while time.perf_counter() < deadline:
            for _ in range(100):
                evaluate(question, facts, PEILDATUM)
            count += 100
        results[question] = count / (time.perf_counter() - start)
    return results


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - 127.0.0.1 only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on {url}")


def over_http(seconds, connections, workers, threads, worker_class="sync"):
    """p50/p95/p99 and requests per second per question, via wrk against gunicorn."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    tmp = Path(tempfile.mkdtemp(prefix="bench-rules-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.local_run",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "PORTAL_INDEX_DIR": str(tmp / "index"),
    }
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=600
    )
    port = _free_port()
    gunicorn = [
        python,
        "-m",
        "gunicorn",
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        *(["--threads", str(threads)] if worker_class == "gthread" else []),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, start_new_session=True)
    results = {"command": " ".join(gunicorn[1:]).replace(str(port), "PORT")}
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/api/checks")
        for question, facts in SCENARIOS.items():
            body = json.dumps({"peildatum": PEILDATUM, "feiten": facts})
            script = tmp / f"{question}.lua"
            script.write_text(WRK_SCRIPT % body)
            url = f"http://127.0.0.1:{port}/api/checks/{question}"
            wrk_args = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url]
            subprocess.run([*wrk_args[:-1], "-d2s", url], capture_output=True, timeout=60)  # warm up
            output = subprocess.run(wrk_args, capture_output=True, text=True, timeout=seconds + 60).stdout
            results[question] = json.loads(output.strip().splitlines()[-1])
        results["wrk"] = (
            f"wrk -t2 -c{connections} -d{seconds}s -s <vraag>.lua http://127.0.0.1:PORT/api/checks/<vraag>"
        )
    finally:
        server.send_signal(signal.SIGTERM)  # gunicorn stops its workers itself
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="per question, in-process")
    parser.add_argument("--http-seconds", type=int, default=10, help="per question, over HTTP")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (make run uses 3)")
    parser.add_argument(
        "--worker-class", default="sync", choices=["sync", "gthread"], help="make run uses sync"
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker")
    parser.add_argument("--no-http", action="store_true")
    args = parser.parse_args()

    print(f"In-process, one thread, peildatum {PEILDATUM}:")
    print("| vraag | evaluaties per seconde |\n|---|---:|")
    for question, rate in in_process(args.seconds).items():
        print(f"| {question} | {rate:,.0f} |")
    if args.no_http:
        return
    results = over_http(args.http_seconds, args.connections, args.workers, args.threads, args.worker_class)
    print(f"\nOver HTTP, {args.connections} connections, {args.http_seconds} s per question:")
    print(f"server: {results['command']}\nload:   {results['wrk']}")
    print("| vraag | requests/s | p50 ms | p95 ms | p99 ms | non-2xx | socket errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for question in SCENARIOS:
        r = results[question]
        print(
            f"| {question} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | "
            f"{r['non2xx']} | {r['socket_errors']} |"
        )


if __name__ == "__main__":
    main()
