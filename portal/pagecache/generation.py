"""The page cache's generation: one token, read on every request, replaced on each change.

Every cached page is stored under a key that holds the generation. Publishing, unpublishing,
moving or deleting a page, and saving or deleting a snippet, an image, a document, a site or a
setting replace the token (now, and again after the transaction commits), so no page rendered
before the change is looked up again: the next request renders afresh, in every worker.

Where the token lives (``PORTAL_PAGE_CACHE_GENERATION_FILE``): by default a small file beside the
cached pages, which every worker on the host reads on every request (one ``open`` and ``read``, no
database connection: that is what lets a hit be served before Django, portal/pagecache/wsgi.py)
and a change replaces atomically (``os.replace``). With several hosts, set it to "" and the token
lives in the ``shared`` cache (the database table every host reads, or Redis) instead: one query
per request more, the same freshness.

Two more parts of the key cover what no signal announces: today's date (a parameter block shows
the value in force today; a dated value can start at midnight) and a fingerprint of the code,
templates, rules parameters and static files this process runs with (a deploy that changes a
YAML parameter or a template makes new keys; entries of the old version are never read).
"""

import contextlib
import hashlib
import os
import uuid
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

KEY = "pagecache:generation"
SOURCE_SUFFIXES = {".py", ".html", ".yaml", ".yml", ".md", ".txt", ".json"}
SKIP_DIRS = {".venv", "var", "tests", "node_modules", "__pycache__", ".git", "bench", "docs"}


def shared_cache():
    return caches[settings.PORTAL_PAGE_CACHE_GENERATION_CACHE]


def _file():
    return settings.PORTAL_PAGE_CACHE_GENERATION_FILE


def current():
    """The current generation token (a new one if none is stored, e.g. after a cache flush)."""
    path = _file()
    if path:
        try:
            with open(path, "rb") as f:
                token = f.read().decode("ascii", "replace")
            if token:
                return token
        except FileNotFoundError:
            pass
        _write(path, uuid.uuid4().hex, replace=False)
        with open(path, "rb") as f:
            return f.read().decode("ascii", "replace")
    cache = shared_cache()
    token = cache.get(KEY)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(KEY)
    return token


def bump():
    """Replace the token now. Use ``bump_on_commit`` from signal handlers."""
    path = _file()
    if path:
        _write(path, uuid.uuid4().hex, replace=True)
    else:
        shared_cache().set(KEY, uuid.uuid4().hex, timeout=None)


def _write(path, token, replace):
    """Write the token to a file of its own, then move it into place: a reader sees the old
    token or the new one, never half of one. Without ``replace``, a token already there stays
    (two workers creating the first token at once agree on one)."""
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".generation-{os.getpid()}-{uuid.uuid4().hex}")
    with open(temporary, "w", encoding="ascii") as f:
        f.write(token)
    try:
        if replace:
            os.replace(temporary, path)
        else:
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def bump_on_commit():
    """Replace the token now and again after the commit.

    Now: a request in this same connection (and a test, whose transaction never commits) sees the
    change at once. After the commit: a page another worker rendered from the old data while the
    transaction was open, and stored under the token of 'now', is never read.
    """
    bump()
    transaction.on_commit(bump)


def token(known=None):
    """What a value derived from content is kept under: the generation (``known`` when it was read
    already), the code fingerprint and today's date. The fragment cache, the Site lookup and
    portal/pagecache/memo.py use it."""
    return f"{known or current()}:{fingerprint()}:{timezone.localdate().isoformat()}"


@lru_cache(maxsize=1)
def fingerprint():
    """A hash of the source files (path, size, mtime) and the static manifest of this process."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for path in sorted(_source_files(root)):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def _source_files(root):
    for path in root.iterdir():
        if path.name in SKIP_DIRS or path.name.startswith("."):
            continue
        if path.is_dir():
            yield from _source_files(path)
        elif path.suffix in SOURCE_SUFFIXES:
            yield path
