"""A second factor (TOTP, django-otp) for the Wagtail admin, required for Eindredacteuren.

Who needs it: a superuser, a member of a group listed in ``PORTAL_2FA_GROUPS`` (the
Eindredacteuren, who publish and handle askers' e-mail addresses), and anyone who has set up a
device. Such a user, logged in with a password but not yet verified with a code, reaches only the
login and logout pages and the two pages here: entering a code (``/admin/tweestaps/``) and, for a
user without a device, setting one up (``/admin/tweestaps/instellen/``, a QR code for an
authenticator app). Every other admin URL redirects to one of those. The public site is not
affected.

wagtail-2fa was the ready-made option, but its 1.8 release imports ``wagtail.users.widgets``,
which Wagtail 8 no longer has; this is the small part of it the portal needs, on django-otp.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

VERIFY, SETUP = "portal_2fa_verify", "portal_2fa_setup"
# Reachable with a password alone (the admin's own login, logout and what their pages load).
OPEN_URL_NAMES = {
    VERIFY,
    SETUP,
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
}


def requires_second_factor(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser or user_has_device(user, confirmed=True):
        return True
    return user.groups.filter(name__in=settings.PORTAL_2FA_GROUPS).exists()


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: an unverified user who needs a code only reaches the gate."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(tuple(settings.PORTAL_ADMIN_PATH_PREFIXES)):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or not requires_second_factor(user):
            return None
        if request.resolver_match.url_name in OPEN_URL_NAMES:
            return None
        target = VERIFY if user_has_device(user, confirmed=True) else SETUP
        return redirect_to_login(request.get_full_path(), login_url=reverse(target))


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw authenticator-app",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, devices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = list(devices)
        self.device = None

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        for device in self.devices:
            if device.verify_token(code):
                self.device = device
                return code
        raise forms.ValidationError("Deze code klopt niet. Vul de code in die de app nu toont.")


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _gate(request, template, form, **context):
    return TemplateResponse(
        request,
        template,
        {"form": form, "next": _next_url(request), **context},
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """Enter the current code of a confirmed device."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    devices = list(devices_for_user(request.user, confirmed=True))
    if not devices:
        return redirect(reverse(SETUP) + "?next=" + _next_url(request))
    form = CodeForm(request.POST or None, devices=devices)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        return redirect(_next_url(request))
    return _gate(request, "security/verify.html", form)


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Set up a TOTP device: scan the QR code (or type the key), confirm with a first code."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
        return redirect(reverse(VERIFY) + "?next=" + _next_url(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None or request.method == "GET":
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=request.user, name="Authenticator-app", confirmed=False)
    form = CodeForm(request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_next_url(request))
    qr = segno.make(device.config_url, error="m")
    return _gate(
        request,
        "security/setup.html",
        form,
        qr_svg=qr.svg_inline(scale=4, dark="#000", light="#fff"),
        key=device.config_url.split("secret=", 1)[1].split("&", 1)[0],
    )


urlpatterns = [
    path("tweestaps/", verify, name=VERIFY),
    path("tweestaps/instellen/", setup, name=SETUP),
]
