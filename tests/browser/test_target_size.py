"""WCAG 2.2 success criterion 2.5.8, Target Size (Minimum), on every page type, on a phone (360 px)
and on a wide screen.

Every pointer target (a link, a button, a form control, a summary, the label of a radio button
or a checkbox) is at least 24 by 24 CSS pixels, or meets one of the criterion's exceptions that
a page can show in its layout:

- spacing: a circle of 24 px across, centred on the undersized target, touches no other target
  and no such circle of another undersized target;
- inline: a link in a sentence, whose height the line of the text around it sets (a link in a
  p, li, dd or table cell with words of its own outside the link; a row of letters joined by
  " · " is not a sentence).

The demo gets a few more pages than the other browser tests use, so that the begrippen list has
a row of letters and the vragenbank and the search results have more than one page; and the
states no URL reaches (the question form's errors and similar questions, an opened feedback
comment) are measured as well.
"""

import pytest
from playwright.sync_api import Page

from knowledge.models import QuestionIndexPage
from tests.browser.demo import PAGES, build_demo
from tests.browser.test_page_types import service_pages, this_years_quotum_tools
from tests.browser.test_responsive import checker_paths
from tests.factories import BegripFactory, QuestionPageFactory

PHONE_WIDTH = 360
WIDTHS = (PHONE_WIDTH, 1280)  # a phone, and a wide screen where rows of links stand side by side
MINIMUM = 24  # CSS px

# Terms that start with different letters, so the A-Z row has letters side by side.
BEGRIPPEN = [
    "Arbeidsbeperking",
    "Banenafspraak",
    "Inleenverband",
    "Loonkostensubsidie",
    "Quotumheffing",
    "Wajong",
]
EXTRA_QUESTIONS = 21  # the vragenbank shows 20 a page, the search 10


def build_visitor_demo():
    """The shared demo, plus begrippen under several letters, enough questions to page, and the
    service pages from the content files. Returns the paths to visit: every page type the other
    browser tests visit, the pages that only page with more content (a second page of the
    vragenbank and of the search), the quotum tools' answers and every checker screen."""
    build_demo()
    vragen = QuestionIndexPage.objects.get()
    for number in range(1, EXTRA_QUESTIONS + 1):
        QuestionPageFactory(
            parent=vragen,
            title=f"Telt een uitzendkracht in situatie {number} mee?",
            slug=f"uitzendkracht-{number}",
        )
    for term in BEGRIPPEN:
        BegripFactory(slug=term.lower(), term=term, afkorting="", synoniemen="")
    service = [path for path in service_pages() if path not in PAGES]
    return [
        *PAGES,
        *service,
        "/vragen/?pagina=2",
        "/zoeken/?q=uitzendkracht&pagina=2",
        *this_years_quotum_tools(),
        *checker_paths(),
    ]


def interactive_states(page: Page, base):
    """Drive the page through the states no URL reaches; yield the name of each once it shows:
    the question form with errors, its step with similar questions, and a page's feedback form
    with the comment field opened."""
    ask = base + "/vragen/stel-een-vraag/"
    page.goto(ask)
    page.get_by_label("Uw vraag").fill("kort")
    page.get_by_label("E-mailadres voor het antwoord (niet verplicht)").fill("geen-adres")
    page.get_by_role("button", name="Volgende: zoek vergelijkbare vragen").click()
    page.get_by_role("alert").wait_for()
    yield "/vragen/stel-een-vraag/ (errors)"
    page.get_by_label("Uw vraag").fill("Telt een uitzendkracht uit de doelgroep mee?")
    page.get_by_label("E-mailadres voor het antwoord (niet verplicht)").fill("")
    page.get_by_role("button", name="Volgende: zoek vergelijkbare vragen").click()
    page.get_by_text("Lijkt uw vraag op een van deze?").wait_for()
    yield "/vragen/stel-een-vraag/ (similar questions)"
    page.goto(base + "/vragen/uitzendkracht/")
    page.get_by_text("Iets toevoegen? (niet verplicht)").click()
    page.get_by_label("Wat zocht u, of wat miste u op deze pagina?").wait_for()
    yield "/vragen/uitzendkracht/ (feedback comment open)"


# [{target, width, height}] for every target on the page that is too small and has no exception.
SMALL_TARGETS = """(minimum) => {
  const radius = minimum / 2;
  const isTarget = el => {
    if (el.matches('label')) return Boolean(el.control && ['radio', 'checkbox'].includes(el.control.type));
    return el.matches('a[href], button, input:not([type="hidden"]), select, textarea, summary');
  };
  // Shown (not in a closed details, not visibility: hidden), larger than the 1 px of visually
  // hidden text, and not parked above or left of the page (the skip link until it has focus).
  const visible = el => {
    const rect = el.getBoundingClientRect();
    return el.checkVisibility({visibilityProperty: true}) && rect.width > 1 && rect.height > 1
      && rect.bottom + window.scrollY > 0 && rect.right + window.scrollX > 0;
  };
  const targets = Array.from(document.body.querySelectorAll('*')).filter(el => isTarget(el) && visible(el))
    .map(el => {
      const r = el.getBoundingClientRect();
      return {el, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
              x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2,
              small: r.width < minimum - 0.01 || r.height < minimum - 0.01};
    });
  // A link in a sentence: inline, in a text block that has words outside its links.
  const inSentence = el => {
    if (!el.matches('a') || getComputedStyle(el).display !== 'inline') return false;
    const block = el.closest('p, li, dd, td, th');
    if (!block) return false;
    const copy = block.cloneNode(true);
    copy.querySelectorAll('a, button, input, select, textarea').forEach(node => node.remove());
    return /\\p{L}{2,}/u.test(copy.textContent);
  };
  const distanceToBox = (t, box) => Math.hypot(
    Math.max(box.left - t.x, 0, t.x - box.right), Math.max(box.top - t.y, 0, t.y - box.bottom));
  const spaced = t => targets.every(other => other === t || other.el.contains(t.el) || t.el.contains(other.el)
    || (distanceToBox(t, other) >= radius - 0.01 && !(other.small && Math.hypot(t.x - other.x, t.y - other.y) < minimum - 0.01)));
  const describe = el => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.tagName.toLowerCase();
      if (node.id) part += '#' + node.id;
      else if (node.classList.length) part += '.' + Array.from(node.classList).slice(0, 2).join('.');
      parts.unshift(part);
    }
    return parts.join(' > ') + ' "' + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 30) + '"';
  };
  return targets.filter(t => t.small && !inSentence(t.el) && !spaced(t)).map(t => ({
    target: describe(t.el), width: Math.round(t.right - t.left), height: Math.round(t.bottom - t.top)}));
}"""


def measure_every_view(page: Page, base, paths, widths, measure, prepare=None):
    """Call ``measure(view, width)`` on every path and in each interactive state, at each width
    (``prepare(view)`` first, once per view); the viewport ends at the first width."""

    def at_widths(view):
        if prepare:
            prepare(view)
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            measure(view, width)
        page.set_viewport_size({"width": widths[0], "height": 800})

    page.set_viewport_size({"width": widths[0], "height": 800})
    for path in paths:
        page.goto(base + path)
        at_widths(path)
    for state in interactive_states(page, base):
        at_widths(state)


def small_targets(page: Page, base, paths):
    """["width path: target (width x height)"] for every target too small and too close, on each
    path and in each of the interactive states."""
    found = []

    def measure(view, width):
        found.extend(
            f"{width} {view}: {t['target']} ({t['width']}x{t['height']})"
            for t in page.evaluate(SMALL_TARGETS, MINIMUM)
        )

    measure_every_view(page, base, paths, WIDTHS, measure)
    return found


@pytest.mark.django_db(transaction=True)
def test_every_target_on_every_page_type_is_large_enough_or_spaced_on_a_phone_and_a_wide_screen(
    live_server, page: Page
):
    paths = build_visitor_demo()
    assert {"/colofon/", "/contact/", "/privacy/", "/check/quotum/calculator/"} <= set(paths)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
    # the content the extra pages need is there: a row of letters, a second page of each list
    page.goto(live_server.url + "/begrippen/")
    assert page.locator("nav[aria-label='Begrippen per letter'] a").count() >= 6
    for path in ("/vragen/", "/zoeken/?q=uitzendkracht"):
        page.goto(live_server.url + path)
        assert page.locator(".portal-pagination a[aria-label='Pagina 2']").count() == 1, path
    offenders = small_targets(page, live_server.url, paths)
    assert offenders == [], "\n".join(offenders)


# A page with one case of each kind the measurement must tell apart.
SAMPLES = """<!doctype html><html lang="nl"><body style="font: 16px/1.5 sans-serif; margin: 0">
<p id="letters"><a href="#a">A</a> · <a href="#b">B</a></p>
<p>Lees de <a href="#wet">wet</a> voor de hele tekst.</p>
<div style="margin-top: 80px"><a href="#alone">x</a></div>
<div style="margin-top: 80px"><button style="width: 40px; height: 30px">Ga</button><button style="width: 40px; height: 30px">Ok</button></div>
<div style="margin-top: 80px"><button style="width: 20px; height: 20px">1</button><button style="width: 20px; height: 20px; margin-left: 30px">2</button></div>
<div style="margin-top: 80px"><button style="width: 20px; height: 20px">3</button><button style="width: 40px; height: 40px; margin-left: 1px">4</button></div>
<details><summary style="margin-top: 80px">Meer</summary><a href="#dicht">y</a> <a href="#dicht">z</a></details>
<div style="margin-top: 80px"><input type="radio" id="r" style="width: 12px; height: 12px; margin: 0"><label for="r" style="font-size: 10px; line-height: 1">Ja</label><input type="checkbox" style="margin-left: 4px"></div>
</body></html>"""


def test_the_measurement_tells_small_crowded_targets_from_spaced_inline_and_large_ones(page: Page):
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
    page.set_content(SAMPLES)
    found = [target["target"] for target in page.evaluate(SMALL_TARGETS, MINIMUM)]
    assert found == [
        'p#letters > a "A"',
        'p#letters > a "B"',
        'div > button "3"',  # 1 px from a large target: its circle reaches it
        'div > input#r "on"',
        'div > label "Ja"',
        'div > input "on"',
    ]
