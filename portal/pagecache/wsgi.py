"""The page cache in front of Django: a hit is answered without Django's request handling.

    application = PageCacheApplication(get_wsgi_application())      # portal/wsgi.py

For a request the page cache may answer (portal/pagecache/lookup.py) whose entry is stored, the
stored status, headers and body are sent as they are (or a 304 for a matching If-None-Match or
If-Modified-Since, an empty body for HEAD): no request object, no middleware, no database
connection (the generation token is a file, portal/pagecache/generation.py). Everything else,
and anything that goes wrong here, goes to Django, whose first middleware
(portal/pagecache/middleware.py) renders and stores under the same key.
"""

import logging

from django.conf import settings
from django.core.cache import caches

from portal.pagecache import lookup

logger = logging.getLogger(__name__)


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            found = self._answer(environ)
        except Exception:  # the cache must never take a page down: Django renders it instead
            logger.exception("page cache lookup failed for %s", environ.get("PATH_INFO"))
            environ.pop(lookup.KEY, None)
            environ.pop(lookup.LOOKED_UP, None)
            found = None
        if found is None:
            return self.application(environ, start_response)
        status, headers, body = found
        start_response(status, headers)
        return [body]

    def _answer(self, environ):
        key = lookup.cache_key(environ)
        if key is None:
            return None
        entry = caches[settings.PORTAL_PAGE_CACHE_ALIAS].get(key)
        if entry is None:
            environ[lookup.LOOKED_UP] = True
            return None
        return lookup.answer(environ, entry)
