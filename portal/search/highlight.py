"""Highlighted fragments for search results, the same on both backends.

The result's text is analysed with the index's Dutch analyzer, so "werkgever" in the query
marks "werkgevers" in the text. The output is HTML: the text escaped, matches in ``<mark>``.

The analyzer works word by word (fold, length limit, stop words, stem: no filter looks at a
word's neighbours), so a text's tokens are its words' tokens. Each distinct word is analysed
once per process (``_word_terms``) instead of once per result shown: the texts of the results
repeat the same few thousand words, and re-analysing them was a large part of a search
page's render (docs/performance.md). ``tests/portal/search/test_highlight.py`` checks that the
fragments are those of Whoosh's own ``highlight()`` with the analyzer.
"""

from functools import lru_cache

from django.utils.html import escape, strip_tags
from whoosh import highlight as wh
from whoosh.analysis import Token

from portal.search import analysis

FRAGMENT_CHARS = 220


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


def _tokens(text, terms):
    """The tokens ``analysis._text()(text, chars=True)`` gives, marked as matched the way
    Whoosh's ``set_matched_filter`` does; one Token reused, as Whoosh's tokenizers do."""
    token = Token(positions=False, chars=True, removestops=False, mode="query")
    for match in analysis.TOKEN_PATTERN.finditer(text):
        word_terms = _word_terms(match.group())
        if not word_terms:
            continue
        token.startchar, token.endchar = match.span()
        hits = [term for term in word_terms if term in terms]
        token.text = hits[0] if hits else word_terms[0]
        token.matched = bool(hits)
        yield token


def _highlight(text, terms, top):
    """Whoosh's ``highlight()`` with the cached word analysis (same fragmenter, scorer, order)."""
    fragments = wh.ContextFragmenter(maxchars=FRAGMENT_CHARS, surround=70).fragment_tokens(
        text, _tokens(text, terms)
    )
    return _Formatter()(text, wh.top_fragments(fragments, top, wh.BasicFragmentScorer(), wh.FIRST, 1))


def fragment(text, words, fallback=""):
    """An HTML fragment of ``text`` around the query words, or the escaped ``fallback``."""
    text = " ".join(strip_tags(text or "").split())
    terms = query_terms(words)
    if text and terms:
        try:
            html = _highlight(text, terms, top=2)
        except Exception:  # noqa: BLE001 - a fragment is never worth an error page
            html = ""
        if html:
            return html
    fallback = " ".join(strip_tags(fallback or text or "").split())
    if len(fallback) > FRAGMENT_CHARS:
        fallback = fallback[:FRAGMENT_CHARS].rsplit(" ", 1)[0] + " …"
    return escape(fallback)
