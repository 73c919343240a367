"""Spelling corrections for "Bedoelde u ...?": a word the content never uses gets the closest
word that it does use (fewest edits, then the most frequent).

On Whoosh the vocabulary is the index's ``spell`` field, so it is always in step with the
index. On the database backend it is built from the indexed objects' text and kept in memory
for ``VOCABULARY_TTL`` seconds (or until a page or begrip changes in this process).
"""

import bisect
import itertools
import threading
import time
from collections import Counter

from portal.search import analysis, synonyms

VOCABULARY_TTL = 600
MAX_CANDIDATES = 50
#: Words looked at for ``words_with_prefix`` (a short prefix must not scan the whole vocabulary).
MAX_PREFIXED = 200


def edit_distance(a, b):
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions)."""
    if a == b:
        return 0
    prev2 = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def max_distance(word):
    return 1 if len(word) <= 5 else 2


class BaseSpeller:
    def frequency(self, word):
        raise NotImplementedError

    def candidates(self, word, maxdist):
        raise NotImplementedError

    def known(self, word):
        return self.frequency(word) > 0 or synonyms.is_known(word)

    def words_with_prefix(self, prefix):  # noqa: ARG002 - a speller without a word list has none
        """Up to ``MAX_PREFIXED`` words of the vocabulary that start with ``prefix``, in order."""
        return []

    def correct(self, word):
        if self.known(word):
            return None
        maxdist = max_distance(word)
        best = None
        for candidate in self.candidates(word, maxdist):
            if candidate == word or len(candidate) < 3:
                continue
            distance = edit_distance(word, candidate)
            if distance > maxdist:
                continue
            key = (distance, -self.frequency(candidate), candidate)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def corrections(self, words):
        found = {}
        for word in words:
            corrected = self.correct(word)
            if corrected:
                found[word] = corrected
        return found


class WhooshSpeller(BaseSpeller):
    def __init__(self, searcher):
        self.reader = searcher.reader()

    def frequency(self, word):
        return self.reader.doc_frequency("spell", word)

    def candidates(self, word, maxdist):
        terms = self.reader.terms_within("spell", word, maxdist, prefix=1)
        return terms[:MAX_CANDIDATES] if isinstance(terms, list) else list(terms)[:MAX_CANDIDATES]

    def words_with_prefix(self, prefix):
        terms = itertools.islice(self.reader.expand_prefix("spell", prefix), MAX_PREFIXED)
        return [t.decode("utf-8") if isinstance(t, bytes) else t for t in terms]


class ListSpeller(BaseSpeller):
    """A speller over a word -> frequency dict (the database backend's vocabulary)."""

    def __init__(self, counts):
        self.counts = counts
        self.buckets = {}
        for word in counts:
            self.buckets.setdefault((word[:1], len(word)), []).append(word)
        self._sorted = None

    def words_with_prefix(self, prefix):
        if self._sorted is None:
            self._sorted = sorted(self.counts)
        start = bisect.bisect_left(self._sorted, prefix)
        found = []
        for word in itertools.islice(self._sorted, start, start + MAX_PREFIXED):
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def frequency(self, word):
        return self.counts.get(word, 0)

    def candidates(self, word, maxdist):
        # Same first letter (as on Whoosh), length within maxdist: the edit distance decides.
        found = []
        for length in range(len(word) - maxdist, len(word) + maxdist + 1):
            found.extend(self.buckets.get((word[:1], length), ()))
        return found


_vocabulary = {"built": 0.0, "speller": None}
_vocabulary_lock = threading.Lock()


def invalidate(**kwargs):  # noqa: ARG001 (signal receiver)
    _vocabulary["built"] = 0.0


def build_vocabulary(models):
    """Word -> number of objects using it, from the searchable text of ``models``."""
    from portal.search.documents import build_document

    counts = Counter()
    for model in models:
        for obj in model.get_indexed_objects().iterator(chunk_size=500):
            doc = build_document(model, obj)
            counts.update(set(analysis.words(doc.get("spell", ""))))
    return counts


def database_speller(models):
    with _vocabulary_lock:
        if _vocabulary["speller"] is None or time.monotonic() - _vocabulary["built"] > VOCABULARY_TTL:
            _vocabulary["speller"] = ListSpeller(build_vocabulary(models))
            _vocabulary["built"] = time.monotonic()
        return _vocabulary["speller"]
