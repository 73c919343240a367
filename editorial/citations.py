"""Which rules a page cites, and so which pages a rule change may have made stale.

A page cites a parameter in four ways:

- a parameter block in its body (``knowledge.blocks.ParameterBlock``): ``blok``;
- a placeholder such as ``[[parameter:naam]]`` in one of its texts, or in the content file it was
  loaded from (the loader fills placeholders in, so the database holds the value): ``tekst``;
- it is the kennisartikel of a rule or parameter (``kennisartikel:`` in the YAML): ``kennisartikel``;
- it lists, among its bronnen, a bron that a parameter's references name (``bron:``): ``bron``.

The index is read from the pages' current database rows (the live version of a published page,
the draft of a page never published), so it needs no extra table and is never out of date.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

#: Every placeholder that shows a parameter: ``eligibility.parameters.fill_placeholders``
#: (parameter, sinds, per) and the content loader's (parameter, parameterdatum, with a field or
#: a date after the name). The name is the first two parts: ``area.name``.
PLACEHOLDER = re.compile(r"\[\[(?:parameter|parameterdatum|sinds|per):([a-z0-9_]+\.[a-z0-9_]+)")
TEXT_FIELDS = ("title", "samenvatting", "kort_antwoord", "aanpak", "wat_werkte", "lessen")
#: Content folders (content/<folder>/<slug>.md) by the page model they load into.
CONTENT_FOLDERS = {
    "articlepage": "artikelen",
    "questionpage": "vragen",
    "practiceexamplepage": "praktijkvoorbeelden",
}

BLOCK, TEXT, KENNISARTIKEL, BRON = "blok", "tekst", "kennisartikel", "bron"
LABELS = {
    BLOCK: "parameterblok",
    TEXT: "waarde in de tekst",
    KENNISARTIKEL: "kennisartikel van de regel",
    BRON: "bron",
}


@dataclass(frozen=True, order=True)
class Citation:
    kind: str  # BLOCK, TEXT, KENNISARTIKEL or BRON
    target: str  # a parameter name, an article slug or a bron slug

    @property
    def label(self):
        return f"{LABELS[self.kind]} {self.target}" if self.kind == BRON else LABELS[self.kind]


def content_models():
    from knowledge.models import ArticlePage, PracticeExamplePage, QuestionPage

    return (ArticlePage, PracticeExamplePage, QuestionPage)


def content_pages():
    """Every content page (live or draft), with its bronnen prefetched."""
    for model in content_models():
        yield from model.objects.prefetch_related("page_sources__bron").order_by("path")


def content_dir():
    return Path(getattr(settings, "EDITORIAL_CONTENT_DIR", None) or Path(settings.BASE_DIR) / "content")


def content_file_placeholders(root=None):
    """{(model name, slug): {parameter names}} for the content files that hold placeholders."""
    root = Path(root or content_dir())
    found = {}
    for model_name, folder in CONTENT_FOLDERS.items():
        for path in sorted((root / folder).glob("*.md")):
            names = set(PLACEHOLDER.findall(path.read_text(encoding="utf-8", errors="replace")))
            if names:
                found[(model_name, path.stem)] = names
    return found


def page_citations(page, file_placeholders=None):
    """The set of ``Citation`` s of one content page (``file_placeholders``: see
    ``content_file_placeholders``)."""
    from knowledge.models import ArticlePage

    found = set()
    raw = list(page.body.raw_data) if page.body is not None else []
    for item in raw:
        if item.get("type") == "parameter":
            name = str((item.get("value") or {}).get("parameter") or "").strip()
            if name:
                found.add(Citation(BLOCK, name))
    texts = [json.dumps(raw, ensure_ascii=False)]
    texts += [str(getattr(page, name, "") or "") for name in TEXT_FIELDS]
    for text in texts:
        found.update(Citation(TEXT, name) for name in PLACEHOLDER.findall(text))
    for name in (file_placeholders or {}).get((page._meta.model_name, page.slug), ()):
        found.add(Citation(TEXT, name))
    if isinstance(page, ArticlePage):
        found.add(Citation(KENNISARTIKEL, page.slug))
    found.update(Citation(BRON, source.bron.slug) for source in page.page_sources.all())
    return found


class CitationIndex:
    """Pages by what they cite, built once for a batch of look-ups."""

    def __init__(self, pages=None):
        self.by_target = defaultdict(dict)  # (kind, target) -> {page_id: page}
        file_placeholders = content_file_placeholders()
        for page in content_pages() if pages is None else pages:
            for citation in page_citations(page, file_placeholders):
                self.by_target[(citation.kind, citation.target)][page.pk] = page

    def citing(self, name, kennisartikelen=(), bronnen=()):
        """{page: sorted [Citation]} for a rule named ``name`` with its article and bron slugs."""
        wanted = [Citation(BLOCK, name), Citation(TEXT, name)]
        wanted += [Citation(KENNISARTIKEL, slug) for slug in kennisartikelen]
        wanted += [Citation(BRON, slug) for slug in bronnen]
        pages, how = {}, defaultdict(set)
        for citation in wanted:
            for page_id, page in self.by_target.get((citation.kind, citation.target), {}).items():
                pages[page_id] = page
                how[page_id].add(citation)
        return {pages[page_id]: sorted(how[page_id]) for page_id in pages}


def describe(citations):
    """'parameterblok, bron wfsv-38h' for a list of citations."""
    return ", ".join(citation.label for citation in citations)
