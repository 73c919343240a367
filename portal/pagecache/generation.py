"""The page cache's generation: one token, shared by every worker and host, replaced on each change.

Every cached page is stored under a key that holds the generation. Publishing, unpublishing,
moving or deleting a page, and saving or deleting a snippet, an image, a document, a site or a
setting replace the token (after the transaction commits), so no page rendered before the change
is looked up again: the next request renders afresh. The token lives in the ``default`` cache,
the database table every worker and host shares; the pages themselves may live in a cache per
host (files), since a host only ever reads entries under the current token.

Two more parts of the key cover what no signal announces: today's date (a parameter block shows
the value in force today; a dated value can start at midnight) and a fingerprint of the code,
templates, rules parameters and static files this process runs with (a deploy that changes a
YAML parameter or a template makes new keys; entries of the old version are never read).
"""

import hashlib
import uuid
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

KEY = "pagecache:generation"
SOURCE_SUFFIXES = {".py", ".html", ".yaml", ".yml", ".md", ".txt", ".json"}
SKIP_DIRS = {".venv", "var", "tests", "node_modules", "__pycache__", ".git", "bench", "docs"}


def shared_cache():
    return caches[settings.PORTAL_PAGE_CACHE_GENERATION_CACHE]


def current():
    """The current generation token (a new one if none is stored, e.g. after a cache flush)."""
    cache = shared_cache()
    token = cache.get(KEY)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(KEY)
    return token


def bump():
    """Replace the token now. Use ``bump_on_commit`` from signal handlers."""
    shared_cache().set(KEY, uuid.uuid4().hex, timeout=None)


def bump_on_commit():
    """Replace the token now and again after the commit.

    Now: a request in this same connection (and a test, whose transaction never commits) sees the
    change at once. After the commit: a page another worker rendered from the old data while the
    transaction was open, and stored under the token of 'now', is never read.
    """
    bump()
    transaction.on_commit(bump)


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
