from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.api import api
from portal.api_v2 import api_router
from portal.feeds import ContentFeed
from portal.views import robots_txt
from voortgang.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/", api.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}),
    path("robots.txt", robots_txt),
    path("feed/", ContentFeed(), name="content-feed"),
    path("", include("knowledge.urls")),
    path("", include("portal.search.urls")),
    path("", include("editorial.urls")),
    path("", include("eligibility.urls")),
    path("", include("voortgang.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
