"""A page cache for anonymous visitors, shared by all workers, never one publish behind.

The first middleware: it sees every response with every header the stack below it set (security
headers, CSP, Permissions-Policy, Content-Type) and stores them with the page, so a hit needs
nothing else. In `make run` and production most hits never reach Django at all: the WSGI layer in
portal/wsgi.py (portal/pagecache/wsgi.py) answers them from the same entries under the same keys
(portal/pagecache/lookup.py: which requests may be answered from the cache). This middleware
answers the rest (Django's test client, a conditional request with If-Match) and stores.

A response is stored only if it is a 200, sets no cookie, did not use a CSRF token (a form that
posts with one is never shared), is not marked private and is HTML, XML or a feed. Keys hold the
generation (portal/pagecache/generation.py), so a change makes every older entry unreachable at
once. Each stored page has an ETag (its hash) and a Last-Modified (when it was rendered): a
conditional request gets a 304. ``Cache-Control: public, max-age=0, must-revalidate`` lets a
proxy keep a copy but ask each time, so a proxy is never stale either; everything that is not
shareable says ``private``.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from portal.pagecache import lookup
from portal.pagecache.store import Entry

SHAREABLE_TYPES = ("text/html", "application/xml", "application/atom+xml", "application/rss+xml", "text/xml")
# Not stored with a page: computed per answer, or never shared.
UNSTORED_HEADERS = {"content-length", "set-cookie", "x-page-cache", "date", "server", "connection"}


def store():
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


def shareable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    try:
        request.get_host()
    except DisallowedHost:
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

    def __call__(self, request):
        key = lookup.cache_key(request.META)
        if key is None:
            response = self.get_response(request)
            if not response.has_header("Cache-Control") and not response.streaming:
                patch_cache_control(response, private=True)
            return response
        # The generation read for the key: the fragment cache (portal/pagecache/fragments.py) uses it too.
        request._pagecache_generation = request.META[lookup.GENERATION]

        entry = None if request.META.get(lookup.LOOKED_UP) else store().get(key)
        if entry is not None:
            status, headers, content, etag, last_modified = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return get_conditional_response(
                request, etag=etag, last_modified=last_modified, response=response
            )

        response = self.get_response(request)
        if not shareable(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)
            return response
        content = response.content
        etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
        last_modified = int(time.time())
        _public(response, etag, last_modified)
        headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
        store().set(
            key,
            Entry(response.status_code, headers, content, etag, last_modified),
            settings.PORTAL_PAGE_CACHE_TIMEOUT,
        )
        response["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
