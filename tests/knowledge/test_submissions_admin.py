"""The queue of submitted questions in the admin: filters, and who may close a question."""

import pytest
from django.contrib.auth.models import Group

from knowledge.submissions import SubmittedQuestion
from tests.otp import verified_login

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/snippets/knowledge/submittedquestion/"


@pytest.fixture
def editor(django_user_model):
    def make(group):
        user = django_user_model.objects.create_user(group.lower(), f"{group}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def test_editors_see_the_queue_with_a_status_filter(client, editor):
    SubmittedQuestion.objects.create(vraag="Telt een stagiair mee voor het quotum?")
    SubmittedQuestion.objects.create(vraag="Wat is een FTA precies?", status="afgewezen")
    client.force_login(editor("Redacteur"))
    html = client.get(LIST_URL).content.decode()
    assert "Telt een stagiair mee" in html and "Wat is een FTA" in html
    filtered = client.get(LIST_URL + "?status=nieuw").content.decode()
    assert "Telt een stagiair mee" in filtered and "Wat is een FTA" not in filtered


def test_only_an_eindredacteur_may_close_a_question(editor):
    redacteur, eindredacteur = editor("Redacteur"), editor("Eindredacteur")
    assert redacteur.has_perm("knowledge.handle_submittedquestion")
    assert not redacteur.has_perm("knowledge.close_submittedquestion")
    assert eindredacteur.has_perm("knowledge.close_submittedquestion")


def test_the_edit_form_offers_closing_states_only_to_eindredacteuren(client, editor):
    question = SubmittedQuestion.objects.create(
        vraag="Telt een stagiair mee voor het quotum?", email="a@b.nl"
    )
    url = f"{LIST_URL}edit/{question.pk}/"
    client.force_login(editor("Redacteur"))
    html = client.get(url).content.decode()
    assert 'value="in_behandeling"' in html and 'value="beantwoord"' not in html
    response = client.post(url, {"status": "beantwoord", "notitie": ""})
    question.refresh_from_db()
    assert question.status == "nieuw" and question.email == "a@b.nl"
    assert response.status_code == 200  # the form comes back with an error

    verified_login(client, editor("Eindredacteur"))
    assert 'value="beantwoord"' in client.get(url).content.decode()
    client.post(url, {"status": "afgewezen", "notitie": "Valt buiten de banenafspraak"})
    question.refresh_from_db()
    assert question.status == "afgewezen" and question.email == ""


def test_visitors_cannot_reach_the_queue(client):
    response = client.get(LIST_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
