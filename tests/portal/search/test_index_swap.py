"""A rebuild of the Whoosh index into a new folder beside the live one (``portal.search.index_store``):
a schema change or a first build never empties the live index, a run that dies midway leaves the
old index serving, a completed run swaps the new one in. Whoosh only."""

import multiprocessing
import os

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from whoosh import index
from whoosh.writing import LockError

from portal.search import index_store
from portal.search.documents import expected_docids
from portal.search.index_store import IndexStore
from portal.search.indexing import WhooshIndex
from tests.portal.search.conftest import WHOOSH

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not WHOOSH, reason="Whoosh backend only"),
]


class Killed(Exception):
    """Stands in for the end of a process killed during a rebuild."""


def _index_folders(store):
    return sorted(n for n in os.listdir(store.path) if n.startswith(index_store.FOLDER_PREFIX))


def _mark_old_schema(store):
    with open(os.path.join(store.live_folder(), index_store.VERSION_FILE), "w") as fh:
        fh.write("0")


@pytest.fixture
def dies_after(monkeypatch):
    """``dies_after(n)``: a rebuild into a new folder raises once it has written ``n`` documents
    (``dies_after(None)``: no longer)."""

    original = WhooshIndex.add_items

    def arm(limit):
        written = []

        def add_items(self, model, items):
            if limit is not None and self.store is not get_search_backend("default").store:  # being built
                items = list(items)
                if len(written) + len(items) > limit:
                    raise Killed
                written.extend(items)
            original(self, model, items)

        monkeypatch.setattr(WhooshIndex, "add_items", add_items)

    return arm


def test_a_schema_rebuild_killed_midway_leaves_every_document_findable(content, dies_after, search_fn):
    store = get_search_backend("default").store
    expected = set(expected_docids())
    assert store.doc_ids() == expected
    live = store.live_folder()
    call_command("update_index", verbosity=0)  # the current schema: rebuilt in place
    assert store.live_folder() == live and len(_index_folders(store)) == 1
    _mark_old_schema(store)

    dies_after(3)
    with pytest.raises(Killed):
        call_command("update_index", chunk_size=1, verbosity=0)

    assert store.live_folder() == live
    assert store.doc_ids() == expected  # the probe lost 86 of 225 here
    assert search_fn("uitzendkracht", type="vraag").total == 1
    assert len(_index_folders(store)) == 2  # the half-built folder, until the next run

    # The next run completes: the new folder is swapped in, the old one and the leftover removed.
    dies_after(None)
    call_command("update_index", verbosity=0)
    assert store.live_folder() != live and not os.path.exists(live)
    assert store.is_current()
    assert _index_folders(store) == [os.path.basename(store.live_folder())]
    assert store.building_folder() is None
    assert store.doc_ids() == expected
    assert search_fn("uitzendkracht", type="vraag").total == 1


def test_search_index_check_rebuilds_an_old_schema_beside_and_removes_leftovers(content, dies_after, capsys):
    store = get_search_backend("default").store
    expected = set(expected_docids())
    _mark_old_schema(store)
    dies_after(2)
    with pytest.raises(Killed):
        call_command("update_index", chunk_size=1, verbosity=0)
    leftover = store.building_folder()
    assert leftover and os.path.isdir(leftover)
    # As the daily scheduler runs it:
    capsys.readouterr()
    with pytest.raises(Killed):  # still dying: the live index must survive this too
        call_command("search_index_check")
    assert store.doc_ids() == expected

    dies_after(None)
    call_command("search_index_check")
    out = capsys.readouterr().out
    assert "rebuilding it beside the live one" in out
    assert store.is_current() and not os.path.exists(leftover)
    assert store.doc_ids() == expected
    call_command("search_index_check", "--dry-run", "--deep")
    assert "0 missing, 0 stale, 0 out of date" in capsys.readouterr().out


def test_saves_during_a_rebuild_reach_the_new_index(content, search_fn):
    """A page published while a rebuild runs (in any process) is in the index that is swapped in."""
    backend = get_search_backend("default")
    store = backend.store
    build = store.begin_build()
    page = content["pages"]["uitzendkracht"]
    page.title = "Telt een gedetacheerde uit de doelgroep mee?"
    page.save_revision().publish()
    content["pages"]["social-return"].delete()
    staged = build.staging.digests()
    assert set(staged) == {f"wagtailcore.page:{page.pk}"}
    build.swap()
    assert [r.title for r in search_fn("gedetacheerde").results] == [page.title]
    assert f"wagtailcore.page:{content['pages']['social-return'].pk}" not in store.doc_ids()


def _try_to_build(path):
    """Exit status 3: refused, and removed nothing; 1: built a second time."""
    store = IndexStore(path)
    try:
        store.begin_build()
    except LockError:
        os._exit(3 if store.remove_leftovers() == [] else 2)
    os._exit(1)


def test_one_rebuild_at_a_time(tmp_path):
    store = IndexStore(str(tmp_path / "ix"))
    build = store.begin_build()
    ctx = multiprocessing.get_context("fork")
    other = ctx.Process(target=_try_to_build, args=(store.path,))
    other.start()
    other.join(30)
    assert other.exitcode == 3  # refused, and never removes a running build's folder
    assert os.path.isdir(build.folder)
    build.abandon()
    assert store.building_folder() is None and _index_folders(store) == []


def test_an_index_of_the_old_layout_is_read_and_replaced(tmp_path):
    """Before the CURRENT pointer the index lived straight in PATH: it keeps serving until the
    first rebuild swaps a folder in, which removes its files."""
    root = tmp_path / "ix"
    ix = index_store._create_index(str(root))
    with ix.writer() as writer:
        writer.update_document(docid="a:1", ct="test", x_all="oud")
    store = IndexStore(str(root))
    assert store.live_folder() == str(root) and store.is_current()
    assert store.doc_ids() == {"a:1"}

    build = store.begin_build()
    build.staging.apply(documents=[{"docid": "a:2", "ct": "test", "x_all": "nieuw"}])
    assert store.doc_ids() == {"a:1"}
    build.swap()
    assert store.doc_ids() == {"a:2"}
    assert not index.exists_in(str(root))  # the old files are gone from PATH itself
    assert not [n for n in os.listdir(root) if n.startswith(("MAIN_", "_MAIN_"))]
