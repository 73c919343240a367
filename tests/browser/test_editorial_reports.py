"""The editorial reports in the admin, as an editor uses them: axe finds no violations, and a
kennisgat becomes a draft question in a few clicks. Also the visitor's side: the review note and
the feedback comment."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import Page, expect
from wagtail.models import GroupPagePermission

from editorial.models import ContentGap, GapMeasurement, GapQuery, ReviewFlag, RuleChange
from editorial.search_log import gap_key, record_search
from knowledge.models import QuestionPage
from tests.browser.conftest import axe_violations
from tests.factories import ArticlePageFactory, QuestionPageFactory, build_site_tree

PASSWORD = "wachtwoord-123-lang"


def build_editorial_demo(django_user_model):
    tree = build_site_tree()
    today = datetime.date.today()
    old = ArticlePageFactory(
        parent=tree["kennisbank"],
        title="De quotumheffing",
        slug="quotumheffing",
        laatst_gecontroleerd=today.replace(year=today.year - 2),
    )
    change = RuleChange.objects.create(
        path="parameters/quotum/heffing_per_baan.yaml",
        parameter="quotum.heffing_per_baan",
        kind=RuleChange.Kind.ADDED,
        old="5.000 euro",
        new="6.000 euro",
        takes_effect=datetime.date(2027, 1, 1),
    )
    ReviewFlag.objects.create(page=old, change=change, cited_as="kennisartikel van de regel")
    for _ in range(3):
        record_search("jobcoach aanvragen", 0)
    from editorial import gaps

    gaps.refresh()
    answered = QuestionPageFactory(parent=tree["vragen"], title="Wat kost een jobcoach?")
    closed = ContentGap.objects.create(
        key=gap_key("jobcoach kosten"),
        title="Jobcoach kosten",
        status=ContentGap.Status.PUBLISHED,
        page=answered,
        published_at=timezone.now() - datetime.timedelta(days=40),
    )
    GapQuery.objects.create(gap=closed, text="jobcoach kosten", source=GapQuery.Source.ZERO_RESULTS, count=4)
    GapMeasurement.objects.create(
        gap=closed, queries=1, in_top3=1, searches_before=8, zero_before=6, searches_after=5
    )
    # A transactional test flushes what the migrations made: the Redacteur role again, as there.
    group, _ = Group.objects.get_or_create(name="Redacteur")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=tree["root"], permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("redacteur", "redacteur@example.org", PASSWORD)
    user.groups.add(group)
    return old


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.get_by_text("Redactie: wat vraagt aandacht")).to_be_visible()


REPORTS = [
    "/admin/reports/regelwijzigingen/",
    "/admin/reports/controle-verlopen/",
    "/admin/reports/regels/",
    "/admin/reports/regels/quotum.heffing_per_baan/",
    "/admin/reports/kennisgaten/",
    "/admin/reports/gesloten-kennisgaten/",
]


@pytest.mark.django_db(transaction=True)
def test_the_editorial_reports_have_no_axe_violations(live_server, page: Page, django_user_model):
    build_editorial_demo(django_user_model)
    log_in(page, live_server.url)
    # Wagtail's own dashboard has two unnamed search forms (the sidebar's and the page search):
    # axe's landmark-unique. Everything else on it, the editorial panel included, must be clean.
    dashboard = [v for v in axe_violations(page) if v[0] != "landmark-unique"]
    assert dashboard == [], "dashboard"
    for path in REPORTS:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path
    gap = ContentGap.objects.get(status=ContentGap.Status.OPEN)
    page.goto(live_server.url + f"/admin/reports/kennisgaten/{gap.pk}/")
    assert axe_violations(page) == []


@pytest.mark.django_db(transaction=True)
def test_an_editor_turns_the_top_gap_into_a_draft_from_the_dashboard(
    live_server, page: Page, django_user_model
):
    build_editorial_demo(django_user_model)
    log_in(page, live_server.url)
    page.get_by_role("link", name="Jobcoach aanvragen").click()
    expect(page.get_by_text("jobcoach aanvragen", exact=True)).to_be_visible()
    page.get_by_role("button", name="Maak conceptvraag").click()
    expect(page.get_by_text("Conceptvraag 'Jobcoach aanvragen' gemaakt")).to_be_visible()
    draft = QuestionPage.objects.get(title="Jobcoach aanvragen")
    assert page.url.endswith(f"/admin/pages/{draft.pk}/edit/") and not draft.live


@pytest.mark.django_db(transaction=True)
def test_the_review_note_and_the_feedback_comment_have_no_axe_violations(
    live_server, page: Page, django_user_model
):
    old = build_editorial_demo(django_user_model)
    page.goto(live_server.url + old.url)
    expect(page.get_by_text("Deze pagina wordt gecontroleerd.")).to_be_visible()
    page.get_by_text("Iets toevoegen? (niet verplicht)").click()
    page.get_by_label("Wat zocht u, of wat miste u op deze pagina?").fill("Hoe hoog is de heffing in 2027?")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Nee").click()
    expect(page.get_by_text("Bedankt voor uw reactie")).to_be_visible()
