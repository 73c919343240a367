"""The portal beside Wagtail's bakerydemo in one run: req/s, p50 and p99 per matching page type.

    .venv/bin/python bench/side_by_side.py                        # 3 rounds of 10 s per server and type
    .venv/bin/python bench/side_by_side.py --rounds 5 --duration 10 --connections 16

Three gunicorn servers with 2 sync workers each run at once (idle but for the one under load):
the portal the `make run` way (bench/portal_server.py) with the page cache off
(PORTAL_PAGE_CACHE=0: every request renders) and with it on, and bakerydemo
(bakerydemo.settings.production, DEBUG off). For every round and page type, wrk -t2 -c16
--latency runs against the portal uncached, then bakerydemo, then the portal cached, so each
ratio compares runs a few seconds apart: on a shared machine the load changes from minute to
minute, and alternating keeps it out of the ratios. The table gives the median over the rounds;
the ratio columns give the median of the per-round ratios and their range.

bakerydemo is not part of this repository: --bakerydemo (default ../bakerydemo beside the
repository, or $BAKERYDEMO_DIR) names a checkout; on this machine it is a reconstruction
(its NOTES.md says how it was made). It runs in its own .venv when it has one, else in this one.
A missing bakerydemo database is set up with its `load_initial_data`.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import discover, run_python, run_wrk  # noqa: E402
from portal_server import GUNICORN, PYTHON, ROOT, GunicornServer, Server, fetch, prepare  # noqa: E402

BAKERYDEMO_PATHS = {
    "home": "/",
    "article": "/blog/wild-yeast/",
    "index": "/blog/",
    "breads index": "/breads/",
    "search": "/search/?q=bread",
}
TARGETS = {"uncached": 2.0, "cached": 10.0}  # issue 14: at least 2x bakerydemo uncached, 10x cached


def portal_paths(base):
    """The portal's counterpart of each bakerydemo page type."""
    found = discover(base)
    practice = found["praktijkvoorbeeld"].rstrip("/").rsplit("/", 1)[0] + "/"
    return {
        "home": "/",
        "article": found["kennisartikel"],
        "index": "/kennisbank/",
        "breads index": practice,
        "search": "/zoeken/?q=banen",
    }


class Bakerydemo(GunicornServer):
    """bakerydemo's wsgi application, production settings, from its own folder."""

    def __init__(self, folder, port, workers=2):
        folder = Path(folder)
        venv = folder / ".venv" / "bin"
        self.python = str(venv / "python") if (venv / "python").exists() else PYTHON
        gunicorn = str(venv / "gunicorn") if (venv / "gunicorn").exists() else GUNICORN
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_", "DATABASE_URL"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
            DJANGO_SECRET_KEY="side-by-side-benchmark-only",  # noqa: S106 - a throwaway local server
        )
        super().__init__("bakerydemo.wsgi", folder, env, port, workers=workers, gunicorn=gunicorn)

    def prepare(self, log=sys.stderr):
        steps = []
        if not (Path(self.cwd) / "bakerydemodb").exists():
            steps += [["migrate", "--noinput", "-v0"], ["load_initial_data"]]
        if not (Path(self.cwd) / "bakerydemo" / "collect_static" / "staticfiles.json").exists():
            steps.append(["collectstatic", "--noinput", "-v0"])
        for step in steps:
            subprocess.run(
                [self.python, "manage.py", *step],
                cwd=self.cwd,
                env=self.env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        if steps:
            print(f"prepared bakerydemo in {self.cwd}", file=log)


def loadavg():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_seconds(pids):
    """User + system CPU seconds used so far by these processes (/proc/PID/stat fields 14 and 15)."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def measured(runner, server, url, duration, connections):
    """One load run, with the CPU milliseconds the server's workers spent per request."""
    pids = server.worker_pids()
    before = cpu_seconds(pids)
    result = runner(url, duration, connections)
    result["cpu_ms"] = (cpu_seconds(pids) - before) * 1000 / max(result["requests"], 1)
    return result


def summarise(runs):
    """Median figures per page type and the per-round ratios.

    ``runs[kind][page_type]`` is a list (one per round) of wrk results (``rps``, ``p50``, ``p99``)
    for kind "uncached", "cached" and "bakerydemo"; round i of every kind belongs together.
    """
    summary = {}
    for page_type, reference in runs["bakerydemo"].items():
        row = {}
        for kind in ("uncached", "cached", "bakerydemo"):
            results = runs[kind][page_type]
            row[kind] = {m: statistics.median(r[m] for r in results) for m in ("rps", "p50", "p99", "cpu_ms")}
        for kind in ("uncached", "cached"):
            ratios = [
                mine["rps"] / theirs["rps"]
                for mine, theirs in zip(runs[kind][page_type], reference, strict=True)
            ]
            row[f"{kind} ratio"] = (statistics.median(ratios), min(ratios), max(ratios))
        summary[page_type] = row
    return summary


def format_table(summary, paths):
    """The summary as a Markdown table (req/s with p50 / p99 in ms, ratios against the targets)."""

    def cell(r):
        return f"{r['rps']:.1f} ({r['p50']:.0f} / {r['p99']:.0f})"

    def ratio(kind, values):
        middle, low, high = values
        verdict = "met" if low >= TARGETS[kind] else "not met" if middle < TARGETS[kind] else "median met"
        return f"{middle:.1f}x ({low:.1f}-{high:.1f}), {verdict}"

    lines = [
        "| page type | portal / bakerydemo path | portal uncached | portal cached | bakerydemo | "
        f"uncached / bakerydemo (target {TARGETS['uncached']:.0f}x) | "
        f"cached / bakerydemo (target {TARGETS['cached']:.0f}x) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for page_type, row in summary.items():
        portal, theirs = paths[page_type]
        lines.append(
            f"| {page_type} | `{portal}` / `{theirs}` | {cell(row['uncached'])} | {cell(row['cached'])} | "
            f"{cell(row['bakerydemo'])} | {ratio('uncached', row['uncached ratio'])} | "
            f"{ratio('cached', row['cached ratio'])} |"
        )
    return "\n".join(lines)


def format_cpu(summary):
    """CPU milliseconds per request per server and how many times the portal's bakerydemo's is."""
    lines = [
        "| page type | portal uncached | portal cached | bakerydemo | bakerydemo / portal uncached | "
        "bakerydemo / portal cached |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for page_type, row in summary.items():
        ours, cached, theirs = (row[k]["cpu_ms"] for k in ("uncached", "cached", "bakerydemo"))
        lines.append(
            f"| {page_type} | {ours:.1f} | {cached:.2f} | {theirs:.1f} | {theirs / ours:.1f}x | "
            f"{theirs / cached:.0f}x |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--port", type=int, default=8671, help="first of three ports (portal uncached, cached, bakerydemo)"
    )
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--state", default=str(ROOT / "var" / "bench-side"))
    parser.add_argument(
        "--bakerydemo", default=os.environ.get("BAKERYDEMO_DIR", str(ROOT.parent / "bakerydemo"))
    )
    parser.add_argument("--only", help="comma-separated page types: " + ", ".join(BAKERYDEMO_PATHS))
    args = parser.parse_args()
    if not (Path(args.bakerydemo) / "manage.py").exists():
        raise SystemExit(f"no bakerydemo in {args.bakerydemo} (see --bakerydemo)")
    runner = run_wrk if shutil.which("wrk") else run_python

    prepare(args.state, args.port)
    shutil.rmtree(Path(args.state) / "pages", ignore_errors=True)
    bakerydemo = Bakerydemo(args.bakerydemo, args.port + 2)
    bakerydemo.prepare()

    with (
        Server(args.state, args.port, PORTAL_PAGE_CACHE="0") as uncached,
        Server(args.state, args.port + 1, PORTAL_PAGE_CACHE="1") as cached,
        bakerydemo,
    ):
        ours = portal_paths(uncached.url)
        types = [t for t in BAKERYDEMO_PATHS if not args.only or t in args.only.split(",")]
        paths = {t: (ours[t], BAKERYDEMO_PATHS[t]) for t in types}
        servers = {"uncached": (uncached, 0), "bakerydemo": (bakerydemo, 1), "cached": (cached, 0)}
        for server, which in servers.values():  # renditions, fragment and page cache, search index
            for t in types:
                for _ in range(3):
                    fetch(server.url + paths[t][which])

        runs = {kind: {t: [] for t in types} for kind in servers}
        loads = [loadavg()]
        started = time.strftime("%H:%M", time.gmtime())
        for n in range(args.rounds):
            for t in types:
                for kind, (server, which) in servers.items():
                    url = server.url + paths[t][which]
                    runs[kind][t].append(measured(runner, server, url, args.duration, args.connections))
            loads.append(loadavg())
            print(f"round {n + 1}/{args.rounds} done, load average {loads[-1]}", file=sys.stderr)

    tool = "wrk -t2" if runner is run_wrk else "python load generator"
    print(
        f"\n{time.strftime('%Y-%m-%d', time.gmtime())} {started}-{time.strftime('%H:%M', time.gmtime())} UTC; "
        f"2 sync workers per server, {tool}, {args.connections} connections, {args.duration} s per run, "
        f"{args.rounds} rounds (portal uncached, bakerydemo, portal cached per page type)"
    )
    print(f"load average (1/5/15 min) at the start and after each round: {' | '.join(loads)}\n")
    print("req/s, median of the rounds (p50 / p99 ms); ratios: median of the per-round ratios (range)\n")
    print(format_table(summarise(runs), paths))
    print(
        "\nserver CPU per request (ms, both workers, median of the rounds; what bounds req/s on 2 busy cores):\n"
    )
    print(format_cpu(summarise(runs)))
    print("\nreq/s per round:\n")
    print("| page type | " + " | ".join(f"{k} (round 1..{args.rounds})" for k in servers) + " |")
    print("|---|" + "---|" * len(servers))
    for t in types:
        cells = [", ".join(f"{r['rps']:.0f}" for r in runs[k][t]) for k in servers]
        print(f"| {t} | " + " | ".join(cells) + " |")
    bad = {(k, t): sum(r["non2xx"] for r in runs[k][t]) for k in servers for t in types}
    bad = {k: v for k, v in bad.items() if v}
    if bad:
        print(f"\nnon-2xx responses: {bad}")


if __name__ == "__main__":
    main()
