"""Which requests the page cache may answer, under which key, and the answer to a hit.

Everything here reads the WSGI environ only (``request.META`` is the same dict), so the WSGI
layer in front of Django (portal/pagecache/wsgi.py) and the middleware inside it
(portal/pagecache/middleware.py) agree on every key: the middleware stores, both serve.

Never answered from the cache (the request goes to Django, which renders it):
- a method other than GET or HEAD;
- a path under ``PORTAL_PAGE_CACHE_EXCLUDED_PREFIXES`` (admin, API, search, forms, uploads);
- a request with an ``Authorization`` header, or with a session, CSRF or messages cookie (an
  editor, a half-finished login, a visitor in the middle of a form), or any cookie named in
  ``PORTAL_PAGE_CACHE_BYPASS_COOKIES``;
- a query string with a parameter outside ``PORTAL_PAGE_CACHE_QUERY_PARAMETERS`` (a checker
  URL with facts, ``?bedankt=1``), or with more than 20 values.
What may be stored at all is decided on the response (the middleware's ``shareable``).
"""

import hashlib
from http import HTTPStatus
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import parse_cookie
from django.utils import timezone
from django.utils.http import parse_etags, parse_http_date_safe

from portal.pagecache import generation

# Keys in the environ: the page key and the generation read for it, so nothing is computed twice.
KEY = "portal.pagecache.key"
GENERATION = "portal.pagecache.generation"
LOOKED_UP = "portal.pagecache.looked_up"  # the WSGI layer found no entry: Django need not look again
MAX_VALUES = 20
NOT_MODIFIED_HEADERS = {"cache-control", "content-location", "etag", "expires", "last-modified", "vary"}


def _query_key(query_string):
    """The sorted query, or None if it has a parameter a cached page may not depend on."""
    if not query_string:
        return ""
    try:
        items = parse_qsl(query_string, keep_blank_values=True, max_num_fields=MAX_VALUES)
    except ValueError:
        return None
    allowed = settings.PORTAL_PAGE_CACHE_QUERY_PARAMETERS
    if any(name not in allowed for name, _ in items):
        return None
    return urlencode(sorted(items))


def _bypass_cookies():
    return {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        *settings.PORTAL_PAGE_CACHE_BYPASS_COOKIES,
    }


def _scheme(environ):
    """As Django's ``HttpRequest.scheme``: the trusted proxy header first."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def _host(environ):
    """The host as sent (Django checks it against ALLOWED_HOSTS before anything is stored)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    else:
        host = (
            environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
        )
    if settings.USE_X_FORWARDED_PORT:
        host += "|" + environ.get("HTTP_X_FORWARDED_PORT", "")
    return host


def cache_key(environ):
    """The key for this request, or None when the request may not be answered from the cache."""
    if KEY in environ:
        return environ[KEY]
    key = None
    if (
        settings.PORTAL_PAGE_CACHE
        and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in environ
    ):
        path = environ.get("PATH_INFO") or "/"
        cookie = environ.get("HTTP_COOKIE")
        query = _query_key(environ.get("QUERY_STRING", ""))
        if (
            query is not None
            and not path.startswith(tuple(settings.PORTAL_PAGE_CACHE_EXCLUDED_PREFIXES))
            and not (cookie and not _bypass_cookies().isdisjoint(parse_cookie(cookie)))
        ):
            token = environ[GENERATION] = generation.current()
            raw = "\n".join(
                (
                    token,
                    generation.fingerprint(),
                    timezone.localdate().isoformat(),
                    _scheme(environ),
                    _host(environ),
                    environ.get("SCRIPT_NAME", ""),
                    path,
                    query,
                )
            )
            key = "page:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    environ[KEY] = key
    return key


def not_modified(environ, etag, last_modified):
    """True for a conditional GET the entry satisfies (a 304), False if it does not, None if the
    request has preconditions this layer leaves to Django (If-Match, If-Unmodified-Since)."""
    if "HTTP_IF_MATCH" in environ or "HTTP_IF_UNMODIFIED_SINCE" in environ:
        return None
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        etags = parse_etags(if_none_match)
        return "*" in etags or etag.removeprefix("W/") in {e.removeprefix("W/") for e in etags}
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since:
        since = parse_http_date_safe(if_modified_since)
        return since is not None and last_modified <= since
    return False


def answer(environ, entry):
    """The status line, headers and body for a hit, or None to leave the request to Django."""
    fresh = not_modified(environ, entry.etag, entry.last_modified)
    if fresh is None:
        return None
    if fresh:
        headers = [(n, v) for n, v in entry.headers if n.lower() in NOT_MODIFIED_HEADERS]
        return "304 Not Modified", [*headers, ("X-Page-Cache", "hit")], b""
    body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else entry.body
    headers = [*entry.headers, ("Content-Length", str(len(entry.body))), ("X-Page-Cache", "hit")]
    return f"{entry.status} {HTTPStatus(entry.status).phrase}", headers, body
