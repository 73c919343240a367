"""eligibility/views.py: the guided checker and the calculators, through the Django test client.

The checker keeps its state only in the query string, so every test here is a chain of GET
requests: start, answer, go back, change, review, result, share. Bad query strings give a 400 page
with an error summary, never a 500.
"""

import html
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from eligibility import engine
from eligibility.checker import state as st
from eligibility.placements import identifies_people
from tests.factories import ArticlePageFactory, BegripFactory, build_site_tree

pytestmark = pytest.mark.django_db

PEILDATUM = "2026-11-24"
START = f"peildatum={PEILDATUM}&kader=wettelijk_quotum"


def text_of(response):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def answer_sentence(response):
    match = re.search(
        r'<p class="portal-short-answer" id="antwoord">(.*?)</p>', response.content.decode(), re.S
    )
    return html.unescape(match.group(1).strip()) if match else None


def fact_of(url):
    return urlsplit(url).path.split("/vraag/")[1].strip("/")


def start(client, vraag, query=START):
    response = client.get(f"/check/{vraag}/?{query}&actie=start")
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def submit(url, **fields):
    """The URL a screen's GET form submits to: its state with the fields set (as a browser would)."""
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    query.update({key: value for key, value in fields.items() if value is not None})
    return f"{parts.path}?{urlencode(query)}"


def answer(client, url, value, actie="volgende"):
    """Answer the question at url; returns the next screen's URL."""
    response = client.get(submit(url, actie=actie, **{fact_of(url): value}))
    assert response.status_code == 302, (url, response.status_code, text_of(response)[:800])
    return response["Location"]


def walk(client, vraag, answers, query=START):
    """Answer each question the checker asks from ``answers`` ('Weet ik niet' when absent)."""
    url = start(client, vraag, query)
    asked = []
    while "/vraag/" in url:
        feit = fact_of(url)
        assert feit not in asked, f"{feit} asked twice"
        asked.append(feit)
        value = answers.get(feit)
        url = answer(client, url, value, "volgende" if value is not None else "overslaan")
    assert "/controle/" in url
    return asked, url


def result_of(url):
    return url.replace("/controle/", "/uitkomst/")


@pytest.fixture
def content():
    tree = build_site_tree()
    for slug, title in (
        ("doelgroep-banenafspraak", "Wie hoort bij de doelgroep?"),
        ("blijven-in-het-register", "Blijven in het register"),
        ("quotumregeling", "Hoe werkt de quotumregeling?"),
    ):
        ArticlePageFactory(parent=tree["kennisbank"], slug=slug, title=title)
    BegripFactory(slug="doelgroepregister", term="Doelgroepregister")
    BegripFactory(slug="peildatum", term="Peildatum")
    BegripFactory(slug="wsw", term="Wsw")
    return tree


# --- the landing page and the first screen -------------------------------------------------------


def test_the_landing_page_has_one_entry_per_question_and_the_tools(client):
    response = client.get("/check/")
    assert response.status_code == 200
    body = response.content.decode()
    for vraag in ("doelgroep", "telt_mee", "banen", "quotum"):
        assert f'href="/check/{vraag}/"' in body
        assert html.escape(engine.module(vraag).TITEL) in body
    for url in ("/check/quotum/calculator/", "/check/banen/calculator/", "/check/plaatsingen/"):
        assert f'href="{url}"' in body


def test_the_start_screen_offers_the_peildatum_defaulting_to_today_and_the_kader(client, content):
    from django.utils import timezone

    response = client.get("/check/doelgroep/")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'type="date" name="peildatum" id="peildatum" value="{timezone.localdate().isoformat()}"' in body
    assert 'name="kader" value="wettelijk_quotum" checked' in body
    assert 'href="/begrippen/peildatum/"' in body


def test_an_unknown_question_is_a_404(client):
    assert client.get("/check/iets/").status_code == 404
    assert client.get("/check/doelgroep/vraag/bestaat_niet/?").status_code == 404
    assert client.get("/check/doelgroep/vraag/kader/").status_code == 404


def test_a_bad_peildatum_on_the_start_screen_is_a_field_error(client):
    response = client.get("/check/banen/?peildatum=2025-02-30&kader=wettelijk_quotum&actie=start")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="foutmeldingen"' in body and 'href="#peildatum"' in body
    assert "Deze datum bestaat niet" in body
    assert 'aria-invalid="true"' in body and "peildatum-error" in body


def test_a_peildatum_before_2013_is_refused_in_dutch(client):
    response = client.get("/check/banen/?peildatum=1999-01-01&kader=wettelijk_quotum&actie=start")
    assert response.status_code == 400
    assert "tussen 1 januari 2013 en 31 december 2100" in text_of(response)


# --- one question per screen, in the engine's order -----------------------------------------------


def test_the_first_question_is_the_first_of_the_engines_ontbrekende_feiten(client):
    for vraag in ("doelgroep", "telt_mee", "banen", "quotum"):
        expected = engine.evaluate(vraag, {"kader": "wettelijk_quotum"}, PEILDATUM)["ontbrekende_feiten"][0]
        assert fact_of(start(client, vraag)) == expected


def test_a_question_screen_has_its_label_help_begrippen_and_one_h1(client, content):
    url = start(client, "doelgroep")
    response = client.get(url)
    body = response.content.decode()
    fact = st.schema("doelgroep")["opgenomen_in_doelgroepregister"]
    assert response.status_code == 200
    assert body.count("<h1") == 1
    assert html.escape(fact.label_on()) in body and html.escape(fact.help_on()) in body
    assert 'href="/begrippen/doelgroepregister/"' in body
    assert (
        'type="radio" id="feit-opgenomen_in_doelgroepregister" name="opgenomen_in_doelgroepregister" value="ja"'
        in body
    )
    assert 'method="get"' in body  # the state stays in the URL


def test_doelgroep_asks_every_ground_until_one_applies(client):
    asked, _ = walk(
        client,
        "doelgroep",
        {
            "opgenomen_in_doelgroepregister": "nee",
            "heeft_wsw_indicatie": "nee",
            "wsw_indicatie_verlopen": "nee",
            "heeft_wajong_recht": "ja",
            "wajong_duurzaam_geen_arbeidsvermogen": "nee",
        },
    )
    assert asked == [  # each ground in turn (Besluit Wfsv 2.25 included) until one applies
        "opgenomen_in_doelgroepregister",
        "heeft_wsw_indicatie",
        "wsw_indicatie_verlopen",
        "heeft_wajong_recht",
        "wajong_duurzaam_geen_arbeidsvermogen",
    ]


def test_a_decisive_first_answer_ends_the_questions(client):
    asked, _ = walk(client, "telt_mee", {"persoon_in_doelgroep": "nee"})
    assert asked == ["persoon_in_doelgroep"]


def test_next_without_an_answer_shows_the_error_summary_and_marks_the_field(client):
    url = start(client, "telt_mee")
    response = client.get(url + "&actie=volgende")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="foutmeldingen"' in body and 'role="alert"' in body
    assert 'href="#feit-persoon_in_doelgroep"' in body
    assert 'id="feit-persoon_in_doelgroep-error"' in body
    assert 'aria-invalid="true"' in body
    assert "Kies een antwoord" in body


def test_a_wrong_number_is_a_field_error_and_keeps_what_was_typed(client):
    url = start(client, "banen")
    response = client.get(submit(url, actie="volgende", uren_per_week="twintig"))
    assert response.status_code == 400
    body = response.content.decode()
    assert 'value="twintig"' in body and 'aria-invalid="true"' in body
    assert "Vul een getal in" in body
    response = client.get(submit(url, actie="volgende", uren_per_week="-3"))
    assert "Mag niet negatief zijn" in text_of(response)


def test_dutch_numbers_are_read_and_written_the_dutch_way(client):
    url = start(client, "banen")
    review = answer(client, url, "12,75")
    assert parse_qs(urlsplit(review).query)["uren_per_week"] == ["12,75"]
    assert answer_sentence(client.get(result_of(review))) == "Dit is 0,5 banen van 25,5 uur per week."
    assert st.parse_number("40.575") == 40575
    assert st.parse_number("1.331,5") == st.parse_number("1331.5")


# --- back, next and change never lose an answer ----------------------------------------------------


def test_back_returns_to_the_previous_question_with_its_answer(client):
    url = start(client, "doelgroep")
    second = answer(client, url, "nee")
    third = answer(client, second, "nee")
    assert fact_of(third) == "wsw_indicatie_verlopen"
    back = answer(client, third, None, "vorige")
    assert fact_of(back) == "heeft_wsw_indicatie"
    body = client.get(back).content.decode()
    assert 'name="heeft_wsw_indicatie" value="nee" checked' in body
    query = parse_qs(urlsplit(back).query)
    assert query["opgenomen_in_doelgroepregister"] == ["nee"] and query["heeft_wsw_indicatie"] == ["nee"]
    first = answer(client, back, None, "vorige")
    assert fact_of(first) == "opgenomen_in_doelgroepregister"
    assert 'value="nee" checked' in client.get(first).content.decode()
    intro = answer(client, first, None, "vorige")
    assert urlsplit(intro).path == "/check/doelgroep/"
    assert parse_qs(urlsplit(intro).query)["heeft_wsw_indicatie"] == ["nee"]


def test_back_keeps_an_answer_given_on_the_screen_being_left(client):
    url = start(client, "telt_mee")
    second = answer(client, url, "ja")
    response = client.get(submit(second, actie="vorige", constructie="inleen"))
    back = response["Location"]
    assert parse_qs(urlsplit(back).query)["constructie"] == ["inleen"]
    forward = answer(client, back, None, "volgende")
    assert fact_of(forward) == "constructie"
    assert 'value="inleen" checked' in client.get(forward).content.decode()


def test_next_after_going_back_steps_through_the_answered_questions(client):
    url = start(client, "doelgroep")
    second = answer(client, url, "nee")
    third = answer(client, second, "nee")
    back = answer(client, answer(client, third, None, "vorige"), None, "vorige")
    assert fact_of(back) == "opgenomen_in_doelgroepregister"
    assert fact_of(answer(client, back, "nee")) == "heeft_wsw_indicatie"


def test_changing_an_answer_from_the_review_returns_to_the_review(client):
    _, review = walk(client, "doelgroep", {"opgenomen_in_doelgroepregister": "ja"})
    body = client.get(review).content.decode()
    change = re.search(r'href="(/check/doelgroep/vraag/opgenomen_in_doelgroepregister/[^"]+)"', body).group(1)
    change = html.unescape(change)
    assert "vanuit=controle" in change
    nxt = answer(client, change, "nee")
    # the new answer needs a follow-up question first, then back to the review
    assert fact_of(nxt) == "heeft_wsw_indicatie" and "vanuit=controle" in nxt
    nxt = answer(client, nxt, "ja")
    assert "/controle/" in nxt
    query = parse_qs(urlsplit(nxt).query)
    assert query["opgenomen_in_doelgroepregister"] == ["nee"] and query["heeft_wsw_indicatie"] == ["ja"]
    assert "op grond van een Wsw-indicatie" in answer_sentence(client.get(result_of(nxt)))


def test_weet_ik_niet_skips_a_question_and_the_result_says_what_is_missing(client):
    url = start(client, "telt_mee")
    review = answer(client, url, None, "overslaan")
    assert fact_of(review) == "constructie"  # the next question, not an error
    review = answer(client, review, "dienstverband")
    assert "/controle/" in review
    assert "Weet ik niet" in text_of(client.get(review))
    response = client.get(result_of(review))
    assert "Het antwoord hangt af van één gegeven dat u nog niet weet" in text_of(response)
    assert "Een vast antwoord geeft de checker als dit bekend is" in text_of(response)
    assert "/check/telt_mee/vraag/persoon_in_doelgroep/" in response.content.decode()


def test_weet_ik_niet_gives_the_conditional_answer_where_the_rules_have_one(client):
    answers = {"persoon_in_doelgroep": "ja", "constructie": "inleen", "uitlener_type": "uitzendbureau"}
    _, review = walk(client, "telt_mee", answers, query=f"peildatum={PEILDATUM}&kader=wettelijk_quotum")
    page = text_of(client.get(result_of(review)))
    assert "Het antwoord hangt af van één gegeven dat u nog niet weet" in page
    assert (
        "Als uitlener en inlener uiterlijk op 1 augustus van het jaar na het heffingsjaar afspreken dat de uren "
        "aan de inlener worden toegerekend: ja, deze baan telt op 24 november 2026 mee voor uw organisatie."
    ) in page
    assert (
        "Zonder die afspraak: nee, deze baan telt op 24 november 2026 voor geen enkele werkgever mee." in page
    )


def test_the_quotum_checker_answers_with_the_last_known_percentage_after_weet_ik_niet(client):
    answers = {"sector": "overheid", "fte": "800", "uren_per_fte_per_week": "36"}
    asked, review = walk(client, "quotum", answers, query="peildatum=2025-06-01&kader=wettelijk_quotum")
    assert "quotumpercentage" in asked  # asked, and answered with 'Weet ik niet'
    response = client.get(result_of(review))
    assert answer_sentence(response).startswith("In 2025: over 2025 wordt geen quotumheffing opgelegd")
    assert "uw doelstelling is 31,17 banen" in answer_sentence(response)
    assert "Voor 2025 is geen vastgesteld quotumpercentage gevonden" in text_of(response)
    question = client.get(review.replace("/controle/", "/vraag/quotumpercentage/")).content.decode()
    assert "rekent de checker met het laatst bekende: 2,76 % (vastgesteld voor 2024)" in html.unescape(
        question
    )


def test_an_optional_answer_can_be_given_and_cleared_from_the_review(client):
    _, review = walk(client, "doelgroep", {"opgenomen_in_doelgroepregister": "ja"})
    change = html.unescape(
        re.search(
            r'href="(/check/doelgroep/vraag/beschut_werk_vastgesteld/[^"]+)"',
            client.get(review).content.decode(),
        ).group(1)
    )
    review = answer(client, change, "ja")
    assert "/controle/" in review
    assert "alleen in beschut werk" in answer_sentence(client.get(result_of(review)))
    cleared = client.get(submit(change, beschut_werk_vastgesteld="ja", actie="wissen"))["Location"]
    assert "beschut_werk_vastgesteld" not in parse_qs(urlsplit(cleared).query)


# --- the review and the result ----------------------------------------------------------------------


def test_the_review_lists_every_answer_with_a_change_link(client):
    answers = {"persoon_in_doelgroep": "ja", "constructie": "inleen", "uitlener_type": "uitzendbureau"}
    answers["uren_toegerekend_aan_inlener"] = "ja"
    asked, review = walk(client, "telt_mee", answers)
    response = client.get(review)
    body = response.content.decode()
    assert response.status_code == 200
    for feit in asked:
        assert f"/check/telt_mee/vraag/{feit}/?" in body
        assert html.escape(st.schema("telt_mee")[feit].label) in body
    assert "Ingeleend (bijvoorbeeld via de raamovereenkomst Arbeidsparticipanten)" in body
    assert "Peildatum" in body and "24 november 2026" in body
    assert "Bekijk het antwoord" in body


def test_a_werkgever_is_typed_and_shown_by_its_dutch_name_and_kept_as_its_short_name(client):
    facts = {"persoon_in_doelgroep": "ja", "constructie": "binnenwerk"}
    _, review = walk(client, "telt_mee", facts, query=f"peildatum={PEILDATUM}&kader=monitor_rijk")

    def change(feit):
        body = client.get(review).content.decode()
        return html.unescape(re.search(rf'href="(/check/telt_mee/vraag/{feit}/[^"]+)"', body).group(1))

    for feit, typed in (
        ("opdrachtgever", "LNV"),
        ("vraag_voor_werkgever", "het ministerie van Landbouw, Natuur en Voedselkwaliteit"),
    ):
        review = answer(client, change(feit), typed)
        assert parse_qs(urlsplit(review).query)[feit] == [
            "ministerie_van_lnv"
        ]  # the URL keeps the identifier
    label = "het ministerie van Landbouw, Natuur en Voedselkwaliteit"
    page = text_of(client.get(review))
    assert page.count(label) == 2 and "ministerie_van" not in page
    assert (
        answer_sentence(client.get(result_of(review)))
        == f"Ja, deze baan telt op 24 november 2026 mee voor {label}."
    )
    question = client.get(change("opdrachtgever"))
    assert (
        f'id="feit-opdrachtgever" value="{html.escape(label)}"' in question.content.decode()
    )  # not the identifier
    assert "ministerie_van" not in text_of(question)


def test_the_result_says_the_answer_and_why_with_sources_and_articles(client, content):
    _, review = walk(client, "doelgroep", {"opgenomen_in_doelgroepregister": "ja"})
    response = client.get(result_of(review))
    body = response.content.decode()
    assert response.status_code == 200
    assert answer_sentence(response) == (
        "Ja, deze persoon hoort op 24 november 2026 bij de doelgroep van de banenafspraak, op grond van de "
        "registratie in het doelgroepregister."
    )
    assert "Waarom" in body and "Grond: registratie in het doelgroepregister (blijfgrond)" in body
    assert (
        f'href="https://wetten.overheid.nl/BWBR0017745/{PEILDATUM}/#Artikel38b"' in body
    )  # the text in force on the peildatum
    assert 'href="/kennisbank/blijven-in-het-register/"' in body
    assert "Lees verder in de kennisbank" in body


def test_the_result_notes_when_the_answer_differs_on_another_date(client):
    answers = {
        "opgenomen_in_doelgroepregister": "nee",
        "heeft_wsw_indicatie": "nee",
        "heeft_wajong_recht": "nee",
        "pwet_uwv_vastgesteld_geen_wml": "nee",
        "vso_pro_schoolverlater": "geen",
        "wiw_id_baan": "nee",
        "beperking_voor_18_of_tijdens_studie": "ja",
        "wml_alleen_met_voorziening": "ja",
        "ontvangt_voorziening": "nee",
    }
    _, review = walk(client, "doelgroep", answers)
    response = client.get(result_of(review))
    page = text_of(response)
    assert "Op een andere datum" in page
    assert "tot en met 31 december 2025 zou het antwoord anders zijn" in page
    other = re.search(r'href="([^"]+)">Bekijk het antwoord in die periode', response.content.decode()).group(
        1
    )
    other = client.get(html.unescape(other))
    assert other.status_code == 200
    assert answer_sentence(other).startswith("Nee")


def test_the_share_link_carries_only_facts_and_peildatum_and_reproduces_the_result(client):
    answers = {"persoon_in_doelgroep": "ja", "constructie": "inkoop_sroi"}
    _, review = walk(client, "telt_mee", answers)
    response = client.get(result_of(review))
    share = html.unescape(
        re.search(r'id="deel-link" readonly value="([^"]+)"', response.content.decode()).group(1)
    )
    parts = urlsplit(share)
    assert parts.path == "/check/telt_mee/uitkomst/"
    keys = set(parse_qs(parts.query))
    assert keys <= {"peildatum", *st.schema("telt_mee")}
    assert keys >= {"peildatum", "persoon_in_doelgroep", "constructie"}
    again = client.get(f"{parts.path}?{parts.query}")
    assert answer_sentence(again) == answer_sentence(response)
    assert answer_sentence(again).startswith(
        "Nee, deze baan telt op 24 november 2026 niet mee voor uw organisatie"
    )


def test_the_print_view_has_the_answer_and_no_forms(client):
    _, review = walk(client, "banen", {"uren_per_week": "25,5"})
    response = client.get(result_of(review) + "&print=1")
    body = response.content.decode()
    assert response.status_code == 200
    assert "portal-result--print" in body and "<form" not in body.split('id="inhoud"')[1]
    assert answer_sentence(response) == "Dit is 1 baan van 25,5 uur per week."
    normal = client.get(result_of(review)).content.decode()
    assert "Afdrukken" in normal and "print=1" in normal


@pytest.mark.parametrize(
    "vraag, answers, expected",
    [
        (
            "telt_mee",
            {
                "persoon_in_doelgroep": "ja",
                "constructie": "inleen",
                "uitlener_type": "uitzendbureau",
                "uren_toegerekend_aan_inlener": "ja",
            },
            "Ja, deze baan telt op 24 november 2026 mee voor uw organisatie.",
        ),
        ("banen", {"uren_per_week": "12,75"}, "Dit is 0,5 banen van 25,5 uur per week."),
        (
            "quotum",
            {
                "sector": "overheid",
                "verloonde_uren_vorig_jaar": "100000",
                "verloonde_uren_jaar": "100.000",
                "fte": "1000",
                "uren_per_fte_per_week": "36",
                "quotumpercentage": "2,76",
                "gerealiseerde_banen": "10",
            },
            "In 2026: over 2026 wordt geen quotumheffing opgelegd; met een tekort van 28,9 banen zou de heffing "
            "€ 144.500 zijn; uw doelstelling is 38,96 banen (afgerond 39); u valt onder de quotumheffing.",
        ),
    ],
)
def test_each_question_can_be_answered_to_the_end(client, vraag, answers, expected):
    asked, review = walk(client, vraag, answers)
    assert set(answers) <= set(asked) | {"quotumtekort_berekend"}
    response = client.get(result_of(review))
    assert response.status_code == 200
    assert answer_sentence(response) == expected
    assert "Bronnen" in text_of(response)


@pytest.mark.parametrize(
    "peildatum, sentence",
    [
        (
            "2022-12-13",
            "In 2022: over 2022 wordt de quotumheffing opgelegd; met een tekort van 28,9 banen is",
        ),
        (
            "2022-12-14",
            "In 2022: over 2022 wordt geen quotumheffing opgelegd; met een tekort van 28,9 banen zou",
        ),
    ],
)
def test_the_quotum_checker_says_first_whether_the_heffing_is_imposed_by_the_text_of_122na(
    client, peildatum, sentence
):
    """Art. 122na: 'vóór 1 januari 2022' in the texts up to 2022-08-02, 'vóór 1 januari 2026' from 2022-12-14."""
    answers = {
        "sector": "overheid",
        "verloonde_uren_vorig_jaar": "100000",
        "verloonde_uren_jaar": "100000",
        "fte": "1000",
        "uren_per_fte_per_week": "36",
        "quotumpercentage": "2,76",
        "gerealiseerde_banen": "10",
    }
    _, review = walk(client, "quotum", answers, query=f"peildatum={peildatum}&kader=wettelijk_quotum")
    assert answer_sentence(client.get(result_of(review))).startswith(sentence)


def test_the_new_system_answer_carries_its_condition(client):
    _, review = walk(client, "quotum", {}, query=f"peildatum={PEILDATUM}&kader=wet_banenafspraak_2025")
    page = text_of(client.get(result_of(review)))
    assert "geen quotum per werkgever" in page
    assert "Let op:" in page and "artikel 2 van de Wet banenafspraak" in page


# --- bad query strings: a 400 with the error summary, never a 500 -----------------------------------

BAD = [
    ("onbekend_feit=ja", "Onbekend gegeven"),
    ("bsn=123456789", "Onbekend gegeven"),
    ("persoon_in_doelgroep=misschien", "Kies ja of nee"),
    ("persoon_in_doelgroep=ja&persoon_in_doelgroep=nee", "meer dan eens"),
    ("constructie=%3Cscript%3E", "Kies een van de antwoorden"),
    ("peildatum=2026-02-30", "Deze datum bestaat niet"),
    ("peildatum=morgen", "Vul een geldige datum in"),
    ("peildatum=1800-01-01", "tussen 1 januari 2013"),
    ("formele_werkgever=abc%00def", "ongeldige tekens"),
    ("formele_werkgever=" + "x" * 300, "ten hoogste 100 tekens"),
    ("persoon_in%00_doelgroep=ja", "Onbekend gegeven"),
    ("overgeslagen=persoon_in_doelgroep,iets", "Onbekende vragen overgeslagen"),
    ("kader=alles", "Kies een van de antwoorden"),
    ("x" * 5000 + "=1", "te lang"),
]


@pytest.mark.parametrize("screen", ["uitkomst/", "controle/", "vraag/constructie/"])
@pytest.mark.parametrize("query, message", BAD)
def test_a_tampered_query_string_gives_a_400_page_with_the_error_summary(client, screen, query, message):
    prefix = "" if query.startswith("peildatum") else f"peildatum={PEILDATUM}&"
    response = client.get(f"/check/telt_mee/{screen}?{prefix}{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="foutmeldingen"' in body and 'role="alert"' in body
    assert message in text_of(response)
    assert "<script>" not in body


@pytest.mark.parametrize(
    "vraag, query, message",
    [
        ("banen", "uren_per_week=1e400", "Vul een getal in"),
        ("banen", "uren_per_week=" + "9" * 40, "te groot"),
        ("banen", "uren_per_week=99999999999999", "Mag niet groter zijn"),
        ("banen", "uren_per_week_per_persoon=20%3B+abc", "Getal 2"),
        ("quotum", "jaar=20.5", "geheel getal"),
        ("quotum", "aandeel_uren_sectorfonds_pct=150", "percentage kan niet groter zijn dan 100"),
        ("quotum", "activeringsbesluit_datum=2026-13-01", "Deze datum bestaat niet"),
        ("doelgroep", "praktijkroute_loonwaarde_pct=NaN", "Vul een getal in"),
    ],
)
def test_huge_and_malformed_values_are_400s(client, vraag, query, message):
    response = client.get(f"/check/{vraag}/uitkomst/?{query}")
    assert response.status_code == 400
    assert message in text_of(response)


def test_the_400_page_links_each_error_to_the_screen_that_fixes_it(client):
    response = client.get(
        f"/check/telt_mee/uitkomst/?peildatum={PEILDATUM}&persoon_in_doelgroep=ja&constructie=fiets"
    )
    body = html.unescape(response.content.decode())
    link = re.search(r'href="(/check/telt_mee/vraag/constructie/\?[^"]+)"', body).group(1)
    fixed = client.get(link)
    assert fixed.status_code == 200
    assert "persoon_in_doelgroep=ja" in link and "fiets" not in link


# --- no personal data anywhere ----------------------------------------------------------------------


def _input_names(body):
    return set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', body))


def test_no_screen_asks_for_a_name_bsn_or_birth_date(client):
    names = set()
    for vraag in ("doelgroep", "telt_mee", "banen", "quotum"):
        names |= _input_names(client.get(f"/check/{vraag}/").content.decode())
        for fact in st.facts_of(vraag):
            if fact.name != "kader":
                names |= _input_names(
                    client.get(f"/check/{vraag}/vraag/{fact.name}/?{START}").content.decode()
                )
    for url in ("/check/quotum/calculator/", "/check/banen/calculator/", "/check/plaatsingen/"):
        names |= _input_names(client.get(url).content.decode())
    assert names and not [name for name in names if identifies_people(name)]
    for forbidden in ("naam", "bsn", "geboortedatum", "geboorte", "email"):
        assert not any(forbidden in name for name in names)


# --- the calculators -----------------------------------------------------------------------------------

QUOTUM = "/check/quotum/calculator/"
BANEN = "/check/banen/calculator/"


def test_the_quotum_calculator_without_input_shows_the_form(client):
    response = client.get(QUOTUM)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="fte"' in body and 'name="verloonde_uren_jaar"' in body and 'value="36"' in body
    assert "foutmeldingen" not in body


def test_the_quotum_calculator_with_fte_gives_doelbanen_tekort_heffing_chart_and_table(client):
    query = (
        f"peildatum={PEILDATUM}&jaar=2023&sector=overheid&fte=1000&uren_per_fte_per_week=36"
        "&verloonde_uren_jaar=1.800.000&verloonde_uren_vorig_jaar=1800000&gerealiseerde_banen=12&bereken=1"
    )
    response = client.get(f"{QUOTUM}?{query}")
    body = response.content.decode()
    page = text_of(response)
    assert response.status_code == 200
    assert "uw doelstelling is 38,96 banen (afgerond 39)" in page
    assert (
        "over 2023 wordt geen quotumheffing opgelegd; met een tekort van 26,9 banen zou de heffing € 134.500 zijn"
        in page
    )
    assert '<svg role="img" aria-labelledby="grafiek-titel grafiek-beschrijving"' in body
    assert '<title id="grafiek-titel">' in body
    table = body.split('<table class="utrecht-table')[1].split("</table>")[0]
    for label, value in (
        ("Doelbanen", "38,96"),
        ("Gerealiseerde banen", "12"),
        ("Quotumtekort (banen)", "26,9"),
    ):
        assert re.search(rf">{re.escape(label)}</th><td[^>]*>{re.escape(value)}</td>", table)
    assert "€ 134.500" in table
    assert "Heffing opgelegd (art. 122na Wfsv)" in table


def test_the_quotum_calculator_with_hours_converts_the_realised_banen(client):
    query = f"peildatum={PEILDATUM}&jaar=2023&sector=overheid&verloonde_uren_jaar=1800000&gerealiseerde_banen=10&bereken=1"
    response = client.get(f"{QUOTUM}?{query}")
    page = text_of(response)
    assert response.status_code == 200
    assert "Doelbanen (verloonde uren)" in page
    assert "omgerekend naar uren" in page
    assert "Quotumtekort" in page


def test_the_quotum_calculator_answers_for_a_year_without_a_published_percentage(client):
    """Issue 13: no percentage found for 2026, so the last known one (2024), labelled with its source."""
    query = f"peildatum={PEILDATUM}&jaar=2026&sector=overheid&fte=800&uren_per_fte_per_week=36&bereken=1"
    response = client.get(f"{QUOTUM}?{query}")
    assert response.status_code == 200
    page = text_of(response)
    assert "uw doelstelling is 31,17 banen" in page  # 800 x 36 x 2,76 % / 25,5
    assert "Voor 2026 is geen vastgesteld quotumpercentage gevonden" in page
    assert "laatst bekende percentage: 2,76 %, vastgesteld voor 2024" in page and "Bron: UWV" in page
    with_pct = client.get(f"{QUOTUM}?{query}&quotumpercentage=3")
    assert with_pct.status_code == 200 and "laatst bekende" not in text_of(with_pct)


def test_the_quotum_calculator_asks_for_the_percentage_when_none_was_ever_published(client):
    query = f"peildatum={PEILDATUM}&jaar=2026&sector=markt&fte=100&uren_per_fte_per_week=36&bereken=1"
    response = client.get(f"{QUOTUM}?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'href="#id_quotumpercentage"' in body and "geen quotumpercentage bekend" in body


@pytest.mark.parametrize(
    "url",
    [
        QUOTUM + "?sector=overheid&fte=10&uren_per_fte_per_week=36&bereken=1",
        BANEN + "?uren_per_week=51&bereken=1",
    ],
)
def test_after_submit_the_result_is_in_view_and_focused(client, url):
    body = client.get(url).content.decode()
    assert 'action="' + url.split("?")[0] + '#uitkomst"' in body  # the browser scrolls to the result
    assert '<section aria-labelledby="uitkomst-kop" id="uitkomst" tabindex="-1" autofocus>' in body
    form = client.get(url.split("?")[0]).content.decode()
    assert 'id="uitkomst"' not in form and "autofocus" not in form


@pytest.mark.parametrize(
    "query, field, message",
    [
        ("bereken=1", "fte", "Vul het aantal fte in, of de verloonde uren"),
        ("fte=abc&bereken=1", "fte", "Vul een getal in"),
        ("fte=-5&bereken=1", "fte", "Mag niet negatief zijn"),
        ("fte=10&uren_per_fte_per_week=&bereken=1", "uren_per_fte_per_week", "Vul in hoeveel uur"),
        (
            "fte=10&uren_per_fte_per_week=200&bereken=1",
            "uren_per_fte_per_week",
            "Mag niet groter zijn dan 168",
        ),
        (
            "peildatum=31-02-2026&fte=10&uren_per_fte_per_week=36&bereken=1",
            "peildatum",
            "Deze datum bestaat niet",
        ),
        ("jaar=twee&fte=10&uren_per_fte_per_week=36&bereken=1", "jaar", "Vul een jaartal in"),
        ("sector=iets&fte=10&uren_per_fte_per_week=36&bereken=1", "sector", ""),
        ("fte=1%002&bereken=1", "fte", "ongeldige tekens"),
        (
            "quotumpercentage=101&fte=1&uren_per_fte_per_week=36&bereken=1",
            "quotumpercentage",
            "niet groter zijn dan 100",
        ),
    ],
)
def test_the_quotum_calculator_errors_follow_the_form_pattern(client, query, field, message):
    response = client.get(f"{QUOTUM}?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="foutmeldingen"' in body
    assert f'href="#id_{field}"' in body
    assert f'id="id_{field}-error"' in body
    assert message in text_of(response)


def test_unknown_parameters_of_a_calculator_are_reported(client):
    response = client.get(f"{QUOTUM}?fte=1&uren_per_fte_per_week=36&bsn=1&bereken=1")
    assert response.status_code == 400
    assert "Onbekende gegevens in het adres: bsn" in text_of(response)


def test_the_banen_calculator(client):
    response = client.get(f"{BANEN}?peildatum={PEILDATUM}&uren_per_week=51&bereken=1")
    assert response.status_code == 200
    assert "Dit is 2 banen van 25,5 uur per week." in text_of(response)
    yearly = client.get(f"{BANEN}?peildatum={PEILDATUM}&uren_per_jaar=1.331&bereken=1")
    assert "Dit is 1 baan, gerekend met 1.331 uur per jaar per baan." in text_of(yearly)
    weeks = client.get(f"{BANEN}?peildatum={PEILDATUM}&uren_per_week=25,5&weken_per_jaar=40&bereken=1")
    assert "0,77" in text_of(weeks)


@pytest.mark.parametrize(
    "query, field, message",
    [
        ("bereken=1", "uren_per_week", "Vul de uren per week of de uren per jaar in"),
        ("uren_per_week=veel&bereken=1", "uren_per_week", "Vul een getal in"),
        ("uren_per_week=10&weken_per_jaar=60&bereken=1", "weken_per_jaar", "Mag niet groter zijn dan 53"),
    ],
)
def test_the_banen_calculator_errors(client, query, field, message):
    response = client.get(f"{BANEN}?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert f'href="#id_{field}"' in body and 'aria-invalid="true"' in body
    assert message in text_of(response)
