"""A second factor for the admin (portal/security/twofactor.py): required for Eindredacteuren."""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_editor(django_user_model):
    def make(group, name=None):
        user = django_user_model.objects.create_user(
            name or group.lower(), f"{group}@example.org", "pw-123456789"
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_an_eindredacteur_without_a_device_cannot_reach_the_admin(client, make_editor):
    client.force_login(make_editor("Eindredacteur"))
    for url in ("/admin/", "/admin/pages/", "/admin/snippets/knowledge/submittedquestion/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/tweestaps/instellen/?next="), url


def test_setting_up_a_device_with_a_first_code_opens_the_admin(client, make_editor):
    user = make_editor("Eindredacteur")
    client.force_login(user)
    page = client.get("/admin/tweestaps/instellen/?next=/admin/pages/")
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html and "authenticator-app" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert device.config_url.split("secret=")[1].split("&")[0] in html
    wrong = "000000" if code(device) != "000000" else "111111"
    response = client.post("/admin/tweestaps/instellen/", {"code": wrong, "next": "/admin/pages/"})
    assert response.status_code == 400 and "klopt niet" in response.content.decode()
    # A wrong code throttles the device (django-otp): even the right one waits a moment.
    response = client.post("/admin/tweestaps/instellen/", {"code": code(device), "next": "/admin/pages/"})
    assert response.status_code == 400
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post("/admin/tweestaps/instellen/", {"code": code(device), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/admin/").status_code == 200


def test_with_a_device_the_code_is_asked_at_every_login(client, make_editor):
    user = make_editor("Eindredacteur")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/tweestaps/?next=")
    # Setting up a second device is not a way round the code.
    assert client.get("/admin/tweestaps/instellen/")["Location"].startswith("/admin/tweestaps/")
    form = client.get(response["Location"]).content.decode()
    assert re.search(r'name="code"', form)
    assert client.post("/admin/tweestaps/", {"code": "12", "next": "/admin/"}).status_code == 400
    assert client.get("/admin/").status_code == 302
    ok = client.post("/admin/tweestaps/", {"code": code(device), "next": "https://elders.example/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"  # no open redirect
    assert client.get("/admin/").status_code == 200
    # A code is used once.
    client.logout()
    client.force_login(user)
    assert client.post("/admin/tweestaps/", {"code": code(device), "next": "/admin/"}).status_code == 400


def test_a_redacteur_without_a_device_is_not_asked(client, make_editor):
    client.force_login(make_editor("Redacteur"))
    assert client.get("/admin/").status_code == 200


def test_superusers_need_the_second_factor_too(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/")["Location"].startswith("/admin/tweestaps/instellen/")


def test_the_public_site_is_not_gated(client, make_editor, site_tree):
    client.force_login(make_editor("Eindredacteur"))
    assert client.get("/").status_code == 200
