"""Settings shared by every environment.

Configured by the environment variables of the design contract:
DATABASE_URL (default: SQLite file in the project), PORTAL_SEARCH_BACKEND
(``whoosh``, the default, or ``database``) and PORTAL_INDEX_DIR (the Whoosh index folder).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "home",
    "knowledge",
    "eligibility",
    "voortgang",
    "portal.search",
    "portal.security",
    "portal.operations",
    "portal.pagecache",
    "editorial",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "ninja",  # /api/docs from its own static files (no CDN, no inline script)
    "rules.apps.AutodiscoverRulesConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Anonymous pages from the shared page cache (portal/pagecache): first, so it stores every
    # header the others set (security headers, CSP) with the page and a hit needs none of them.
    # In gunicorn most hits are answered before Django (portal/wsgi.py, portal/pagecache/wsgi.py).
    "portal.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.security.middleware.PermissionsPolicyMiddleware",
    "portal.security.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A second factor (TOTP) for the admin: Eindredacteuren, superusers, anyone with a device.
    "django_otp.middleware.OTPMiddleware",
    "portal.security.twofactor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "knowledge.admin_errors.PageSaveErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The request's Wagtail Site and root page from a per-process cache under the page cache's
    # generation (portal/pagecache/sites.py): two queries less per page.
    "portal.pagecache.sites.KnownSiteMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.main_menu",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share one file: wait for a lock instead of failing. The connection
    # is kept between requests as for PostgreSQL (an idle SQLite connection holds no lock; opening
    # and closing one per request cost about 2-4 ms of an uncached page: docs/performance.md).
    # Write-ahead log: readers do not wait for a writer, and a commit (every search counts its
    # query) no longer waits for the disk; `synchronous=NORMAL` keeps the file consistent after a
    # crash or power cut but may lose the last commits before a power cut (docs/operations.md).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

PORTAL_PAGE_CACHE_DIR = os.environ.get("PORTAL_PAGE_CACHE_DIR", str(BASE_DIR / "var" / "cache" / "pages"))

# "default": per process, for Wagtail's small look-ups (site root paths, read for every page URL;
# a table would cost a query each). "shared": one table in the database, the same for every worker
# and host (`createcachetable`, run by `make run`): the page cache's generation token when several
# hosts serve (PORTAL_PAGE_CACHE_GENERATION_FILE=""; one host keeps it in a file). Rate limits
# and login attempts count in their own tables. Redis is the scale-out option (docs/operations.md).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    # Rendered pages with their headers, per host (files, portal/pagecache/store.py); looked up
    # under the current generation token only.
    "pages": {
        "BACKEND": "portal.pagecache.store.PageFileCache",
        "LOCATION": PORTAL_PAGE_CACHE_DIR,
        "TIMEOUT": 86_400,
        "OPTIONS": {"MAX_ENTRIES": 5_000},
    },
    # Rendered template fragments, per process, under the same generation (portal/pagecache/fragments.py).
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "TIMEOUT": 86_400,
        "OPTIONS": {"MAX_ENTRIES": 3_000},
    },
}

# The page cache (portal/pagecache): on unless PORTAL_PAGE_CACHE=0.
PORTAL_PAGE_CACHE = os.environ.get("PORTAL_PAGE_CACHE", "1") != "0"
PORTAL_PAGE_CACHE_ALIAS = "pages"
# Template fragments that are the same for every visitor (portal/pagecache/fragments.py): on
# unless PORTAL_FRAGMENT_CACHE=0.
PORTAL_FRAGMENT_CACHE = os.environ.get("PORTAL_FRAGMENT_CACHE", "1") != "0"
# The request's Wagtail Site and root page per process under the same token (portal/pagecache/sites.py).
PORTAL_SITE_CACHE = True
# Values derived from content per process under the same token, e.g. the search's result cards
# (portal/pagecache/memo.py).
PORTAL_CONTENT_MEMO = True
# The generation token (portal/pagecache/generation.py): a file every worker of this host reads
# per request, no database connection. With several hosts set PORTAL_PAGE_CACHE_GENERATION_FILE=""
# and the token lives in the shared cache (PORTAL_PAGE_CACHE_GENERATION_CACHE) instead.
PORTAL_PAGE_CACHE_GENERATION_FILE = os.environ.get(
    "PORTAL_PAGE_CACHE_GENERATION_FILE", os.path.join(PORTAL_PAGE_CACHE_DIR, "generation")
)
PORTAL_PAGE_CACHE_GENERATION_CACHE = "shared"
# Besides the session and CSRF cookies: a request with one of these cookies is always rendered.
PORTAL_PAGE_CACHE_BYPASS_COOKIES = ["messages"]
PORTAL_PAGE_CACHE_TIMEOUT = 86_400
PORTAL_PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/api/",
    "/documents/",
    "/static/",
    "/media/",
    "/zoeken/",
    "/reactie/",
    "/vragen/stel-een-vraag/",
    "/check/plaatsingen/",
    "/voortgang/eigen-organisatie/",  # a calculator with the organisation's figures in the link
]
# Saving or deleting a row of these apps' models makes every cached page stale (portal/pagecache/signals.py).
PORTAL_PAGE_CACHE_CONTENT_APPS = ["knowledge", "home", "voortgang"]
PORTAL_PAGE_CACHE_IGNORED_MODELS = [
    "knowledge.PageFeedback",
    "knowledge.SubmittedQuestion",
    "home.LoadedContentFile",
]
# Models of other apps that pages show: an open review flag puts "wordt gecontroleerd" on a page.
# The editors' best bets are on no page, but the search keeps them per generation
# (portal/search/service.py).
PORTAL_PAGE_CACHE_EXTRA_MODELS = ["editorial.ReviewFlag", "wagtailsearchpromotions.SearchPromotion"]
# Query parameters cached pages read (facet filters, page number); the index pages keep a
# made-up value out of the cache. The feedback thanks (?bedankt=1) is rendered for each voter.
PORTAL_PAGE_CACHE_QUERY_PARAMETERS = {
    "thema",
    "spoor",
    "sector",
    "doelgroep",
    "werksoort",
    "pagina",
}

# E-mail: announcements of new questions go to the Eindredacteuren.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kennisportaal@localhost")
# The portal's own contact details, shown on /contact/, /privacy/ and /toegankelijkheid/ (filled in
# by load_initial_content from [[instelling:...]] placeholders). Empty: the pages name the route
# ("het e-mailadres van de beheerder") without an address; set both in production.
PORTAL_CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL", "")
PORTAL_ORGANISATIE = os.environ.get("PORTAL_ORGANISATIE", "")

# Wagtail
WAGTAIL_SITE_NAME = "Kennisportaal Banenafspraak"
# The portal's public address: the Wagtail Site's hostname and port (`manage.py configure_site`, run by
# `make run`), so API v2, the sitemap and the feed give URLs that work; and the admin's links in e-mail.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PORTAL_BASE_URL)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin shows its own default avatar, and makes no request to
# another host (tests/browser/test_no_third_party_requests.py).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Search texts (Wagtail's counts, the unanswered queries, the editorial counts per day) and the
# feedback votes are deleted after these many days (prune_old_records, searchpromotions_garbage_collect;
# the privacy statement names the same periods).
PORTAL_SEARCH_TEXT_RETENTION_DAYS = int(os.environ.get("PORTAL_SEARCH_TEXT_RETENTION_DAYS", "365"))
PORTAL_FEEDBACK_RETENTION_DAYS = int(os.environ.get("PORTAL_FEEDBACK_RETENTION_DAYS", "365"))
WAGTAILSEARCH_HITS_MAX_AGE = PORTAL_SEARCH_TEXT_RETENTION_DAYS

# Search: Whoosh (embedded default) or Wagtail's database backend.
PORTAL_SEARCH_BACKEND = os.environ.get("PORTAL_SEARCH_BACKEND", "whoosh")
PORTAL_INDEX_DIR = Path(os.environ.get("PORTAL_INDEX_DIR", BASE_DIR / "var" / "whoosh_index"))
if PORTAL_SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
    }
elif PORTAL_SEARCH_BACKEND == "whoosh":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend", "PATH": str(PORTAL_INDEX_DIR)}}
else:
    raise ValueError("PORTAL_SEARCH_BACKEND must be 'whoosh' or 'database'")

# Background tasks (Wagtail uses django-tasks): immediate unless a deployment says otherwise.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The question form: how many questions one client may send per hour; feedback votes likewise.
PORTAL_ASK_RATE_LIMIT = int(os.environ.get("PORTAL_ASK_RATE_LIMIT", "5"))
PORTAL_FEEDBACK_RATE_LIMIT = int(os.environ.get("PORTAL_FEEDBACK_RATE_LIMIT", "10"))
# An unanswered question's e-mail address is erased after this many days (erase_old_addresses).
PORTAL_ASKER_EMAIL_RETENTION_DAYS = int(os.environ.get("PORTAL_ASKER_EMAIL_RETENTION_DAYS", "90"))
# Addresses or networks of the proxies in front of the portal, comma-separated: X-Forwarded-For is
# read only from these (portal/security/clientip.py). Empty: REMOTE_ADDR is the client.
PORTAL_TRUSTED_PROXIES = [p for p in os.environ.get("PORTAL_TRUSTED_PROXIES", "").split(",") if p.strip()]

# --- Security headers -----------------------------------------------------------------------
# Referrers stay on the portal: a checker URL carries the visitor's facts in its query string.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_NONE],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "manifest-src": [_SELF],
        "form-action": [_SELF],
        "base-uri": [_NONE],
        "object-src": [_NONE],
        "frame-ancestors": [_NONE],
    }
}
# Wagtail's admin needs inline styles and scripts (portal/security/middleware.py says why).
PORTAL_ADMIN_PATH_PREFIXES = ["/admin/"]
PORTAL_ADMIN_CSP = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "font-src": [_SELF, "data:"],
        "connect-src": [_SELF],
        "frame-src": [_SELF],
        "form-action": [_SELF],
        "base-uri": [_SELF],
        "object-src": [_NONE],
        "frame-ancestors": [_SELF],
    }
}
PORTAL_PERMISSIONS_POLICY = {
    feature: ()
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# --- Admin login: throttling and lockout (django-axes) and a second factor (django-otp) ----------
# Five wrong passwords lock out that address, and (separately) that user name, for 15 minutes;
# every further try during the lock-out starts the 15 minutes again.
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "portal.security.clientip.axes_client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures are kept for the lock-out; successful logins are not logged
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
# The second factor (portal/security/twofactor.py): required for these groups and superusers.
PORTAL_2FA_GROUPS = ["Eindredacteur"]
OTP_TOTP_ISSUER = "Kennisportaal Banenafspraak"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
