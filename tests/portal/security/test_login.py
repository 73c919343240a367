"""/admin/login/ is throttled and locks out (django-axes): 30 wrong passwords never get through."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("redacteur", "r@example.org", "juist-wachtwoord-123")
    user.groups.add(Group.objects.get(name="Redacteur"))
    return user


def login(client, password, username="redacteur", **extra):
    return client.post(URL, {"username": username, "password": password}, **extra)


def test_thirty_wrong_passwords_lock_the_address_and_the_user_out(editor, settings):
    client = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [login(client, f"fout-{i}").status_code for i in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    assert statuses[: limit - 1] == [200] * (limit - 1)  # the form again, with an error
    assert set(statuses[limit:]) == {429}
    locked = login(client, "juist-wachtwoord-123")
    assert locked.status_code == 429
    assert "Te veel inlogpogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # The attempts are kept for the lock-out, without the passwords.
    attempt = AccessAttempt.objects.get(username="redacteur")
    assert attempt.failures_since_start >= limit and "fout-" not in attempt.post_data
    # The user name is locked from any address too; another user from another address is not.
    assert login(Client(REMOTE_ADDR="203.0.113.9"), "juist-wachtwoord-123").status_code == 429


def test_another_user_from_another_address_still_logs_in(editor, django_user_model):
    django_user_model.objects.create_user("ander", "a@example.org", "ander-wachtwoord-123")
    client = Client(REMOTE_ADDR="198.51.100.7")
    for i in range(10):
        login(client, f"fout-{i}")
    other = Client(REMOTE_ADDR="203.0.113.9")
    response = login(other, "ander-wachtwoord-123", username="ander")
    assert response.status_code == 302 and "_auth_user_id" in other.session


def test_the_lockout_follows_the_client_behind_a_trusted_proxy(editor, settings):
    """Behind the load balancer every visitor shares its address: the lock-out uses X-Forwarded-For."""
    settings.PORTAL_TRUSTED_PROXIES = ["10.0.0.0/8"]
    attacker = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    for i in range(6):
        login(attacker, f"fout-{i}", username="onbekend")
    assert login(attacker, "x", username="onbekend").status_code == 429
    colleague = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert login(colleague, "juist-wachtwoord-123").status_code == 302
