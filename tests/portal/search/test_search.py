"""The portal search on the configured backend: Dutch words, abbreviations, typos, facets,
best bets, logging, the API contract and the page. The same tests run on both backends."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import connection

from tests.portal.search.conftest import WHOOSH, titles

pytestmark = pytest.mark.django_db


def test_a_question_in_plain_words_finds_the_answer_first(content, search_fn):
    response = search_fn("telt een uitzendkracht mee?")
    assert titles(response)[0] == "Telt een uitzendkracht uit de doelgroep mee?"


@pytest.mark.skipif(
    not WHOOSH and connection.vendor == "sqlite",
    reason="SQLite's full-text search has no Dutch stemmer (why the portal has a Whoosh backend)",
)
def test_plural_finds_singular_and_the_other_way_round(content, search_fn):
    assert "Het doelgroepregister raadplegen" in titles(search_fn("werkgever portaal"))
    assert "De quotumheffing en het uitstel ervan" in titles(search_fn("werkgevers"))


def test_accents_and_case_do_not_matter(content, search_fn):
    assert titles(search_fn("QUOTUMHEFFÍNG"))[:1] == titles(search_fn("quotumheffing"))[:1]


def test_abbreviation_finds_the_spelled_out_term(content, search_fn):
    response = search_fn("LDR")
    assert "Doelgroepregister" in titles(response)[:3]
    assert "Het doelgroepregister raadplegen" in titles(response)


def test_synonym_from_the_file_finds_the_page(content, search_fn):
    # synonyms.yaml: SROI = social return
    assert "Banen via inkoop bij een schoonmaakbedrijf" in titles(search_fn("SROI"))


def test_begrip_synonyms_extend_the_search(content, search_fn):
    # Begrip WML has synonym "minimumloon": typing it finds the begrip by its afkorting too.
    assert "Wettelijk minimumloon" in titles(search_fn("wml"))
    assert "Wettelijk minimumloon" in titles(search_fn("minimumloon"))


def test_misspelled_word_gets_a_suggestion_and_results(content, search_fn):
    response = search_fn("quotumheffnig")
    assert response.suggestion == "quotumheffing"
    assert response.total > 0
    assert "De quotumheffing en het uitstel ervan" in titles(response)


def test_nothing_found_retries_with_the_suggestion(content, search_fn):
    response = search_fn("uitzendkracth")
    assert response.suggestion == "uitzendkracht"
    assert response.total > 0


def test_type_facet_counts_and_type_filter(content, search_fn):
    response = search_fn("doelgroep")
    counts = response.facets["type"]
    assert counts["vraag"] >= 1 and counts["artikel"] >= 1
    only_questions = search_fn("doelgroep", type="vraag")
    assert {r.type for r in only_questions.results} == {"vraag"}
    assert only_questions.total == counts["vraag"]


def test_taxonomy_facets_count_and_filter(content, search_fn):
    response = search_fn("doelgroep")
    sector = {e["slug"]: e["aantal"] for e in response.facets["sector"]}
    assert sector["rijk"] >= 2
    filtered = search_fn("quotum werkgever", filters={"thema": ["banen-en-quotum"]})
    assert all(r.type != "begrip" for r in filtered.results)
    assert titles(filtered) == ["De quotumheffing en het uitstel ervan"]


def test_a_filter_value_with_a_control_character_is_ignored_not_an_error(content, search_fn, caplog):
    # a NUL byte in a thema would make PostgreSQL refuse the query and abort the transaction
    filtered = search_fn("quotum werkgever", filters={"thema": ["banen-en-quotum\x00", "x\ty"]})
    assert filtered.filters == {}
    assert "De quotumheffing en het uitstel ervan" in titles(filtered)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_pagination_ten_per_page(content, search_fn):
    from tests.factories import ArticlePageFactory

    kennisbank = content["pages"]["quotumheffing"].get_parent()
    for i in range(12):
        ArticlePageFactory(parent=kennisbank, title=f"Loonkostensubsidie deel {i}", slug=f"lks-{i}")
    call_command("update_index", verbosity=0)
    first = search_fn("loonkostensubsidie")
    second = search_fn("loonkostensubsidie", page=2)
    assert first.total == 12 and len(first.results) == 10 and len(second.results) == 2
    assert not set(titles(first)) & set(titles(second))


def test_unpublished_and_deleted_pages_disappear(content, search_fn):
    page = content["pages"]["register"]
    page.unpublish()
    assert "Het doelgroepregister raadplegen" not in titles(search_fn("werkgeversportaal"))
    page.delete()
    assert search_fn("werkgeversportaal").total == 0


def test_new_page_is_found_after_publishing(content, search_fn):
    from tests.factories import QuestionPageFactory

    parent = content["pages"]["uitzendkracht"].get_parent()
    page = QuestionPageFactory(
        parent=parent, title="Mag een jobcoach meekijken?", slug="jobcoach", live=False
    )
    assert search_fn("jobcoach meekijken").total == 0
    page.save_revision().publish()
    assert titles(search_fn("jobcoach meekijken"))[0] == "Mag een jobcoach meekijken?"


def test_best_bet_comes_first_and_once(content, search_fn):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    target = content["pages"]["social-return"]
    SearchPromotion.objects.create(
        query=Query.get("quotum"), page=target, description="Aanbevolen door de redactie."
    )
    response = search_fn("quotum")
    assert titles(response)[0] == target.title
    assert titles(response).count(target.title) == 1
    assert response.promotions[0].promoted


def test_every_query_is_counted_and_empty_ones_reported(content, search_fn):
    from wagtail.contrib.search_promotions.models import Query

    from portal.search.models import UnansweredQuery

    search_fn("quotumheffing", log=True)
    search_fn("quotumheffing", log=True)
    search_fn("zzzonzin qqq", log=True)
    assert Query.get("quotumheffing").hits == 2
    assert UnansweredQuery.objects.get(query_string="zzzonzin qqq").hits == 1
    assert not UnansweredQuery.objects.filter(query_string="quotumheffing").exists()
    # The editorial counters are written in the same transaction (service._log).
    from editorial.models import SearchDay

    day = SearchDay.objects.get(text="quotumheffing")
    assert (day.searches, day.zero_results) == (2, 0)
    assert SearchDay.objects.get(text="zzzonzin qqq").zero_results == 1


def test_fragments_highlight_the_words_and_escape_the_rest(content, search_fn):
    response = search_fn("uitzendkrachten")
    fragment = next(r.fragment for r in response.results if r.type == "vraag")
    assert "<mark>" in fragment
    assert "<p>" not in fragment


def test_empty_and_stop_word_queries(content, search_fn):
    assert search_fn("").total == 0
    assert search_fn("   ").total == 0
    search_fn("de het een")  # only stop words: no error


# -- API contract -------------------------------------------------------------------------


def test_api_shape(content, client):
    data = client.get("/api/zoeken", {"q": "quotumheffing"}).json()
    assert set(data) == {"q", "totaal", "suggestie", "resultaten", "facetten"}
    assert data["totaal"] >= 1
    first = data["resultaten"][0]
    assert set(first) == {"titel", "url", "type", "fragment"}
    assert first["type"] in {"artikel", "praktijkvoorbeeld", "vraag", "begrip"}
    assert set(data["facetten"]) >= {"type", "thema", "spoor", "sector"}


def test_api_type_and_pagination(content, client):
    data = client.get("/api/zoeken", {"q": "doelgroep", "type": "begrip"}).json()
    assert {r["type"] for r in data["resultaten"]} == {"begrip"}
    assert client.get("/api/zoeken", {"q": "doelgroep", "pagina": "2"}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x", "type": "film"},
        {"q": "x", "pagina": "0"},
        {"q": "x", "pagina": "abc"},
        {"q": "x", "pagina": "999"},
    ],
)
def test_api_bad_parameters_give_400_with_a_message(content, client, params):
    response = client.get("/api/zoeken", params)
    assert response.status_code == 400
    assert response.json()["melding"]


def test_api_empty_query_gives_200_without_results(clean_index, client):
    data = client.get("/api/zoeken", {"q": ""}).json()
    assert data["totaal"] == 0 and data["resultaten"] == []


def test_autocomplete_endpoint(content, client):
    data = client.get("/api/zoeken/aanvullen", {"q": "quotumh"}).json()
    assert data and data[0]["titel"] == "De quotumheffing en het uitstel ervan"
    assert client.get("/api/zoeken/aanvullen", {"q": "q"}).json() == []


# -- compounds and inflection as employers type them ----------------------------------------


@pytest.fixture
def compound_content(content, site_tree):
    from tests.factories import BegripFactory, QuestionPageFactory

    BegripFactory(
        term="SW-bedrijf",
        slug="sw-bedrijf",
        afkorting="",
        synoniemen="",
        omschrijving="Een SW-bedrijf voert de Wsw uit voor de gemeente.",
    )
    QuestionPageFactory(
        parent=site_tree["vragen"],
        title="Wie betaalt de jobcoach?",
        slug="wie-betaalt-de-jobcoach",
        kort_antwoord="Een jobcoach wordt betaald door het UWV of de gemeente.",
        samenvatting="Over de vergoeding van een jobcoach.",
    )
    QuestionPageFactory(
        parent=site_tree["vragen"],
        title="Hoe vind ik geschikt werk als mijn organisatie vooral kennisintensief werk heeft?",
        slug="werk-in-een-kennisintensieve-organisatie",
        kort_antwoord="Zoek naar ondersteunend werk dat nu blijft liggen.",
        samenvatting="Werk vinden in kennisintensieve organisaties.",
    )
    QuestionPageFactory(
        parent=site_tree["vragen"],
        title="Waar vindt een organisatie kennis over werk?",
        slug="kennis-voor-een-organisatie",
        kort_antwoord="Kennis over werk vindt uw organisatie bij het werkgeversservicepunt.",
        samenvatting="Kennis delen tussen organisaties over werk.",
    )
    call_command("update_index", verbosity=0)
    return content


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("swbedrijf", "SW-bedrijf"),  # joined where the content hyphenates
        ("sw bedrijf", "SW-bedrijf"),
        ("jobcoaches", "Wie betaalt de jobcoach?"),  # an English plural the stemmer leaves alone
        ("doelgroepenregister", "Doelgroepregister"),  # another linking sound
        ("doelgroep register", "Doelgroepregister"),  # written apart
        ("inleenkracht", "Telt een uitzendkracht uit de doelgroep mee?"),  # a compound made up
        ("inleenkrachten", "Telt een uitzendkracht uit de doelgroep mee?"),
        ("payroll", "Telt een uitzendkracht uit de doelgroep mee?"),  # synonyms.yaml: a kind of inleen
        ("payrolling", "Telt een uitzendkracht uit de doelgroep mee?"),
    ],
)
def test_compounds_and_inflection_find_the_page(compound_content, search_fn, search_errors, typed, expected):
    assert expected in titles(search_fn(typed))[:3]


@pytest.mark.skipif(not WHOOSH, reason="a ranking by coordination: the database backends have none")
def test_an_unknown_compound_ranks_the_page_with_a_compound_of_its_head_first(
    compound_content, search_fn, search_errors
):
    # "kennis" and "organisatie" apart are on the other page; the answer writes "kennisintensief"
    found = titles(search_fn("werk vinden in een kennisorganisatie"))
    assert found[:2] == [
        "Hoe vind ik geschikt werk als mijn organisatie vooral kennisintensief werk heeft?",
        "Waar vindt een organisatie kennis over werk?",
    ]


# -- the page -------------------------------------------------------------------------------


def test_search_page_renders_results_facets_and_suggestion(content, client):
    html = client.get("/zoeken/", {"q": "quotumheffnig"}).content.decode()
    assert '<html lang="nl"' in html
    assert 'role="search"' in html
    assert "Bedoelde u" in html and "?q=quotumheffing" in html
    assert "De quotumheffing en het uitstel ervan" in html
    assert 'aria-labelledby="filters-kop"' in html
    assert "portal_search/autocomplete.js" in html


def test_every_page_result_shows_its_checked_date(content, client, search_fn):
    page = content["pages"]["quotumheffing"]
    page.laatst_gecontroleerd = datetime.date(2026, 3, 4)
    page.save_revision().publish()
    html = client.get("/zoeken/", {"q": "quotumheffing"}).content.decode()
    assert 'Gecontroleerd <time datetime="2026-03-04">4 maart 2026</time>' in html
    # published after the check: both dates
    assert re.search(r'Bijgewerkt <time datetime="\d{4}-\d\d-\d\d">', html)
    # every page among the results has its dates (a begrip has none)
    response = search_fn("doelgroep")
    pages = [r for r in response.results if r.type != "begrip"]
    assert len(pages) >= 2
    html = client.get("/zoeken/", {"q": "doelgroep"}).content.decode()
    assert html.count("portal-search-result__dates") == len(pages)


def test_search_page_without_query_and_with_bad_type(clean_index, client):
    assert client.get("/zoeken/").status_code == 200
    response = client.get("/zoeken/", {"q": "x", "type": "film"})
    assert response.status_code == 400
    assert "Onbekend type" in response.content.decode()


def test_admin_report_lists_unanswered_queries(content, client, admin_user, search_fn):
    search_fn("koffieautomaat printerpapier", log=True)
    from tests.otp import verified_login

    verified_login(client, admin_user)  # superusers pass the second factor (portal/security/twofactor.py)
    html = client.get("/admin/reports/zoeken-zonder-resultaat/").content.decode()
    assert "koffieautomaat printerpapier" in html


def test_only_the_shown_hits_are_fetched_and_one_the_database_lacks_is_replaced():
    """service._with_objects: the ranked pks of the types are fetched a batch at a time, only as
    many as the page shows; a pk the database no longer has gives its place to the next one."""
    from types import SimpleNamespace

    from portal.search.service import _with_objects

    class Fetcher:
        def __init__(self, pks):
            self.objects = {pk: SimpleNamespace(pk=pk) for pk in pks}
            self.asked = []

        def fetch(self, pks_scores):
            self.asked.append([pk for pk, _ in pks_scores])
            return [self.objects[pk] for pk, _ in pks_scores if pk in self.objects]

    articles = Fetcher([1, 3, 5])  # 2 is still in the index but no longer in the database
    begrip = SimpleNamespace(pk=7)
    candidates = [
        (9.0, "kennisartikel", None, 1),
        (8.0, "begrip", begrip, None),  # a backend that fetched its objects itself
        (7.0, "kennisartikel", None, 2),
        (6.0, "kennisartikel", None, 3),
        (5.0, "kennisartikel", None, 5),
    ]
    found = _with_objects(candidates, {"kennisartikel": articles}, 3)
    assert [(score, key, obj.pk) for score, key, obj in found] == [
        (9.0, "kennisartikel", 1),
        (8.0, "begrip", 7),
        (6.0, "kennisartikel", 3),
    ]
    assert articles.asked == [[1, 2], [3]]
