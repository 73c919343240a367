"""The real content: every file loads, the counts of the content issue hold, a second load is a
no-op, a crawl of the published site finds no broken internal link, and no page a visitor reads
shows an internal note (an uncertainty code, a provenance code, "nog na te zoeken", raw
placeholder syntax)."""

import datetime
import html
import json
import re
import warnings
from collections import Counter
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Revision

from eligibility.checker import state as checker_state
from eligibility.views import result_url, review_url
from knowledge import models as km

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT.parent / "shared" / "cases" / "rules.jsonl"
HREF = re.compile(r'href="([^"]+)"')
# Markdown that did not render: a pipe-table row, or a list item run into a paragraph.
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$|\|\s*:?-{3,}", re.MULTILINE)
LIST_IN_TEXT = re.compile(r"\n\s*(?:[-*+]|\d{1,2}[.)])\s+\S")


def markdown_leftovers(html):
    """Raw Markdown in the main content of a rendered page: [(kind, text)]."""
    main = BeautifulSoup(html, "html.parser").find("main")
    found = [("tabel", line) for line in PIPE_ROW.findall(main.get_text("\n"))]
    for block in main.find_all(["p", "li", "td", "dd"]):
        text = block.get_text()
        if LIST_IN_TEXT.search(text):
            found.append(("lijst", text.strip()[:80]))
    return found


NOT_CRAWLED = ("/admin/", "/static/", "/documents/", "/api/", "/sitemap.xml")


@pytest.fixture(scope="module")
def loaded_site(real_content):
    """The portal's own content, loaded and indexed once for this module (tests/conftest.py)."""


def checker_urls():
    """Every checker's start, the two calculators (empty and filled in), and for each shared test
    case its review and result screen: the pages where rule texts reach a visitor."""
    urls = ["/check/", "/check/quotum/calculator/", "/check/banen/calculator/", "/check/plaatsingen/"]
    urls.append("/check/quotum/calculator/?peildatum=2026-06-01&jaar=2026&sector=overheid&fte=800")
    urls.append("/check/quotum/calculator/?peildatum=2024-06-01&jaar=2024&sector=overheid&fte=800")
    urls.append("/check/banen/calculator/?uren_per_week=20")
    for vraag in ("doelgroep", "telt_mee", "banen", "quotum"):
        for day in ("2015-06-01", "2019-06-01", "2024-06-01", "2026-06-01"):
            urls.append(result_url(checker_state.State(vraag, datetime.date.fromisoformat(day))))
    lines = CASES.read_text(encoding="utf-8").splitlines() if CASES.is_file() else []
    for line in filter(None, lines):
        case = json.loads(line)
        vraag = case["question"]
        known = checker_state.schema(vraag)
        answers = {name: value for name, value in case["input"].items() if name in known}
        state = checker_state.State(vraag, datetime.date.fromisoformat(case["peildatum"]), answers)
        urls += [f"/check/{vraag}/", review_url(state), result_url(state)]
    return urls


@pytest.fixture(scope="module")
def crawl(loaded_site):
    """{url: (status, html)} for every page reachable from the published pages and checkers."""
    client = Client()
    start = [p.url for p in Page.objects.live().filter(depth__gt=1).specific()]
    start += [b.get_absolute_url() for b in km.Begrip.objects.all()] + ["/begrippen/"]
    start += ["/vragen/stel-een-vraag/", "/zoeken/?q=quotumheffing", "/pagina-bestaat-niet/"]
    # words beside a figure of a meting in the article "cijfers door de jaren": the search
    # fragment shows that figure, not its placeholder
    start += ["/zoeken/?q=tussendoel", "/zoeken/?q=sociaal+akkoord"]
    seen, queue = {}, list(dict.fromkeys(start + checker_urls()))
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        body = response.content.decode() if response.get("Content-Type", "").startswith("text/html") else ""
        seen[url] = (response.status_code, body)
        if response.status_code != 200 or "?" in url:
            continue  # filter, page and checker variants are checked, not crawled further
        for href in HREF.findall(body):
            target = urldefrag(href.replace("&amp;", "&"))[0]
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not target.startswith("/"):
                continue
            if not target.startswith(NOT_CRAWLED) and target not in seen:
                queue.append(target)
    return seen


@pytest.mark.django_db
@pytest.mark.xdist_group("loaded_content_site")  # one worker loads the content, not both
class TestLoadedContent:
    def test_the_counts_of_the_content_issue_hold(self, loaded_site):
        assert km.ArticlePage.objects.live().count() >= 25
        assert km.PracticeExamplePage.objects.live().count() >= 15
        assert km.QuestionPage.objects.live().count() >= 60
        assert km.Begrip.objects.count() >= 60

    def test_every_page_cites_a_source_and_has_a_checked_date(self, loaded_site):
        for model in (km.ArticlePage, km.PracticeExamplePage, km.QuestionPage):
            for page in model.objects.live():
                assert page.page_sources.exists(), page.url_path
                assert page.laatst_gecontroleerd is not None

    def test_questions_have_a_short_answer_and_at_most_three_related_questions(self, loaded_site):
        related = Counter(km.RelatedQuestion.objects.values_list("page_id", flat=True))
        assert max(related.values()) <= 3
        assert not km.QuestionPage.objects.filter(kort_antwoord="").exists()

    def test_practice_examples_have_organisation_sector_and_theme(self, loaded_site):
        for page in km.PracticeExamplePage.objects.live():
            assert page.organisatie_id and page.sector.exists() and page.thema.exists(), page.slug

    def test_begrippen_with_an_abbreviation_are_findable_by_it(self, loaded_site):
        assert km.Begrip.objects.get(slug="doelgroepregister").afkorting == "LDR"

    def test_the_footer_pages_exist_with_their_slugs(self, loaded_site, client):
        for slug in ("privacy", "contact", "colofon", "toegankelijkheid"):
            assert client.get(f"/{slug}/").status_code == 200, slug

    def test_every_footer_link_resolves(self, loaded_site, client):
        footer = BeautifulSoup(client.get("/").content.decode(), "html.parser").find("footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
        for label in ("Contact", "Privacyverklaring", "Toegankelijkheidsverklaring", "Colofon"):
            assert client.get(links[label]).status_code == 200, label
        assert all(client.get(href).status_code == 200 for href in links.values())

    def test_a_second_load_changes_nothing(self, loaded_site):
        revisions, pages = Revision.objects.count(), Page.objects.count()
        call_command("load_initial_content", "--no-index", verbosity=0)
        assert (Revision.objects.count(), Page.objects.count()) == (revisions, pages)

    def test_no_broken_internal_link(self, crawl):
        """Every page and link answers 200; a checker screen filled in by a test case may refuse its
        input with a 400 page that says why, but never fails with a 500."""
        added = set(checker_urls())
        broken = [
            (url, status)
            for url, (status, _body) in crawl.items()
            if (status >= 500 if url in added else status != 200) and url != "/pagina-bestaat-niet/"
        ]
        assert broken == []
        assert crawl["/pagina-bestaat-niet/"][0] == 404
        assert len(crawl) > 200

    def test_no_rendered_page_shows_markdown_syntax(self, loaded_site, client):
        urls = [p.url for p in Page.objects.live().filter(depth__gt=1).specific()]
        urls += [b.get_absolute_url() for b in km.Begrip.objects.all()] + ["/begrippen/"]
        leftovers = {url: markdown_leftovers(client.get(url).content.decode()) for url in urls}
        assert {url: found for url, found in leftovers.items() if found} == {}
        tables = sum(
            1 for page in km.QuestionPage.objects.live() for block in page.body if block.block_type == "table"
        )
        separator = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$", re.MULTILINE)
        in_files = sum(
            len(separator.findall(f.read_text(encoding="utf-8")))
            for f in (ROOT / "content").glob("vragen/*.md")
        )
        assert tables == in_files > 0  # each pipe table of the Q&A files is a table block

    def test_the_search_text_of_every_page_is_free_of_markdown(self, loaded_site):
        for model in (km.ArticlePage, km.PracticeExamplePage, km.QuestionPage):
            for page in model.objects.live():
                text = "\n".join(page.body.stream_block.get_searchable_content(page.body))
                assert not PIPE_ROW.search(text), page.url_path

    def test_no_page_shows_an_internal_note(self, crawl):
        """Codes from the fact sheet and the parameter files are for the team, not for visitors.

        A code found in a text that comes from a file another helper owns (the rules module's
        parameter files, questions and forms, which are being rewritten for issue 13) is not
        counted against the content, but named in a warning with its file, so nothing is exempted
        silently. Any other code fails the test.
        """
        own, elsewhere = [], {}
        for url, (_status, body) in crawl.items():
            for code, snippet in internal_notes(visible_text(body)):
                origin = owned_elsewhere(snippet)
                if origin:
                    elsewhere.setdefault((origin, code, snippet), []).append(url)
                else:
                    own.append((url, code, snippet))
        for (origin, code, snippet), urls in sorted(elsewhere.items()):
            warnings.warn(
                f"{code!r} in {origin} ('{snippet}') on {len(urls)} page(s), e.g. {urls[0]}", stacklevel=1
            )
        assert own == []


INTERNAL_NOTES = (
    (r"\bonzekerheid\s+U\d+", "uncertainty code"),
    (r"\(onzeker:\s*[^)]*\)", "uncertainty note"),
    (r"\bU(?:[1-9]|1[0-2])\b", "uncertainty code"),
    (r"\bvariabele [A-H]\b", "formula letter"),
    (r"nog na te zoeken", "research note"),
    (r"\b(?:AFG|SEED|EXT)\b", "provenance code"),
    (r"\bseeds?/\d{3}\b", "seed file"),
    (r"\b(?:TM|DG|QU|BA)-\d{2}\b", "test case id"),
    (r"\[\[[^\]\s]*(?:\]\])?", "placeholder syntax"),  # whole or cut off by a search fragment
)
TAG = re.compile(r"<[^>]+>")
ATTRIBUTE_TEXT = re.compile(r'\s(?:title|alt|aria-label|placeholder)="([^"]*)"')
HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>", re.S | re.I)


def visible_text(body):
    """What a visitor reads or hears: the text between tags and the text attributes."""
    body = HIDDEN.sub(" ", body)
    attributes = " ".join(ATTRIBUTE_TEXT.findall(body))
    return " ".join(html.unescape(TAG.sub(" ", body) + " " + attributes).split())


def internal_notes(text):
    """(code, snippet around it) for every internal note in a text, in reading order."""
    matches = sorted(
        (m.start(), -m.end(), m) for pattern, _kind in INTERNAL_NOTES for m in re.finditer(pattern, text)
    )
    end = -1
    for start, _, match in matches:
        if start >= end:  # "U2" inside "onzekerheid U2" is the same note
            end = match.end()
            yield match[0], text[max(0, start - 60) : match.end() + 20].strip()


OTHER_OWNERS = ("eligibility", "templates/eligibility")  # the rules module's texts and templates
WORD = re.compile(r"[\wÀ-ÿ%-]+")


def _owned_texts():
    """Each file of another owner as its words, so a rendered sentence can be traced back to it."""
    texts = {}
    for owner in OTHER_OWNERS:
        path = ROOT / owner
        for file in sorted(path.rglob("*") if path.is_dir() else [path]):
            if file.suffix in (".yaml", ".py", ".html"):
                words = WORD.findall(file.read_text(encoding="utf-8"))
                texts[str(file.relative_to(ROOT))] = " " + " ".join(words) + " "
    return texts


OWNED_TEXTS = _owned_texts()


def owned_elsewhere(snippet):
    """The file owned by another helper whose words include the words around a code, or None."""
    words = WORD.findall(snippet)
    for size in (8, 6, 5):
        for start in range(0, len(words) - size + 1):
            piece = " " + " ".join(words[start : start + size]) + " "
            for name, text in OWNED_TEXTS.items():
                if piece in text:
                    return name
    return None


def test_an_internal_note_is_found_in_a_rendered_text():
    page = "<main><p>Het percentage is niet bekend (onzekerheid U2).</p><p>Zie <b>variabele C</b>.</p></main>"
    assert [code for code, _ in internal_notes(visible_text(page))] == ["onzekerheid U2", "variabele C"]
    assert list(internal_notes(visible_text('<img alt="bron: SEED">'))) != []
    assert list(internal_notes(visible_text("<script>var U2 = 1;</script><p>Geen codes.</p>"))) == []
    assert list(internal_notes(visible_text("<p>Dit is [[parameter:banen.jaarnorm]] uur.</p>"))) != []
    assert list(internal_notes(visible_text("<p>spreken 125.000 banen af: [[meting:markt-eind</p>"))) != []


def test_a_code_is_only_attributed_to_another_owner_when_its_words_are_in_their_files():
    assert owned_elsewhere("een zin die in geen enkel bestand van de regelmodule voorkomt U2") is None
