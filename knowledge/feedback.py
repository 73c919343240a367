"""'Was deze pagina nuttig?': a yes/no per page, without anything that identifies the visitor.

A vote is checked whole before anything is stored: the page must be a live content page that
shows the question (and so has a URL to go back to), the answer ja or nee, an optional comment
of at most 300 characters. Anything else is a 400. A comment is stored without anything that
looks like personal data (``portal.privacy.scrub``); editors read the "niet nuttig" comments
as kennisgaten (editorial.gaps).

The form carries no CSRF token, so the page it is on can come from the shared page cache (a token
is per visitor, and a cookie with ``Vary: Cookie`` defeats any shared cache). That is safe here:
CSRF protects what a visitor's browser can do with the visitor's own session or rights, and a vote
uses neither (it is anonymous, stores no identity, is the same whoever sends it, and anyone can send
one directly). What a cross-site form could still do is make many visitors' browsers vote for a
third party's page, past the per-address limit; so a browser's vote must come from the portal
itself: ``Sec-Fetch-Site`` (sent by every current browser) must not be cross-site, and an
``Origin`` header, when present, must be the portal's own. Clients that send neither (curl) are
what the rate limit is for.
"""

from django.conf import settings
from django.db import models
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from portal.security import ratelimit


class PageFeedback(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    MAX_OPMERKING = 300

    nuttig = models.BooleanField()
    opmerking = models.CharField(
        max_length=MAX_OPMERKING, blank=True, help_text="Wat de bezoeker miste; zonder persoonsgegevens."
    )
    gegeven_op = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "reactie op een pagina"
        verbose_name_plural = "reacties op pagina's"
        ordering = ["-gegeven_op"]

    def __str__(self):
        return f"{self.page.title}: {'nuttig' if self.nuttig else 'niet nuttig'}"

    def save(self, *args, **kwargs):
        from portal.privacy import scrub

        self.opmerking = " ".join(scrub(self.opmerking, replacement="[verwijderd]").split())[
            : self.MAX_OPMERKING
        ]
        super().save(*args, **kwargs)


def feedback_page(page_id):
    """The live page that asks 'Was deze pagina nuttig?' with this id, or None."""
    from knowledge.models import ArticlePage, PracticeExamplePage, QuestionPage

    if not (isinstance(page_id, str) and page_id.isdigit() and len(page_id) < 12):
        return None
    page = (
        Page.objects.live()
        .type(ArticlePage, PracticeExamplePage, QuestionPage)
        .filter(pk=int(page_id))
        .first()
    )
    if page is None or not page.url:
        return None
    return page


def from_elsewhere(request):
    """True for a browser's post that a page on another site made."""
    if request.META.get("HTTP_SEC_FETCH_SITE", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return False
    own = {f"{request.scheme}://{request.get_host()}", settings.PORTAL_BASE_URL.rstrip("/")}
    own.update(getattr(settings, "CSRF_TRUSTED_ORIGINS", ()))
    return origin not in own


@csrf_exempt
@require_POST
def page_feedback(request):
    """Store a yes/no for a live content page and go back to it; anything else is a clear 400."""
    if from_elsewhere(request):
        return HttpResponseForbidden("Een reactie kan alleen vanaf het kennisportaal zelf worden gegeven.")
    page = feedback_page(request.POST.get("page", ""))
    answer = request.POST.get("nuttig")
    if page is None or answer not in ("ja", "nee"):
        return HttpResponseBadRequest("Ongeldige reactie: kies ja of nee op een bestaande pagina.")
    opmerking = request.POST.get("opmerking", "").strip()
    if len(opmerking) > PageFeedback.MAX_OPMERKING:
        return HttpResponseBadRequest(
            f"Uw opmerking is te lang: ten hoogste {PageFeedback.MAX_OPMERKING} tekens. Ga terug en maak hem korter."
        )
    back = redirect(page.url + "?bedankt=1#feedback")
    if not ratelimit.hit(request, scope="feedback", limit=settings.PORTAL_FEEDBACK_RATE_LIMIT):
        PageFeedback.objects.create(page=page, nuttig=answer == "ja", opmerking=opmerking)
    return back
