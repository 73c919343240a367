"""The Bron chooser on a page: search by title or kenmerk, and a "Nieuwe bron" tab that creates and
chooses a source without leaving the page."""

import pytest
from django.contrib.auth.models import Group

from knowledge.snippets import Bron
from tests.factories import BronFactory

pytestmark = pytest.mark.django_db
CHOOSE = "/admin/snippets/choose/knowledge/bron/"
RESULTS = CHOOSE + "results/"
CREATE = CHOOSE + "create/"


@pytest.fixture
def redacteur(client, django_user_model):
    user = django_user_model.objects.create_user("redacteur", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Redacteur"))
    client.force_login(user)
    return user


@pytest.fixture
def bronnen(db):
    made = [
        BronFactory(titel="Wet financiering sociale verzekeringen", kenmerk="BWBR0017745", jaar=2026),
        BronFactory(
            titel="Kamerbrief tien jaar banenafspraak", kenmerk="Kamerstuk 34 352, nr. 250", jaar=2023
        ),
        BronFactory(titel="Werkagenda Banenafspraak Rijk", kenmerk="", jaar=2021),
    ]
    return made


def test_the_chooser_has_a_search_box_and_a_new_source_tab(client, redacteur, bronnen):
    html = client.get(CHOOSE).json()["html"]
    assert 'name="q"' in html
    assert "Nieuwe bron" in html and 'name="titel"' in html and 'name="url"' in html
    assert "Soort" in html and "Jaar" in html


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("kamerbrief", "Kamerbrief tien jaar banenafspraak"),
        ("BWBR0017745", "Wet financiering sociale verzekeringen"),
        ("34 352", "Kamerbrief tien jaar banenafspraak"),
        ("banenafspraak TIEN", "Kamerbrief tien jaar banenafspraak"),  # every word, any order or case
        ("financ", "Wet financiering sociale verzekeringen"),  # part of a word, as an editor types
    ],
)
def test_the_chooser_finds_a_source_by_title_or_kenmerk(client, redacteur, bronnen, query, found):
    html = client.get(RESULTS, {"q": query}).content.decode()
    assert found in html
    assert "Werkagenda" not in html


def test_words_must_all_match(client, redacteur, bronnen):
    html = client.get(RESULTS, {"q": "banenafspraak werkagenda"}).content.decode()
    assert "Werkagenda Banenafspraak Rijk" in html and "Kamerbrief" not in html


def test_a_hostile_or_huge_search_is_answered_calmly(client, redacteur, bronnen):
    for query in ("<script>alert(1)</script>", "a" * 5000, '"((', "\x00"):
        response = client.get(RESULTS, {"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_new_source_made_in_the_chooser_is_saved_with_a_slug_and_chosen(client, redacteur, bronnen):
    response = client.post(
        CREATE,
        {
            "titel": "Wet banenafspraak en quotum",
            "soort": "wet",
            "jaar": "2025",
            "kenmerk": "",
            "url": "",
            "omschrijving": "",
        },
    )
    data = response.json()
    bron = Bron.objects.get(titel="Wet banenafspraak en quotum")
    assert data["step"] == "chosen" and str(data["result"]["id"]) == str(bron.pk)
    assert bron.slug == "wet-banenafspraak-en-quotum"


def test_a_second_source_with_the_same_title_gets_its_own_slug(client, redacteur, bronnen):
    fields = {"soort": "kamerbrief", "jaar": "", "kenmerk": "", "url": "", "omschrijving": ""}
    client.post(CREATE, {"titel": "Kamerbrief tien jaar banenafspraak", **fields})
    slugs = sorted(
        Bron.objects.filter(titel="Kamerbrief tien jaar banenafspraak").values_list("slug", flat=True)
    )
    assert len(slugs) == 2 and len(set(slugs)) == 2


def test_an_invalid_new_source_comes_back_with_messages(client, redacteur, bronnen):
    response = client.post(CREATE, {"titel": "", "soort": "onbekend", "url": "geen url", "jaar": "twintig"})
    assert response.status_code == 200
    data = response.json()
    assert data["step"] == "reshow_creation_form"
    assert Bron.objects.count() == 3


def test_the_bronnen_listing_searches_the_database_too(client, redacteur, bronnen):
    response = client.get("/admin/snippets/knowledge/bron/", {"q": "kamerbrief"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kamerbrief tien jaar banenafspraak" in html and "Werkagenda" not in html
