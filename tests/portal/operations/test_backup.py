"""The backup and restore drill: database and media out, changes made, everything back, index rebuilt."""

from pathlib import Path

import pytest
from django.core.management import call_command

from knowledge.models import ArticlePage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_then_restore_brings_back_pages_and_media(site_tree, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Path(settings.MEDIA_ROOT, "documents").mkdir(parents=True)
    Path(settings.MEDIA_ROOT, "documents", "brief.txt").write_text("kamerbrief")
    kept = ArticlePageFactory(parent=site_tree["kennisbank"], title="Blijft bewaard")
    call_command("backup_portal", str(tmp_path / "backup"), verbosity=0)
    assert (tmp_path / "backup" / "manifest.json").exists()

    # After the backup: a page deleted, one added, a file lost.
    ArticlePage.objects.get(pk=kept.pk).delete()
    ArticlePageFactory(parent=site_tree["kennisbank"], title="Na de back-up")
    Path(settings.MEDIA_ROOT, "documents", "brief.txt").unlink()

    from portal.pagecache import generation

    token = generation.current()
    call_command("restore_portal", str(tmp_path / "backup"), verbosity=0)
    assert generation.current() != token  # no page cached before the restore is served after it
    titles = set(ArticlePage.objects.values_list("title", flat=True))
    assert "Blijft bewaard" in titles and "Na de back-up" not in titles
    assert Path(settings.MEDIA_ROOT, "documents", "brief.txt").read_text() == "kamerbrief"
    # The index was rebuilt from the restored database: the restored page is found.
    results = ArticlePage.objects.live().search("bewaard")
    assert [page.title for page in results] == ["Blijft bewaard"]


def test_a_sqlite_backup_of_a_database_in_wal_mode_is_one_file_read_without_writing(tmp_path):
    """The live SQLite database runs with a write-ahead log; its backup must hold the log's
    commits, be one file, and open read-only without -wal or -shm files appearing beside it."""
    import sqlite3

    from portal.operations.backup import sqlite_backup_file, sqlite_copy

    live = sqlite3.connect(tmp_path / "live.sqlite3")
    assert live.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    live.execute("CREATE TABLE t (x)")
    with live:
        live.execute("INSERT INTO t VALUES ('in the log')")  # not checkpointed into the file yet
    assert (tmp_path / "live.sqlite3-wal").stat().st_size > 0
    target = tmp_path / "backup"
    target.mkdir()
    sqlite_copy(live, target / "database.sqlite3")
    live.close()
    header = (target / "database.sqlite3").read_bytes()[:20]
    assert (header[18], header[19]) == (1, 1)  # rollback journal, not WAL
    copy = sqlite_backup_file(target / "database.sqlite3")
    assert copy.execute("SELECT x FROM t").fetchall() == [("in the log",)]
    copy.close()
    assert sorted(p.name for p in target.iterdir()) == ["database.sqlite3"]
