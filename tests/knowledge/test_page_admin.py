"""The editor's path through the page forms: the slug is always filled in, and a slug clash is a
message at the top of the form (or on the page list), never a 500."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages

from knowledge import models as km
from knowledge.forms import PortalPageForm
from tests.factories import BronFactory, QuestionPageFactory
from tests.knowledge.admin_forms import form_data
from tests.otp import verified_login

pytestmark = pytest.mark.django_db
JSON = {"Accept": "application/json"}


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("eindredacteur", "er@example.org", "x")
    verified_login(client, user)  # superusers pass the second factor first
    return user


def add_url(parent, model="questionpage"):
    return f"/admin/pages/add/knowledge/{model}/{parent.pk}/"


def question_form(client, parent, **fields):
    """The create form of a Q&A as the browser sends it, with one bron."""
    data = form_data(client.get(add_url(parent)).content.decode())
    data.update(
        {
            "title": "Telt een stagiair mee voor de banenafspraak?",
            "kort_antwoord": "Alleen als er loon wordt betaald.",
            "samenvatting": "Over stages.",
            "laatst_gecontroleerd": "2026-11-24",
            "body-count": "0",
            "page_sources-TOTAL_FORMS": "1",
            "page_sources-0-bron": str(BronFactory().pk),
            "page_sources-0-ORDER": "1",
            **fields,
        }
    )
    return data


def top_messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_question_title_fills_in_the_slug_as_it_is_typed(client, editor, site_tree):
    html = client.get(add_url(site_tree["vragen"])).content.decode()
    title = html[html.index('id="id_title"') - 400 : html.index('id="id_title"') + 400]
    assert "w-sync" in title  # Wagtail's title-to-slug sync, as on every other page type


def test_a_question_without_a_slug_publishes_with_one_made_from_the_title(client, editor, site_tree):
    response = client.post(
        add_url(site_tree["vragen"]),
        question_form(client, site_tree["vragen"], slug="", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    page = km.QuestionPage.objects.get()
    assert page.live and page.slug == "telt-een-stagiair-mee-voor-de-banenafspraak"


def test_an_empty_slug_next_to_a_sibling_with_the_same_title_gets_a_suffix(client, editor, site_tree):
    QuestionPageFactory(parent=site_tree["vragen"], slug="telt-een-stagiair-mee-voor-de-banenafspraak")
    response = client.post(add_url(site_tree["vragen"]), question_form(client, site_tree["vragen"], slug=""))
    assert response.status_code == 302
    assert km.QuestionPage.objects.filter(slug="telt-een-stagiair-mee-voor-de-banenafspraak-2").exists()


def test_autosave_of_a_new_question_works_without_a_slug(client, editor, site_tree):
    response = client.post(
        add_url(site_tree["vragen"]), question_form(client, site_tree["vragen"], slug=""), headers=JSON
    )
    assert response.status_code == 200 and response.json()["success"] is True
    assert km.QuestionPage.objects.get().slug == "telt-een-stagiair-mee-voor-de-banenafspraak"


def test_submitting_the_create_form_after_autosave_points_at_the_draft(client, editor, site_tree):
    parent = site_tree["vragen"]
    data = question_form(client, parent, slug="")
    assert client.post(add_url(parent), data, headers=JSON).json()["success"] is True
    draft = km.QuestionPage.objects.get()

    response = client.post(add_url(parent), {**data, "action-publish": "1"})
    assert response.status_code == 200  # the form again, not a 500 and not a second page
    assert km.QuestionPage.objects.count() == 1
    errors = response.context["form"].non_field_errors()
    assert any(f'href="/admin/pages/{draft.pk}/edit/"' in e and "automatisch" in e for e in errors)
    assert any("automatisch terwijl u typte" in m for m in top_messages(response)), top_messages(response)


def test_a_clash_with_another_page_is_named_at_the_top_of_the_form(client, editor, site_tree):
    QuestionPageFactory(parent=site_tree["vragen"], slug="stage")
    response = client.post(
        add_url(site_tree["vragen"]), question_form(client, site_tree["vragen"], slug="stage")
    )
    assert response.status_code == 200
    (message,) = [m for m in top_messages(response) if "stage" in m]
    assert "al in gebruik" in message and "Eigenschappen" in message


def autosave_meanwhile(parent):
    """Patch the form so that, once it has checked the slug, autosave creates the same page."""
    original = PortalPageForm._post_clean

    def meanwhile(form):
        original(form)
        if not km.QuestionPage.objects.filter(slug="stage").exists():
            QuestionPageFactory(parent=parent, slug="stage", title="Het concept van autosave")

    return mock.patch.object(PortalPageForm, "_post_clean", meanwhile)


def test_a_clash_that_arises_between_check_and_save_is_a_message_not_a_500(client, editor, site_tree):
    parent = site_tree["vragen"]
    data = question_form(client, parent, slug="stage", **{"action-publish": "1"})
    with autosave_meanwhile(parent):
        response = client.post(add_url(parent), data)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{parent.pk}/"
    assert any("kon niet worden opgeslagen" in m and "al in gebruik" in m for m in top_messages(response))
    assert km.QuestionPage.objects.count() == 1


def test_an_autosave_that_meets_such_a_clash_gets_a_json_error(client, editor, site_tree):
    parent = site_tree["vragen"]
    with autosave_meanwhile(parent):
        response = client.post(add_url(parent), question_form(client, parent, slug="stage"), headers=JSON)
    assert response.status_code == 400 and response.json()["error_code"] == "validation_error"
