"""The bounded combination run: every two- and three-word combination of the real content's 50
most frequent words (1,225 + 19,600 = 20,825 queries), each compiled as the portal compiles a
visitor's query (synonyms, spelling alternatives, coordination) and run as a ranked top-10
search for each of the four result types, under a watchdog and the search's own time budget.

The old collector (Whoosh's ``TopCollector`` with block quality) looped for ever on 60 of these
queries ("doelgroep uwv", "werk overheid", ...); a hang here fails the test at once, it does not
take CI down. Whoosh only: the database backends have no such loop (the fuzzers cover them).

The run is split in chunks so the two xdist workers share it."""

import itertools

import pytest

from portal.search import analysis, budget, collectors
from tests.portal.search.conftest import WHOOSH, watchdog

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(not WHOOSH, reason="Whoosh's matchers")]

TOP_WORDS = 50
CHUNKS = 4
#: A hang detector, not a speed check: a query takes milliseconds, a hang for ever.
WATCHDOG_SECONDS = 20
#: Each type's ranked search must finish within this budget (the portal's is 2 s for all four).
QUERY_BUDGET_SECONDS = 10


def frequent_words(reader, n):
    """The ``n`` words in most documents (the index's unstemmed vocabulary), stop words and
    numbers left out: what visitors type most is what the content says most."""
    counted = []
    for term in reader.lexicon("spell"):
        word = term.decode() if isinstance(term, bytes) else term
        if len(word) > 1 and not word.isdigit() and not analysis.is_stop_word(word):
            counted.append((-reader.doc_frequency("spell", word), word))
    return [word for _, word in sorted(counted)[:n]]


def combinations(words):
    return [" ".join(c) for size in (2, 3) for c in itertools.combinations(words, size)]


def test_the_run_is_at_least_twenty_thousand_queries(real_content):
    from modelsearch.backends import get_search_backend

    reader = get_search_backend("default").store.searcher().reader()
    words = frequent_words(reader, TOP_WORDS)
    assert len(words) == TOP_WORDS
    assert len(set(combinations(words))) >= 20_000


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_combination_of_frequent_words_answers(real_content, search_errors, chunk):
    from modelsearch.backends import get_search_backend

    from portal.search import query as query_parser
    from portal.search import service

    backend = get_search_backend("default")
    store = backend.store
    searcher = store.searcher()
    speller = service.speller_for(backend)
    queries = combinations(frequent_words(searcher.reader(), TOP_WORDS))[chunk::CHUNKS]

    # Per type: the compiler and the document filter of the portal's own queryset (live, public,
    # this type), computed once; per query only the text query is compiled.
    per_type = []
    for key in service.TYPES:
        results = backend.search("x", service._queryset(key, {}), operator="or")
        _, planned, _ = results._plan()
        per_type.append((key, results.query_compiler, store.cached_docs(searcher, planned.filter)))

    answered = 0
    for q in queries:
        parsed = query_parser.parse(q, speller=speller)
        search_query = parsed.to_query(weighted=True)
        with watchdog(WATCHDOG_SECONDS, q):
            for key, compiler, allowed in per_type:
                compiler.query = search_query
                text = compiler.text_query()
                spent = budget.Budget(QUERY_BUDGET_SECONDS)
                top = collectors.search(searcher, text, limit=10, filter=allowed, budget=spent)
                assert not top.stopped, f"{q!r} ({key}) ran out of its budget"
                scores = [hit.score for hit in top]
                assert scores == sorted(scores, reverse=True), q
        answered += 1
    search_errors.check()
    assert answered == len(queries) >= 5_000
