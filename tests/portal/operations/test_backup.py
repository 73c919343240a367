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
