"""Security headers: the Content-Security-Policy (strict on the public site) and Permissions-Policy.

The public site runs no inline script or style: every script and stylesheet is a static file, so
``script-src 'self'`` and ``style-src 'self'`` hold everywhere outside /admin/. Wagtail's admin is
not yet written for such a policy (inline event handlers in some widgets, inline styles, eval in
choosers: wagtail/wagtail#7053, #12368), so the admin gets its own, relaxed policy
(``PORTAL_ADMIN_CSP``): still only this origin's scripts, styles, images and frames, but with
'unsafe-inline' (and 'unsafe-eval' for scripts). The admin is used only by logged-in editors with
a second factor; a visitor's page never gets the relaxed policy.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def _is_admin(path):
    return path.startswith(tuple(settings.PORTAL_ADMIN_PATH_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and _is_admin(request.path_info):
            return PolicyParts(
                settings.PORTAL_ADMIN_CSP["DIRECTIVES"], parts.update, parts.replace, parts.nonce
            )
        return parts


class PermissionsPolicyMiddleware:
    """Switch off the browser features the portal never uses (camera, geolocation, ...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})" for feature, allow in settings.PORTAL_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
