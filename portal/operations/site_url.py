"""The portal's public address (``PORTAL_BASE_URL``) as the Wagtail Site's hostname and port.

Wagtail builds every absolute URL (API v2 ``html_url``, the sitemap, ``page.full_url``) from the
Site: ``http://localhost/`` unless the Site says otherwise. ``configure_site`` (run by `make run`
after migrating) writes the configured address into the default Site.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def parse_base_url(url):
    """(hostname, port) of an http(s) URL; the port defaults to 80 or 443."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"PORTAL_BASE_URL must be an http(s) URL with a host name, not {url!r}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ImproperlyConfigured("PORTAL_BASE_URL is the address of the site root, without a path")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "http" and port == 443:
        raise ImproperlyConfigured("Wagtail takes port 443 for https: use https:// for port 443")
    return parts.hostname, port


def configure_default_site(url=None):
    """Point the default Site at ``url`` (default: settings.PORTAL_BASE_URL). Returns the Site."""
    from wagtail.models import Site

    hostname, port = parse_base_url(url or settings.PORTAL_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # Wagtail clears its site-root cache on save
    return site
