"""Where cached pages are kept: files per host, written so that a hit is a read and a split.

A cached page is an ``Entry``: its status, its complete response headers (everything the
middleware stack set, from Content-Type to the Content-Security-Policy, ETag and Cache-Control),
its body, its ETag and when it was rendered. ``PageFileCache`` is Django's file-based cache
with one change: an ``Entry`` is written as a line of JSON (status and headers) and the body as
it is, not pickled and compressed, so serving a hit costs one small file read and no
decompression. Anything else is stored as the file-based cache stores it. Any other Django cache
backend (Redis, for several hosts) can hold entries too: an ``Entry`` is a plain tuple that
pickles.
"""

import json
import pickle
import zlib
from typing import NamedTuple

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

MAGIC = b"portal-page-1\n"
BROKEN = (pickle.UnpicklingError, EOFError, ValueError, KeyError, TypeError, IndexError, zlib.error)


class Entry(NamedTuple):
    status: int
    headers: list  # [(name, value), ...] as sent, without Content-Length and Set-Cookie
    body: bytes
    etag: str
    last_modified: int


class PageFileCache(FileBasedCache):
    def _write_content(self, file, timeout, value):
        if not isinstance(value, Entry):
            return super()._write_content(file, timeout, value)
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        head = {"s": value.status, "h": value.headers, "e": value.etag, "m": value.last_modified}
        file.write(MAGIC + json.dumps(head, separators=(",", ":")).encode() + b"\n")
        file.write(value.body)

    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as f:
                if self._is_expired(f):
                    return default
                return self._decode(f.read())
        except FileNotFoundError:
            return default
        except BROKEN:  # a damaged file (a full disk, a crash mid-write elsewhere) is a miss
            self._delete(fname)
            return default

    def _decode(self, rest):
        if not rest.startswith(MAGIC):
            return pickle.loads(zlib.decompress(rest))  # noqa: S301 - our own cache files
        head_end = rest.index(b"\n", len(MAGIC))
        head = json.loads(rest[len(MAGIC) : head_end])
        headers = [tuple(pair) for pair in head["h"]]
        return Entry(head["s"], headers, rest[head_end + 1 :], head["e"], head["m"])

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        value = self.get(key, version=version)
        if value is None:
            return False
        self.set(key, value, timeout, version=version)
        return True
