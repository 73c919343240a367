"""Fixtures for the editorial tests: a private copy of the rules files, editors, a clean index."""

import shutil

import pytest
from django.contrib.auth.models import Group

from eligibility.parameters import ROOT as PARAMETERS_ROOT


@pytest.fixture
def rules_dir(tmp_path, settings):
    """A copy of eligibility/parameters that a test may edit, an empty questions and content folder:
    the check reads only these."""
    parameters = tmp_path / "parameters"
    shutil.copytree(PARAMETERS_ROOT, parameters, ignore=shutil.ignore_patterns("*.py", "*.md", "__pycache__"))
    settings.EDITORIAL_RULE_DIRS = [str(parameters), str(tmp_path / "questions")]
    settings.EDITORIAL_CONTENT_DIR = str(tmp_path / "content")
    return parameters


@pytest.fixture
def make_user(django_user_model):
    def make(name, group=None, **extra):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "wachtwoord-123", **extra)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def redacteur(db, make_user):
    return make_user("reda", "Redacteur")


@pytest.fixture
def eindredacteur(db, make_user):
    return make_user("eindreda", "Eindredacteur")


@pytest.fixture
def clean_index(db):
    """An empty search index before and after the test (the Whoosh folder outlives a rollback)."""
    from modelsearch.backends import get_search_backend

    get_search_backend("default").reset_indexes()
    yield
    get_search_backend("default").reset_indexes()
