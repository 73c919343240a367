"""The highlighter's prepared texts and fragmenter give Whoosh's own fragments
(portal/search/highlight.py).

No database: the texts are the portal's own content files plus strings chosen to reach every
branch of the analyzer (stop words, folding, the length limit, digits, punctuation) and of the
fragmenter (the character limit, a match right after a fragment, matches closer than the
context, a word longer than a fragment, runs of matches longer than a fragment, stop words
only), and random texts and token sequences checked against Whoosh's ``ContextFragmenter``.
"""

import random
from array import array
from pathlib import Path

import pytest
from whoosh import highlight as wh
from whoosh.analysis import Token

from portal.search import analysis, highlight

CONTENT = Path(__file__).resolve().parents[3] / "content"

#: A word of 300 characters whose analysis keeps it (U+037A folds to nothing): longer than a fragment.
LONG_MATCH = "banen" + "\u037a" * 295

TRICKY = [
    "De werkgever en de werkgevers: één WERKGEVER, geïnteresseerde werkgeefster.",
    "art. 38b Participatiewet; 25,5 uur; 2024-06-01; banen_afspraak " + "x" * 61 + " banen",
    "het is de en van een " * 40 + "banenafspraak " + "en de " * 80 + "quotum",
    "ﬁnanciële ﬁets Œuvre Straße İstanbul café cafe\u0301 ½ ²",
    "",
    "banen",
    # Past Whoosh's character limit (32,768): matches before, across and after it.
    ("werkgever quotum banen regeling " * 1100)[:32_740] + " banen werkgever " + "quotum banen " * 20,
    "quotum " * 40,  # matches in a row overflow a fragment
    "banen loonkostensubsidie " * 30,  # matches closer than the context
    # 9 words of 8 characters end the fragment of "banen" (its context: 70 - 5); then a match
    "regeling " * 12 + "banen " + "regeling " * 9 + "werkgever " + "regeling " * 40,
    "de het een en van " * 20,  # stop words only
    "regeling " * 5 + LONG_MATCH + " banen " + LONG_MATCH + " " + LONG_MATCH + " quotum regeling",
    "regel " * 20 + "banen " + "regel " * 40,  # the context (70 - 5) ends exactly at zero: 13 words
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
        wh.ContextFragmenter(maxchars=highlight.FRAGMENT_CHARS, surround=highlight.SURROUND),
        highlight._Formatter(),
        top=2,
    )


def whoosh_fragments(text, terms, **fragmenter):
    tokens = analysis._text()(text, chars=True, mode="query", removestops=False)
    tokens = wh.set_matched_filter(tokens, frozenset(terms))
    return shapes(wh.ContextFragmenter(**fragmenter).fragment_tokens(text, tokens))


def shapes(fragments):
    """What a fragment is to the scorer and the formatter."""
    return [
        (f.startchar, f.endchar, [(t.startchar, t.endchar, t.text, t.boost) for t in f.matches])
        for f in fragments
    ]


def texts():
    files = sorted(CONTENT.rglob("*.md"))
    assert len(files) > 50, "the content folder moved"
    return [" ".join(path.read_text(encoding="utf-8").split()) for path in files] + TRICKY


@pytest.mark.parametrize("words", QUERIES, ids=" ".join)
def test_the_prepared_texts_give_whooshs_fragments(words):
    terms = highlight.query_terms(words)
    differing = []
    for text in texts():
        prepared = highlight._prepared(text)
        if highlight._highlight(prepared, terms, top=2) != whoosh_highlight(prepared.text, terms):
            differing.append(text[:60])
        fragmenter = {"maxchars": highlight.FRAGMENT_CHARS, "surround": highlight.SURROUND}
        if shapes(highlight._fragments(prepared, terms)) != whoosh_fragments(
            prepared.text, terms, **fragmenter
        ):
            differing.append(text[:60])
    assert not differing


def test_the_tricky_texts_reach_the_fragmenters_branches():
    terms = highlight.query_terms(["banen", "werkgever", "quotum"])
    long_text, overflow, close, after_fragment, stops, long_word, zero = (
        highlight._prepared(text) for text in TRICKY[6:]
    )
    fragments = list(highlight._fragments(long_text, terms))
    assert fragments[-1].endchar > wh.DEFAULT_CHARLIMIT  # the first token past the limit ends it
    assert all(m.endchar <= wh.DEFAULT_CHARLIMIT for f in fragments for m in f.matches)
    assert all(len(f.matches) >= 2 for f in highlight._fragments(overflow, terms))
    assert any(len(f.matches) >= 3 for f in highlight._fragments(close, terms))
    starts = [f.startchar for f in highlight._fragments(after_fragment, terms)]
    assert starts[1] == after_fragment.text.index("werkgever")  # no context before it: a new fragment
    assert stops.starts == array("I") and list(highlight._fragments(stops, terms)) == []
    fragments = list(highlight._fragments(long_word, terms))
    assert fragments[0].matches == []  # the long word alone: an empty fragment
    assert [m.endchar - m.startchar for f in fragments for m in f.matches] == [5, 6]
    # Whoosh takes the word after a countdown of exactly zero as a fragment of its own
    assert [(f.startchar, f.matches) for f in highlight._fragments(zero, terms)][1:] == [(0, [])]


WORDS = ["banen", "werkgevers", "quotum", "regeling", "de", "een", "en", "x" * 70, LONG_MATCH, "ab"]
SEPARATORS = [" ", " ", " ", ", ", ". ", " (", ") "]


def test_random_texts_give_whooshs_fragments():
    rng = random.Random(14)
    terms = highlight.query_terms(["banen", "werkgever", "quotum"])
    differing = []
    for n in range(1500):
        words = rng.choices(WORDS, weights=[3, 2, 2, 6, 4, 3, 3, 1, 0.2, 2], k=rng.randrange(0, 120))
        text = "".join(word + rng.choice(SEPARATORS) for word in words).strip()
        fragmenter = {"maxchars": rng.choice([40, 120, 220]), "surround": rng.choice([5, 20, 70])}
        fragmenter["charlimit"] = rng.choice([None, 300, wh.DEFAULT_CHARLIMIT])
        prepared = highlight._prepare(text)
        if shapes(highlight._fragments(prepared, terms, **fragmenter)) != whoosh_fragments(
            text, terms, **fragmenter
        ):
            differing.append((n, fragmenter, text))
    assert not differing[:3]


def test_random_token_sequences_give_whooshs_fragments():
    """Tokens of any length and gap (past ``maxchars`` and ``surround`` too), without the analyzer."""
    rng = random.Random(2)
    terms = frozenset(["banen", "quotum"])
    vocabulary = [("banen",), ("regel",), ("quotum", "banen"), ("werk", "quotum"), ("x",), ("y",)]
    differing = []
    for n in range(1500):
        starts, ends, token_terms, whoosh_tokens = array("I"), array("I"), [], []
        end = 0
        for _ in range(rng.randrange(0, 80)):
            start = end + rng.choice([0, 1, 1, 2, 5])
            end = start + rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 80, 250])
            word_terms = rng.choice(vocabulary)
            hits = [term for term in word_terms if term in terms]
            starts.append(start)
            ends.append(end)
            token_terms.append(word_terms)
            whoosh_tokens.append(
                Token(startchar=start, endchar=end, text=(hits or word_terms)[0], matched=bool(hits))
            )
        prepared = highlight._Text("t" * end, starts, ends, tuple(token_terms))
        fragmenter = {"maxchars": rng.choice([20, 50, 220]), "surround": rng.choice([0, 3, 10, 70])}
        fragmenter["charlimit"] = rng.choice([None, 0, 100, 400])
        ours = shapes(highlight._fragments(prepared, terms, **fragmenter))
        theirs = shapes(wh.ContextFragmenter(**fragmenter).fragment_tokens(prepared.text, whoosh_tokens))
        if ours != theirs:
            differing.append((n, fragmenter, list(zip(starts, ends, token_terms, strict=True))))
    assert not differing[:3]


def test_a_matching_text_gets_marks_and_the_cache_keeps_stop_words_out():
    html = highlight.fragment("Het quotum en de banen van de werkgevers", ["werkgever", "baan"])
    assert html.count("<mark>") == 2
    assert "<mark>werkgevers</mark>" in html and "<mark>banen</mark>" in html
    assert highlight._word_terms("de") == ()
    assert highlight._word_terms("Werkgevers") == tuple(analysis.analyze("werkgevers"))
    prepared = highlight._prepared("Het quotum en de banen")
    assert (list(prepared.starts), list(prepared.ends)) == ([4, 17], [10, 22])
    assert prepared.terms[1] is highlight._word_terms("banen")  # shared, not a copy per text


def test_a_fragment_strips_tags_collapses_whitespace_and_falls_back():
    assert highlight.fragment("<p>Regels  <b>banen</b>\n</p>", ["banen"]) == "Regels <mark>banen</mark>"
    assert highlight.fragment("De regeling", ["banen"], fallback="<p>Over  &amp; banen</p>") == (
        "Over &amp;amp; banen"
    )
    assert highlight.fragment("De regeling", ["banen"]) == "De regeling"
    assert highlight.fragment(None, ["banen"]) == ""
    long = highlight.fragment("regeling " * 40, ["banen"])
    assert long.endswith(" …") and len(long) <= highlight.FRAGMENT_CHARS + 2


def test_an_analyzer_error_gives_the_fallback_not_an_error_page(monkeypatch):
    def broken(text):
        raise RuntimeError("analyzer broke")

    monkeypatch.setattr(highlight, "_prepared", broken)
    assert highlight.fragment("Banen bij de overheid.", ["banen"], fallback="De <b>samenvatting</b>.") == (
        "De samenvatting."
    )
    assert highlight.fragment("Banen bij de overheid.", ["banen"]) == "Banen bij de overheid."
