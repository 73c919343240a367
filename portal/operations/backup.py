"""Backup and restore of the portal: the database, the media files, then the search index anew.

    manage.py backup_portal DIR      # DIR/database.sqlite3 or DIR/database.pgdump, DIR/media.tar.gz
    manage.py restore_portal DIR     # puts both back, rebuilds the index, runs search_index_check

SQLite is copied with SQLite's online backup API (consistent while gunicorn keeps serving);
PostgreSQL with ``pg_dump --format=custom`` and ``pg_restore --clean``. The search index is not
backed up: it is derived data, rebuilt from the restored database (``update_index``) and checked
(``search_index_check``). The page cache's generation is replaced after the restore (it is a
file, not in the database), so no page cached before the restore is served after it.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from portal.pagecache import generation


def _pg_env():
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = [
        "-h",
        str(db.get("HOST") or "127.0.0.1"),
        "-p",
        str(db.get("PORT") or 5432),
        "-U",
        str(db["USER"]),
    ]
    return env, args, db["NAME"]


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} is needed for a PostgreSQL backup (Debian: postgresql-client)")
    return path


def sqlite_copy(source, path):
    """SQLite's online backup of the connection ``source`` (the write-ahead log included) into a
    file that is all there is: in rollback-journal mode, so reading it needs no -wal or -shm file
    beside it (the live database runs in WAL mode: docs/operations.md)."""
    destination = sqlite3.connect(path)
    with destination:
        source.backup(destination)
    destination.execute("PRAGMA journal_mode=DELETE")
    destination.close()


def sqlite_backup_file(path):
    """A backup file opened read-only, writing nothing beside it (it may be on read-only media)."""
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def backup(target):
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        database = target / "database.sqlite3"
        sqlite_copy(connection.connection, database)
    elif connection.vendor == "postgresql":
        database = target / "database.pgdump"
        env, args, name = _pg_env()
        command = [_tool("pg_dump"), *args, "--format=custom", "--no-owner", "-f", str(database), name]
        subprocess.run(command, env=env, check=True)  # noqa: S603 - fixed tool, settings' own values
    else:
        raise RuntimeError(f"no backup for {connection.vendor}")
    media = target / "media.tar.gz"
    with tarfile.open(media, "w:gz") as archive:
        if Path(settings.MEDIA_ROOT).exists():
            archive.add(settings.MEDIA_ROOT, arcname="media")
    manifest = {"made": timezone.now().isoformat(), "vendor": connection.vendor, "database": database.name}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def restore(source, reindex=True):
    source = Path(source)
    manifest = json.loads((source / "manifest.json").read_text())
    if manifest["vendor"] != connection.vendor:
        raise RuntimeError(f"this backup is of {manifest['vendor']}, the database is {connection.vendor}")
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        backup_file = sqlite_backup_file(source / manifest["database"])
        with backup_file:
            backup_file.backup(connection.connection)
        backup_file.close()
    else:
        connection.close()
        env, args, name = _pg_env()
        command = [_tool("pg_restore"), *args, "--clean", "--if-exists", "--no-owner", "-d", name]
        subprocess.run([*command, str(source / manifest["database"])], env=env, check=True)  # noqa: S603
    generation.bump()  # no page cached from the data before the restore is served after it
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(source / "media.tar.gz") as archive:
        staging = media_root.parent / (media_root.name + ".restoring")
        shutil.rmtree(staging, ignore_errors=True)
        archive.extractall(staging, filter="data")
        if media_root.exists():
            shutil.rmtree(media_root)
        if (staging / "media").exists():
            (staging / "media").rename(media_root)
        else:
            media_root.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    if reindex:
        call_command("update_index", verbosity=0)
        call_command("search_index_check", verbosity=0)
    return manifest
