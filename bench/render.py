"""Render time per page type in one process, uncached: ms per render and SQL queries.

    .venv/bin/python bench/render.py                       # every page type, 30 renders each
    .venv/bin/python bench/render.py --only kennisartikel,vragenbank --repeat 100
    .venv/bin/python bench/render.py --profile kennisartikel    # cProfile of that page type
    .venv/bin/python bench/render.py --search-queries           # the search page, 145 queries

wrk figures on a machine shared with other test runs are noisy; the CPU time of one render in
one process is not (much). The portal is set up as `make run` does (bench/portal_server.py:
migrate, load_initial_content, update_index) in var/bench-render/, then each page type's URL is
fetched with Django's test client, the page cache off (PORTAL_PAGE_CACHE=0), DEBUG off. After
two warming requests (per-process caches: site root paths, content types, compiled templates)
it prints the median and the fastest of --repeat renders (process CPU time, so other processes on
the machine count less), and the number of SQL queries one render makes.
"""

import argparse
import cProfile
import importlib.util
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

BENCH = str(Path(__file__).resolve().parent)
sys.path.insert(0, BENCH)
from pages import discover  # noqa: E402
from portal_server import ROOT, environment, prepare  # noqa: E402

# bench/rules.py must not shadow the `rules` package the portal imports.
sys.path = [str(ROOT)] + [p for p in sys.path if p != BENCH]

PORT = 8640  # only for PORTAL_BASE_URL and the Host header; nothing listens
BASE = f"http://127.0.0.1:{PORT}"


def setup(state):
    prepare(state, PORT)
    os.environ.update(environment(state, PORT, PORTAL_PAGE_CACHE="0"))
    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST=f"127.0.0.1:{PORT}")

    def get(url):
        response = client.get(url.removeprefix(BASE))
        assert response.status_code == 200, (url, response.status_code)
        return response.content

    return client, get


def render_times(get, path, repeat):
    from django.db import connection

    for _ in range(2):
        get(path)
    queries = []
    # Not CaptureQueriesContext: every request resets connection.queries_log at its start.
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        get(path)
    times = []
    for _ in range(repeat):
        start = time.process_time()
        get(path)
        times.append((time.process_time() - start) * 1000)
    return {"median": statistics.median(times), "min": min(times), "queries": len(queries)}


def search_query_times(get):
    """The search page for each query of bench/search_quality.py, twice over: the first pass
    meets each result for the first time since the process started (the per-process result
    cards and prepared texts are made then), the second finds them made."""
    from urllib.parse import quote

    # By path: bench/ is off sys.path (above).
    spec = importlib.util.spec_from_file_location("search_quality", Path(BENCH) / "search_quality.py")
    quality = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quality)
    queries = [q for q, _ in [*quality.QUERIES, *quality.EMPLOYER_QUERIES, *quality.NEW_QUERIES]]
    print(f"\n{len(queries)} queries, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| pass | ms per render (median) | mean | slowest |")
    print("|---|---:|---:|---:|")
    for name in ("first", "second"):
        times = []
        for q in queries:
            start = time.process_time()
            get("/zoeken/?q=" + quote(q))
            times.append((time.process_time() - start) * 1000)
        print(
            f"| {name} | {statistics.median(times):.1f} | {statistics.mean(times):.1f} | {max(times):.1f} |"
        )


def show_queries(get, path):
    from django.db import connection

    get(path)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        get(path)
    for n, sql in enumerate(queries, 1):
        print(f"{n:3} {sql[:300]}")


def profile(get, path, repeat, lines=35):
    get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        get(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"/work/(?!.*site-packages)", lines)
    stats.sort_stats("tottime").print_stats(lines)
    print(out.getvalue())


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--state", default=str(ROOT / "var" / "bench-render"))
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", help="comma-separated page types")
    parser.add_argument("--profile", metavar="PAGE_TYPE", help="print a cProfile of this page type")
    parser.add_argument(
        "--queries", metavar="PAGE_TYPE", help="print the SQL of one render of this page type"
    )
    parser.add_argument(
        "--search-queries", action="store_true", help="the search page for bench/search_quality.py's queries"
    )
    args = parser.parse_args()

    client, get = setup(str(Path(args.state).resolve()))
    urls = discover(BASE, get)
    if args.queries:
        show_queries(get, urls[args.queries])
        return
    if args.search_queries:
        search_query_times(get)
        return
    if args.profile:
        profile(get, urls[args.profile], args.repeat)
        return
    if args.only:
        urls = {k: v for k, v in urls.items() if k in args.only.split(",")}
    print(f"\nrepeat {args.repeat}, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| page type | path | ms per render (median) | fastest | SQL queries |")
    print("|---|---|---:|---:|---:|")
    for name, path in urls.items():
        r = render_times(get, path, args.repeat)
        print(f"| {name} | `{path}` | {r['median']:.1f} | {r['min']:.1f} | {r['queries']} |", flush=True)


if __name__ == "__main__":
    main()
