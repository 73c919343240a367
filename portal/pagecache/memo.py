"""Values derived from content, kept in this process until the content changes.

    cards = ContentMemo(maxsize=2_000)
    token = generation.token()                  # once per request
    card = cards.get(token, ("vraag", 12), lambda: build(...))

A memo holds the values of one token at a time (the page cache's generation, the code fingerprint
and today's date: portal/pagecache/generation.py): whatever replaces the generation (a publish,
an unpublish, a move, a deleted page, a snippet, a view restriction, a setting) makes every value
of before unreachable, in every worker, as for cached pages and fragments. Within a token the
memo keeps the ``maxsize`` values used last.

Off when ``PORTAL_CONTENT_MEMO`` is off. The tests run with it on, as production does; each test
starts with every memo empty (``clear_all``, tests/conftest.py), since a test's rolled-back rows
would otherwise outlive it in this process.
"""

import threading
import weakref
from collections import OrderedDict

from django.conf import settings

_memos = weakref.WeakSet()


def clear_all():
    """Forget every memo's values (a test's start: what a fresh worker has)."""
    for memo in list(_memos):
        memo.clear()


class ContentMemo:
    def __init__(self, maxsize):
        self.maxsize = maxsize
        self._token = None
        self._values = OrderedDict()
        self._lock = threading.Lock()
        _memos.add(self)

    def clear(self):
        with self._lock:
            self._token = None
            self._values.clear()

    @staticmethod
    def enabled():
        return settings.PORTAL_CONTENT_MEMO

    def get(self, token, key, compute):
        """The value under ``key`` for this token, ``compute()`` (kept) when there is none."""
        found = self.lookup(token, [key])
        if key in found:
            return found[key]
        value = compute()
        self.store(token, key, value)
        return value

    def lookup(self, token, keys):
        """{key: value} of the keys this token has a value for."""
        if not self.enabled():
            return {}
        with self._lock:
            if token != self._token:
                return {}
            found = {}
            for key in keys:
                if key in self._values:
                    self._values.move_to_end(key)
                    found[key] = self._values[key]
            return found

    def store(self, token, key, value):
        if not self.enabled():
            return
        with self._lock:
            if token != self._token:
                self._token = token
                self._values.clear()
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.maxsize:
                self._values.popitem(last=False)
