"""Review dates that fall due: intervals, the report, the dashboard panel, the visitor's note,
the weekly digest and its place in the scheduler."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from editorial import digest, jobs, review
from editorial.models import JobRun, ReviewFlag, RuleChange
from tests.conftest import TODAY
from tests.factories import ArticlePageFactory, PracticeExamplePageFactory, QuestionPageFactory, ThemaFactory
from tests.otp import verified_login

pytestmark = pytest.mark.django_db
YEAR_AGO = TODAY - datetime.timedelta(days=400)


def test_intervals_per_type_shorter_for_rule_themas_and_the_editor_decides_last(site_tree):
    article = ArticlePageFactory(parent=site_tree["kennisbank"])
    example = PracticeExamplePageFactory(parent=site_tree["praktijkvoorbeelden"])
    rules_article = ArticlePageFactory(parent=site_tree["kennisbank"])
    rules_article.thema.add(ThemaFactory(slug="banen-en-quotum"))
    rules_article.save()
    assert [review.interval(p) for p in (article, example, rules_article)] == [12, 24, 6]
    example.controle_interval = 3
    assert review.interval(example) == 3
    assert review.due_date(example) == datetime.date(2027, 2, 24)


def test_add_months_keeps_to_the_end_of_short_months():
    assert review.add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert review.add_months(datetime.date(2026, 11, 24), 14) == datetime.date(2028, 1, 24)


@pytest.fixture
def due_and_fresh(site_tree):
    return {
        "due": ArticlePageFactory(
            parent=site_tree["kennisbank"], title="Oud artikel", laatst_gecontroleerd=YEAR_AGO
        ),
        "fresh": QuestionPageFactory(
            parent=site_tree["vragen"], title="Verse vraag", laatst_gecontroleerd=TODAY
        ),
        "draft": ArticlePageFactory(
            parent=site_tree["kennisbank"], title="Oud concept", laatst_gecontroleerd=YEAR_AGO, live=False
        ),
        "soon": PracticeExamplePageFactory(
            parent=site_tree["praktijkvoorbeelden"],
            title="Bijna aan de beurt",
            laatst_gecontroleerd=review.add_months(TODAY, -24) + datetime.timedelta(days=5),
        ),
    }


def test_due_pages_are_the_live_pages_past_their_date(due_and_fresh):
    assert [item.page for item in review.due_pages(TODAY)] == [due_and_fresh["due"]]
    assert [item.page for item in review.due_pages(TODAY, within_days=14)] == [
        due_and_fresh["due"],
        due_and_fresh["soon"],
    ]


def test_the_report_and_the_dashboard_show_the_pages_due(client, due_and_fresh, redacteur, eindredacteur):
    for user in (redacteur, eindredacteur):
        verified_login(client, user)  # an Eindredacteur needs the second factor
        report = client.get("/admin/reports/controle-verlopen/").content.decode()
        assert "Oud artikel" in report and "Verse vraag" not in report and "Oud concept" not in report
        home = client.get("/admin/").content.decode()
        assert "Redactie: wat vraagt aandacht" in home
        assert "Oud artikel" in home


def test_no_dashboard_panel_for_other_admin_users(client, due_and_fresh, make_user):
    from django.contrib.auth.models import Permission

    user = make_user("kijker")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "Redactie: wat vraagt aandacht" not in client.get("/admin/").content.decode()


def test_the_page_editor_says_when_the_page_is_due_and_what_changed(client, due_and_fresh, redacteur):
    page = due_and_fresh["due"]
    change = RuleChange.objects.create(
        path="parameters/quotum/heffing_per_baan.yaml",
        parameter="quotum.heffing_per_baan",
        kind=RuleChange.Kind.ADDED,
        old="5.000 euro",
        new="6.000 euro",
        takes_effect=datetime.date(2027, 1, 1),
    )
    ReviewFlag.objects.create(page=page, change=change, cited_as="bron wfsv-38h")
    client.force_login(redacteur)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Volgende controle" in html
    assert "5.000 euro → 6.000 euro" in html and "1 januari 2027" in html


def test_visitors_see_a_neutral_note_on_pages_due_or_flagged(client, site_tree):
    today = datetime.date.today()
    old = ArticlePageFactory(
        parent=site_tree["kennisbank"], slug="oud", laatst_gecontroleerd=today.replace(year=today.year - 2)
    )
    fresh = ArticlePageFactory(parent=site_tree["kennisbank"], slug="vers", laatst_gecontroleerd=today)
    flagged = QuestionPageFactory(parent=site_tree["vragen"], slug="gemarkeerd", laatst_gecontroleerd=today)
    change = RuleChange.objects.create(path="x.yaml", parameter="x", kind=RuleChange.Kind.FILE)
    ReviewFlag.objects.create(page=flagged, change=change, cited_as="parameterblok")
    note = "Deze pagina wordt gecontroleerd."
    assert note in client.get(old.url).content.decode()
    assert note in client.get(flagged.url).content.decode()
    assert note not in client.get(fresh.url).content.decode()


def test_with_the_fragment_cache_a_new_or_resolved_flag_shows_on_the_next_request(
    client, site_tree, settings
):
    from django.utils import timezone

    settings.PORTAL_FRAGMENT_CACHE = True
    settings.PORTAL_PAGE_CACHE = False
    page = ArticlePageFactory(
        parent=site_tree["kennisbank"], slug="later", laatst_gecontroleerd=datetime.date.today()
    )
    note = "Deze pagina wordt gecontroleerd."
    assert note not in client.get(page.url).content.decode()
    change = RuleChange.objects.create(path="x.yaml", parameter="x", kind=RuleChange.Kind.FILE)
    flag = ReviewFlag.objects.create(page=page, change=change, cited_as="parameterblok")
    assert note in client.get(page.url).content.decode()
    flag.resolved_at = timezone.now()
    flag.save()
    assert note not in client.get(page.url).content.decode()


def test_the_digest_lists_the_pages_due_and_goes_to_the_eindredacteuren(
    due_and_fresh, eindredacteur, redacteur
):
    assert digest.send(TODAY) == 1
    [message] = mail.outbox
    assert message.to == [eindredacteur.email]
    assert "1 controles verlopen" in message.subject
    assert "Oud artikel" in message.body and "Bijna aan de beurt" in message.body
    assert "Verse vraag" not in message.body and "Oud concept" not in message.body
    assert f"/admin/pages/{due_and_fresh['due'].pk}/edit/" in message.body


def test_the_digest_goes_out_once_a_week_on_monday_morning(due_and_fresh, eindredacteur):
    tz = datetime.UTC
    only_digest = {"digest": jobs.JOBS["digest"]}
    monday = datetime.datetime(2026, 11, 30, 9, 0, tzinfo=tz)
    assert jobs.run_due(monday, only_digest) == ["digest"]
    assert jobs.run_due(monday + datetime.timedelta(days=2), only_digest) == []
    assert jobs.run_due(monday + datetime.timedelta(days=7, hours=-3), only_digest) == []  # Monday, too early
    assert jobs.run_due(monday + datetime.timedelta(days=7), only_digest) == ["digest"]
    assert len(mail.outbox) == 2
    assert JobRun.objects.get(name="digest").last_run == monday + datetime.timedelta(days=7)


def test_the_scheduler_runs_the_editorial_jobs(due_and_fresh, eindredacteur, rules_dir):
    call_command("run_scheduler", "--once")
    assert "regelwijzigingen" in JobRun.objects.values_list("name", flat=True)
