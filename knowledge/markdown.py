"""Markdown to the HTML stored in rich text, with the content files' link scheme.

`[tekst](artikel:slug)` and its siblings become Wagtail page links (`<a linktype="page" id="…">`)
so that they survive moves; `begrip:slug` links point at the glossary.
"""

import re

import markdown
from django.urls import reverse

PAGE_MODELS = {"artikel": "ArticlePage", "praktijkvoorbeeld": "PracticeExamplePage", "vraag": "QuestionPage"}
LINK_SCHEMES = (*PAGE_MODELS, "begrip")
_LINK = re.compile(r'href="(' + "|".join(LINK_SCHEMES) + r'):([a-z0-9-]+)"')


class DanglingLink(ValueError):
    """A link to a slug that does not exist."""

    def __init__(self, scheme, slug):
        super().__init__(f"{scheme}:{slug}")
        self.scheme, self.slug = scheme, slug


def find_page(scheme, slug):
    """The page id for a content link, looked up among existing pages."""
    from django.apps import apps

    model = apps.get_model("knowledge", PAGE_MODELS[scheme])
    page_id = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if page_id is None:
        raise DanglingLink(scheme, slug)
    return page_id


def render_markdown(text, resolve_page=find_page):
    """Render Markdown; resolve_page(scheme, slug) -> page id for page links (or raise DanglingLink)."""
    html = markdown.markdown(text or "", extensions=["sane_lists"], output_format="html")

    def replace(match):
        scheme, slug = match.groups()
        if scheme == "begrip":
            return f'href="{reverse("begrip-detail", args=[slug])}"'
        return f'linktype="page" id="{resolve_page(scheme, slug)}"'

    return _LINK.sub(replace, html)


def referenced(text):
    """All (scheme, slug) links in a Markdown text."""
    return re.findall(r"\]\((" + "|".join(LINK_SCHEMES) + r"):([a-z0-9-]+)\)", text or "")
