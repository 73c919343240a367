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


# -- compounds and inflection, from a vocabulary ------------------------------------------------

VOCABULARY = {
    "sw": 5,
    "bedrijf": 90,
    "doelgroep": 100,
    "register": 50,
    "doelgroepregister": 80,
    "doelgroepenregister": 1,
    "inleen": 60,
    "kracht": 5,
    "jobcoach": 30,
    "jobcoaches": 4,
    "loonkosten": 20,
    "subsidie": 30,
    "loonkostensubsidie": 40,
    "werkgevers": 100,
    "werk": 200,
    "in": 500,
}


def known(word):
    return VOCABULARY.get(word, 0) > 0


def frequency(word):
    return VOCABULARY.get(word, 0)


@pytest.mark.parametrize(
    ("typed", "forms", "parts"),
    [
        ("swbedrijf", [], ["sw", "bedrijf"]),  # the content writes "sw-bedrijf"
        ("doelgroepenregister", ["doelgroepregister"], ["doelgroep", "register"]),  # rarer form
        ("inleenkracht", [], ["inleen", "kracht"]),
        ("inleenkrachten", [], ["inleen", "kracht"]),  # a plural tail
        ("doelgroepregister", [], []),  # the content's own word stays as it is
        ("werkgevers", [], []),  # no known head + tail
        ("loonkostensubsidie", [], []),
        ("x" * 50, [], []),
    ],
)
def test_compounds_split_into_known_parts_or_known_forms(typed, forms, parts):
    assert analysis.compound_alternatives(typed, known, frequency) == (forms, parts)


def test_inflections_only_where_the_stemmer_leaves_the_forms_apart():
    assert analysis.inflections("jobcoaches", known) == ["jobcoach"]  # English plural
    assert analysis.inflections("werkgevers", known) == []  # "werkgever" unknown here
    assert analysis.inflections("jobcoach", known) == []


def test_two_typed_words_join_into_the_word_the_content_uses():
    assert analysis.joined_form("doelgroep", "register", frequency) == "doelgroepregister"
    assert analysis.joined_form("doelgroepen", "register", frequency) == "doelgroepregister"
    assert analysis.joined_form("loonkosten", "subsidie", frequency) == "loonkostensubsidie"
    assert analysis.joined_form("sw", "bedrijf", frequency) is None  # not one word in the content
    assert analysis.joined_form("25", "uur", frequency) is None
    # Too long to be one word of the index: no form to look up, no error.
    assert analysis.joined_form("werkgevers", "quotumwerkgeverswerkgeverswerkgevers", frequency) is None


@pytest.mark.django_db  # the synonym groups read the Begrip snippets
def test_parser_adds_compound_forms_and_joins_without_a_spelling_guess():
    speller = spelling.ListSpeller(VOCABULARY)
    parsed = query_parser.parse("swbedrijf jobcoaches doelgroep register", speller=speller)
    assert parsed.variants["swbedrijf"] == ([], ["sw", "bedrijf"])
    assert parsed.variants["jobcoaches"] == (["jobcoach"], [])
    assert ("join", ["doelgroep", "register"], "doelgroepregister") in parsed.units
    assert "swbedrijf" not in parsed.corrections  # explained as a compound, not misspelled
    assert {"sw", "bedrijf", "jobcoach", "doelgroepregister"} <= set(parsed.words_for_highlight())
    assert parsed.to_query() is not None
    assert parsed.to_simple_query().query_string == "swbedrijf jobcoaches doelgroep register"


def test_an_unknown_compound_is_also_read_as_the_contents_compounds_of_its_head():
    vocabulary = {
        "kennis": 5,
        "organisatie": 40,
        "kennisintensief": 3,
        "kennisintensieve": 2,
        "kennisbank": 9,
    }
    vocabulary |= {"kennisorganisaties": 1, "kennisx": 1}
    speller = spelling.ListSpeller(vocabulary)
    found = analysis.head_compounds(
        "kennisorganisatie", "kennis", "organisatie", speller.words_with_prefix, speller.frequency
    )
    # the most frequent first; not the head itself, not a joined form, no part shorter than a tail
    assert found == ["kennisbank", "kennisintensief", "kennisintensieve"]
    assert speller.words_with_prefix("kennisi") == ["kennisintensief", "kennisintensieve"]
    assert speller.words_with_prefix("zzz") == []


@pytest.mark.django_db  # the synonym groups read the Begrip snippets
def test_parser_reads_an_unknown_compound_with_the_contents_compounds_of_its_head():
    from modelsearch.query import And

    speller = spelling.ListSpeller({"kennis": 5, "organisatie": 40, "kennisintensief": 3, "werk": 9})
    parsed = query_parser.parse("werk in een kennisorganisatie", speller=speller)
    assert parsed.variants["kennisorganisatie"] == ([], ["kennis", "organisatie"])
    assert parsed.head_compounds == {"kennisorganisatie": ["kennisintensief"]}
    assert "kennisintensief" in parsed.words_for_highlight()
    unit = parsed.to_query(weighted=False).subqueries[-1]
    readings = [q for q in unit.subqueries if isinstance(q, And)]
    assert [[part.query_string for part in q.subqueries] for q in readings] == [
        ["kennisintensief", "organisatie"]
    ]


def test_a_compound_with_one_known_end_keeps_that_end():
    def without_kracht(word):
        return word != "kracht" and known(word)

    assert analysis.compound_alternatives("inleenkracht", without_kracht, frequency) == ([], ["inleen"])
    assert analysis.compound_alternatives("koffieautomaat", known, frequency) == ([], [])


@pytest.mark.django_db  # the synonym groups read the Begrip snippets
def test_light_words_weigh_half_on_whoosh_and_stay_whole_elsewhere():
    from modelsearch.query import Boost, PlainText

    parsed = query_parser.parse("mogen we samenwerken")
    weighted = parsed.to_query(weighted=True).subqueries
    light = [q for q in weighted if isinstance(q, Boost)]
    assert [(q.subquery.query_string, q.boost) for q in light] == [
        ("mogen", query_parser.LIGHT_WEIGHT),
        ("we", query_parser.LIGHT_WEIGHT),
    ]
    assert [q.query_string for q in weighted if isinstance(q, PlainText)] == ["samenwerken"]
    # The database backends take no boosts: there a light word is an ordinary word.
    plain = parsed.to_query(weighted=False).subqueries
    assert [q.query_string for q in plain] == ["mogen", "we", "samenwerken"]
    assert not analysis.is_light_word("samenwerken") and analysis.is_light_word("Wíj")
    assert not analysis.LIGHT_WORDS & analysis.STOP_WORDS


@pytest.mark.django_db  # the synonym groups read the Begrip snippets
def test_word_pairs_of_a_long_question_become_name_bonuses_on_whoosh_only():
    parsed = query_parser.parse("kunnen we samen met andere werkgevers banen creeren")
    pairs = [
        q.words for q in parsed.to_query(weighted=True).subqueries if isinstance(q, query_parser.NamePair)
    ]
    # stop words ("kunnen", "met", "andere") and light words ("we") are left out, as in the index
    assert pairs == [("samen", "werkgevers"), ("werkgevers", "banen"), ("banen", "creeren")]
    assert not any(isinstance(q, query_parser.NamePair) for q in parsed.to_query(weighted=False).subqueries)
    assert not any(
        isinstance(q, query_parser.NamePair)
        for q in query_parser.parse("quotumheffing").to_query().subqueries
    )
