"""bench/pages.py: reading wrk's output (bench/side_by_side.py uses the same reader)."""

from pages import parse_wrk

# wrk 4.1.0 (Debian) with --latency, against a server answering 404 (so every response counts).
WRK_404 = """\
Running 1s test @ http://127.0.0.1:8679/nope
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.10ms    2.21ms  17.84ms   77.36%
    Req/Sec   676.29    168.01     1.32k    95.24%
  Latency Distribution
     50%    3.00ms
     75%    4.18ms
     90%    5.59ms
     99%   10.31ms
  1414 requests in 1.10s, 718.05KB read
  Non-2xx or 3xx responses: 1414
Requests/sec:   1285.81
Transfer/sec:    652.95KB
"""


def test_requests_per_second_percentiles_and_non_2xx_are_read():
    result = parse_wrk(WRK_404)
    assert result["rps"] == 1285.81
    assert result["requests"] == 1414
    assert result["p50"] == 3.0
    assert result["p99"] == 10.31
    assert result["non2xx"] == 1414
    assert result["socket_errors"] == ""


def test_percentiles_in_microseconds_and_seconds_become_milliseconds():
    out = (
        WRK_404.replace("     50%    3.00ms", "     50%  850.00us")
        .replace("     99%   10.31ms", "     99%    1.50s")
        .replace(
            "  Non-2xx or 3xx responses: 1414\n", "  Socket errors: connect 0, read 0, write 0, timeout 7\n"
        )
    )
    result = parse_wrk(out)
    assert result["p50"] == 0.85
    assert result["p99"] == 1500.0
    assert result["non2xx"] == 0
    assert result["socket_errors"] == "connect 0, read 0, write 0, timeout 7"
