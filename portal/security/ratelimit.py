"""Rate limits that hold across gunicorn workers, hosts and proxies.

A limit counts in the database, the one store every worker and every host shares, with an
atomic ``UPDATE ... SET count = count + 1``: two workers that take a post at the same moment
each see their own count, so 50 rapid posts store at most the limit (Django's cache API has no
atomic increment on its database and file backends). The client is the address from
``portal.security.clientip`` (X-Forwarded-For only from trusted proxies), kept as a salted hash.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.security.clientip import client_ip
from portal.security.models import RateLimitCounter


def client_key(request, scope):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{client_ip(request)}".encode()).hexdigest()
    return f"{scope}:{digest[:40]}"


def hit(request, scope, limit, period=timedelta(hours=1)):
    """Count one request of this client in ``scope``; True when it is over ``limit`` this period."""
    now = timezone.now()
    key = client_key(request, scope)
    with transaction.atomic():
        RateLimitCounter.objects.filter(expires__lte=now).delete()
        counter, _ = RateLimitCounter.objects.get_or_create(key=key, defaults={"expires": now + period})
        RateLimitCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        count = RateLimitCounter.objects.filter(pk=counter.pk).values_list("count", flat=True).get()
    return count > limit
