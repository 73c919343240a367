from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "portal_pagecache"
    verbose_name = "Paginacache"

    def ready(self):
        from portal.pagecache import signals

        signals.connect()
