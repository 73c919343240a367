"""Which rules a page cites, and so which pages a rule change may have made stale.

A page cites a parameter in four ways:

- a parameter block in its body (``knowledge.blocks.ParameterBlock``): ``blok``;
- a ``[[parameter:naam]]`` placeholder in one of its texts: ``tekst``;
- it is the kennisartikel of a rule or parameter (``kennisartikel:`` in the YAML): ``kennisartikel``;
- it lists, among its bronnen, a bron that a parameter's references name (``bron:``): ``bron``.

The index is read from the pages' current database rows (the live version of a published page,
the draft of a page never published), so it needs no extra table and is never out of date.
"""

import json
import re
from collections import defaultdict
from dataclasses import dataclass

#: The placeholder syntax of ``eligibility.parameters.fill_placeholders``.
PLACEHOLDER = re.compile(r"\[\[parameter:([a-z0-9_.]+)\]\]")
TEXT_FIELDS = ("title", "samenvatting", "kort_antwoord", "aanpak", "wat_werkte", "lessen")

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


def page_citations(page):
    """The set of ``Citation`` s of one content page."""
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
    if isinstance(page, ArticlePage):
        found.add(Citation(KENNISARTIKEL, page.slug))
    found.update(Citation(BRON, source.bron.slug) for source in page.page_sources.all())
    return found


class CitationIndex:
    """Pages by what they cite, built once for a batch of look-ups."""

    def __init__(self, pages=None):
        self.by_target = defaultdict(dict)  # (kind, target) -> {page_id: page}
        for page in content_pages() if pages is None else pages:
            for citation in page_citations(page):
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
