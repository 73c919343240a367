"""The real content: every file loads, the counts of the content issue hold, a second load is a
no-op, and a crawl of the published site finds no broken internal link."""

import re
from collections import Counter
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Revision

from knowledge import models as km

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
def loaded_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_initial_content", "--no-index", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.mark.django_db
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

    def test_a_second_load_changes_nothing(self, loaded_site):
        revisions, pages = Revision.objects.count(), Page.objects.count()
        call_command("load_initial_content", "--no-index", verbosity=0)
        assert (Revision.objects.count(), Page.objects.count()) == (revisions, pages)

    def test_no_broken_internal_link(self, loaded_site, client):
        start = [p.url for p in Page.objects.live().filter(depth__gt=1).specific()]
        start += [b.get_absolute_url() for b in km.Begrip.objects.all()] + ["/begrippen/"]
        seen, queue, broken = set(), list(dict.fromkeys(start)), []
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            response = client.get(url)
            if response.status_code != 200:
                broken.append((url, response.status_code))
                continue
            if "?" in url:
                continue  # filter and page variants are checked, not crawled further
            for href in HREF.findall(response.content.decode()):
                target = urldefrag(href.replace("&amp;", "&"))[0]
                parts = urlsplit(target)
                if parts.scheme or parts.netloc or not target.startswith("/"):
                    continue
                if not target.startswith(NOT_CRAWLED) and target not in seen:
                    queue.append(target)
        assert broken == []
        assert len(seen) > 200

    def test_no_rendered_page_shows_markdown_syntax(self, loaded_site, client):
        urls = [p.url for p in Page.objects.live().filter(depth__gt=1).specific()]
        urls += [b.get_absolute_url() for b in km.Begrip.objects.all()] + ["/begrippen/"]
        leftovers = {url: markdown_leftovers(client.get(url).content.decode()) for url in urls}
        assert {url: found for url, found in leftovers.items() if found} == {}
        tables = sum(
            1 for page in km.QuestionPage.objects.live() for block in page.body if block.block_type == "table"
        )
        assert tables >= 8  # the pipe tables of the Q&A files are table blocks now

    def test_the_search_text_of_every_page_is_free_of_markdown(self, loaded_site):
        for model in (km.ArticlePage, km.PracticeExamplePage, km.QuestionPage):
            for page in model.objects.live():
                text = "\n".join(page.body.stream_block.get_searchable_content(page.body))
                assert not PIPE_ROW.search(text), page.url_path
