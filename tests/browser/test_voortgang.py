"""/voortgang/ and the own-figures page in Chromium: no axe violations, nothing scrolls sideways on a
phone (the tables included), and the own-figures form works without JavaScript."""

from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page

from home.content_files import read_content
from tests.browser.conftest import axe_violations
from tests.browser.demo import build_demo
from tests.browser.test_no_third_party_requests import watch_requests
from tests.browser.test_responsive import CHART_TEXT, OVERFLOW, SPLIT_WORDS, WIDTHS
from tests.factories import BronFactory
from voortgang.content import load_measurements, read_measurements
from voortgang.own import ROWS

CONTENT_ROOT = Path(settings.BASE_DIR) / "content"
FIGURES = {
    "sector": "overheid",
    "uren_per_fte": "36",
    "jaar1": "2023",
    "fte1": "1250",
    "banen1": "28",
    "jaar2": "2024",
    "uren2": "2000000",
    "banen2": "35",
}
PATHS = [
    "/voortgang/",
    "/voortgang/eigen-organisatie/",
    "/voortgang/eigen-organisatie/?" + urlencode(FIGURES),
    "/voortgang/eigen-organisatie/?" + urlencode({**FIGURES, "fte1": "veel", "jaar2": "1800"}),
]
# Tables that would scroll inside their own box on a phone, which is as hard to read as a page that does.
TABLES = """() => Array.from(document.querySelectorAll('.voortgang-table'))
  .filter(box => box.scrollWidth > box.clientWidth + 0.5).map(box => box.querySelector('caption').textContent)"""


def build():
    """The demo site and the real metingen, so the page is as long and as wide as it will be."""
    build_demo()
    files = read_measurements(CONTENT_ROOT, read_content(CONTENT_ROOT))
    for slug in {f.fields["bron"] for f in files if f.fields["bron"]}:
        BronFactory(slug=slug, titel=f"Bron {slug} met een lange titel zoals de echte bronnen hebben")
    load_measurements(files)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", PATHS)
def test_voortgang_pages_have_no_axe_violations(live_server, page: Page, path):
    build()
    page.goto(live_server.url + path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_voortgang_pages_fit_a_phone_tables_included_and_ask_no_other_host(live_server, page: Page):
    build()
    found, charts = [], 0
    foreign = watch_requests(page, live_server.url)
    for path in PATHS:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(live_server.url + path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            measured = page.evaluate(OVERFLOW)
            if measured["scroll"] > measured["inner"]:
                found.append((width, path, measured))
            if page.evaluate(TABLES):
                found.append((width, path, page.evaluate(TABLES)))
            if split := page.evaluate(SPLIT_WORDS):
                found.append((width, path, {"split words": split}))
            if small := page.evaluate(CHART_TEXT):
                found.append((width, path, {"chart text": small}))
            charts += page.locator("main figure.portal-chart svg text").count()
    assert charts > 0
    assert found == []
    assert foreign == []


@pytest.mark.django_db(transaction=True)
def test_the_own_figures_form_works_without_javascript(live_server, browser: Browser):
    build()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/voortgang/eigen-organisatie/")
    assert page.locator("#id_jaar1").input_value() != ""
    assert page.locator("[id^=id_jaar]").count() == ROWS
    page.locator("#id_jaar1").fill("2023")
    page.locator("#id_fte1").fill("1.250")
    page.locator("#id_banen1").fill("28")
    page.get_by_role("button", name="Bereken").click()
    assert "fte1=1.250" in page.url
    summary = page.locator("#uitkomst .portal-short-answer")
    assert summary.inner_text().startswith("2023: 28 banen gerealiseerd tegen een doel van ")
    page.goto(live_server.url + page.locator("a", has_text="Link naar deze uitkomst").get_attribute("href"))
    assert page.locator("#uitkomst table tbody tr").count() == 1
    context.close()
