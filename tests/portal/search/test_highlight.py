"""The highlighter's cached word analysis gives Whoosh's own fragments (portal/search/highlight.py).

No database: the texts are the portal's own content files plus strings chosen to reach every
branch of the analyzer (stop words, folding, the length limit, digits, punctuation).
"""

from pathlib import Path

import pytest
from whoosh import highlight as wh

from portal.search import analysis, highlight

CONTENT = Path(__file__).resolve().parents[3] / "content"

TRICKY = [
    "De werkgever en de werkgevers: één WERKGEVER, geïnteresseerde werkgeefster.",
    "art. 38b Participatiewet; 25,5 uur; 2024-06-01; banen_afspraak " + "x" * 61 + " banen",
    "het is de en van een " * 40 + "banenafspraak " + "en de " * 80 + "quotum",
    "ﬁnanciële ﬁets Œuvre Straße İstanbul café cafe\u0301 ½ ²",
    "",
    "banen",
]

QUERIES = [
    ["banen"],
    ["werkgever", "quotum"],
    ["doelgroepregister", "loonkostensubsidie", "jobcoach"],
    ["financiele", "cafe", "straße"],
    ["38b", "uur", "banenafspraak"],
    ["de", "het"],  # stop words only: no terms
]


def whoosh_highlight(text, terms):
    """The fragments as Whoosh makes them, analysing the whole text (what the portal did before)."""
    return wh.highlight(
        text,
        terms,
        analysis._text(),
        wh.ContextFragmenter(maxchars=highlight.FRAGMENT_CHARS, surround=70),
        highlight._Formatter(),
        top=2,
    )


def texts():
    files = sorted(CONTENT.rglob("*.md"))
    assert len(files) > 50, "the content folder moved"
    return [" ".join(path.read_text(encoding="utf-8").split()) for path in files] + TRICKY


@pytest.mark.parametrize("words", QUERIES, ids=" ".join)
def test_the_cached_analysis_gives_whooshs_fragments(words):
    terms = highlight.query_terms(words)
    differing = [
        text[:60]
        for text in texts()
        if highlight._highlight(text, terms, top=2) != whoosh_highlight(text, terms)
    ]
    assert not differing


def test_a_matching_text_gets_marks_and_the_cache_keeps_stop_words_out():
    html = highlight.fragment("Het quotum en de banen van de werkgevers", ["werkgever", "baan"])
    assert html.count("<mark>") == 2
    assert "<mark>werkgevers</mark>" in html and "<mark>banen</mark>" in html
    assert highlight._word_terms("de") == ()
    assert highlight._word_terms("Werkgevers") == tuple(analysis.analyze("werkgevers"))
