"""The Whoosh index under load and faults: concurrent writers, a killed indexing run, lock
timeouts, schema changes. Whoosh only (the database backend has no index folder)."""

import multiprocessing
import os
import signal
import time

import pytest
from django.core.management import CommandError, call_command
from modelsearch.backends import get_search_backend
from whoosh import fields, index

from portal.search.documents import build_document
from portal.search.index_store import IndexStore
from tests.portal.search.conftest import WHOOSH

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not WHOOSH, reason="Whoosh backend only"),
]


def _fork():
    return multiprocessing.get_context("fork")


def _write_docs(path, prefix, count, per_commit, timeout, errors):
    """A writer process: ``count`` documents in commits of ``per_commit``, as a gunicorn worker
    (one document per save) or a management command (big batches) would."""
    try:
        store = IndexStore.for_path(path, write_timeout=timeout)
        for start in range(0, count, per_commit):
            with store.writer() as writer:
                for i in range(start, min(start + per_commit, count)):
                    writer.update_document(
                        docid=f"{prefix}:{i}", ct="test", x_all=f"woord {prefix} nummer{i}"
                    )
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        errors.put(f"{prefix}: {exc!r}")
        os._exit(1)
    os._exit(0)


def test_searcher_sees_deletions_after_a_commit(tmp_path):
    """Regression: whoosh-reloaded's Searcher.refresh() reuses segment readers and misses deletes."""
    store = IndexStore.for_path(tmp_path / "ix")
    store.reset()
    with store.writer() as writer:
        writer.update_document(docid="a:1", ct="test", x_all="hallo")
        writer.update_document(docid="a:2", ct="test", x_all="hallo")
    assert store.searcher().doc_count() == 2
    with store.writer() as writer:
        writer.delete_by_term("docid", "a:1")
    assert store.searcher().doc_count() == 1
    store.reset()
    assert store.searcher().doc_count() == 0


def test_concurrent_writers_lose_nothing_and_never_fail(tmp_path):
    path = str(tmp_path / "ix")
    IndexStore.for_path(path).reset()
    ctx = _fork()
    errors = ctx.Queue()
    workers = [
        ctx.Process(target=_write_docs, args=(path, f"worker{n}", 40, 1, 60, errors)) for n in range(4)
    ]
    command = ctx.Process(target=_write_docs, args=(path, "command", 3000, 1000, 60, errors))
    for process in [command, *workers]:
        process.start()
    for process in [command, *workers]:
        process.join(120)
    failures = []
    while not errors.empty():
        failures.append(errors.get())
    assert failures == []
    assert all(p.exitcode == 0 for p in [command, *workers])
    ids = IndexStore.for_path(path).doc_ids()
    assert len(ids) == 4 * 40 + 3000
    assert {f"worker{n}:{i}" for n in range(4) for i in range(40)} <= ids


def test_a_plain_second_writer_would_fail_but_ours_waits(tmp_path):
    """Why the store waits for the lock: Whoosh's default writer gives up at once."""
    from whoosh.writing import LockError

    path = tmp_path / "ix"
    store = IndexStore.for_path(path, write_timeout=5)
    store.reset()
    ix = index.open_dir(store.live_folder())
    holder = ix.writer()
    with pytest.raises(LockError):
        ix.writer()  # timeout=0: Whoosh's default
    ctx = _fork()
    errors = ctx.Queue()
    waiter = ctx.Process(target=_write_docs, args=(str(path), "late", 3, 1, 30, errors))
    waiter.start()
    time.sleep(0.5)
    holder.commit()
    waiter.join(30)
    assert waiter.exitcode == 0
    assert {"late:0", "late:1", "late:2"} <= IndexStore.for_path(path).doc_ids()


def _killed_indexer(path, docs, ready):
    store = IndexStore.for_path(path)
    half = len(docs) // 2
    with store.writer() as writer:
        for doc in docs[:half]:
            writer.update_document(**doc)
    writer = store.index().writer(timeout=10)
    for doc in docs[half:]:
        writer.update_document(**doc)
    ready.set()
    time.sleep(60)  # killed here, the second batch never committed


def test_search_index_check_repairs_a_killed_indexing_run(site_tree, clean_index, capsys):
    from knowledge.models import QuestionPage
    from tests.factories import QuestionPageFactory

    for i in range(20):
        QuestionPageFactory(
            parent=site_tree["vragen"], title=f"Vraag over loondispensatie {i}", slug=f"ld-{i}"
        )
    backend = get_search_backend("default")
    backend.reset_indexes()
    docs = [build_document(QuestionPage, page) for page in QuestionPage.objects.all()]

    ctx = _fork()
    ready = ctx.Event()
    indexer = ctx.Process(target=_killed_indexer, args=(backend.store.path, docs, ready))
    indexer.start()
    assert ready.wait(30)
    os.kill(indexer.pid, signal.SIGKILL)
    indexer.join(10)

    with pytest.raises(CommandError):
        call_command("search_index_check", "--dry-run")
    report = capsys.readouterr().out
    assert "15 missing" in report  # 10 questions never committed, 5 other pages never indexed

    call_command("search_index_check")  # the lock died with the process: no waiting, no error
    assert "Repaired" in capsys.readouterr().out
    call_command("search_index_check", "--dry-run", "--deep")
    assert "0 missing, 0 stale, 0 out of date" in capsys.readouterr().out
    from portal.search.service import search

    assert search("loondispensatie", type="vraag", log=False).total == 20


def test_search_index_check_removes_stale_and_refreshes_outdated(content, capsys):
    page = content["pages"]["register"]
    backend = get_search_backend("default")
    # A delete that never reached the index, and an edit made with auto-update off:
    from knowledge.models import ArticlePage

    ArticlePage.objects.filter(pk=page.pk).update(samenvatting="Gewijzigd zonder de index bij te werken.")
    other = content["pages"]["quotumheffing"]
    stale_doc = build_document(ArticlePage, other)
    stale_doc["docid"] = "wagtailcore_page:999999"
    with backend.store.writer() as writer:
        writer.update_document(**stale_doc)
    call_command("search_index_check", "--deep")
    out = capsys.readouterr().out
    assert "1 stale" in out and "1 out of date" in out
    call_command("search_index_check", "--dry-run", "--deep")
    assert "0 missing, 0 stale, 0 out of date" in capsys.readouterr().out


def test_a_save_never_fails_on_a_locked_index(content, caplog):
    """An index write that times out is logged; the save succeeds; the check repairs it."""
    backend = get_search_backend("default")
    store = backend.store
    old_timeout = store.write_timeout
    ix = store.index()
    holder = ix.writer()
    try:
        store.write_timeout = 0.2
        page = content["pages"]["uitzendkracht"]
        page.title = "Telt een gedetacheerde mee?"
        page.save_revision().publish()  # must not raise
    finally:
        holder.cancel()
        store.write_timeout = old_timeout
    assert "Exception raised while adding" in caplog.text
    call_command("search_index_check", "--deep")
    from portal.search.service import search

    assert "Telt een gedetacheerde mee?" in [r.title for r in search("gedetacheerde", log=False).results]


def test_an_index_with_an_old_schema_is_rebuilt(content, tmp_path):
    backend = get_search_backend("default")
    store = backend.store
    with open(os.path.join(store.live_folder(), "PORTAL_SCHEMA_VERSION"), "w") as fh:
        fh.write("0")
    assert not store.is_current()
    call_command("update_index", verbosity=0)
    assert store.is_current()
    from portal.search.service import search

    assert search("quotumheffing", log=False).total >= 1


def test_index_files_are_whoosh_2_7_format(tmp_path):
    """The index stays readable by plain Whoosh 2.7 (and so by whoosh3, the way out)."""
    store = IndexStore.for_path(tmp_path / "ix")
    store.reset()
    with store.writer() as writer:
        writer.update_document(docid="a:1", ct="test", x_all="hallo wereld")
    ix = index.open_dir(store.live_folder())
    assert isinstance(ix.schema["docid"], fields.ID)
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 1


def test_or_with_a_missing_word_still_ranks(tmp_path):
    """Regression: Whoosh's coordination matcher scored every document 0 when only one of the
    OR-ed words occurs (a misspelled word next to its correction)."""
    from whoosh import query as wq

    from portal.search.matching import Coordinated

    store = IndexStore.for_path(tmp_path / "ix")
    store.reset()
    with store.writer() as writer:
        writer.update_document(docid="a:1", ct="test", x_all="wajong wajong wajong")
        writer.update_document(docid="a:2", ct="test", x_all="wajong en nog veel meer andere woorden hier")
    query = Coordinated([wq.Term("x_all", "wajnog"), wq.Term("x_all", "wajong")], power=2.0)
    hits = store.searcher().search(query, limit=2)
    assert [h["docid"] for h in hits] == ["a:1", "a:2"]
    assert all(h.score > 0 for h in hits)


def test_a_name_pair_bonus_adds_its_score_but_is_no_unit(tmp_path):
    """Two typed words next to each other in a title lift that document; a bonus alone never
    counts as a matched unit (the share of units stays that of the words)."""
    from whoosh import query as wq

    from portal.search.matching import Coordinated

    store = IndexStore.for_path(tmp_path / "ix")
    store.reset()
    with store.writer() as writer:
        writer.update_document(
            docid="a:1", ct="test", x_all="banen andere werkgevers", s_title="banen werkgevers"
        )
        writer.update_document(
            docid="a:2", ct="test", x_all="banen andere werkgevers", s_title="werkgevers en banen"
        )
        writer.update_document(docid="a:3", ct="test", x_all="banen", s_title="banen werkgevers")
    from portal.search.analysis import analyze

    banen, werkgevers = analyze("banen werkgevers")  # the stems
    units = [wq.Term("x_all", banen), wq.Term("x_all", werkgevers)]
    pair = wq.Phrase("s_title", [banen, werkgevers])
    plain = {h["docid"]: h.score for h in store.searcher().search(Coordinated(units, power=1.0), limit=3)}
    bonus = Coordinated([*units, pair], power=1.0, bonus=1)
    with_bonus = {h["docid"]: h.score for h in store.searcher().search(bonus, limit=3)}
    assert plain["a:1"] == pytest.approx(plain["a:2"])  # the same words: a tie without the bonus
    assert with_bonus["a:1"] > with_bonus["a:2"] == pytest.approx(plain["a:2"])
    # a:3 has one of the two units: half its score counts, with its bonus halved too
    assert with_bonus["a:3"] < with_bonus["a:1"]
    assert bonus.normalize().options["bonus"] == 1
    assert Coordinated([wq.NullQuery, pair], bonus=1).normalize() is wq.NullQuery
