"""Highlighted fragments for search results, the same on both backends.

The result's text is analysed with the index's Dutch analyzer, so "werkgever" in the query
marks "werkgevers" in the text. The output is HTML: the text escaped, matches in ``<mark>``.
"""

from functools import lru_cache

from django.utils.html import escape, strip_tags
from whoosh import highlight as wh

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


def fragment(text, words, fallback=""):
    """An HTML fragment of ``text`` around the query words, or the escaped ``fallback``."""
    text = " ".join(strip_tags(text or "").split())
    terms = query_terms(words)
    if text and terms:
        try:
            html = wh.highlight(
                text,
                terms,
                analysis._text(),  # built once per process; whoosh analyzers are reusable
                wh.ContextFragmenter(maxchars=FRAGMENT_CHARS, surround=70),
                _Formatter(),
                top=2,
            )
        except Exception:  # noqa: BLE001 - a fragment is never worth an error page
            html = ""
        if html:
            return html
    fallback = " ".join(strip_tags(fallback or text or "").split())
    if len(fallback) > FRAGMENT_CHARS:
        fallback = fallback[:FRAGMENT_CHARS].rsplit(" ", 1)[0] + " …"
    return escape(fallback)
