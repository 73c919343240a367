"""bench/side_by_side.py: the medians, the per-round ratios and the table against the targets."""

import os
import time

from side_by_side import cpu_seconds, format_cpu, format_table, summarise


def run(rps, p50=10.0, p99=20.0, cpu_ms=5.0):
    return {"rps": rps, "p50": p50, "p99": p99, "cpu_ms": cpu_ms, "non2xx": 0, "socket_errors": ""}


RUNS = {
    "uncached": {"article": [run(300), run(100), run(200)]},
    "cached": {"article": [run(3000), run(3100), run(2900)]},
    "bakerydemo": {"article": [run(100), run(80), run(50, p50=300.0)]},
}


def test_the_table_holds_the_median_of_the_rounds():
    row = summarise(RUNS)["article"]
    assert row["uncached"]["rps"] == 200
    assert row["bakerydemo"] == {"rps": 80, "p50": 10.0, "p99": 20.0, "cpu_ms": 5.0}


def test_each_ratio_compares_runs_of_the_same_round():
    row = summarise(RUNS)["article"]
    # per round: 300/100, 100/80, 200/50 -> 3.0, 1.25, 4.0; not median(ours) / median(theirs) = 2.5
    assert row["uncached ratio"] == (3.0, 1.25, 4.0)
    assert row["cached ratio"] == (38.75, 30.0, 58.0)


def test_a_target_is_met_only_when_every_round_meets_it():
    table = format_table(summarise(RUNS), {"article": ("/kennisbank/a/", "/blog/wild-yeast/")})
    line = table.splitlines()[2]
    assert "| article | `/kennisbank/a/` / `/blog/wild-yeast/` | 200.0 (10 / 20) |" in line
    assert "3.0x (1.2-4.0), median met" in line  # 2x: the median is above, one round is not
    assert "38.8x (30.0-58.0), met" in line  # 10x in every round


def test_a_target_missed_by_the_median_is_not_met():
    runs = {
        "uncached": {"search": [run(10), run(12)]},
        "cached": {"search": [run(10), run(12)]},
        "bakerydemo": {"search": [run(8), run(8)]},
    }
    line = format_table(summarise(runs), {"search": ("/zoeken/?q=banen", "/search/?q=bread")}).splitlines()[2]
    assert line.endswith("| 1.4x (1.2-1.5), not met | 1.4x (1.2-1.5), not met |")


def test_cpu_per_request_is_compared_per_server():
    runs = {
        "uncached": {"home": [run(100, cpu_ms=8.0), run(90, cpu_ms=10.0)]},
        "cached": {"home": [run(2000, cpu_ms=0.4), run(2000, cpu_ms=0.6)]},
        "bakerydemo": {"home": [run(30, cpu_ms=36.0), run(25, cpu_ms=45.0)]},
    }
    assert format_cpu(summarise(runs)).splitlines()[2] == "| home | 9.0 | 0.50 | 40.5 | 4.5x | 81x |"


def test_cpu_seconds_counts_this_process_cpu_time():
    before = cpu_seconds([os.getpid()])
    deadline = time.process_time() + 0.3
    while time.process_time() < deadline:
        pass
    assert cpu_seconds([os.getpid()]) - before >= 0.2
