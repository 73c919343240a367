"""Facts carry over from the source documents, sentences do not: no content file shares a run of
ten words with a seed document (names and fixed legal terms are far shorter than that)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 10  # shorter runs hit fixed terms such as 'mensen met een afstand tot de arbeidsmarkt'


def words(text):
    return re.findall(r"[a-z0-9à-ÿ]+", text.lower())


def shingles(text):
    w = words(text)
    return {" ".join(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents live in ../shared/seeds")
def test_no_content_file_copies_a_run_of_ten_words_from_a_seed():
    seed_runs = set()
    for seed in SEEDS.glob("*.txt"):
        seed_runs |= shingles(seed.read_text(encoding="utf-8"))
    copied = {}
    for path in sorted((ROOT / "content").rglob("*.md")):
        shared = shingles(path.read_text(encoding="utf-8")) & seed_runs
        if shared:
            copied[str(path.relative_to(ROOT))] = sorted(shared)[:3]
    assert copied == {}
