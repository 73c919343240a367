"""Rendered template fragments under the page cache's generation: never stale, shared per process.

    {% load pagecache_tags %}
    {% fragment "inhoud" page %} ... {% endfragment %}

The part between the tags is rendered once and then taken from the ``fragments`` cache (per
process) under a key of the same parts as a cached page's (portal/pagecache/generation.py: the
shared generation token, today's date, the code fingerprint) plus the fragment's name and its
vary values. So whatever replaces the generation (a publish, a snippet, a meting, a move) makes
every fragment of before unreachable, as for whole pages. It works when the page cache is off
too: a render that misses the page cache (a filtered index page, a visitor with a session, an
editor) still skips the parts that are the same for everyone.

Never cached: a preview (``request.is_preview``: a draft must neither be served from nor stored
in the cache), a render without a request, a request that is not GET or HEAD, and anything when
``PORTAL_FRAGMENT_CACHE`` is off. The generation is read once per request (by the page cache
middleware when it looked the page up).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import QueryDict
from wagtail.models import Page

from portal.pagecache import generation

ALIAS = "fragments"


def request_token(request):
    """The generation, fingerprint and date for this request (read from the shared cache once)."""
    token = getattr(request, "_fragment_token", None)
    if token is None:
        # The page cache middleware read the generation already on a miss; else read it here.
        token = generation.token(getattr(request, "_pagecache_generation", None))
        request._fragment_token = token
    return token


def usable(request):
    return (
        settings.PORTAL_FRAGMENT_CACHE
        and request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
    )


def _part(value):
    if isinstance(value, Page):
        # The live revision too: a key never mixes two versions of one page.
        return f"page:{value.pk}:{value.live_revision_id}"
    if isinstance(value, QueryDict):
        return "&".join(f"{k}={v}" for k, vs in sorted(value.lists()) for v in vs)
    return repr(value)


def key(request, name, vary):
    raw = "\n".join([request_token(request), name, *(_part(v) for v in vary)])
    return "fragment:" + hashlib.sha256(raw.encode()).hexdigest()


def cached(request, name, vary, render):
    """``render()``, or what it gave before under the same generation, name and vary values."""
    if not usable(request):
        return render()
    store = caches[ALIAS]
    k = key(request, name, vary)
    html = store.get(k)
    if html is None:
        html = render()
        store.set(k, html, settings.PORTAL_PAGE_CACHE_TIMEOUT)
    return html
