"""The request's Wagtail Site and its root page, looked up once per process and generation.

Wagtail finds the Site of every request with a query (``get_site_for_hostname``: a CASE
annotation, ordered, joined with the root page) and then loads the root page's specific page
with another one, before it routes. Both change only when a Site or a page changes, and either
replaces the page cache's generation (portal/pagecache/signals.py). So this middleware keeps the
Site (with its specific root page) per process and host in a content memo (portal/pagecache/memo.py)
under the same token as the fragment cache (the generation, the code fingerprint and today's
date), and hands each request its own shallow copies (``request._wagtail_site``, which is where
Wagtail's ``Site.find_for_request`` looks first), so nothing one request sets on them reaches
another.

Only for the public site's GET and HEAD requests, and only with ``PORTAL_FRAGMENT_CACHE``,
``PORTAL_CONTENT_MEMO`` and ``PORTAL_SITE_CACHE`` on; the admin always asks Wagtail. `make dev`
has the first off. The test settings have the last off: the middleware looks the Site up for
every public request, also for the checker's API and the voortgang view, which need no Site
and whose tests show they run without the database (tests/eligibility/test_checks_api.py,
tests/voortgang/test_own.py); tests/portal/pagecache/test_sites.py switches it on.
"""

import copy

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from portal.pagecache import fragments
from portal.pagecache.memo import ContentMemo

_known = ContentMemo(maxsize=64)


def _copy(site):
    if site is None:
        return None
    fresh = copy.copy(site)
    root = copy.copy(site.root_page)
    root.__dict__["specific"] = copy.copy(site.root_page.specific)
    fresh.root_page = root
    return fresh


def _find(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 - loaded once, kept with the Site
    return site


def site_for(request):
    host = (split_domain_port(request._get_raw_host())[0], request.get_port())
    return _copy(_known.get(fragments.request_token(request), host, lambda: _find(request)))


class KnownSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.PORTAL_SITE_CACHE
            and fragments.usable(request)
            and not request.path_info.startswith(tuple(settings.PORTAL_ADMIN_PATH_PREFIXES))
            and not hasattr(request, "_wagtail_site")
        ):
            request._wagtail_site = site_for(request)
        return self.get_response(request)
