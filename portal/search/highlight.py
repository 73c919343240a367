"""Highlighted fragments for search results, the same on both backends.

The result's text is analysed with the index's Dutch analyzer, so "werkgever" in the query
marks "werkgevers" in the text. The output is HTML: the text escaped, matches in ``<mark>``.

The analyzer works word by word (fold, length limit, stop words, stem: no filter looks at a
word's neighbours), so a text's tokens are its words' tokens. Each distinct word is analysed
once per process (``_word_terms``), and each distinct text is split into words once per process
(``_prepared``: the words' character spans and terms, which no query changes). A query then
finds its matched words at C speed and walks token by token only inside a fragment
(``_fragments``, which gives the fragments of Whoosh's ``ContextFragmenter``); the texts of
the results repeat, and re-analysing them was a large part of a search page's render
(docs/performance.md). ``tests/portal/search/test_highlight.py`` checks that the fragments
are those of Whoosh's own ``highlight()`` with the analyzer.
"""

from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress, islice
from operator import not_
from typing import NamedTuple

from django.utils.html import escape, strip_tags
from whoosh import highlight as wh

from portal.search import analysis

FRAGMENT_CHARS = 220
#: Context around the matches, in characters of words (Whoosh's ``ContextFragmenter(surround)``).
SURROUND = 70
#: Distinct texts kept prepared per process: on the content (219 texts, median 2,000 characters)
#: 4.8 kB each by tracemalloc (the cleaned text, the spans, the tuple of term tuples) plus the key
#: the cache keeps alive (1.9 kB on average, shared with the search's result cards): about
#: 14 MB when full (docs/performance.md). As many as the search keeps result cards.
PREPARED_TEXTS = 2048


class _Formatter(wh.HtmlFormatter):
    def __init__(self):
        super().__init__(tagname="mark", between=" … ", classname="", termclass="")

    def format_token(self, text, token, replace=False):
        ttext = wh.htmlescape(wh.get_text(text, token, replace), quote=False)
        return f"<mark>{ttext}</mark>"


def query_terms(words):
    """The stemmed index terms for a list of query words."""
    return set(_terms(tuple(words or ())))


@lru_cache(maxsize=256)
def _terms(words):
    # One analysis of the query words per process and query, not one per result shown.
    terms = set()
    for word in words:
        terms.update(analysis.analyze(word))
    return frozenset(terms)


@lru_cache(maxsize=50_000)
def _word_terms(word):
    """The index terms of one word of text, in order (empty for a stop word)."""
    return tuple(t.text for t in analysis._text()(word, mode="query"))


class _Text(NamedTuple):
    """A text as the highlighter needs it, whatever the query: its words that have index
    terms (stop words left out, as Whoosh's analyzer leaves them out), in order."""

    text: str
    starts: array  # each word's first character
    ends: array  # one past each word's last character
    terms: tuple  # each word's index terms (the tuples of ``_word_terms``, shared)


class _Match(NamedTuple):
    """A matched word for Whoosh's ``Fragment``, scorer and formatter (what ``Token.copy()``
    gave them): the term is the first of the word's terms that the query has."""

    startchar: int
    endchar: int
    text: str
    boost: float


def _prepare(text):
    starts, ends, terms = array("I"), array("I"), []
    for match in analysis.TOKEN_PATTERN.finditer(text):
        word_terms = _word_terms(match.group())
        if word_terms:
            start, end = match.span()
            starts.append(start)
            ends.append(end)
            terms.append(word_terms)
    return _Text(text, starts, ends, tuple(terms))


@lru_cache(maxsize=PREPARED_TEXTS)
def _prepared(raw):
    """``raw`` without tags, its whitespace collapsed, prepared; keyed by the text the
    result gives (the same string object per result, so its hash is computed once)."""
    text = " ".join(strip_tags(raw).split())
    return _prepare(raw if text == raw else text)


def _fragments(prepared, terms, maxchars=FRAGMENT_CHARS, surround=SURROUND, charlimit=wh.DEFAULT_CHARLIMIT):
    """The fragments ``ContextFragmenter(maxchars, surround, charlimit).fragment_tokens``
    gives for the text's tokens (matched: a term in ``terms``), without visiting each token.

    Whoosh's loop, outside a fragment, only keeps the start characters of the tokens whose end
    lies within ``surround`` of the last token's end (the fragment's start if the next token
    matches); here a ``bisect`` finds that start when a match comes. Inside a fragment the
    tokens are walked one by one as Whoosh does, with its quirks: ``surround`` and ``maxchars``
    count the characters of words, not of the gaps; a fragment ends when the countdown reaches
    zero, and if it is exactly zero the next token is still taken as inside a (new) fragment;
    a matched word longer than ``maxchars`` outside a fragment gives an empty fragment; tokens
    ending past ``charlimit`` are not looked at, but the first of them ends a fragment left open.
    """
    text, starts, ends, token_terms = prepared
    count = len(starts)
    limit = bisect_right(ends, charlimit) if charlimit else count
    unmatched = list(map(terms.isdisjoint, islice(token_terms, limit)))
    last_end = ends[limit] if limit < count else (ends[-1] if count else 0)

    def match(i):
        term = next(filter(terms.__contains__, token_terms[i]))
        return _Match(starts[i], ends[i], term, 1.0)

    reset = 0  # the first token since the last fragment (where Whoosh's deque of starts begins)
    walked = 0  # the tokens before this one have been seen
    for m in compress(range(limit), map(not_, unmatched)):
        if m < walked:
            continue
        # Outside a fragment: tokens reset..m-1 are unmatched, token m is a match.
        start, end = starts[m], ends[m]
        length = end - start
        walked = m + 1
        if length > maxchars:
            yield wh.Fragment(text, [], 0, end)
            reset = walked
            continue
        before = bisect_left(starts, ends[m - 1] - surround, reset, m) if m > reset else m
        if before < m:
            first, countdown = starts[before], surround - length
        else:
            first, countdown = start, surround + surround - length
        matches = [match(m)]
        current = length
        # Inside a fragment: token by token.
        while True:
            if countdown <= 0:
                yield wh.Fragment(text, matches, first if matches else 0, ends[walked - 1])
                matches, first, current, reset = [], None, 0, walked
                if countdown < 0:
                    break
            if walked == limit:
                if matches:
                    yield wh.Fragment(text, matches, first, last_end)
                return
            start, end = starts[walked], ends[walked]
            length = end - start
            if current + length > maxchars:
                countdown = 0
            elif not unmatched[walked]:
                countdown = surround
                if first is None:
                    first = start
                    countdown += surround
                matches.append(match(walked))
            current += length
            countdown -= length
            walked += 1


def _highlight(prepared, terms, top):
    """Whoosh's ``highlight()`` with the prepared text (same fragments, scorer and order)."""
    fragments = _fragments(prepared, terms)
    return _Formatter()(
        prepared.text, wh.top_fragments(fragments, top, wh.BasicFragmentScorer(), wh.FIRST, 1)
    )


def fragment(text, words, fallback=""):
    """An HTML fragment of ``text`` around the query words, or the escaped ``fallback``."""
    terms = _terms(tuple(words or ()))
    try:
        prepared = _prepared(text or "")
        html = _highlight(prepared, terms, top=2) if prepared.text and terms else ""
    except Exception:  # noqa: BLE001 - a fragment is never worth an error page
        prepared, html = None, ""
    if html:
        return html
    fallback = " ".join(strip_tags(fallback or (prepared.text if prepared else text) or "").split())
    if len(fallback) > FRAGMENT_CHARS:
        fallback = fallback[:FRAGMENT_CHARS].rsplit(" ", 1)[0] + " …"
    return escape(fallback)
