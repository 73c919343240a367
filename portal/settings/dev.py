from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
PORTAL_PAGE_CACHE = False  # templates change under the auto-reloader; `make run` has the cache on
PORTAL_FRAGMENT_CACHE = False  # as the page cache: templates change under the auto-reloader
