"""Asking a question: validation, similar questions, confirmation, spam and abuse, privacy."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache

from knowledge.submissions import SubmittedQuestion
from tests.factories import QuestionPageFactory

pytestmark = pytest.mark.django_db
URL = "/vragen/stel-een-vraag/"
VRAAG = "Telt een gedetacheerde medewerker van het SW-bedrijf mee voor ons quotum?"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def send(client, **data):
    payload = {"vraag": VRAAG, "context": "", "email": "", "bevestigd": "on", **data}
    return client.post(URL, {k: v for k, v in payload.items() if v is not None})


def test_the_form_renders_with_privacy_notice(client, site_tree):
    html = client.get(URL).content.decode()
    assert 'name="vraag"' in html and 'name="email"' in html
    assert "wissen het zodra uw vraag is afgehandeld" in html
    assert "csrfmiddlewaretoken" in html


def test_the_email_field_points_at_the_privacy_statement(client, site_tree):
    html = client.get(URL).content.decode()
    assert 'aria-describedby="id_email-desc privacy"' in html
    notice = html[html.index('id="privacy"') :].split("</p>", 1)[0]
    assert '<a class="nl-link" href="/privacy/">privacyverklaring</a>' in notice


def test_first_step_shows_similar_questions_and_stores_nothing(client, site_tree):
    QuestionPageFactory(parent=site_tree["vragen"], title="Telt een gedetacheerde medewerker mee?")
    response = send(client, bevestigd=None)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lijkt uw vraag op een van deze?" in html
    assert 'name="bevestigd" value="on"' in html
    assert VRAAG in html
    assert SubmittedQuestion.objects.count() == 0


def test_confirmed_question_is_stored_and_announced_to_eindredacteuren(client, site_tree, django_user_model):
    editor = django_user_model.objects.create_user("er", "eindredactie@example.org", "x")
    editor.groups.add(Group.objects.get(name="Eindredacteur"))
    response = send(client, email="hr@gemeente.nl", context="Gemeente, 300 medewerkers")
    assert response.status_code == 302
    assert response["Location"].endswith("?verzonden=1")
    stored = SubmittedQuestion.objects.get()
    assert (stored.vraag, stored.email, stored.status) == (VRAAG, "hr@gemeente.nl", "nieuw")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["eindredactie@example.org"]
    assert VRAAG in mail.outbox[0].body
    assert "Bedankt, uw vraag is verstuurd" in client.get(response["Location"]).content.decode()


def test_the_same_question_twice_is_stored_once(client, site_tree):
    send(client)
    send(client)
    assert SubmittedQuestion.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"vraag": ""}, "Vul uw vraag in."),
        ({"vraag": "kort"}, "Uw vraag is te kort"),
        ({"vraag": "x" * 100_000}, "Uw vraag is te lang"),
        ({"context": "y" * 100_000}, "De toelichting is te lang"),
        ({"email": "geen-adres"}, "Vul een geldig e-mailadres in"),
        ({"vraag": "Telt dit mee\x00 voor het quotum?"}, "Null-tekens zijn niet toegestaan."),
    ],
)
def test_invalid_input_gives_clear_errors_keeps_the_text_and_stores_nothing(client, site_tree, data, message):
    response = send(client, **data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Controleer het formulier" in html
    assert message in html
    assert 'href="#id_' in html  # the error summary links to the field
    if data.get("context"):
        assert "y" * 1000 in html  # nothing the visitor typed is lost
    assert SubmittedQuestion.objects.count() == 0


def test_html_and_script_are_stored_as_text_and_escaped_on_display(client, site_tree):
    hostile = '<script>alert("x")</script> Telt <b>dit</b> mee voor het quotum?'
    response = send(client, vraag=hostile, bevestigd=None)
    assert '<script>alert("x")</script>' not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()
    send(client, vraag=hostile)
    assert SubmittedQuestion.objects.get().vraag == hostile


def test_odd_unicode_is_kept_and_control_characters_dropped(client, site_tree):
    text = "Geldt de regel ook voor Zoë en Ĳsselmeer‐gemeenten 🙂? \u202e\x07"
    send(client, vraag=text)
    stored = SubmittedQuestion.objects.get().vraag
    assert "Zoë" in stored and "🙂" in stored
    assert "\x07" not in stored


def test_honeypot_pretends_success_and_stores_nothing(client, site_tree):
    response = send(client, website="http://spam.example")
    assert response.status_code == 302
    assert SubmittedQuestion.objects.count() == 0


def test_missing_csrf_token_is_refused(site_tree):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, {"vraag": VRAAG, "bevestigd": "on"})
    assert response.status_code == 403
    assert SubmittedQuestion.objects.count() == 0


def test_a_burst_of_posts_is_rate_limited_without_losing_the_text(client, site_tree, settings):
    settings.PORTAL_ASK_RATE_LIMIT = 3
    statuses = [send(client, vraag=f"{VRAAG} (variant {i})").status_code for i in range(6)]
    assert statuses[:3] == [302, 302, 302]
    assert set(statuses[3:]) == {429}
    limited = send(client, vraag=f"{VRAAG} (laatste)")
    assert "(laatste)" in limited.content.decode()
    assert SubmittedQuestion.objects.count() == 3


def test_closing_a_question_erases_the_email_address(db):
    question = SubmittedQuestion.objects.create(vraag=VRAAG, email="hr@gemeente.nl")
    question.status = SubmittedQuestion.Status.IN_BEHANDELING
    question.save()
    assert SubmittedQuestion.objects.get().email == "hr@gemeente.nl"
    question.status = SubmittedQuestion.Status.BEANTWOORD
    question.save()
    stored = SubmittedQuestion.objects.get()
    assert stored.email == "" and stored.afgesloten_op is not None
