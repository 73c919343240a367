"""Search speed at scale: 20,000 synthetic Dutch pages, Whoosh beside Wagtail's database backend.

    .venv/bin/python bench/search_speed.py                    # 20,000 pages on SQLite, 200 queries
    .venv/bin/python bench/search_speed.py --pages 2000       # a quick run
    .venv/bin/python bench/search_speed.py --database-url postgres://portal:portal@127.0.0.1:5432/portal_search_bench
    .venv/bin/python bench/search_speed.py --db-timeout 5     # give up on a database query after 5 s

Builds a throwaway database (SQLite in a temporary folder, or the PostgreSQL database named in
``--database-url``, whose name must end in ``_bench``; it is dropped and made afresh) with 20,000
vraag-en-antwoord pages whose text is drawn from the words of the real content (so the word
frequencies look like Dutch guidance text), then for each backend prints the index time, the
index size and the p50/p95 of

- ranked top-10 queries (``backend.search(q, QuestionPage.objects.live())[:10]``, what the portal
  runs per type), and
- the whole portal search (``portal.search.service.search``: four types, counts, facets,
  fragments, suggestion, within its time budget), as /zoeken/ and /api/zoeken run it.

For Whoosh it also runs the ranked queries through Whoosh's own ``TopCollector`` (block-quality
skipping, what the portal used before issue 10) under a 5 s watchdog: the cost of the fix and how
many of the queries hung. A fresh process then opens the Whoosh index, runs 50 queries and reports
its resident memory, as a gunicorn worker would hold it.

Queries on the database backend that run longer than ``--db-timeout`` seconds are stopped and
counted as timeouts (SQLite's FTS ranking gets very slow at this size).
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_common import ROOT, percentile, setup_django  # noqa: E402


def vocabulary():
    text = " ".join(p.read_text(encoding="utf-8") for p in ROOT.glob("content/*/*.md"))
    text = re.sub(r"\(begrip:[^)]*\)|\[|\]|#+|\*", " ", text)
    words = re.findall(r"[^\W\d_]{2,}", text.lower())
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=counts.get, reverse=True)
    return ranked, counts


def build_pages(n_pages, seed=1):
    """Insert ``n_pages`` QuestionPages under one index page, in bulk (Wagtail's add_child
    would take minutes). Returns the index page."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from home.models import HomePage
    from knowledge.models import QuestionIndexPage, QuestionPage

    rng = random.Random(seed)
    ranked, _ = vocabulary()
    weights = [1 / (i + 1) for i in range(len(ranked))]  # Zipf-like, as in real text

    def sentence(n):
        return " ".join(rng.choices(ranked, weights=weights, k=n)).capitalize() + "."

    home = HomePage.objects.first()
    index = home.add_child(instance=QuestionIndexPage(title="Vragen", slug="vragen"))
    ct = ContentType.objects.get_for_model(QuestionPage)
    now = timezone.now()
    step = 4
    alphabet = Page.alphabet

    def encode(num):
        digits = []
        while num:
            num, rem = divmod(num, len(alphabet))
            digits.append(alphabet[rem])
        return "".join(reversed(digits)).rjust(step, alphabet[0])

    with transaction.atomic():
        for start in range(0, n_pages, 2000):
            pages = []
            for i in range(start, min(start + 2000, n_pages)):
                pages.append(
                    Page(
                        title=sentence(rng.randint(4, 9))[:250],
                        slug=f"vraag-{i}",
                        content_type=ct,
                        path=index.path + encode(i + 1),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}vraag-{i}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                        draft_title="x",
                    )
                )
            Page.objects.bulk_create(pages)
            ids = list(
                Page.objects.filter(path__in=[p.path for p in pages])
                .order_by("path")
                .values_list("pk", flat=True)
            )
            rows = []
            for pk in ids:
                body = " ".join(sentence(rng.randint(8, 20)) for _ in range(rng.randint(6, 18)))
                stream = json.dumps(
                    [{"type": "paragraph", "value": f"<p>{body}</p>", "id": str(uuid.uuid4())}]
                )
                rows.append(
                    (pk, sentence(rng.randint(10, 20)), stream, "2026-11-24", sentence(rng.randint(12, 30)))
                )
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {QuestionPage._meta.db_table} "  # noqa: S608 - a model's own table name
                    "(page_ptr_id, samenvatting, body, laatst_gecontroleerd, kort_antwoord) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    rows,
                )
        Page.objects.filter(pk=index.pk).update(numchild=n_pages)
    return index


def queries(n, seed=2):
    """Queries of one to three words, taken from the middle of the vocabulary (words that occur,
    not the commonest), some as plurals; plus a few real questions."""
    rng = random.Random(seed)
    ranked, _ = vocabulary()
    pool = [w for w in ranked[20:1500] if len(w) > 3]
    fixed = ["werkgevers", "quotumheffing", "telt een uitzendkracht mee", "doelgroepregister raadplegen"]
    out = list(fixed)
    while len(out) < n:
        out.append(" ".join(rng.sample(pool, rng.choice([1, 1, 2, 2, 3]))))
    return out


def folder_size(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def run_queries(backend, qs, timeout=None):
    """Ranked top-10 per query: (seconds of the finished ones, number stopped at ``timeout``)."""
    from django.db import OperationalError, connection

    from knowledge.models import QuestionPage
    from portal.search import budget

    times = []
    timeouts = 0
    for q in qs:
        guard = budget.database_deadline(connection, budget.Budget(timeout)) if timeout else nullcontext()
        started = time.perf_counter()
        try:
            with guard:
                list(backend.search(q, QuestionPage.objects.live(), operator="or")[:10])
            times.append(time.perf_counter() - started)
        except OperationalError:
            timeouts += 1
    return times, timeouts


class Hung(Exception):
    pass


def run_old_collector(backend, qs, watchdog=5.0):
    """The ranked queries through Whoosh's own TopCollector (block quality on), each under a
    SIGALRM watchdog (a benchmark process, not a gunicorn worker): (times, queries that hung)."""
    from portal.search.results import WhooshSearchResults

    def old_search(self, searcher, planned, limit, scored=True):
        allowed = self.backend.store.cached_docs(searcher, planned.filter)
        return searcher.search(planned.text, limit=limit, scored=scored, filter=allowed)

    def fire(signum, frame):
        raise Hung

    new_search = WhooshSearchResults._search
    previous = signal.signal(signal.SIGALRM, fire)
    WhooshSearchResults._search = old_search
    times, hung = [], []
    try:
        for q in qs:
            signal.setitimer(signal.ITIMER_REAL, watchdog)
            try:
                t, _ = run_queries(backend, [q])
                times.extend(t)
            except Hung:
                hung.append(q)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        WhooshSearchResults._search = new_search
        signal.signal(signal.SIGALRM, previous)
    return times, hung


def run_portal_searches(qs):
    """The whole portal search per query: (seconds, how many answered incomplete)."""
    from portal.search.service import search

    times, incomplete = [], 0
    for q in qs:
        started = time.perf_counter()
        response = search(q, log=False)
        times.append(time.perf_counter() - started)
        incomplete += response.incomplete
    return times, incomplete


WORKER_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
import django; django.setup()
from modelsearch.backends import get_search_backend
from knowledge.models import QuestionPage
backend = get_search_backend("default")
def status_mb(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) / 1024
before = status_mb("VmRSS")
for q in {queries!r}:
    list(backend.search(q, QuestionPage.objects.live(), operator="or")[:10])
print(*(round(v, 1) for v in (before, status_mb("VmRSS"), status_mb("VmHWM"), status_mb("RssFile"))))
"""


def worker_rss(qs):
    """RSS of a fresh process (like a gunicorn worker) after 50 searches on the Whoosh index."""
    env = dict(os.environ, PORTAL_SEARCH_BACKEND="whoosh")
    out = subprocess.run(
        [sys.executable, "-c", WORKER_SCRIPT.format(root=str(ROOT), queries=qs[:50])],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [float(v) for v in out[-4:]]


def ms(times):
    return f"p50 {percentile(times, 0.5):.1f} ms, p95 {percentile(times, 0.95):.1f} ms"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db-queries", type=int, default=200, help="queries on the database backend")
    parser.add_argument("--portal-queries", type=int, default=100, help="whole portal searches per backend")
    parser.add_argument(
        "--db-timeout", type=float, default=10.0, help="seconds before a database query is stopped"
    )
    parser.add_argument(
        "--database-url", help="a PostgreSQL database (name ending in _bench) instead of SQLite"
    )
    parser.add_argument("--keep", help="keep the database and index in this folder")
    parser.add_argument("--no-old-collector", action="store_true", help="skip Whoosh's own TopCollector")
    args = parser.parse_args()

    workdir = args.keep or tempfile.mkdtemp(prefix="search-speed-")
    try:
        measure(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def measure(args, workdir):
    setup_django(workdir, args.database_url, name="speed")
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings
    from modelsearch.backends import get_search_backend

    started = time.perf_counter()
    build_pages(args.pages)
    print(
        f"{args.pages} synthetic pages created in {time.perf_counter() - started:.0f} s "
        f"({connection.vendor}, {workdir})"
    )
    qs = queries(args.queries)

    whoosh = {"default": {"BACKEND": "portal.search.backend", "PATH": f"{workdir}/whoosh"}}
    with override_settings(WAGTAILSEARCH_BACKENDS=whoosh):
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        index_s = time.perf_counter() - started
        backend = get_search_backend("default")
        run_queries(backend, qs)  # warm up (opening the index, the stemmer cache, page cache)
        times, _ = run_queries(backend, qs)
        print(
            f"whoosh:   index {index_s:.0f} s, {folder_size(f'{workdir}/whoosh') / 1e6:.0f} MB; "
            f"ranked top-10 {ms(times)} ({len(times)} queries, portal collectors)"
        )
        if not args.no_old_collector:
            old_times, hung = run_old_collector(backend, qs)
            print(
                f"whoosh:   ranked top-10 with Whoosh's TopCollector (block quality): {ms(old_times)} "
                f"({len(old_times)} finished, {len(hung)} hung: {hung[:5]})"
            )
        portal_times, incomplete = run_portal_searches(qs[: args.portal_queries])
        print(
            f"whoosh:   portal search {ms(portal_times)} ({len(portal_times)} queries, {incomplete} incomplete)"
        )
    before, after, peak, file_backed = worker_rss(qs)
    print(
        f"whoosh worker RSS: {before:.0f} MB after start-up, {after:.0f} MB after 50 searches "
        f"(peak {peak:.0f} MB; {file_backed:.0f} MB of it mapped files, the index among them)"
    )

    database = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}}
    with override_settings(WAGTAILSEARCH_BACKENDS=database):
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        index_s = time.perf_counter() - started
        if connection.vendor == "sqlite":
            size = f"whole SQLite file {Path(f'{workdir}/speed.sqlite3').stat().st_size / 1e6:.0f} MB"
        else:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_total_relation_size('wagtailsearch_indexentry')")
                size = f"index table {cursor.fetchone()[0] / 1e6:.0f} MB"
        backend = get_search_backend("default")
        run_queries(backend, qs[:5], timeout=args.db_timeout)  # warm up
        times, timeouts = run_queries(backend, qs[: args.db_queries], timeout=args.db_timeout)
        done = ms(times) if times else "none finished"
        print(
            f"database ({connection.vendor}): index {index_s:.0f} s, {size}; ranked top-10 {done} "
            f"({len(times)} finished, {timeouts} stopped after {args.db_timeout:.0f} s)"
        )
        run_portal_searches(qs[:5])  # warm up (the speller's vocabulary is built once)
        portal_times, incomplete = run_portal_searches(qs[: args.portal_queries])
        print(
            f"database ({connection.vendor}): portal search {ms(portal_times)} "
            f"({len(portal_times)} queries, {incomplete} incomplete at the time budget)"
        )


if __name__ == "__main__":
    main()
