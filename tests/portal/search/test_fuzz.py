"""No query makes the search fail: Whoosh syntax, 10 kB strings, odd unicode, NUL bytes.

Hypothesis generates 11,250 inputs in all (the max_examples below), plus the fixed tricky
strings: 6,900 go through the whole search function, 3,000 are parsed and compiled to a backend
query, 1,000 autocompleted, 350 sent through the API and the page via the test client.
Runs on both backends. On the database backend (the PostgreSQL run of `make test`) each
search is an SQL full-text query about ten times dearer than a Whoosh one, and none of Whoosh's
matcher loops can occur there, so the search fuzzers take a fifth of the examples (at least 50):
what they check there is that no input breaks the SQL or the query parser.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.search import query as query_parser
from tests.portal.search.conftest import WHOOSH

pytestmark = pytest.mark.django_db

SYNTAX = list("\"*?:()[]{}^~!-+&|\\/<>='`;,.%$#@") + [
    "AND",
    "OR",
    "NOT",
    "TO",
    "and",
    "or",
    "not",
    " ",
    "\x00",
    "\t",
]
WORDS = [
    "quotum",
    "heffing",
    "doelgroep",
    "LDR",
    "SROI",
    "werkgevers",
    "25,5",
    "uur",
    "telt",
    "mee",
    "de",
    "het",
]
TRICKY = [
    "",
    " ",
    "\x00",
    "\x00" * 100,
    '"',
    '""',
    '"quotum',
    "*",
    "?",
    "quotum*",
    "quo?um",
    "title:quotum",
    "(quotum",
    "quotum)",
    "[1 TO 5]",
    "{a TO b}",
    "quotum~2",
    "quotum^10",
    "AND",
    "NOT",
    "OR OR OR",
    "-",
    "a" * 10_240,
    ("quotum " * 1500)[:10_240],
    "\ud7ff\ue000\uffff",
    "\u202e\u200b\u200d\ufeff",
    "Z̴̡̧̛̛̛͚̜̠̥̖̗̺͖̪̖a̸l̷g̵o̶",
    "👩‍👩‍👧‍👦 quotum 🇳🇱",
    "ǅ ǈ ǋ ß ẞ İ ı",
    "١٢٣ ٤٥٦",
    "日本語の検索",
    "%00%22%27",
    "<script>alert(1)</script>",
    "'; DROP TABLE wagtailcore_page; --",
    "\\",
    "\\\\\\",
]

syntax_text = st.lists(st.sampled_from(SYNTAX + WORDS), max_size=30).map("".join)
unicode_text = st.text(max_size=300)
mixed_text = st.lists(st.one_of(st.sampled_from(SYNTAX + WORDS), st.text(max_size=8)), max_size=20).map(
    " ".join
)
long_text = st.text(min_size=9_000, max_size=10_240, alphabet=st.characters(codec="utf-8"))

FAST = settings(deadline=None, suppress_health_check=list(HealthCheck), database=None)


def examples(n):
    """``n`` examples on Whoosh, a fifth (at least 50) on the database backend."""
    return n if WHOOSH else max(n // 5, 50)


@pytest.fixture
def fuzz_index(content):
    """The content fixture's pages, indexed (so searches reach the index for real)."""
    return content


def _search(q, errors):
    """One search: no exception, a sane response, and nothing in the search's error log (the
    service swallows backend errors so the visitor sees no 500; the test must not)."""
    from portal.search.service import search

    response = search(q, log=False)
    errors.check(q)
    assert response.total >= 0
    assert response.total >= len(response.results)
    assert len(response.results) <= 10
    assert response.num_pages == -(-response.total // 10)
    response.as_dict()
    return response


@pytest.mark.parametrize("q", TRICKY)
def test_tricky_strings(fuzz_index, search_errors, q):
    _search(q, search_errors)


@settings(FAST, max_examples=3000)
@given(q=st.one_of(unicode_text, syntax_text, mixed_text))
def test_parse_and_compile_anything(search_errors, q):
    """Parsing and compiling to the backend's query (no search run): cheap, so many inputs."""
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    parsed = query_parser.parse(q)
    assert len(parsed.text) <= query_parser.MAX_QUERY_LENGTH
    parsed.to_query(weighted=False)
    search_query = parsed.to_query(weighted=True)
    backend = get_search_backend("default")
    if search_query is not None and hasattr(backend, "store"):
        results = backend.search(search_query, Page.objects.live())
        results.query_compiler.text_query()


@settings(FAST, max_examples=examples(2500))
@given(q=syntax_text)
def test_search_with_syntax_characters(fuzz_index, search_errors, q):
    _search(q, search_errors)


@settings(FAST, max_examples=examples(2500))
@given(q=unicode_text)
def test_search_with_any_unicode(fuzz_index, search_errors, q):
    _search(q, search_errors)


@settings(FAST, max_examples=examples(1500))
@given(q=mixed_text)
def test_search_with_mixed_input(fuzz_index, search_errors, q):
    _search(q, search_errors)


@settings(FAST, max_examples=examples(100))
@given(q=long_text)
def test_search_with_10kb_strings(fuzz_index, search_errors, q):
    _search(q, search_errors)


@settings(FAST, max_examples=examples(1000))
@given(q=st.one_of(unicode_text, syntax_text))
def test_autocomplete_with_anything(fuzz_index, search_errors, q):
    from portal.search.service import autocomplete

    assert isinstance(autocomplete(q), list)
    search_errors.check(q)


@settings(FAST, max_examples=examples(250))
@given(
    q=st.one_of(syntax_text, unicode_text.map(lambda s: s.replace("\ud800", ""))),
    type_=st.sampled_from(["", "artikel", "vraag", "begrip", "praktijkvoorbeeld", "x", "\x00"]),
    pagina=st.sampled_from(["", "1", "2", "0", "-1", "abc", "1e9", "\x00"]),
)
def test_api_never_500(fuzz_index, search_errors, client, q, type_, pagina):
    response = client.get("/api/zoeken", {"q": q, "type": type_, "pagina": pagina})
    search_errors.check(q)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["melding"]


@settings(FAST, max_examples=examples(100))
@given(q=st.one_of(syntax_text, unicode_text))
def test_page_never_500(fuzz_index, search_errors, client, q):
    response = client.get("/zoeken/", {"q": q, "thema": q[:20]})
    search_errors.check(q)
    assert response.status_code == 200


content_words = st.lists(
    st.sampled_from(
        WORDS + ["uitzendkracht", "register", "UWV", "social", "return", "minimumloon", "inkoop"]
    ),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(FAST, max_examples=examples(300))
@given(q=content_words)
def test_properties_of_any_answer(fuzz_index, search_errors, q):
    """Properties of every answer: the total is the sum of the type counts, results come best
    first, and a type filter finds exactly that type's count."""
    from portal.search.service import search

    response = _search(q, search_errors)
    assert response.total == sum(response.facets["type"].values())
    scores = [r.score for r in response.results]
    assert scores == sorted(scores, reverse=True)
    for key, count in response.facets["type"].items():
        if count:
            only = search(q, type=key, log=False)
            search_errors.check(q)
            assert only.total == count
            assert {r.type for r in only.results} <= {key}
