"""Page benchmark: req/s, p50 and p99 per page type, uncached and cached, the `make run` way.

    .venv/bin/python bench/pages.py                      # set up (first time 1-2 min), then measure
    .venv/bin/python bench/pages.py --duration 20 --connections 16 --port 8510

The portal is set up as `make run` does (bench/portal_server.py: migrate, content, index) in
var/bench-pages/ and served by gunicorn with 2 sync workers on 127.0.0.1:PORT. Each page type is
measured with wrk (Debian's `wrk`; a small Python load generator when wrk is missing) for
--duration seconds with --connections connections, once with the page cache off
(PORTAL_PAGE_CACHE=0: every request renders) and once with it on (after one warming request).
Figures go to stdout as a Markdown table; docs/performance.md has a run and how to read it.

    .venv/bin/python bench/pages.py --in-process --repeat 2000    # what one cached hit costs

--in-process measures no server: it calls ``portal.wsgi.application`` (what gunicorn calls) in
this process with a gunicorn-like environ, once to store each page, then --repeat hits, and prints
the wall and CPU microseconds per hit (without gunicorn's own parsing and socket work).
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from portal_server import ROOT, Server, environment, fetch, prepare  # noqa: E402


def discover(base, get=fetch):
    """One URL per page type, found through the API v2 and the glossary API.

    ``get(url)`` returns a body; bench/render.py passes the test client's.
    """

    def first(kind):
        data = json.loads(get(f"{base}/api/v2/pages/?type={kind}&limit=1&order=title"))
        return urllib.parse.urlsplit(data["items"][0]["meta"]["html_url"]).path

    begrip = json.loads(get(f"{base}/api/begrippen"))[0]["url"]
    thema = re.search(r'href="\?thema=([\w-]+)"', get(f"{base}/kennisbank/").decode())
    return {
        "home": "/",
        "kennisartikel": first("knowledge.ArticlePage"),
        "kennisbank": "/kennisbank/",
        "kennisbank gefilterd": f"/kennisbank/?thema={thema.group(1)}" if thema else "/kennisbank/?pagina=2",
        "praktijkvoorbeeld": first("knowledge.PracticeExamplePage"),
        "vraag": first("knowledge.QuestionPage"),
        "vragenbank": "/vragen/",
        "begrippen": "/begrippen/",
        "begrip": urllib.parse.urlsplit(begrip).path,
        "feed": "/feed/",
        "sitemap": "/sitemap.xml",
        "zoeken (nooit gecachet)": "/zoeken/?q=banen",
    }


def run_wrk(url, duration, connections):
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(out)


def parse_wrk(out):
    """req/s, requests, p50 and p99 in ms, non-2xx/3xx count and socket errors from `wrk --latency` output."""

    def ms(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": ms("50"),
        "p99": ms("99"),
        "non2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def run_python(url, duration, connections):
    """A small closed-loop load generator: `connections` threads with keep-alive connections."""
    parts = urllib.parse.urlsplit(url)
    latencies, errors, stop = [], [0], time.monotonic() + duration
    lock = threading.Lock()

    def worker():
        connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
        path = parts.path + ("?" + parts.query if parts.query else "")
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = 200 <= response.status < 400
            except OSError:
                connection.close()
                connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
                ok = False
            with lock:
                latencies.append((time.perf_counter() - start) * 1000)
                errors[0] += not ok

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": len(latencies) / (time.monotonic() - begin),
        "requests": len(latencies),
        "p50": statistics.median(latencies),
        "p99": latencies[int(len(latencies) * 0.99) - 1],
        "non2xx": errors[0],
        "socket_errors": "",
    }


def measure(server, urls, duration, connections, warm):
    runner = run_wrk if shutil.which("wrk") else run_python
    results = {}
    for name, path in urls.items():
        url = server.url + path
        if warm:
            fetch(url)
        results[name] = runner(url, duration, connections)
    return results


def wsgi_caller(port):
    """``call(path) -> (status, headers, body)`` through portal.wsgi.application in this process."""
    bench = str(Path(__file__).resolve().parent)
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if p != bench]  # bench/rules.py is not `rules`
    from portal.wsgi import application

    base = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": f"127.0.0.1:{port}",
        "HTTP_USER_AGENT": "wrk",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }

    def call(path):
        path, _, query = path.partition("?")
        environ = {**base, "PATH_INFO": path, "QUERY_STRING": query, "wsgi.input": io.BytesIO(b"")}
        started = []
        result = application(
            environ, lambda status, headers, exc_info=None: started.append((status, headers))
        )
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()  # as gunicorn does: Django's request_finished runs here
        return started[0][0], dict(started[0][1]), body

    return call


def hit_cost(state, port, repeat, only=None, cached=True, profile=False):
    """Wall and CPU microseconds per request, per page type, in one process: cached hits, or
    (``cached=False``) renders with the page cache off and the fragment cache warm."""
    prepare(state, port)
    pages = tempfile.mkdtemp(prefix="hits-")
    os.environ.update(
        environment(state, port, PORTAL_PAGE_CACHE=str(int(cached)), PORTAL_PAGE_CACHE_DIR=pages)
    )
    call = wsgi_caller(port)
    base = f"http://127.0.0.1:{port}"
    urls = discover(base, get=lambda url: call(url.removeprefix(base))[2])
    urls.pop("zoeken (nooit gecachet)")
    if only:
        urls = {k: v for k, v in urls.items() if k in only.split(",")}
    results = {}
    for name, path in urls.items():
        for _ in range(20):
            status, headers, _ = call(path)
        expected = "hit" if cached else None
        assert status.startswith("200") and headers.get("X-Page-Cache") == expected, (path, status, headers)
        profiler = cProfile.Profile() if profile else None
        wall, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        for _ in range(repeat):
            call(path)
        if profiler:
            profiler.disable()
        results[name] = (
            (time.perf_counter() - wall) / repeat * 1e6,
            (time.process_time() - cpu) / repeat * 1e6,
        )
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(35)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(50)
    shutil.rmtree(pages, ignore_errors=True)
    what = "hits" if cached else "renders (page cache off)"
    print(f"\nin process, {repeat} {what} per page type (portal.wsgi.application)\n")
    print("| page type | path | wall µs per request | CPU µs per request |")
    print("|---|---|---:|---:|")
    for name, (wall, cpu) in results.items():
        print(f"| {name} | `{urls[name]}` | {wall:.0f} | {cpu:.0f} |")
    return results


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8510)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--state", default=str(ROOT / "var" / "bench-pages"))
    parser.add_argument("--fresh", action="store_true", help="set the database up anew")
    parser.add_argument("--only", help="comma-separated page types")
    parser.add_argument("--modes", default="ongecachet,gecachet", help="ongecachet, gecachet or both")
    parser.add_argument("--in-process", action="store_true", help="cost of a cached hit, no server")
    parser.add_argument("--profile", action="store_true", help="with --in-process: a cProfile per page type")
    parser.add_argument("--repeat", type=int, default=2000, help="hits per page type with --in-process")
    args = parser.parse_args()
    if args.in_process:
        for mode in args.modes.split(","):
            hit_cost(
                args.state, args.port, args.repeat, args.only, cached=mode == "gecachet", profile=args.profile
            )
        return

    prepare(args.state, args.port, reuse=not args.fresh)
    shutil.rmtree(Path(args.state) / "pages", ignore_errors=True)
    table = {}
    modes = [m for m in (("ongecachet", "0"), ("gecachet", "1")) if m[0] in args.modes.split(",")]
    for mode, cache in modes:
        with Server(args.state, args.port, workers=args.workers, PORTAL_PAGE_CACHE=cache) as server:
            urls = discover(server.url)
            if args.only:
                urls = {k: v for k, v in urls.items() if k in args.only.split(",")}
            table[mode] = measure(server, urls, args.duration, args.connections, warm=cache == "1")
    tool = "wrk" if shutil.which("wrk") else "python"
    print(
        f"\n{args.workers} sync workers, {args.connections} connections, {args.duration} s per page type ({tool})\n"
    )
    if len(table) == 2:
        print("| page type | path | uncached req/s | p50 ms | p99 ms | cached req/s | p50 ms | p99 ms | x |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, path in urls.items():
            u, c = table["ongecachet"][name], table["gecachet"][name]
            print(
                f"| {name} | `{path}` | {u['rps']:.1f} | {u['p50']:.0f} | {u['p99']:.0f} | "
                f"{c['rps']:.1f} | {c['p50']:.1f} | {c['p99']:.1f} | {c['rps'] / u['rps']:.1f} |"
            )
    else:
        (mode,) = table
        print(f"| page type | path | {mode} req/s | p50 ms | p99 ms |")
        print("|---|---|---:|---:|---:|")
        for name, path in urls.items():
            r = table[mode][name]
            print(f"| {name} | `{path}` | {r['rps']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} |")
    bad = {(m, n): r["non2xx"] for m in table for n, r in table[m].items() if r["non2xx"]}
    if bad:
        print(f"\nnon-2xx responses: {bad}")


if __name__ == "__main__":
    main()
