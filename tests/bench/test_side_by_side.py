"""bench/side_by_side.py: the medians, the per-round ratios and the table against the targets."""

from side_by_side import format_table, summarise


def run(rps, p50=10.0, p99=20.0):
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": 0, "socket_errors": ""}


RUNS = {
    "uncached": {"article": [run(300), run(100), run(200)]},
    "cached": {"article": [run(3000), run(3100), run(2900)]},
    "bakerydemo": {"article": [run(100), run(80), run(50, p50=300.0)]},
}


def test_the_table_holds_the_median_of_the_rounds():
    row = summarise(RUNS)["article"]
    assert row["uncached"]["rps"] == 200
    assert row["bakerydemo"] == {"rps": 80, "p50": 10.0, "p99": 20.0}


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
