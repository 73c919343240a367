"""The page types the demo's lists leave out, in one browser page: the service pages as the content
files make them (privacy, contact, colofon, toegankelijkheid), the thanks after a submitted
question, the 500 page, and the quotum tools' answers for this year. Each fits a phone at every
width, has no axe violations and asks no other host. Then print: an article and a checker result
show their content, not the site's chrome, and spell out where their links go."""

import datetime
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.views.defaults import server_error
from playwright.sync_api import Page

from eligibility.checker import state as st
from eligibility.views import result_url
from home.content_files import read_content
from home.management.commands.load_initial_content import Loader
from home.models import HomePage
from tests.browser.conftest import axe_violations
from tests.browser.demo import build_demo
from tests.browser.test_no_third_party_requests import watch_requests
from tests.browser.test_responsive import CHART_TEXT, OVERFLOW, SPLIT_WORDS, WIDTHS

CONTENT_ROOT = Path(settings.BASE_DIR) / "content"
ERROR_PAGE = "/_test/500/"  # answered by the test with what Django's handler500 renders


def service_pages():
    """The privacy, contact, colofon and accessibility pages from content/paginas/, loaded as
    `load_initial_content` loads them. Their paths."""
    content = read_content(CONTENT_ROOT)
    loader = Loader(content, io.StringIO(), datetime.date.today())
    loader.home = HomePage.objects.get(depth=2)
    items = list(content.all("pagina"))
    for item in items:
        loader.upsert_standard_page(item)
    return [f"/{item.slug}/" for item in items]


def this_years_quotum_tools():
    """The quotum calculator, the guided quotum check and the banen calculator, answering for this
    year with only the workforce in fte (no percentage given)."""
    today = datetime.date.today()
    facts = {"sector": "overheid", "jaar": today.year, "fte": 800, "uren_per_fte_per_week": 36}
    calculator = "&".join(f"{name}={value}" for name, value in facts.items())
    return [
        f"/check/quotum/calculator/?{calculator}&bereken=1",
        result_url(st.State("quotum", today, facts)),
        "/check/banen/calculator/?uren_per_week=12,75&bereken=1",
    ]


@pytest.mark.django_db(transaction=True)
def test_the_other_page_types_fit_a_phone_pass_axe_and_ask_no_other_host(live_server, page: Page):
    build_demo()
    base = live_server.url
    error_page = server_error(RequestFactory().get(ERROR_PAGE))
    page.route(
        base + ERROR_PAGE,
        lambda route: route.fulfill(status=500, body=error_page.content, content_type="text/html"),
    )
    paths = [*service_pages(), "/vragen/stel-een-vraag/?verzonden=1", ERROR_PAGE, *this_years_quotum_tools()]
    foreign = watch_requests(page, base)
    overflowing, violations, headings, answers, charts = [], [], {}, {}, 0
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(base + path)
        headings[path] = page.locator("h1").count()
        answers[path] = page.locator("main").inner_text()
        violations += [(path, v) for v in axe_violations(page)]
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            measured = page.evaluate(OVERFLOW)
            if measured["scroll"] > measured["inner"]:
                overflowing.append((width, path, measured))
            if split := page.evaluate(SPLIT_WORDS):
                overflowing.append((width, path, {"split words": split}))
            if small := page.evaluate(CHART_TEXT):
                overflowing.append((width, path, {"chart text": small}))
        charts += page.locator("main figure.portal-chart svg text").count()
    assert charts >= 2  # the quotum calculator's chart (its label and value) was measured
    assert paths[:4] == ["/colofon/", "/contact/", "/privacy/", "/toegankelijkheid/"]
    assert set(headings.values()) == {1}, headings
    assert "uw vraag is verstuurd" in answers["/vragen/stel-een-vraag/?verzonden=1"]
    assert "Er ging iets mis" in answers[ERROR_PAGE]
    # the toegankelijkheidsverklaring follows the official model (status, organisation, how to report,
    # escalation); the privacy statement says what is kept, how long and whom to ask
    parts = {
        "/toegankelijkheid/": (
            "Status: voldoet",
            "Organisatie",
            "Bekende beperkingen",
            "Een probleem melden",
            "Nationale ombudsman",
        ),
        "/privacy/": ("Wat het portaal bewaart, en hoe lang", "90 dagen", "Uw rechten", "Contact"),
    }
    for path, needed in parts.items():
        assert [part for part in needed if part not in answers[path]] == [], path
    for path in this_years_quotum_tools()[:2]:  # an answer for this year, not an error or "not yet"
        assert "uw doelstelling is" in answers[path], answers[path]
        assert "niet goed ingevuld" not in answers[path] and "nog niet te beantwoorden" not in answers[path]
    assert overflowing == []
    assert violations == []
    assert foreign == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("which", ["article", "checker result"])
def test_an_article_and_a_checker_result_print_their_content_with_link_targets(
    live_server, page: Page, which
):
    build_demo()
    if which == "article":
        path, text = "/kennisbank/wat-telt-mee/", "Arbeidsongeschiktheidsverzekeringsvoorwaarden"
    else:
        facts = {"sector": "overheid", "jaar": 2026, "fte": 800, "uren_per_fte_per_week": 36}
        path, text = result_url(st.State("quotum", datetime.date(2026, 11, 24), facts), print="1"), "Waarom"
    page.set_viewport_size({"width": 700, "height": 1000})
    page.emulate_media(media="print")
    page.goto(live_server.url + path)
    for chrome in (".portal-header", ".portal-footer", ".utrecht-breadcrumb-nav", "form", ".nl-skip-link"):
        assert not page.locator(chrome).first.is_visible(), chrome
    # nothing fixed or sticky on paper, which would print over the text on every sheet
    assert (
        page.evaluate(
            "() => Array.from(document.querySelectorAll('body *')).filter(el => "
            "['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.offsetParent !== null).length"
        )
        == 0
    )
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_text(text, exact=True).first.is_visible()
    # every visible link to another site carries its address on paper, and it stays on the sheet
    external = page.locator("main a[href^='http']")
    assert external.count() > 0
    for link in external.all():
        if link.is_visible():
            href = link.get_attribute("href")
            assert href in link.evaluate("a => getComputedStyle(a, '::after').content"), href
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# The results heading comes before the filters in the document, so keyboard and screen reader
# users meet the results first too; no positive tabindex reorders them.
RESULTS_FIRST_IN_ORDER = """() => {
  const results = document.getElementById('resultaten-kop'), filters = document.getElementById('filters-kop');
  return Boolean(results.compareDocumentPosition(filters) & Node.DOCUMENT_POSITION_FOLLOWING)
    && !document.querySelector('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])');
}"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/kennisbank/?thema=meetellen", "/zoeken/?q=uitzendkracht"])
def test_an_index_shows_its_results_before_the_filters_on_a_phone_and_beside_them_on_a_wide_screen(
    live_server, page: Page, path
):
    build_demo()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + path)
    results, filters = page.locator("#resultaten-kop"), page.locator("#filters-kop")
    assert results.bounding_box()["y"] < filters.bounding_box()["y"]
    assert page.evaluate(RESULTS_FIRST_IN_ORDER)
    assert [h.evaluate("h => h.tagName") for h in page.locator("main h1, main h2").all()][:1] == ["H1"]
    assert results.evaluate("h => h.tagName") == filters.evaluate("h => h.tagName") == "H2"
    page.get_by_role("link", name="Filter de resultaten").click()
    assert page.evaluate("location.hash") == "#filters"
    page.set_viewport_size({"width": 1100, "height": 800})
    assert not page.get_by_role("link", name="Filter de resultaten").is_visible()
    assert filters.bounding_box()["x"] < results.bounding_box()["x"]
    assert abs(filters.bounding_box()["y"] - results.bounding_box()["y"]) < 5
