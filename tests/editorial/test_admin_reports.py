"""The editorial reports in the admin: who sees them and what they list."""

import pytest

from editorial import rule_changes
from tests.editorial.test_rule_changes import add_heffing_value, pages  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_a_redacteur_sees_the_pages_a_rule_change_made_stale(client, rules_dir, pages, redacteur):  # noqa: F811
    rule_changes.check()
    add_heffing_value(rules_dir)
    rule_changes.check()
    client.force_login(redacteur)
    html = client.get("/admin/reports/regelwijzigingen/").content.decode()
    for key in ("kennisartikel", "blok", "tekst", "bron"):
        assert pages[key].title in html
    assert pages["andere_bron"].title not in html
    assert "5.000 euro → 6.000 euro" in html
    assert "1 januari 2027" in html
    assert f"/admin/pages/{pages['blok'].pk}/edit/" in html
    # The reports are in the Rapporten menu.
    assert "Te controleren na regelwijziging" in client.get("/admin/").content.decode()


def test_each_parameter_shows_the_pages_that_cite_it(client, rules_dir, pages, redacteur):  # noqa: F811
    client.force_login(redacteur)
    overview = client.get("/admin/reports/regels/").content.decode()
    assert "/admin/reports/regels/quotum.heffing_per_baan/" in overview
    response = client.get("/admin/reports/regels/quotum.heffing_per_baan/")
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("kennisartikel", "blok", "tekst", "bron"):
        assert pages[key].title in html
    for key in ("ander_blok", "andere_bron", "ander_artikel"):
        assert pages[key].title not in html
    assert "bron wfsv-38h" in html
    assert client.get("/admin/reports/regels/bestaat.niet/").status_code == 404


@pytest.mark.parametrize("url", ["/admin/reports/regelwijzigingen/", "/admin/reports/regels/"])
def test_the_reports_are_for_editors_only(client, make_user, url):
    from django.contrib.auth.models import Permission

    outsider = make_user("buiten")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(url).status_code in (302, 403)
    assert "Te controleren na regelwijziging" not in client.get("/admin/").content.decode()
