"""The visitor's address, behind any number of trusted proxies.

``PORTAL_TRUSTED_PROXIES`` lists the addresses (or networks, 10.0.0.0/8) of the load balancers
and proxies in front of the portal. ``X-Forwarded-For`` is read only when the connection comes
from one of them, and from the right: each trusted hop is skipped, the first address that is not
trusted is the client. A visitor cannot choose an address by sending the header himself: it is
ignored when he connects directly, and behind a proxy his forged entries sit left of the ones
the proxies added.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(spec):
    networks = []
    for item in spec:
        item = item.strip()
        if item:
            networks.append(ipaddress.ip_network(item, strict=False))
    return tuple(networks)


def trusted_networks():
    return _networks(tuple(getattr(settings, "PORTAL_TRUSTED_PROXIES", ())))


def _parse(text):
    text = (text or "").strip()
    if text.startswith("[") and "]" in text:  # [2001:db8::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 192.0.2.1:443
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The client's address as text ('' if unknown)."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return ""
    networks = trusted_networks()
    if not networks or not _trusted(remote, networks):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = remote
    for hop in reversed([part for part in forwarded.split(",") if part.strip()]):
        address = _parse(hop)
        if address is None:
            break  # a garbled entry: trust nothing left of it
        client = address
        if not _trusted(address, networks):
            break
    return str(client)


def axes_client_ip(request):
    """django-axes' AXES_CLIENT_IP_CALLABLE: the same address as the rate limits use."""
    return client_ip(request) or None
