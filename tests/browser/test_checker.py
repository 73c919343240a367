"""The checker in a real browser: a flow through each question (going back and changing an answer),
one run with the keyboard only, and axe-core on every screen: each step, the review, each result,
the calculators and the placements page, with and without errors.

A few long flows rather than one test per screen keep this file well under two minutes.
"""

import io
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations
from tests.factories import ArticlePageFactory, BegripFactory, build_site_tree

PEILDATUM = "2026-11-24"


def build_content():
    tree = build_site_tree()
    for slug, title in (
        ("doelgroep-banenafspraak", "Wie hoort bij de doelgroep?"),
        ("doelgroep-wajong", "Wajongers in de doelgroep"),
        ("wat-telt-mee", "Wat telt mee?"),
        ("quotumregeling", "Hoe werkt de quotumregeling?"),
    ):
        ArticlePageFactory(parent=tree["kennisbank"], slug=slug, title=title)
    for slug, term in (
        ("doelgroepregister", "Doelgroepregister"),
        ("peildatum", "Peildatum"),
        ("wajong", "Wajong"),
    ):
        BegripFactory(slug=slug, term=term)


@pytest.fixture(autouse=True)
def short_timeouts(page: Page):
    page.set_default_timeout(10_000)


def accessible(page: Page):
    """One h1 and no axe-core violations on the current screen."""
    assert page.locator("h1").count() == 1, page.url
    assert axe_violations(page) == [], page.url


def choose(page: Page, label):
    page.get_by_label(label, exact=True).check()


def press(page: Page, name):
    page.get_by_role("button", name=name, exact=True).click()


def answer_sentence(page: Page):
    return page.locator("#antwoord").inner_text().strip()


def start(page: Page, base, vraag, peildatum=PEILDATUM, kader=None):
    page.goto(f"{base}/check/{vraag}/")
    accessible(page)
    page.get_by_label("Peildatum").fill(peildatum)
    if kader:
        choose(page, kader)
    press(page, "Start")


@pytest.mark.django_db(transaction=True)
def test_doelgroep_flow_with_back_change_review_result_share_and_print(live_server, page: Page):
    build_content()
    base = live_server.url
    page.goto(base + "/check/")
    accessible(page)
    page.get_by_role("link", name="Hoort deze persoon bij de doelgroep?").click()
    start(page, base, "doelgroep")

    expect(page.locator("h1")).to_have_text("Staat de persoon in het doelgroepregister van het UWV?")
    expect(page.get_by_role("link", name="Doelgroepregister")).to_be_visible()
    accessible(page)
    press(page, "Volgende")  # no answer: the error summary
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Kies een antwoord")
    expect(page.locator("#foutmeldingen")).to_be_focused()
    accessible(page)
    summary.get_by_role("link").click()
    expect(page.locator("#feit-opgenomen_in_doelgroepregister")).to_be_focused()
    choose(page, "Nee")
    press(page, "Volgende")

    expect(page.locator("h1")).to_have_text("Heeft de persoon een Wsw-indicatie?")
    accessible(page)
    choose(page, "Nee")
    press(page, "Volgende")
    # Besluit Wfsv 2.25: an expired Wsw-indicatie is a ground of its own, asked before the Wajong
    expect(page.locator("h1")).to_contain_text("Wsw-indicatie die daarna is verlopen")
    choose(page, "Nee")
    press(page, "Volgende")
    expect(page.locator("h1")).to_contain_text("recht op Wajong")
    accessible(page)
    choose(page, "Ja")
    press(page, "Vorige")  # back keeps both answers
    expect(page.locator("h1")).to_contain_text("Wsw-indicatie die daarna is verlopen")
    expect(page.get_by_label("Nee", exact=True)).to_be_checked()
    press(page, "Volgende")
    expect(page.get_by_label("Ja", exact=True)).to_be_checked()
    press(page, "Volgende")

    expect(page.locator("h1")).to_contain_text("duurzaam geen mogelijkheden")
    accessible(page)
    choose(page, "Ja")
    press(page, "Volgende")
    expect(page.locator("h1")).to_contain_text("dienstbetrekking")
    choose(page, "Ja")
    press(page, "Volgende")

    expect(page.locator("h1")).to_have_text("Controleer uw antwoorden")
    accessible(page)
    # change an answer from the review: duurzaam geen arbeidsvermogen -> nee
    page.get_by_role("link", name=re.compile("Wijzig het antwoord op: Heeft het UWV vastgesteld")).click()
    expect(page.get_by_label("Ja", exact=True)).to_be_checked()
    choose(page, "Nee")
    press(page, "Opslaan")
    expect(page.locator("h1")).to_have_text("Controleer uw antwoorden")
    expect(page.locator(".portal-answers").first).not_to_contain_text("dienstbetrekking")
    page.get_by_role("link", name="Bekijk het antwoord").click()

    expect(page.locator("#antwoord")).to_contain_text("op grond van een Wajong-recht met arbeidsvermogen")
    accessible(page)
    expect(page.get_by_role("link", name="Wajongers in de doelgroep").first).to_be_visible()
    expect(page.get_by_role("heading", name="Bronnen")).to_be_visible()
    sentence = answer_sentence(page)
    share = page.get_by_label("Link naar dit antwoord").input_value()
    assert "/check/doelgroep/uitkomst/?peildatum=2026-11-24" in share and "overgeslagen" not in share

    page.get_by_role("link", name="Afdrukken").click()
    expect(page.get_by_role("button", name="Nu afdrukken")).to_be_visible()
    assert answer_sentence(page) == sentence
    accessible(page)

    page.goto(share)
    assert answer_sentence(page) == sentence
    page.goto(share + "&bsn=123456789")
    expect(page.get_by_role("alert")).to_contain_text("Onbekend gegeven voor deze vraag")
    accessible(page)


@pytest.mark.django_db(transaction=True)
def test_telt_mee_banen_and_quotum_flows(live_server, page: Page):
    build_content()
    base = live_server.url

    start(page, base, "telt_mee")
    choose(page, "Ja")
    press(page, "Volgende")
    accessible(page)
    choose(page, "Bij een leverancier (inkoop of Social Return)")
    press(page, "Volgende")
    expect(page.locator("h1")).to_have_text("Controleer uw antwoorden")
    page.get_by_role("link", name="Bekijk het antwoord").click()
    expect(page.locator("#antwoord")).to_contain_text("Nee, deze baan telt op 24 november 2026 niet mee")
    accessible(page)
    # go back and change the constructie: now it counts via the uitzendbureau
    page.get_by_role("link", name="Wijzig uw antwoorden").click()
    page.get_by_role("link", name="Wijzig het antwoord op: Hoe werkt de persoon bij u?").click()
    choose(page, "Via een uitzendbureau")
    press(page, "Opslaan")
    expect(page.locator("h1")).to_contain_text("toegerekend")
    accessible(page)
    press(page, "Vorige")
    expect(page.get_by_label("Via een uitzendbureau")).to_be_checked()
    press(page, "Vorige")
    expect(page.locator("h1")).to_have_text("Hoort de persoon bij de doelgroep van de banenafspraak?")
    press(page, "Opslaan")  # changed from the review: on to the open question, then back to the review
    expect(page.locator("h1")).to_contain_text("toegerekend")
    choose(page, "Ja")
    press(page, "Opslaan")
    expect(page.locator("h1")).to_have_text("Controleer uw antwoorden")
    page.get_by_role("link", name="Bekijk het antwoord").click()
    expect(page.locator("#antwoord")).to_have_text(
        "Ja, deze baan telt op 24 november 2026 mee voor uw organisatie."
    )
    accessible(page)

    start(page, base, "banen")
    page.get_by_label("Hoeveel verloonde uren per week").fill("twintig")
    press(page, "Volgende")
    expect(page.get_by_role("alert")).to_contain_text("Vul een getal in")
    expect(page.get_by_label("Hoeveel verloonde uren per week")).to_have_attribute("aria-invalid", "true")
    accessible(page)
    page.get_by_label("Hoeveel verloonde uren per week").fill("38,25")
    press(page, "Volgende")
    accessible(page)
    page.get_by_role("link", name="Bekijk het antwoord").click()
    expect(page.locator("#antwoord")).to_have_text("Dit is 1,5 banen van 25,5 uur per week.")
    accessible(page)

    start(page, base, "quotum", peildatum="2024-06-01")
    answers = [
        ("Sector overheid", None),
        (None, "100.000"),
        (None, "100000"),
        (None, "1000"),
        (None, "36"),
        (None, "10"),  # no percentage asked: 2024's 2,76 % is a known parameter
    ]
    for radio, value in answers:
        accessible(page)
        if radio:
            choose(page, radio)
        else:
            page.locator("#inhoud input.utrecht-textbox").fill(value)
        press(page, "Volgende")
    expect(page.locator("h1")).to_have_text("Controleer uw antwoorden")
    accessible(page)
    page.get_by_role("link", name="Bekijk het antwoord").click()
    expect(page.locator("#antwoord")).to_contain_text(
        "over 2024 wordt geen quotumheffing opgelegd; met een tekort van 28,9 banen zou de heffing € 144.500 zijn"
    )  # Wfsv 122na as in force from 2022-12-14: no heffing over years before 2026
    expect(page.get_by_role("heading", name="Op een andere datum")).to_be_visible()
    accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_checker_with_the_keyboard_only(live_server, page: Page):
    build_content()
    page.goto(live_server.url + "/check/")

    def tab_to(predicate, limit=80):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(predicate):
                return
        raise AssertionError(f"focus never reached: {predicate}")

    def focused_text(text):
        return f"document.activeElement.textContent.trim() === {text!r}"

    tab_to(focused_text("Hoeveel banen is dit?"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/banen/")
    tab_to(focused_text("Start"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/vraag/uren_per_week/**")
    tab_to("document.activeElement.id === 'feit-uren_per_week'")
    page.keyboard.type("51")
    page.keyboard.press("Enter")  # Enter in the field submits with the first button: Volgende
    page.wait_for_url("**/controle/**")
    tab_to(focused_text("Bekijk het antwoord"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/uitkomst/**")
    expect(page.locator("#antwoord")).to_have_text("Dit is 2 banen van 25,5 uur per week.")

    # a yes/no question by keyboard: the arrow keys choose, Enter goes on
    page.goto(live_server.url + "/check/telt_mee/")
    tab_to(focused_text("Start"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/vraag/persoon_in_doelgroep/**")
    tab_to("document.activeElement.name === 'persoon_in_doelgroep'")
    page.keyboard.press("Space")
    expect(page.get_by_label("Ja", exact=True)).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Nee", exact=True)).to_be_checked()
    tab_to(focused_text("Volgende"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/controle/**")
    tab_to(focused_text("Bekijk het antwoord"))
    page.keyboard.press("Enter")
    expect(page.locator("#antwoord")).to_contain_text("voor geen enkele werkgever mee")


@pytest.mark.django_db(transaction=True)
def test_the_calculators_and_the_placements_page(live_server, page: Page, tmp_path):
    build_content()
    base = live_server.url

    page.goto(base + "/check/quotum/calculator/")
    accessible(page)
    page.get_by_label("Aantal fte").fill("-5")
    page.get_by_label("Heffingsjaar", exact=True).fill("20x")
    press(page, "Bereken")
    expect(page.get_by_role("alert")).to_contain_text("Aantal fte: Mag niet negatief zijn.")
    expect(page.get_by_label("Aantal fte")).to_have_attribute("aria-invalid", "true")
    accessible(page)
    page.get_by_label("Peildatum").fill(PEILDATUM)
    page.get_by_label("Heffingsjaar", exact=True).fill("2023")
    page.get_by_label("Aantal fte").fill("1000")
    page.get_by_label("Verloonde uren in het heffingsjaar").fill("1.800.000")
    page.get_by_label("Verloonde uren in het jaar ervoor").fill("1800000")
    page.get_by_label("Gerealiseerde banen (niet verplicht)").fill("12")
    press(page, "Bereken")
    expect(page.locator(".portal-short-answer")).to_contain_text("uw doelstelling is 38,96 banen")
    expect(page.locator("#uitkomst")).to_be_focused()  # the result in view and focused, not 1,900 px down
    expect(page.locator("#uitkomst-kop")).to_be_in_viewport()
    chart = page.get_by_role("img", name="Doelbanen tegenover gerealiseerde banen")
    expect(chart).to_be_visible()
    expect(page.get_by_role("table", name="Doelbanen, gerealiseerde banen en heffing")).to_contain_text(
        "€ 134.500"
    )
    accessible(page)

    page.goto(base + "/check/banen/calculator/")
    accessible(page)
    press(page, "Bereken")
    expect(page.get_by_role("alert")).to_contain_text("Vul de uren per week of de uren per jaar in")
    accessible(page)
    page.get_by_label("Verloonde uren per week").fill("12,75")
    press(page, "Bereken")
    expect(page.locator(".portal-short-answer")).to_have_text("Dit is 0,5 banen van 25,5 uur per week.")
    expect(page.locator("#uitkomst")).to_be_focused()
    accessible(page)

    page.goto(base + "/check/plaatsingen/")
    accessible(page)
    personal = tmp_path / "met-namen.csv"
    personal.write_text("naam;persoon_in_doelgroep;constructie;uren_per_week\nAnna;ja;dienstverband;20\n")
    page.get_by_label("Bestand met plaatsingen (CSV of XLSX)").set_input_files(str(personal))
    press(page, "Tel de plaatsingen")
    expect(page.get_by_role("alert")).to_contain_text("kolommen die personen herkenbaar maken: naam")
    accessible(page)
    good = tmp_path / "plaatsingen.csv"
    good.write_text(
        "persoon_in_doelgroep;constructie;formele_werkgever;uren_per_week\n"
        "ja;dienstverband;;25,5\nja;inkoop_sroi;=leverancier;36\nnee;dienstverband;;20\n"
    )
    page.get_by_label("Bestand met plaatsingen (CSV of XLSX)").set_input_files(str(good))
    press(page, "Tel de plaatsingen")
    expect(page.get_by_role("table", name="Totalen per werkgever")).to_contain_text("uw organisatie")
    accessible(page)
    with page.expect_download() as info:
        press(page, "CSV: per regel")
    content = info.value.path().read_bytes().decode("utf-8-sig")
    assert "'=leverancier" in content and ";telt mee;" in content
    with page.expect_download() as info:
        press(page, "Excel (XLSX): regels en totalen")
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes()))
    assert workbook["Totalen"]["A2"].value == "uw_organisatie"
