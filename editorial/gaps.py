"""Kennisgaten: what visitors look for and do not find, grouped, ranked and turned into drafts.

Four signals, over the last ``WINDOW_DAYS`` days:

- a search that found nothing (``SearchDay.zero_results``);
- searches that found something but whose results were (almost) never clicked: a query counts
  when at most ``NO_CLICK_MAX_RATE`` of its searches with results led to a click, and then with
  the searches that did not;
- a "niet nuttig" vote with a comment (the comment says what was missing);
- a submitted question that no published answer is linked to yet.

Each text is normalised and scrubbed (``portal.privacy``) and grouped by its stemmed words
(``search_log.gap_key``, the portal's Dutch analyser). ``refresh()`` rebuilds the open gaps from
the signals; a gap that became a draft keeps the queries it had then (what the page should
answer), so the measurement afterwards (``editorial.closure``) compares like with like.
"""

import datetime
from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from editorial.models import ContentGap, GapQuery, SearchDay
from editorial.search_log import gap_key
from knowledge.drafts import CannotDraft, draft_question
from portal.privacy import normalise

WINDOW_DAYS = 365
NO_CLICK_MAX_RATE = 0.1

Source = GapQuery.Source
COUNT_FIELDS = {
    Source.ZERO_RESULTS: "zero_results",
    Source.NO_CLICK: "no_clicks",
    Source.NOT_USEFUL: "not_useful",
    Source.QUESTION: "questions",
}


def _search_signals(since):
    rows = (
        SearchDay.objects.filter(day__gte=since)
        .values("text", "key")
        .annotate(searches=Sum("searches"), zero=Sum("zero_results"), clicks=Sum("clicks"), last=Max("day"))
    )
    for row in rows:
        if row["zero"]:
            yield row["text"], Source.ZERO_RESULTS, row["zero"], row["last"]
        with_results = row["searches"] - row["zero"]
        if with_results > 0 and row["clicks"] <= NO_CLICK_MAX_RATE * with_results:
            yield row["text"], Source.NO_CLICK, with_results - row["clicks"], row["last"]


def _feedback_signals(since):
    from knowledge.feedback import PageFeedback

    comments = PageFeedback.objects.filter(nuttig=False, gegeven_op__gte=since).exclude(opmerking="")
    for opmerking, given in comments.values_list("opmerking", "gegeven_op"):
        yield (
            normalise(opmerking.replace("[verwijderd]", " ")),
            Source.NOT_USEFUL,
            1,
            timezone.localdate(given),
        )


def _question_signals(since):
    from knowledge.submissions import SubmittedQuestion

    open_questions = SubmittedQuestion.objects.filter(
        ingediend_op__gte=since, antwoord_pagina__isnull=True
    ).exclude(status=SubmittedQuestion.Status.AFGEWEZEN)
    for vraag, sent in open_questions.values_list("vraag", "ingediend_op"):
        yield normalise(vraag), Source.QUESTION, 1, timezone.localdate(sent)


def collect(today=None):
    """{key: {"queries": Counter((text, source) -> count), "seen": {(text, source): last date}}}
    of the window."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=WINDOW_DAYS)
    since_moment = timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
    groups = defaultdict(lambda: {"queries": Counter(), "seen": {}})
    signals = [
        *_search_signals(since),
        *_feedback_signals(since_moment),
        *_question_signals(since_moment),
    ]
    for text, source, count, seen in signals:
        key = gap_key(text) if text else ""
        if not key or count <= 0:
            continue
        group = groups[key]
        group["queries"][(text, source)] += count
        group["seen"][(text, source)] = max(seen, group["seen"].get((text, source), seen))
    return dict(groups)


def title_for(queries):
    """A draft title from a gap's queries: a submitted question if there is one, else the text
    that came most often; first letter capitalised."""
    questions = [(count, text) for (text, source), count in queries.items() if source == Source.QUESTION]
    ranked = questions or [(count, text) for (text, _source), count in queries.items()]
    count, text = max(ranked, key=lambda item: (item[0], -len(item[1])))
    return (text[:1].upper() + text[1:])[:255]


@transaction.atomic
def refresh(today=None):
    """Rebuild the open (and dismissed) gaps from the signals; returns the number of open gaps."""
    groups = collect(today)
    existing = {gap.key: gap for gap in ContentGap.objects.select_for_update()}
    for key, group in groups.items():
        gap = existing.get(key) or ContentGap(key=key)
        if gap.status in (ContentGap.Status.DRAFT, ContentGap.Status.PUBLISHED):
            continue  # frozen: these are the queries its page was written for
        queries = group["queries"]
        for field in COUNT_FIELDS.values():
            setattr(gap, field, 0)
        for (_text, source), count in queries.items():
            setattr(gap, COUNT_FIELDS[source], getattr(gap, COUNT_FIELDS[source]) + count)
        gap.total = sum(queries.values())
        gap.last_seen = max(group["seen"].values())  # its most recent query
        if not gap.pk or gap.status == ContentGap.Status.OPEN:
            gap.title = title_for(queries)
        gap.save()
        gap.queries.all().delete()
        GapQuery.objects.bulk_create(
            GapQuery(gap=gap, text=text, source=source, count=count, last_seen=group["seen"][(text, source)])
            for (text, source), count in queries.items()
        )
    ContentGap.objects.filter(status=ContentGap.Status.OPEN).exclude(key__in=list(groups)).delete()
    return ContentGap.objects.filter(status=ContentGap.Status.OPEN).count()


def ranked(limit=None):
    gaps = ContentGap.objects.filter(status=ContentGap.Status.OPEN).order_by("-total", "title")
    return gaps[:limit] if limit else gaps


CannotConvert = CannotDraft  # no vragenbank, or the user may not add a page there


@transaction.atomic
def convert(gap, user=None):
    """Turn a gap into a draft QuestionPage in the vragenbank (``knowledge.drafts``): its title
    filled in, the gap's queries attached (shown in the editor's Redactie panel). Returns the
    draft."""
    if gap.page_id:
        return gap.page
    page = draft_question(gap.title, user)
    gap.page = page
    gap.status = ContentGap.Status.DRAFT
    gap.converted_at = timezone.now()
    gap.save(update_fields=["page", "status", "converted_at"])
    return page


def mark_published(page):
    """The draft of a gap went live: the gap is answered from now on (its closure is measured)."""
    ContentGap.objects.filter(page_id=page.pk, status=ContentGap.Status.DRAFT).update(
        status=ContentGap.Status.PUBLISHED, published_at=timezone.now()
    )
