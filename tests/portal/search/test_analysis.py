"""Dutch analysis, synonyms, spelling and the query parser (no index, no database needed)."""

import pytest

from portal.search import analysis, highlight, spelling
from portal.search import query as query_parser


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("werkgevers", "werkgever"),
        ("uitzendkrachten", "uitzendkracht"),
        ("medewerkers", "medewerker"),
        ("ministeries", "ministerie"),
        ("organisaties", "organisatie"),
        ("gemeenten", "gemeente"),
        ("afspraken", "afspraak"),
    ],
)
def test_plural_and_singular_get_the_same_stem(plural, singular):
    assert analysis.analyze(plural) == analysis.analyze(singular)


def test_folding_stop_words_and_numbers():
    assert analysis.analyze("Telt een uitzendkracht mee?") == ["telt", "uitzendkracht", "mee"]
    assert analysis.analyze("één GEÏNTERESSEERDE") == analysis.analyze("een geinteresseerde")
    assert analysis.analyze("25,5 uur") == ["25", "5", "uur"]
    assert len(analysis.analyze("geen uitkering")) == 2  # "geen" matters here: not a stop word


def test_junk_never_breaks_analysis():
    assert analysis.analyze("\x00\u200b\ufeff") == []
    assert analysis.analyze("a" * 10_000) == []  # longer than any word
    assert analysis.words("Poseidon-1234ABC") == ["poseidon", "1234abc"]


def test_edit_distance():
    assert spelling.edit_distance("quotumheffnig", "quotumheffing") == 1  # transposition
    assert spelling.edit_distance("wajnog", "wajong") == 1
    assert spelling.edit_distance("kat", "kat") == 0
    assert spelling.edit_distance("", "abc") == 3


@pytest.mark.django_db  # the synonym groups read the Begrip snippets
def test_list_speller_corrects_unknown_words_only():
    speller = spelling.ListSpeller({"quotumheffing": 5, "quotum": 9, "heffing": 4})
    assert speller.corrections(["quotumheffnig", "quotum", "onbekendwoordxyz"]) == {
        "quotumheffnig": "quotumheffing"
    }


def test_query_cleaning():
    assert query_parser.clean("  quotum\x00\theffing \n") == "quotum heffing"
    assert len(query_parser.clean("x" * 20_000)) == query_parser.MAX_QUERY_LENGTH
    assert query_parser.clean(None) == ""


@pytest.mark.django_db  # the synonym groups read the Begrip snippets
def test_quoted_words_become_a_phrase():
    parsed = query_parser.parse('"social return" inkoop')
    assert parsed.phrases == [["social", "return"]]
    assert [u[1] for u in parsed.units] == ["inkoop"]


@pytest.mark.django_db  # the synonym groups read the Begrip snippets
def test_suggestion_keeps_the_rest_of_the_query():
    class Speller(spelling.ListSpeller):
        pass

    parsed = query_parser.parse("Wat is quotumheffnig?", speller=Speller({"quotumheffing": 3, "wat": 1}))
    assert parsed.suggestion() == "Wat is quotumheffing"


def test_fragment_marks_stemmed_matches_and_escapes_html():
    html = highlight.fragment("<p>Alle werkgevers & uitzendbureaus</p>", ["werkgever"])
    assert "<mark>werkgevers</mark>" in html
    assert "&amp;" in html and "<p>" not in html
    assert highlight.fragment("", ["x"], fallback="Samenvatting & <b>meer</b>") == "Samenvatting &amp; meer"
