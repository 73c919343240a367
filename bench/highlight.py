"""µs per search result fragment, two versions of portal/search/highlight.py in one process.

    .venv/bin/python bench/highlight.py --state var/bench-fragment --old main --rounds 5

The portal is set up as bench/render.py does (the real content in ``--state``). The texts are
what the search page highlights: ``search_result_text()`` (or the default) and the summary of
every live object of every search type. The old module is ``portal/search/highlight.py`` at the
git revision ``--old``, loaded beside the current one. For each query (its highlight words as
the search parses them), every text is highlighted once by each version (warming the caches and
checking that both give the same HTML), then the versions alternate for ``--rounds`` rounds,
each a pass over all texts; printed: the median µs per fragment (process CPU time) of each.
The same text string object is passed on every pass, as the service's memo of a result's text
does. Also printed: the memory of the current version's prepared texts (tracemalloc).

``--render N``: then the search page itself, N renders per round with each version in turn
(the service's ``highlight`` module swapped between rounds; process CPU time as bench/render.py
measures it): the median ms per render of each version over all rounds.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import ROOT, setup  # noqa: E402

QUERIES = ["banen", "werkgever quotum", "telt een uitzendkracht mee"]


def old_module(revision):
    source = subprocess.run(
        ["git", "show", f"{revision}:portal/search/highlight.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    module = types.ModuleType("old_highlight")
    exec(compile(source, f"{revision}:portal/search/highlight.py", "exec"), module.__dict__)  # noqa: S102
    return module


def result_texts():
    from portal.search import service

    texts = []
    for key in service.TYPES:
        for obj in service._queryset(key, {}):
            text = service._call(obj, "search_result_text", service._default_text)
            summary = service._call(obj, "search_result_summary", service._default_summary)
            texts.append((text, summary))
    return texts


def pass_time(module, texts, words):
    fragment = module.fragment
    start = time.process_time()
    for text, summary in texts:
        fragment(text, words, summary)
    return (time.process_time() - start) / len(texts) * 1e6


def prepared_memory(module, texts):
    """Bytes per prepared text: the structure, and the cleaned text when it is a new string."""
    module._prepared.cache_clear()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    for text, _ in texts:
        module._prepared(text)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    size = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    return size / len(texts)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--state", default=str(ROOT / "var" / "bench-render"))
    parser.add_argument("--old", default="main", help="git revision of the old highlight.py")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--render", type=int, default=0, metavar="N", help="also N renders per round")
    args = parser.parse_args()
    _, get = setup(str(Path(args.state).resolve()))

    from portal.search import highlight as new
    from portal.search import query

    old = old_module(args.old)
    texts = result_texts()
    lengths = sorted(len(text) for text, _ in texts)
    print(
        f"{len(texts)} texts, median {lengths[len(lengths) // 2]} chars, max {lengths[-1]}; "
        f"old = {args.old}, {args.rounds} rounds\n"
    )
    print("| query | old µs per fragment | new µs per fragment | load average |")
    print("|---|---:|---:|---:|")
    for q in QUERIES:
        words = query.parse(q).words_for_highlight()
        differing = [t[:40] for t, s in texts if old.fragment(t, words, s) != new.fragment(t, words, s)]
        assert not differing, (q, differing[:3])
        times = {old: [], new: []}
        for _ in range(args.rounds):
            for module in (old, new):
                times[module].append(pass_time(module, texts, words))
        load = f"{os.getloadavg()[0]:.1f}"
        print(
            f"| {q} | {statistics.median(times[old]):.1f} | {statistics.median(times[new]):.1f} | {load} |",
            flush=True,
        )
    per_text = prepared_memory(new, texts)
    print(f"\nprepared texts: {per_text / 1024:.1f} kB per text (tracemalloc, {len(texts)} texts)")
    if args.render:
        render(get, old, new, args.rounds, args.render)


def render(get, old, new, rounds, count, path="/zoeken/?q=banen"):
    from portal.search import service

    pages = {}
    for module in (old, new):
        service.highlight = module
        pages[module] = [get(path) for _ in range(2)][-1]
    assert pages[old] == pages[new], "the versions give different pages"
    times = {old: [], new: []}
    for _ in range(rounds):
        for module in (old, new):
            service.highlight = module
            for _ in range(count):
                start = time.process_time()
                get(path)
                times[module].append((time.process_time() - start) * 1000)
    service.highlight = new
    print(f"\n{path}, {rounds} rounds of {count} renders, load average {os.getloadavg()[0]:.1f}:")
    for name, module in (("old", old), ("new", new)):
        ms = times[module]
        print(f"{name}: median {statistics.median(ms):.2f} ms per render, fastest {min(ms):.2f}")


if __name__ == "__main__":
    main()
