"""What portal.privacy drops from a stored text: names too, while the words of the domain stay."""

import pytest

from portal.privacy import normalise, scrub


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("Jan de Vries", ""),
        ("Telt Jan de Vries mee?", "telt mee?"),
        ("Anne-Marie van den Berg heeft een Wajong-uitkering", "heeft een wajong-uitkering"),
        ("telt Mohammed El Amrani mee", "telt mee"),
        ("José García werkt bij ons", "werkt bij ons"),
        ("Pietersen Jansen", ""),
        ("mail jan@example.org of bel 06 12 34 56 78", "mail of bel"),
        # What stays: the domain's capitalised words, a single capitalised word, years, short numbers.
        ("Wet banenafspraak 2026", "wet banenafspraak 2026"),
        ("Landelijk Doelgroepregister", "landelijk doelgroepregister"),
        ("Banenafspraak Overheid quotum 2025", "banenafspraak overheid quotum 2025"),
        ("Participatiewet Wajong 25,5 uur", "participatiewet wajong 25,5 uur"),
        ("Hoe telt Jansen mee", "hoe telt jansen mee"),
        ("In Maart 2026 telt de Gemeente Utrecht mee", "in maart 2026 telt de gemeente utrecht mee"),
    ],
)
def test_name_like_sequences_are_dropped(text, stored):
    assert normalise(text) == stored


def test_a_comment_keeps_its_sentence_around_a_dropped_name():
    assert scrub("Vraag het Karin Bakker even", replacement="[verwijderd]") == "Vraag het [verwijderd] even"
