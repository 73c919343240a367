import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

from portal.pagecache.wsgi import PageCacheApplication  # noqa: E402 - needs the settings module

# Cached pages are answered before Django's request handling (portal/pagecache/wsgi.py).
application = PageCacheApplication(get_wsgi_application())
