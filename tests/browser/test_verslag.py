"""The beslisverslag pages in Chromium: no axe violations, nothing scrolls sideways on a phone, the
record prints on one A4 page, and a saved record can be checked by uploading it, without JavaScript."""

import datetime
import json
import re

import pytest
from playwright.sync_api import Browser, Page

from eligibility.verslag import record as rec
from eligibility.verslag import versie
from tests.browser.conftest import axe_violations
from tests.browser.demo import build_demo
from tests.browser.test_no_third_party_requests import watch_requests
from tests.browser.test_responsive import OVERFLOW, SPLIT_WORDS, WIDTHS
from tests.eligibility.test_verslag import BANEN, CASES, change_rules


def wordiest_cases():
    """Per question, the shared case whose record has the most text: the one most likely to need a
    second page or to overflow a phone."""

    def size(record):
        return len(
            json.dumps([record["uitleg"], record["onzekerheden"], record["aannames"]], ensure_ascii=False)
        )

    best = {}
    for case in CASES:
        record = rec.make("checker", case["question"], case["input"], case["peildatum"])
        if case["question"] not in best or size(record) > size(best[case["question"]]):
            best[case["question"]] = record
    return list(best.values())


def record_paths():
    quotumcalculator = rec.make(
        "quotumcalculator",
        "quotum",
        {"sector": "overheid", "jaar": 2026, "verloonde_uren_jaar": 2_000_000, "gerealiseerde_banen": 30},
        "2026-11-24",
    )
    records = [*wordiest_cases(), quotumcalculator]
    paths = [rec.record_link(record) for record in records]
    old = rec.record_link(records[0]).split("&antwoord=")[0]  # a link made before links kept the answer
    paths.append(old.replace(versie.current(), "0123456789abcdef"))
    return paths


def upload(page, tmp_path, record):
    path = tmp_path / "beslisverslag.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    page.set_input_files("#verslag-bestand", str(path))
    page.get_by_role("button", name="Controleer het verslag").click()


@pytest.mark.django_db(transaction=True)
def test_record_pages_have_no_axe_violations_fit_a_phone_and_ask_no_other_host(live_server, page: Page):
    build_demo()
    found, violations = [], []
    foreign = watch_requests(page, live_server.url)
    for path in [*record_paths(), "/check/verslag/"]:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        violations += [(path, v) for v in axe_violations(page)]
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            measured = page.evaluate(OVERFLOW)
            if measured["scroll"] > measured["inner"]:
                found.append((width, path, measured))
            if split := page.evaluate(SPLIT_WORDS):
                found.append((width, path, {"split words": split}))
    assert violations == []
    assert found == []
    assert foreign == []


def assert_changed_answer_page(page):
    """The record page after a rule change: it says so, shows then and now, passes axe, fits a phone,
    and prints on one page."""
    assert page.get_by_role("heading", name="Het antwoord is veranderd").is_visible()
    assert page.locator("table", has_text="Het antwoord toen en nu").is_visible()
    assert axe_violations(page) == []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), width
    page.emulate_media(media="print")
    assert page.get_by_text("Het antwoord is veranderd onder de regels van vandaag").is_visible()
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1
    page.emulate_media(media="screen")


@pytest.mark.django_db(transaction=True)
def test_a_checked_record_after_a_rule_change_passes_axe_fits_a_phone_and_prints_on_one_page(
    live_server, page: Page, monkeypatch, tmp_path
):
    build_demo()
    record = rec.make(*BANEN)
    change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 20.0)
    page.goto(live_server.url + "/check/verslag/")
    upload(page, tmp_path, record)
    assert_changed_answer_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_link_opened_after_a_rule_change_says_so_passes_axe_and_prints_on_one_page(
    live_server, page: Page, monkeypatch, tmp_path
):
    build_demo()
    link = rec.record_link(rec.make(*BANEN))
    change_rules(monkeypatch, tmp_path, "banen.urennorm", datetime.date(2024, 1, 1), 20.0)
    page.goto(live_server.url + link)
    assert_changed_answer_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_refused_upload_has_no_axe_violations(live_server, page: Page, tmp_path):
    build_demo()
    record = {**rec.make(*BANEN), "zegel": "A" * 43}
    page.goto(live_server.url + "/check/verslag/")
    upload(page, tmp_path, record)
    assert page.get_by_role("alert").is_visible()
    assert "Het zegel klopt niet" in page.get_by_role("alert").inner_text()
    assert axe_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_checking_a_record_works_without_javascript(live_server, browser: Browser, tmp_path):
    build_demo()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    record = rec.make(*BANEN)
    page.goto(live_server.url + rec.record_link(record))
    download_url = page.get_by_role("link", name="Download het verslag als JSON-bestand").get_attribute(
        "href"
    )
    downloaded = page.request.get(live_server.url + download_url)
    assert downloaded.json() == record
    page.get_by_role("link", name="Controleer een bewaard verslag").click()
    upload(page, tmp_path, downloaded.json())
    assert page.get_by_role("heading", name="Het antwoord is nog hetzelfde").is_visible()
    context.close()


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.django_db(transaction=True)
def test_a_record_prints_on_one_page(live_server, page: Page):
    build_demo()
    for path in record_paths()[:-1]:
        page.goto(live_server.url + path)
        page.emulate_media(media="print")
        for hidden in (
            ".portal-header",
            ".portal-footer",
            ".utrecht-breadcrumb-nav",
            "form",
            "#verslag-link",
        ):
            assert not page.locator(hidden).first.is_visible(), hidden
        assert page.get_by_text("Dit verslag opnieuw narekenen:").is_visible()  # the link, on paper
        assert page.get_by_role("heading", name="Toegepaste regels en hun bronnen").is_visible()
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        assert pdf_pages(pdf) == 1, path
        page.emulate_media(media="screen")
