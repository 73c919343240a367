"""Synonym sources: the search has no knowledge of the begrippen; the knowledge app registers
them (``synonyms.register_source``), and a change of a begrip reaches the next query."""

import pytest

from portal.search import synonyms

pytestmark = pytest.mark.django_db


def _alternatives(text):
    return dict((unit[1], unit[2]) for unit in synonyms.segment(text.split()) if unit[0] == "group")


def test_a_begrip_is_a_registered_source_and_its_changes_count_at_once():
    from tests.factories import BegripFactory

    begrip = BegripFactory(
        term="Praktijkroute", slug="praktijkroute", afkorting="PRT", synoniemen="leerwerkroute"
    )
    assert ("praktijkroute",) in _alternatives("prt")[("prt",)]
    assert ("praktijkroute",) in _alternatives("leerwerkroute")[("leerwerkroute",)]
    assert ("leerwerkroute",) not in _alternatives("prt")[("prt",)]  # a synonym leads one way

    begrip.afkorting = "PKR"
    begrip.save()
    assert _alternatives("prt") == {}
    assert ("praktijkroute",) in _alternatives("pkr")[("pkr",)]
    begrip.delete()
    assert _alternatives("pkr") == {}


def test_a_source_that_cannot_be_read_is_left_out(monkeypatch):
    from django.db import DatabaseError

    def broken():
        raise DatabaseError("no such table")

    monkeypatch.setitem(synonyms._sources, "kapot", broken)
    monkeypatch.setitem(synonyms._sources, "test", lambda: [(["Quotumheffing"], ["boete quotum"])])
    synonyms.invalidate()
    assert _alternatives("boete quotum") == {("boete", "quotum"): [("quotumheffing",)]}
    monkeypatch.undo()
    synonyms.invalidate()


def test_the_search_imports_no_knowledge_models():
    """``portal.search`` is a generic backend: content apps plug in, it never imports them."""
    import pathlib

    root = pathlib.Path(synonyms.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "from knowledge" in path.read_text() or "import knowledge" in path.read_text()
    ]
    assert offenders == []
