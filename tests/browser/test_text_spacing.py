"""WCAG 2.1 success criterion 1.4.12, Text Spacing: with the spacing a reader may set for
themselves (line height 1.5 times the font size, 2 times the font size after a paragraph, letters
0.12 and words 0.16 times the font size apart), no text is lost on any page type.

The spacing is put in as a user style sheet would (``!important`` on every element). Text is lost
when a box that hides its overflow (``overflow: hidden`` or ``clip``) holds more than it shows,
when text runs out of its box (over its neighbour or off the screen), or when the page gets wider
than a 320 px screen and the reader must scroll sideways to read a line. Visually hidden text (a
1 px box, hidden on purpose) is not counted.
"""

import pytest
from playwright.sync_api import Page

from tests.browser.test_responsive import OVERFLOW
from tests.browser.test_target_size import build_visitor_demo, measure_every_view

WIDTHS = (320, 1280)

# The criterion's spacing, as the common text-spacing bookmarklet sets it.
SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }
"""

# Put in as a constructed style sheet: the portal's Content-Security-Policy (style-src 'self')
# blocks a style element, as it should, and a reader's own style sheet is not bound by it either.
APPLY_SPACING = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""

# [{box, hidden, text}] for every box whose text is lost or sticks out of it: a box that hides its
# overflow and holds more than it shows, or a box that shows it (the text then runs over the
# box's neighbour or the screen's edge; only the innermost such box is named). Form fields scroll
# their own value and a chart scales, so they are left out; so is visually hidden text (1 px).
CLIPPED = """() => {
  const found = [], spilling = new Set();
  const hides = value => value === 'hidden' || value === 'clip';
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + Array.from(el.classList).slice(0, 2).join('.') : '');
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility({visibilityProperty: true}) || el.matches('input, textarea, select, svg, svg *')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    const wide = el.scrollWidth > el.clientWidth + 1, tall = el.scrollHeight > el.clientHeight + 1;
    const lost = (hides(style.overflowX) && wide) || (hides(style.overflowY) && tall);
    const out = (style.overflowX === 'visible' && wide) || (style.overflowY === 'visible' && tall);
    if (!lost && !out) continue;
    if (out) spilling.add(el);
    found.push({el, box: name(el), hidden: (lost ? 'hides ' : 'lets out ')
      + (wide ? `${el.scrollWidth - el.clientWidth} px sideways ` : '') + (tall ? `${el.scrollHeight - el.clientHeight} px down` : ''),
      text: el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40)});
  }
  // a box that lets text out because a box inside it does: name the inner one only
  const inner = f => !spilling.has(f.el) || !Array.from(spilling).some(other => other !== f.el && f.el.contains(other));
  return found.filter(inner).map(({el, ...rest}) => rest);
}"""


def lost_text(page: Page, base, paths):
    """["width path: what is lost"] on every path and in each interactive state, with the
    criterion's spacing applied."""
    found = []

    def measure(view, width):
        found.extend(
            f"{width} {view}: {c['box']} {c['hidden'].strip()} of {c['text']!r}"
            for c in page.evaluate(CLIPPED)
        )
        measured = page.evaluate(OVERFLOW)
        if measured["scroll"] > measured["inner"]:
            found.append(f"{width} {view}: the page is {measured['scroll']} px wide ({measured['worst']})")

    measure_every_view(
        page, base, paths, WIDTHS, measure, prepare=lambda view: page.evaluate(APPLY_SPACING, SPACING_CSS)
    )
    return found


@pytest.mark.django_db(transaction=True)
def test_no_text_is_lost_with_wider_text_spacing_on_any_page_type(live_server, page: Page):
    paths = build_visitor_demo()
    page.goto(live_server.url + "/")
    page.evaluate(APPLY_SPACING, SPACING_CSS)
    # the spacing took: a paragraph's letters are 0.12 em apart
    assert page.locator("main p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).letterSpacing) / parseFloat(getComputedStyle(p).fontSize)"
    ) == pytest.approx(0.12, abs=0.005)
    lost = lost_text(page, live_server.url, paths)
    assert lost == [], "\n".join(lost)


# One of each: a box that clips, a box with room to spare, visually hidden text, a box as wide as
# the word in it (made so below), and a line that does not wrap and so is wider than a phone.
SAMPLES = """<!doctype html><html lang="nl"><body style="font: 16px/1.2 sans-serif; margin: 0">
<div id="knop" style="overflow: hidden; height: 20px; width: 200px">Een knop met tekst</div>
<div id="ruim" style="overflow: hidden; height: 60px; width: 200px">Past wel</div>
<span style="position: absolute; width: 1px; height: 1px; overflow: hidden">Verborgen met opzet</span>
<div id="smal"><span id="woord">Arbeidsongeschiktheidsuitkering</span></div>
<p id="lang" style="white-space: nowrap">Een regel die niet afbreekt en breder wordt dan een telefoon van 320 px</p>
</body></html>"""
FIT_TO_WORD = "() => { smal.style.width = (woord.getBoundingClientRect().width + 2) + 'px'; }"


def test_the_measurement_finds_clipped_text_text_out_of_its_box_and_a_page_too_wide(page: Page):
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    page.set_content(SAMPLES)
    page.evaluate(FIT_TO_WORD)
    assert [c["box"] for c in page.evaluate(CLIPPED)] == ["p#lang"]
    page.evaluate(APPLY_SPACING, SPACING_CSS)
    found = page.evaluate(CLIPPED)
    assert [c["box"] for c in found] == ["div#knop", "div#smal", "p#lang"]
    assert found[0]["hidden"].startswith("hides") and found[1]["hidden"].startswith("lets out")
    measured = page.evaluate(OVERFLOW)
    assert measured["scroll"] > measured["inner"]
