"""A page cache for anonymous visitors, shared by all workers, never one publish behind.

What is cached: a GET or HEAD from a visitor without a session (no editor, no half-finished
login), for a path outside the excluded prefixes (admin, API, search, documents, static files,
the feedback endpoint), whose query string uses only the parameters pages read for display (the
facet filters, ``pagina``, ``bedankt``): every other query string, such as a checker URL with
facts, is rendered and never stored. A response is stored only if it is a 200, sets no cookie, did
not use a CSRF token (a form that posts with one is never shared) and is not marked private.

Keys hold the generation (portal/pagecache/generation.py), so a change makes every older entry
unreachable at once. Each stored page has an ETag (its hash) and a Last-Modified (when it was
rendered): a conditional request gets a 304. ``Cache-Control: public, max-age=0,
must-revalidate`` lets a proxy keep a copy but ask each time, so a proxy is never stale either;
everything that is not shareable says ``private``.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from portal.pagecache import generation

SHAREABLE_TYPES = ("text/html", "application/xml", "application/atom+xml", "application/rss+xml", "text/xml")
KEPT_HEADERS = {"content-type", "content-language", "vary", "x-frame-options", "content-security-policy"}


def _query_key(request):
    """The sorted query string, or None if it has a parameter a cached page may not depend on."""
    allowed = settings.PORTAL_PAGE_CACHE_QUERY_PARAMETERS
    items = []
    for name, values in request.GET.lists():
        if name not in allowed:
            return None
        items.extend((name, value) for value in values)
    if len(items) > 20:
        return None
    return "&".join(f"{name}={value}" for name, value in sorted(items))


def cache_key(request):
    """The key for this request, or None when the request may not be answered from the cache."""
    if request.method not in ("GET", "HEAD") or not settings.PORTAL_PAGE_CACHE:
        return None
    path = request.path_info
    if path.startswith(tuple(settings.PORTAL_PAGE_CACHE_EXCLUDED_PREFIXES)):
        return None
    cookies = request.COOKIES
    if (
        settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
        or "HTTP_AUTHORIZATION" in request.META
    ):
        return None
    query = _query_key(request)
    if query is None:
        return None
    try:
        host = request.get_host()
    except Exception:  # noqa: BLE001 - a bad Host header is Django's 400, not ours to cache
        return None
    from django.utils import timezone

    request._pagecache_generation = generation.current()  # read once: fragments use it too
    raw = "\n".join(
        (
            request._pagecache_generation,
            generation.fingerprint(),
            timezone.localdate().isoformat(),
            request.scheme,
            host,
            path,
            query,
        )
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _shareable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    return response.get("Content-Type", "").split(";")[0].strip() in SHAREABLE_TYPES


def _public(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @property
    def store(self):
        return caches[settings.PORTAL_PAGE_CACHE_ALIAS]

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            response = self.get_response(request)
            if not response.has_header("Cache-Control") and not response.streaming:
                patch_cache_control(response, private=True)
            return response

        entry = self.store.get(key)
        if entry is not None:
            status, headers, content, etag, last_modified = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            _public(response, etag, last_modified)
            return get_conditional_response(
                request, etag=etag, last_modified=last_modified, response=response
            )

        response = self.get_response(request)
        if not _shareable(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)
            return response
        content = response.content
        etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
        last_modified = int(time.time())
        headers = [(name, value) for name, value in response.items() if name.lower() in KEPT_HEADERS]
        self.store.set(
            key,
            (response.status_code, headers, content, etag, last_modified),
            settings.PORTAL_PAGE_CACHE_TIMEOUT,
        )
        response["X-Page-Cache"] = "miss"
        _public(response, etag, last_modified)
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
