"""`make run`: production-like serving (gunicorn, whitenoise, DEBUG off) on a local machine.

Plain HTTP on 127.0.0.1, so no HTTPS redirect or secure-only cookies; a secret key is made
once and kept in var/secret_key so sessions survive a restart.
"""

import secrets
from urllib.parse import urlsplit

from .base import *  # noqa: F403

_key_file = BASE_DIR / "var" / "secret_key"  # noqa: F405
if not _key_file.exists():
    _key_file.parent.mkdir(parents=True, exist_ok=True)
    _key_file.write_text(secrets.token_urlsafe(50))
SECRET_KEY = SECRET_KEY or _key_file.read_text().strip()  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", urlsplit(PORTAL_BASE_URL).hostname]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
