"""Bounded load test and a worker-kill fault: zero non-2xx expected; run by hand, not in CI.

    .venv/bin/python bench/load.py                        # 10 minutes, 32 connections
    .venv/bin/python bench/load.py --minutes 1 --kill-at 30
    .venv/bin/python bench/load.py --minutes 10 --kill-at 120 --kill-at 300 --kill-at 480

The portal is set up as `make run` does (bench/portal_server.py, var/bench-pages/) and served by
gunicorn with 2 sync workers. 32 client threads loop over a mix: content and index pages (from
the page cache after the first hit), search (never cached), the rules API (POST JSON, from
shared/cases/rules.jsonl) and the glossary API. Each thread stops at the deadline, so the run is
bounded. With --kill-at N (repeatable) one gunicorn worker gets SIGKILL N seconds in, chosen while
it serves a request; gunicorn starts a new one, and the report counts the failures in the seconds
around each kill: a sync worker serves one request at a time, so at most that one request may be
lost per kill ("at most one per kill: yes").
"""

import argparse
import collections
import json
import os
import random
import signal
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from portal_server import ROOT, Server, fetch, prepare  # noqa: E402

CASES = ROOT.parent / "shared" / "cases" / "rules.jsonl"


def workload(base):
    pages = [
        "/",
        "/kennisbank/",
        "/vragen/",
        "/praktijkvoorbeelden/",
        "/begrippen/",
        "/feed/",
        "/sitemap.xml",
    ]
    for kind in ("knowledge.ArticlePage", "knowledge.QuestionPage", "knowledge.PracticeExamplePage"):
        listing = json.loads(fetch(f"{base}/api/v2/pages/?limit=20&type={kind}"))["items"]
        pages += [urlsplit(item["meta"]["html_url"]).path for item in listing]
    searches = [
        "/zoeken/?q=banen",
        "/zoeken/?q=uitzendkracht",
        "/zoeken/?q=quotumheffing",
        "/api/zoeken?q=ldr",
    ]
    checks = []
    for line in CASES.read_text().splitlines()[:40]:
        case = json.loads(line)
        body = {"feiten": case["input"], "peildatum": case.get("peildatum")}
        checks.append((f"/api/checks/{case['question']}", json.dumps({k: v for k, v in body.items() if v})))
    return pages, searches, checks


def busy_worker(server, tries=50):
    """A worker pid that is serving a request now (state R in /proc: running, not waiting in
    accept), so the kill hits an in-flight request; any worker after ``tries`` looks."""
    pids = server.worker_pids()
    for _ in range(tries):
        for pid in pids:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state == "R":
                return pid
        time.sleep(0.01)
    return pids[0]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8511)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--kill-at",
        type=float,
        action="append",
        default=[],
        help="seconds; SIGKILL one worker then (repeatable)",
    )
    parser.add_argument("--state", default=str(ROOT / "var" / "bench-pages"))
    args = parser.parse_args()

    prepare(args.state, args.port)
    with Server(args.state, args.port, workers=2, PORTAL_ASK_RATE_LIMIT="5") as server:
        pages, searches, checks = workload(server.url)
        start = time.monotonic()
        deadline = start + args.minutes * 60
        statuses = collections.Counter()
        failures = []  # (seconds since start, what)
        latencies = collections.defaultdict(list)
        lock = threading.Lock()

        def client(seed):
            rng = random.Random(seed)
            while time.monotonic() < deadline:
                roll = rng.random()
                if roll < 0.7:
                    kind, method, path, body = "pagina", "GET", rng.choice(pages), None
                elif roll < 0.85:
                    kind, method, path, body = "zoeken", "GET", rng.choice(searches), None
                else:
                    kind, method = "regels", "POST"
                    path, body = rng.choice(checks)
                began = time.perf_counter()
                connection = HTTPConnection("127.0.0.1", args.port, timeout=60)
                try:
                    headers = {"Content-Type": "application/json"} if body else {}
                    connection.request(method, path, body=body, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    status = response.status
                except OSError as error:
                    status = type(error).__name__
                finally:
                    connection.close()
                with lock:
                    statuses[(kind, status)] += 1
                    latencies[kind].append((time.perf_counter() - began) * 1000)
                    if not (isinstance(status, int) and 200 <= status < 300):
                        failures.append((round(time.monotonic() - start, 1), kind, path, status))

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.connections)]
        for thread in threads:
            thread.start()
        killed = []
        for at in sorted(args.kill_at):
            time.sleep(max(0, start + at - time.monotonic()))
            victim = busy_worker(server)
            os.kill(victim, signal.SIGKILL)
            killed.append((round(time.monotonic() - start, 1), victim))
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start

    total = sum(statuses.values())
    print(f"\n{args.connections} connections, {elapsed:.0f} s, {total} requests, {total / elapsed:.1f} req/s")
    for kind in sorted(latencies):
        values = sorted(latencies[kind])
        print(
            f"  {kind:7} {len(values):6} requests  p50 {values[len(values) // 2]:.0f} ms  "
            f"p99 {values[int(len(values) * 0.99) - 1]:.0f} ms"
        )
    print("statuses:", dict(sorted(statuses.items(), key=str)))
    print(f"non-2xx or failed: {len(failures)}")
    for at, victim in killed:
        near = [f for f in failures if abs(f[0] - at) <= 5]
        print(
            f"worker {victim} killed at {at} s; failures within 5 s of it: {len(near)} {near[:5]}; "
            f"at most one per kill: {'yes' if len(near) <= 1 else 'NO'}"
        )
    for failure in failures[:10]:
        print("  ", failure)


if __name__ == "__main__":
    main()
