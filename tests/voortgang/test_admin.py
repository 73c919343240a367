"""An editor adds a meting in the admin: it reaches /voortgang/ only once it is published, and a
Redacteur's meting goes through the Eindredacteur's review first."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import BronFactory
from tests.otp import verified_login
from voortgang.models import Meting

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/voortgang/meting/add/"


@pytest.fixture
def users(django_user_model):
    def make(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "wachtwoord-123")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {"redacteur": make("reda", "Redacteur"), "eindredacteur": make("eindreda", "Eindredacteur")}


def form(bron, **extra):
    return {
        "slug": "rijk-2024",
        "sector": "rijk",
        "jaar": "2024",
        "kwartaal": "",
        "peilmoment": "eind 2024",
        "doel": "5300",
        "gerealiseerd": "4321",
        "bron": str(bron.pk),
        "bron_vermelding": "",
        "vindplaats": "tabel 1",
        "bron_datum": "",
        "toelichting": "Nieuwe monitor.",
        **extra,
    }


def test_a_meting_saved_as_draft_is_not_shown_and_appears_once_published(client, users):
    bron = BronFactory(titel="Monitor banenafspraak Rijk 2024")
    verified_login(client, users["eindredacteur"])  # second factor
    response = client.post(ADD, form(bron))
    assert response.status_code == 302, response.content.decode()[:2000]
    meting = Meting.objects.get(slug="rijk-2024")
    assert not meting.live
    assert "4.321" not in client.get("/voortgang/").content.decode()

    edit = f"/admin/snippets/voortgang/meting/edit/{meting.pk}/"
    assert client.post(edit, form(bron, **{"action-publish": "action-publish"})).status_code == 302
    meting.refresh_from_db()
    assert meting.live and meting.revisions.count() == 2
    page = client.get("/voortgang/").content.decode()
    assert "4.321" in page and "Monitor banenafspraak Rijk 2024" in page and "tabel 1" in page


def test_the_admin_refuses_a_meting_without_figure_or_source(client, users):
    verified_login(client, users["eindredacteur"])  # second factor
    data = {**form(BronFactory(), doel="", gerealiseerd=""), "bron": ""}
    response = client.post(ADD, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vul het doel, het aantal gerealiseerde banen of allebei in." in html
    assert "Kies een bron of noem de bron als tekst." in html
    assert not Meting.objects.exists()


def test_a_redacteur_cannot_publish_but_submits_for_review(client, users):
    bron = BronFactory()
    client.force_login(users["redacteur"])
    html = client.get(ADD).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html
    response = client.post(ADD, form(bron, **{"action-submit": "action-submit"}))
    assert response.status_code == 302
    meting = Meting.objects.get(slug="rijk-2024")
    state = meting.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert not meting.live
    assert "4.321" not in client.get("/voortgang/").content.decode()

    # The Eindredacteur approves: the meting goes live.
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, users["eindredacteur"], "approve")
    meting.refresh_from_db()
    assert meting.live
    assert "4.321" in client.get("/voortgang/").content.decode()


def test_metingen_are_in_the_review_workflow_with_locking():
    meting = Meting(slug="x", sector="rijk", jaar=2022, doel=1, bron_vermelding="Monitor")
    assert meting.get_workflow().name == "Redactionele review"
    perms = set(Group.objects.get(name="Eindredacteur").permissions.values_list("codename", flat=True))
    assert {"add_meting", "change_meting", "publish_meting", "lock_meting", "unlock_meting"} <= perms
    perms = set(Group.objects.get(name="Redacteur").permissions.values_list("codename", flat=True))
    assert {"add_meting", "change_meting"} <= perms and "publish_meting" not in perms
