"""An Atom feed of new and changed content, newest change first."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from knowledge.models import ArticlePage, PracticeExamplePage, QuestionPage
from knowledge.templatetags.portal_tags import page_type_label

FEED_SIZE = 30


class ContentFeed(Feed):
    feed_type = Atom1Feed
    title = "Kennisportaal Banenafspraak: nieuw en gewijzigd"

    def link(self):
        return settings.PORTAL_BASE_URL.rstrip("/") + "/"

    subtitle = "Nieuwe en gewijzigde kennisartikelen, praktijkvoorbeelden en vragen."

    def items(self):
        pages = []
        for model in (ArticlePage, PracticeExamplePage, QuestionPage):
            pages.extend(
                model.objects.live()
                .exclude(last_published_at=None)
                .order_by("-last_published_at")[:FEED_SIZE]
            )
        pages.sort(key=lambda page: page.last_published_at, reverse=True)
        return pages[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "kort_antwoord", "") or item.samenvatting

    def item_link(self, item):
        return item.full_url  # from the Site, i.e. PORTAL_BASE_URL (portal/operations/site_url.py)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [page_type_label(item)]
