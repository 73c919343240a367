"""The sitemap: Wagtail's pages plus /voortgang/, which is a view, not a page."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from voortgang.models import Meting


class VoortgangSitemap(Sitemap):
    def items(self):
        return ["voortgang"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        newest = Meting.objects.filter(live=True).order_by("-last_published_at").first()
        return newest.last_published_at if newest else None


SITEMAPS = {"wagtail": WagtailSitemap, "voortgang": VoortgangSitemap()}
