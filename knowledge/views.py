"""Views outside the page tree: asking a question, page feedback and the glossary."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models.functions import Upper
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from knowledge.forms import AskQuestionForm
from knowledge.models import Begrip, QuestionPage
from knowledge.rules import EINDREDACTIE
from knowledge.submissions import SubmittedQuestion
from portal.security import ratelimit


def similar_questions(text, limit=5):
    return list(QuestionPage.objects.live().search(text[:300])[:limit])


def announce(submission):
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=EINDREDACTIE, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if recipients:
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailsnippets_knowledge_submittedquestion:edit", args=[submission.pk]
        )
        send_mail(
            "Nieuwe vraag voor de vragenbank",
            f"Er is een nieuwe vraag binnengekomen:\n\n{submission.vraag}\n\nBekijk en behandel: {admin_url}",
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )


def ask_question(request, index_page):
    """/vragen/stel-een-vraag/: ask, see similar questions, confirm, done."""
    context = {"page": index_page, "self": index_page}
    if request.method == "GET":
        context["form"] = AskQuestionForm()
        context["sent"] = request.GET.get("verzonden") == "1"
        return TemplateResponse(request, "knowledge/ask_question.html", context)

    form = AskQuestionForm(request.POST)
    context["form"] = form
    if form.is_spam:
        # Pretend all went well; store nothing.
        return redirect(index_page.url + "stel-een-vraag/?verzonden=1")
    if not form.is_valid():
        return TemplateResponse(request, "knowledge/ask_question.html", context, status=400)

    data = form.cleaned_data
    if not data["bevestigd"]:
        context["similar"] = similar_questions(data["vraag"])
        context["confirm"] = True
        return TemplateResponse(request, "knowledge/ask_question.html", context)

    if ratelimit.hit(request, scope="ask", limit=settings.PORTAL_ASK_RATE_LIMIT):
        context["rate_limited"] = True
        return TemplateResponse(request, "knowledge/ask_question.html", context, status=429)

    recent = timezone.now() - timedelta(hours=24)
    if not SubmittedQuestion.objects.filter(vraag=data["vraag"], ingediend_op__gte=recent).exists():
        submission = SubmittedQuestion.objects.create(
            vraag=data["vraag"], context=data["context"], email=data["email"]
        )
        announce(submission)
    return redirect(index_page.url + "stel-een-vraag/?verzonden=1")


def glossary(request):
    begrippen = Begrip.objects.order_by(Upper("term"))
    letters = {}
    for begrip in begrippen:
        letters.setdefault(begrip.term[:1].upper(), []).append(begrip)
    return TemplateResponse(request, "knowledge/glossary.html", {"letters": sorted(letters.items())})


def begrip_detail(request, slug):
    begrip = get_object_or_404(Begrip.objects.prefetch_related("bronnen"), slug=slug)
    return TemplateResponse(request, "knowledge/begrip_detail.html", {"begrip": begrip})
