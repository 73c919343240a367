"""A draft question in the vragenbank, made in one action: from a kennisgat (editorial.gaps) or from
a submitted question (knowledge.submissions). The editor writes the answer; publishing goes through
the review workflow like any page."""

from django.utils import timezone


class CannotDraft(Exception):
    """There is no vragenbank to put the draft in, or the user may not add a page there."""


def draft_question(title, user=None):
    """A new, unpublished QuestionPage titled ``title`` under the vragenbank, with a first revision
    (so it shows in the editor's history and "Mijn concepten"). The slug is made from the title by
    Wagtail, -2, -3 ... where a sibling has it. Raises ``CannotDraft``."""
    from knowledge.models import QuestionIndexPage, QuestionPage

    index = QuestionIndexPage.objects.first()
    if index is None:
        raise CannotDraft("Er is geen vragenbank om de conceptvraag in te zetten.")
    if user is not None and not index.permissions_for_user(user).can_add_subpage():
        raise CannotDraft("U mag geen vragen toevoegen aan de vragenbank.")
    page = QuestionPage(
        title=title[:255],
        live=False,
        samenvatting="",
        kort_antwoord="",
        laatst_gecontroleerd=timezone.localdate(),
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True, clean=False)
    return page
