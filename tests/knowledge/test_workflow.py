"""Editorial roles: a Redacteur cannot publish without an Eindredacteur's approval."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(django_user_model):
    def make(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "wachtwoord-123")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {"redacteur": make("reda", "Redacteur"), "eindredacteur": make("eindreda", "Eindredacteur")}


def test_groups_and_workflow_exist_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Redacteur", "Eindredacteur"}
    workflow = Workflow.objects.get(name="Redactionele review")
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Eindredacteur"]


def test_the_review_workflow_covers_the_whole_tree(site_tree):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    assert page.get_workflow().name == "Redactionele review"


def test_redacteur_can_edit_but_not_publish(site_tree, users):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    perms = page.permissions_for_user(users["redacteur"])
    assert perms.can_edit()
    assert not perms.can_publish()
    assert not perms.can_unpublish()


def test_eindredacteur_can_publish(site_tree, users):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    assert page.permissions_for_user(users["eindredacteur"]).can_publish()


def test_publishing_by_a_redacteur_goes_through_review(client, site_tree, users):
    page = ArticlePageFactory(parent=site_tree["kennisbank"], title="Oude titel")
    client.force_login(users["redacteur"])
    edit_url = f"/admin/pages/{page.pk}/edit/"
    response = client.get(edit_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    # Trying to publish anyway does not publish.
    page.refresh_from_db()
    revision = page.save_revision(user=users["redacteur"])
    workflow = page.get_workflow()
    state = workflow.start(page, users["redacteur"])
    assert state.status == "in_progress"
    page.refresh_from_db()
    assert page.live_revision_id != revision.pk

    # The Eindredacteur approves: the revision goes live.
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, users["eindredacteur"], "approve")
    page.refresh_from_db()
    assert page.live_revision_id == revision.pk


def test_redacteur_cannot_approve(site_tree, users):
    page = ArticlePageFactory(parent=site_tree["kennisbank"])
    page.save_revision(user=users["redacteur"])
    state = page.get_workflow().start(page, users["redacteur"])
    task = state.current_task_state.task.specific
    assert task.get_actions(page, users["redacteur"]) == []
    assert [a[0] for a in task.get_actions(page, users["eindredacteur"])][:1] == ["reject"] or "approve" in [
        a[0] for a in task.get_actions(page, users["eindredacteur"])
    ]


def test_scheduled_publishing_puts_a_page_live_at_its_time(site_tree):
    import datetime
    from unittest import mock

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Revision

    page = ArticlePageFactory(parent=site_tree["kennisbank"], live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live and Revision.objects.get(pk=revision.pk).approved_go_live_at is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet

    two_hours_later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=two_hours_later):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_the_scheduler_command_runs_one_round(site_tree):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    page = ArticlePageFactory(parent=site_tree["kennisbank"], live=False)
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.save_revision()
    type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=page.go_live_at)
    call_command("run_scheduler", "--once")
    page.refresh_from_db()
    assert page.live
