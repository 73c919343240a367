"""The editor's path for a submitted question: answer the asker by e-mail, turn the question into
a draft Q&A, who sees addresses, which groups exist, and where notification links point."""

import smtplib

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache

from knowledge.models import QuestionPage
from knowledge.submissions import SubmittedQuestion, draft_title
from tests.otp import verified_login

pytestmark = pytest.mark.django_db
BASE = "/admin/snippets/knowledge/submittedquestion/"
ADDRESS = "hr@gemeente.example"
ANTWOORD = "Ja, een stagiair telt niet mee; zie de vragenbank voor de voorwaarden."


@pytest.fixture
def user_in(django_user_model):
    def make(group):
        user = django_user_model.objects.create_user(group.lower(), f"{group}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def question(db):
    return SubmittedQuestion.objects.create(vraag="Telt een stagiair mee voor het quotum?", email=ADDRESS)


def reply(client, question, text=ANTWOORD, status="beantwoord"):
    return client.post(f"{BASE}reply/{question.pk}/", {"antwoord": text, "status": status})


def test_an_eindredacteur_replies_then_the_address_is_erased(client, user_in, question, site_tree, settings):
    settings.PORTAL_BASE_URL = "https://kennisportaal.example"
    verified_login(client, user_in("Eindredacteur"))
    form = client.get(f"{BASE}reply/{question.pk}/")
    assert form.status_code == 200 and ADDRESS in form.content.decode()
    response = reply(client, question)
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ADDRESS]
    assert ANTWOORD in mail.outbox[0].body and question.vraag in mail.outbox[0].body
    assert "https://kennisportaal.example/vragen/stel-een-vraag/" in mail.outbox[0].body
    question.refresh_from_db()
    assert (question.status, question.email, question.antwoord) == ("beantwoord", "", ANTWOORD)
    assert question.beantwoord_op is not None
    # The reply shows on the question; the reply form is gone (no one left to answer).
    assert ANTWOORD in client.get(f"{BASE}edit/{question.pk}/").content.decode()
    assert client.get(f"{BASE}reply/{question.pk}/").status_code == 302


def test_a_failed_send_keeps_the_address_and_shows_an_error(client, user_in, question, monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("connection closed")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    verified_login(client, user_in("Eindredacteur"))
    response = reply(client, question)
    assert response.status_code == 200
    html = response.content.decode()
    assert "kon niet worden verstuurd" in html and ANTWOORD in html
    question.refresh_from_db()
    assert (question.status, question.email, question.antwoord) == ("nieuw", ADDRESS, "")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Schrijf het antwoord."),
        ("kort", "te kort"),
        ("x" * (SubmittedQuestion.MAX_ANTWOORD + 1), "te lang"),
        ("\x01\x02\x03" * 20, "te kort"),
    ],
)
def test_bad_or_huge_replies_give_a_form_error_and_send_nothing(client, user_in, question, text, message):
    verified_login(client, user_in("Eindredacteur"))
    response = reply(client, question, text)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert mail.outbox == []
    question.refresh_from_db()
    assert question.email == ADDRESS


def test_a_redacteur_may_not_reply(client, user_in, question):
    client.force_login(user_in("Redacteur"))
    response = reply(client, question)
    assert response.status_code in (302, 403)
    assert mail.outbox == []
    question.refresh_from_db()
    assert question.email == ADDRESS


def test_a_question_becomes_a_draft_qa_in_one_action(client, user_in, question, site_tree):
    client.force_login(user_in("Redacteur"))
    response = client.post(f"{BASE}draft/{question.pk}/")
    page = QuestionPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.title == "Telt een stagiair mee voor het quotum?" and not page.live
    question.refresh_from_db()
    assert question.antwoord_pagina_id == page.pk and question.status == "in_behandeling"
    # A second click does not make a second draft.
    client.post(f"{BASE}draft/{question.pk}/")
    assert QuestionPage.objects.count() == 1


@pytest.mark.parametrize(
    "vraag, title",
    [
        ("telt een stagiair mee?", "Telt een stagiair mee?"),
        # the question the visitor asks, not the context around it or the address after it
        (
            "Wij zijn een gemeente met 800 fte.  Telt een stagiair mee? Mail me op hr@gemeente.example.",
            "Telt een stagiair mee?",
        ),
        ("Mijn vraag over jobcoaches, bel 0612345678", "Mijn vraag over jobcoaches, bel"),
        ("hr@gemeente.example", "Nieuwe vraag"),
    ],
)
def test_a_draft_title_is_the_visitors_question_without_personal_data(vraag, title):
    assert draft_title(vraag) == title


def test_a_draft_title_fits_the_title_field():
    title = draft_title("waarom " + "heel " * 60 + "lang? Kort?")
    assert title.startswith("Waarom heel heel") and title.endswith("heel…") and len(title) <= 255


def test_only_eindredacteuren_see_the_askers_address(client, user_in, question):
    client.force_login(user_in("Redacteur"))
    for url in (BASE, f"{BASE}edit/{question.pk}/", f"{BASE}?export=csv", f"{BASE}?export=xlsx"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert ADDRESS.encode() not in body, url
    verified_login(client, user_in("Eindredacteur"))
    assert ADDRESS in client.get(f"{BASE}edit/{question.pk}/").content.decode()


def test_only_the_portals_own_groups_exist_after_migrate(db):
    # The test database is built by migrate; load_initial_content makes no groups (too slow to run here).
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Redacteur", "Eindredacteur"} <= names
    assert not names & {"Moderators", "Editors"}


def test_notification_links_use_the_configured_public_url(client, settings, site_tree, user_in):
    cache.clear()  # the ask form is rate limited per address
    settings.WAGTAILADMIN_BASE_URL = "https://kennisportaal.example"
    user_in("Eindredacteur")
    client.post(
        "/vragen/stel-een-vraag/",
        {
            "vraag": "Telt een stagiair mee voor het quotum?",
            "context": "",
            "email": ADDRESS,
            "bevestigd": "on",
        },
    )
    assert mail.outbox, "no notification sent"
    body = mail.outbox[0].body
    assert "https://kennisportaal.example/admin/snippets/knowledge/submittedquestion/edit/" in body
    assert ":8000" not in body
