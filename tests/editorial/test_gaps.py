"""Kennisgaten: searches without results or clicks, 'niet nuttig' comments and submitted questions
grouped by their stemmed words, ranked, and turned into a draft question in one action."""

import datetime
import re

import pytest
from django.apps import apps
from django.core.cache import cache
from wagtail.rich_text import RichText

from editorial import gaps
from editorial.models import ContentGap, GapQuery, SearchDay
from editorial.search_log import record_click, record_search
from knowledge.feedback import PageFeedback
from knowledge.models import QuestionPage
from knowledge.submissions import SubmittedQuestion
from portal.search.service import search
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def searched(q, times, results=0, clicks=0):
    for _ in range(times):
        record_search(q, results)
    for _ in range(clicks):
        record_click(q)


def test_searches_are_counted_per_normalised_query_and_day(client, site_tree, clean_index):
    for q in ("Quotumheffing  Zonnepanelen", "quotumheffing zonnepanelen"):
        assert client.get("/zoeken/", {"q": q}).status_code == 200
    [row] = SearchDay.objects.all()
    assert (row.text, row.key, row.searches, row.zero_results, row.clicks) == (
        "quotumheffing zonnepanelen",
        "quotumhef zonnepanel",
        2,
        2,
        0,
    )


def test_signals_are_grouped_by_stemmed_words_and_ranked(site_tree):
    searched("telt een uitzendkracht mee", 3)
    searched("uitzendkrachten tellen mee", 1)  # other stems: its own group
    searched("uitzendkracht telt mee", 2)
    searched("subsidie jobcoach", 1)
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    PageFeedback.objects.create(page=page, nuttig=False, opmerking="Telt een uitzendkracht mee?")
    PageFeedback.objects.create(page=page, nuttig=True, opmerking="subsidie jobcoach")  # 'nuttig': no gap
    PageFeedback.objects.create(page=page, nuttig=False)  # no comment: no query to group
    SubmittedQuestion.objects.create(vraag="Telt een uitzendkracht mee voor het quotum?")
    SubmittedQuestion.objects.create(vraag="Subsidie jobcoach?", status=SubmittedQuestion.Status.AFGEWEZEN)

    assert gaps.refresh() == 4
    top = list(gaps.ranked())
    assert [(g.title, g.total) for g in top] == [
        ("Telt een uitzendkracht mee", 6),
        ("Subsidie jobcoach", 1),
        ("Telt een uitzendkracht mee voor het quotum?", 1),
        ("Uitzendkrachten tellen mee", 1),
    ]
    first = top[0]
    assert (first.zero_results, first.not_useful, first.questions) == (5, 1, 0)
    assert set(first.queries.values_list("text", "source", "count")) == {
        ("telt een uitzendkracht mee", GapQuery.Source.ZERO_RESULTS, 3),
        ("uitzendkracht telt mee", GapQuery.Source.ZERO_RESULTS, 2),
        ("telt een uitzendkracht mee?", GapQuery.Source.NOT_USEFUL, 1),
    }
    # Each query carries the day it was last typed (what the retention period prunes by).
    assert set(first.queries.values_list("last_seen", flat=True)) == {datetime.date.today()}
    # Running it again changes nothing.
    assert gaps.refresh() == 4
    assert GapQuery.objects.count() == 3 + 1 + 1 + 1


def test_searches_whose_results_get_no_click_are_a_gap_and_clicked_ones_are_not(site_tree):
    searched("loonkostenvoordeel aanvragen", 10, results=4, clicks=1)  # 10% clicked: a gap of 9
    searched("doelgroepregister", 5, results=3, clicks=3)  # clicked: fine
    gaps.refresh()
    [gap] = gaps.ranked()
    assert (gap.title, gap.no_clicks, gap.total) == ("Loonkostenvoordeel aanvragen", 9, 9)


def test_a_click_counts_only_for_a_query_searched_today(site_tree):
    record_click("nooit gezocht")
    assert not SearchDay.objects.exists()


def test_a_gap_with_no_signals_left_disappears_and_a_dismissed_one_stays_dismissed(site_tree):
    searched("quotum gemeenten", 2)
    gaps.refresh()
    gap = ContentGap.objects.get()
    gap.status = ContentGap.Status.DISMISSED
    gap.save()
    searched("quotum gemeenten", 1)
    gaps.refresh()
    gap.refresh_from_db()
    assert (gap.status, gap.total) == (ContentGap.Status.DISMISSED, 3)
    assert list(gaps.ranked()) == []
    SearchDay.objects.all().delete()
    searched("iets anders", 1)
    gaps.refresh()
    assert [g.title for g in gaps.ranked()] == ["Iets anders"]


def test_a_gap_becomes_a_draft_question_and_once_published_its_queries_find_it(
    client, site_tree, redacteur, eindredacteur, clean_index
):
    searched("werkgeversservicepunt bellen", 4)
    searched("bellen werkgeversservicepunt", 2)
    gaps.refresh()
    gap = ContentGap.objects.get()

    client.force_login(redacteur)
    report = client.get("/admin/reports/kennisgaten/").content.decode()
    assert "Werkgeversservicepunt bellen" in report and f"/admin/reports/kennisgaten/{gap.pk}/" in report
    assert "Werkgeversservicepunt bellen" in client.get("/admin/").content.decode()  # on the dashboard
    detail = client.get(f"/admin/reports/kennisgaten/{gap.pk}/").content.decode()
    assert "bellen werkgeversservicepunt" in detail and "Maak conceptvraag" in detail

    response = client.post(f"/admin/reports/kennisgaten/{gap.pk}/", {"actie": "concept"})
    draft = QuestionPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{draft.pk}/edit/"
    assert (draft.title, draft.live, draft.get_parent().pk) == (
        "Werkgeversservicepunt bellen",
        False,
        site_tree["vragen"].pk,
    )
    gap.refresh_from_db()
    assert (gap.status, gap.page_id) == (ContentGap.Status.DRAFT, draft.pk)
    editor = client.get(response["Location"]).content.decode()
    assert "Deze vraag is gemaakt voor een kennisgat" in editor and "bellen werkgeversservicepunt" in editor
    # A second click does not make a second draft.
    client.post(f"/admin/reports/kennisgaten/{gap.pk}/", {"actie": "concept"})
    assert QuestionPage.objects.count() == 1

    # Not found yet: a draft is not in the search.
    assert all(r.url != draft.url for r in search("werkgeversservicepunt bellen", log=False).results)

    # The Redacteur writes the answer; the Eindredacteur approves it through the workflow.
    draft.kort_antwoord = (
        "Bel het werkgeversservicepunt in uw regio; het helpt bij vacatures voor de doelgroep."
    )
    draft.samenvatting = "Wanneer u het werkgeversservicepunt belt en wat het voor u doet."
    draft.body = [("paragraph", RichText("<p>Het werkgeversservicepunt bemiddelt kandidaten.</p>"))]
    from knowledge.models import PageSource
    from tests.factories import BronFactory

    PageSource.objects.create(page=draft, bron=BronFactory())
    draft.save_revision(user=redacteur)
    state = draft.get_workflow().start(draft, redacteur)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, eindredacteur, "approve")
    draft.refresh_from_db()
    assert draft.live
    gap.refresh_from_db()
    assert gap.status == ContentGap.Status.PUBLISHED and gap.published_at
    for query in gap.queries.all():
        urls = [
            r.url for r in [*search(query.text, log=False).promotions, *search(query.text, log=False).results]
        ]
        assert draft.url in urls[:3], query.text

    # A converted gap keeps the queries it was written for.
    searched("bellen werkgeversservicepunt", 5)
    gaps.refresh()
    assert gap.queries.get(text="bellen werkgeversservicepunt").count == 2


def test_dismissing_and_reopening_a_gap(client, site_tree, redacteur):
    searched("parkeerplaats kantoor", 1)
    gaps.refresh()
    gap = ContentGap.objects.get()
    client.force_login(redacteur)
    client.post(f"/admin/reports/kennisgaten/{gap.pk}/", {"actie": "afwijzen"})
    gap.refresh_from_db()
    assert gap.status == ContentGap.Status.DISMISSED
    assert (
        f"/admin/reports/kennisgaten/{gap.pk}/"
        not in client.get("/admin/reports/kennisgaten/").content.decode()
    )
    response = client.post(
        f"/admin/reports/kennisgaten/{gap.pk}/", {"actie": "concept"}
    )  # not open: no draft
    assert response.status_code == 302 and not QuestionPage.objects.exists()
    client.post(f"/admin/reports/kennisgaten/{gap.pk}/", {"actie": "heropenen"})
    gap.refresh_from_db()
    assert gap.status == ContentGap.Status.OPEN
    assert client.get("/admin/reports/kennisgaten/999999/").status_code == 404


def test_a_comment_with_a_nee_becomes_a_gap_and_too_long_a_comment_is_a_clear_400(client, site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    html = client.get(page.url).content.decode()
    assert 'name="opmerking"' in html and "Vul geen persoonsgegevens in" in html
    response = client.post(
        "/reactie/", {"page": page.pk, "nuttig": "nee", "opmerking": "Hoe vraag ik een jobcoach aan?"}
    )
    assert response.status_code == 302
    assert PageFeedback.objects.get().opmerking == "Hoe vraag ik een jobcoach aan?"
    gaps.refresh()
    assert ContentGap.objects.get().not_useful == 1
    response = client.post("/reactie/", {"page": page.pk, "nuttig": "nee", "opmerking": "x" * 301})
    assert response.status_code == 400 and "te lang" in response.content.decode()
    assert PageFeedback.objects.count() == 1


PERSONAL = "mail piet.jansen@example.org of bel 06-12345678, bsn 123456789, iban NL91ABNA0417164300"


def _stored_texts():
    """Every text value in the editorial tables and the page feedback comments."""
    values = []
    for model in [*apps.get_app_config("editorial").get_models(), PageFeedback]:
        for obj in model.objects.all():
            for field in obj._meta.concrete_fields:
                value = getattr(obj, field.attname)
                if isinstance(value, str | dict | list):
                    values.append(str(value))
    return values


def test_no_personal_data_typed_into_search_comment_or_question_is_stored(client, site_tree, clean_index):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    client.get("/zoeken/", {"q": "jobcoach " + PERSONAL})
    client.post("/reactie/", {"page": page.pk, "nuttig": "nee", "opmerking": "jobcoach " + PERSONAL})
    SubmittedQuestion.objects.create(vraag="Jobcoach? " + PERSONAL, email="piet.jansen@example.org")
    gaps.refresh()
    assert ContentGap.objects.exists() and SearchDay.objects.exists()
    texts = _stored_texts()
    assert texts
    for text in texts:
        assert "@" not in text and "example.org" not in text, text
        assert not re.search(r"\d{5,}", text), text
        assert "12345678" not in text.replace(" ", "").replace("-", ""), text
        assert "abna" not in text.lower(), text
