"""The editor's path in Chromium, from a visitor's question to a published, answered Q&A, without
leaving the admin: an Eindredacteur opens the submitted question, turns it into a draft Q&A, writes
the answer (with a bron from the chooser), publishes it, answers the asker by e-mail with a link to
it (the address is then erased), and the visitor sees the Q&A on the public site.

Screenshots of each step go to ``var/screenshots/editor-path/`` (see test_responsive.py)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import Page, expect

from knowledge.models import QuestionPage
from knowledge.submissions import SubmittedQuestion
from tests.browser.conftest import axe_violations
from tests.browser.test_no_third_party_requests import log_in
from tests.browser.test_responsive import SCREENSHOTS
from tests.factories import BronFactory, build_site_tree

ADDRESS = "hr@gemeente.example"
VRAAG = "Telt een stagiair mee voor het quotum? Mail me op hr@gemeente.example."
KORT = "Nee: een stagiair zonder arbeidsovereenkomst telt niet mee voor het quotum."
ANTWOORD = "Een stagiair telt niet mee; in de vragenbank leest u waarom en wat wel meetelt."


def roles():
    """The Redacteur and Eindredacteur groups and the review workflow, as the migration makes them
    (a transactional test starts from an empty database)."""
    from wagtail.models import Collection

    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    migration = importlib.import_module("knowledge.migrations.0002_editorial_groups_and_workflow")
    migration.create_roles(apps, None)


@pytest.mark.django_db(transaction=True)
def test_an_eindredacteur_goes_from_a_visitors_question_to_a_published_answered_qa(
    live_server, page: Page, django_user_model, settings
):
    base = settings.PORTAL_BASE_URL = live_server.url
    build_site_tree()
    roles()
    BronFactory(titel="Wet banenafspraak en quotum arbeidsbeperkten", slug="wet-banenafspraak")
    submission = SubmittedQuestion.objects.create(vraag=VRAAG, email=ADDRESS)
    user = django_user_model.objects.create_user("eindredacteur", "eind@example.org", "x")
    user.groups.add(Group.objects.get(name="Eindredacteur"))
    log_in(page, base, user)
    folder = SCREENSHOTS / "editor-path"
    folder.mkdir(parents=True, exist_ok=True)

    def shot(name):
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

    # The queue, then the question: its "Behandelen" panel offers the reply and the draft.
    page.goto(base + "/admin/snippets/knowledge/submittedquestion/")
    page.get_by_role("link", name="Telt een stagiair mee").first.click()
    shot("1-vraag")
    page.get_by_role("button", name="Maak er een conceptvraag van").click()

    # The draft Q&A's editor: the title is the visitor's question, without the address after it.
    expect(page.get_by_text("Conceptvraag 'Telt een stagiair mee voor het quotum?' gemaakt")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Telt een stagiair mee voor het quotum?")
    page.locator("#id_kort_antwoord").fill(KORT)
    page.locator("#id_samenvatting").fill("Stagiairs en het quotum.")
    page.get_by_role("button", name="Kies bron").click()
    page.get_by_role("link", name="Wet banenafspraak en quotum arbeidsbeperkten").click()
    expect(page.locator("[data-chooser-title]").first).to_have_text(
        "Wet banenafspraak en quotum arbeidsbeperkten"
    )
    shot("2-concept")
    page.get_by_role("button", name="Meer acties").click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("is gepubliceerd")).to_be_visible()
    qa = QuestionPage.objects.get()
    assert qa.live and qa.kort_antwoord == KORT and qa.sources()[0].slug == "wet-banenafspraak"

    # Back to the question: answer the asker, with the published Q&A chosen for the link.
    page.goto(base + f"/admin/snippets/knowledge/submittedquestion/edit/{submission.pk}/")
    page.get_by_role("link", name="Antwoord sturen aan de vrager").click()
    expect(page.get_by_text(ADDRESS, exact=True)).to_be_visible()
    page.get_by_label("Antwoord aan de vrager").fill(ANTWOORD)
    expect(page.get_by_label("Verwijs naar een vraag in de vragenbank (niet verplicht)")).to_have_value(
        str(qa.pk)
    )
    shot("3-antwoord")
    assert [v for v in axe_violations(page) if v[0] != "landmark-unique"] == []
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Het antwoord is verstuurd en de vraag is afgesloten")).to_be_visible()
    shot("4-verstuurd")
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    assert ANTWOORD in mail.outbox[0].body and base + qa.url in mail.outbox[0].body
    submission.refresh_from_db()
    assert (submission.status, submission.email) == ("beantwoord", "")

    # The visitor's side: the answered Q&A is public.
    page.goto(base + qa.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(qa.title)
    expect(page.get_by_text(KORT)).to_be_visible()
    shot("5-publiek")
