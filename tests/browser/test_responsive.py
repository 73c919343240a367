"""Every page type and every checker screen fits a phone: at 320, 390 and 768 px wide nothing makes
the page scroll sideways (``scrollWidth <= innerWidth``) and no table squeezes a column so narrow
that a short word or a figure breaks over two lines.

Each screen is also saved as a full-page screenshot per width, for a person to look at: under
``var/screenshots/responsive/`` (git-ignored), or the folder in ``PORTAL_SCREENSHOT_DIR``.
"""

import datetime
import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page

from eligibility.checker import state as st
from eligibility.views import QUESTIONS, result_url, review_url
from tests.browser.demo import PAGES, build_demo

WIDTHS = (320, 390, 768)
PEILDATUM = "2026-11-24"
SHARED_CASES = Path(settings.BASE_DIR).parent / "shared" / "cases" / "rules.jsonl"
SCREENSHOTS = Path(os.environ.get("PORTAL_SCREENSHOT_DIR", Path(settings.BASE_DIR) / "var" / "screenshots"))

# The widest element that sticks out on the right, to name in a failure.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  let worst = null;
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    if (right > width + 0.5 && (!worst || right > worst.right)) {
      worst = {right: Math.round(right), el: el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')};
    }
  }
  return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, worst};
}"""

# Words of a table cell split over two lines: a column squeezed narrower than a short word or a
# figure ("201/5", "Waard/e"). Long compounds and URLs may break, and so may a word at a hyphen or
# a soft hyphen; a word up to 12 characters may not. Visually hidden text (1 px wide) is skipped.
SPLIT_WORDS = """() => {
  const found = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.getBoundingClientRect().width <= 1) continue;
      for (const word of node.data.matchAll(/[^\\s-]+/g)) {
        if (word[0].length > 12 || word[0].includes('\\u00ad')) continue;
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set(Array.from(range.getClientRects(), rect => Math.round(rect.top)));
        if (lines.size > 1) found.push(word[0]);
      }
    }
  }
  return found;
}"""

# The text of a chart (an SVG, scaled to the width it gets) as it is drawn: each text at least as
# large as the chart's caption (the body's small text, .portal-meta) and inside the chart's box (a glyph
# may stand out a pixel or two).
CHART_TEXT = """() => {
  const found = [];
  for (const figure of document.querySelectorAll('main figure.portal-chart')) {
    const svg = figure.querySelector('svg'), box = svg.getBoundingClientRect();
    const least = parseFloat(getComputedStyle(figure.querySelector('figcaption')).fontSize);
    for (const text of svg.querySelectorAll('text')) {
      const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
      const drawn = text.getBoundingClientRect();
      if (size < least - 0.05) found.push({text: text.textContent, size: Math.round(size * 10) / 10, least});
      if (drawn.left < box.left - 2 || drawn.right > box.right + 2) found.push({text: text.textContent, outside: true});
    }
  }
  return found;
}"""


def shared_case(vraag):
    """The first of the shared test cases for a question: its facts make a full review and result."""
    for line in SHARED_CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["question"] == vraag:
            return case
    raise LookupError(vraag)


def wordiest_facts(vraag):
    """Per kind of question screen (yes/no, choice, number, date, ...), the fact with the most text:
    every question screen is one template, so these are the screens most likely to overflow."""

    def length(fact):
        return len(fact.label) + len(fact.help) + sum(len(label) for _, label in fact.choices)

    by_kind = {}
    for fact in st.facts_of(vraag):
        if fact.name == "kader":
            continue
        if fact.kind not in by_kind or length(fact) > length(by_kind[fact.kind]):
            by_kind[fact.kind] = fact
    return [fact.name for fact in by_kind.values()]


def checker_paths():
    """The checker's landing, each question's start, its wordiest question screen of each kind (and
    one with an error), the review, the result and its print version, the calculators and the
    placements page."""
    paths = ["/check/", "/check/quotum/calculator/", "/check/banen/calculator/", "/check/plaatsingen/"]
    for vraag in QUESTIONS:
        paths.append(f"/check/{vraag}/")
        names = wordiest_facts(vraag)
        paths += [f"/check/{vraag}/vraag/{name}/?peildatum={PEILDATUM}" for name in names]
        paths.append(f"/check/{vraag}/vraag/{names[0]}/?peildatum={PEILDATUM}&actie=volgende")
        case = shared_case(vraag)
        state = st.State(vraag, datetime.date.fromisoformat(case["peildatum"]), dict(case["input"]))
        paths += [review_url(state), result_url(state), result_url(state, **{"print": "1"})]
    return paths


def screenshot_name(number, path):
    return f"{number:02d}-" + (re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")[:80] or "home")


def overflowing_screens(page: Page, base, paths, folder):
    """[(width, path, measurement)] for every screen that scrolls sideways; screenshots on the way."""
    found = []
    for number, path in enumerate(paths, 1):
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(base + path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            measured = page.evaluate(OVERFLOW)
            if measured["scroll"] > measured["inner"]:
                found.append((width, path, measured))
            if split := page.evaluate(SPLIT_WORDS):
                found.append((width, path, {"split words": split}))
            page.screenshot(
                path=str(folder / str(width) / f"{screenshot_name(number, path)}.png"), full_page=True
            )
    return found


@pytest.fixture
def screenshot_folder(request):
    folder = SCREENSHOTS / "responsive" / request.node.originalname
    for width in WIDTHS:
        (folder / str(width)).mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.django_db(transaction=True)
def test_every_page_type_fits_a_phone(live_server, page: Page, screenshot_folder):
    build_demo()
    assert overflowing_screens(page, live_server.url, PAGES, screenshot_folder) == []


@pytest.mark.django_db(transaction=True)
def test_every_checker_screen_fits_a_phone(live_server, page: Page, screenshot_folder):
    build_demo()
    paths = checker_paths()
    assert len(paths) > 30
    assert overflowing_screens(page, live_server.url, paths, screenshot_folder) == []


@pytest.mark.django_db(transaction=True)
def test_print_shows_the_content_only_in_print_sizes(live_server, page: Page, screenshot_folder):
    build_demo()
    page.set_viewport_size({"width": 700, "height": 1000})
    page.emulate_media(media="print")
    page.goto(live_server.url + "/vragen/uitzendkracht/")
    for hidden in (".portal-header", ".portal-footer", ".utrecht-breadcrumb-nav", "#feedback", "form"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", name="Kort antwoord").is_visible()
    assert page.get_by_role("heading", name="Bronnen").is_visible()
    h1_size = page.locator("h1").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
    assert h1_size <= 28  # 20pt, not the screen's 2.5rem
    # an external link is spelled out after its text, in the same line box
    assert "wetten.overheid.nl" in page.locator(".portal-sources a").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(screenshot_folder / "print-vraag.png"), full_page=True)
