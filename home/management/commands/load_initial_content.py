"""Load content/ into the portal: snippets, pages and their links, then refresh the search index.

Idempotent: each file's hash is remembered, so a second run changes nothing, and a changed file
becomes a new revision of its page. Everything is checked first and written in one transaction.

Parameter placeholders (``[[parameter:quotum.drempel_uren]]``, see ``home.content_files.fill``)
are filled with the values in force on the day of the load, so search, the API and the pages all
show the same number. The remembered hash covers the filled text: after a parameter changes, the
next load makes a new revision of each page that shows it.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.content_files import PAGE_TYPES, PARAMETER_LINE, ContentError, fill, read_content, texts
from home.models import HomePage, LoadedContentFile, StandardPage
from knowledge import models as km
from knowledge.markdown import PAGE_MODELS, markdown_blocks, render_markdown
from voortgang.content import load_measurements, read_measurements

TAXONOMY_MODELS = {
    "thema": km.Thema,
    "spoor": km.Spoor,
    "sector": km.Sector,
    "doelgroep": km.Doelgroep,
    "werksoort": km.Werksoort,
}
INDEX_PAGES = [
    # (model, slug, title, intro)
    (
        km.ArticleIndexPage,
        "kennisbank",
        "Kennisbank",
        "Uitleg over de banenafspraak: de doelgroep, wat meetelt, banen en het quotum, met bronnen.",
    ),
    (
        km.PracticeExampleIndexPage,
        "praktijkvoorbeelden",
        "Praktijkvoorbeelden",
        "Hoe overheidswerkgevers banen voor mensen uit de doelgroep realiseerden, en wat zij leerden.",
    ),
    (
        km.QuestionIndexPage,
        "vragen",
        "Vragenbank",
        "Antwoorden op de vragen die werkgevers stellen over de banenafspraak.",
    ),
]
INDEX_FOR = {"artikel": "kennisbank", "praktijkvoorbeeld": "praktijkvoorbeelden", "vraag": "vragen"}


def samenvatting(meta, text=str):
    """A page's summary; a question without one is summarised by its short answer."""
    return text(meta.get("samenvatting") or "") or text(meta.get("kort_antwoord", ""))[:400]


def default_root():
    return Path(settings.BASE_DIR) / "content"


class Command(BaseCommand):
    help = "Laadt de inhoud uit content/ (idempotent) en ververst de zoekindex."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=None, help="Map met de inhoud (standaard: content/).")
        parser.add_argument("--if-empty", action="store_true", help="Alleen laden als er nog geen inhoud is.")
        parser.add_argument("--no-index", action="store_true", help="De zoekindex niet verversen.")

    def handle(self, *args, **options):
        if options["if_empty"] and LoadedContentFile.objects.exists():
            self.stdout.write("Inhoud is al geladen; niets gedaan.")
            return
        root = Path(options["path"]) if options["path"] else default_root()
        on = timezone.localdate()
        try:
            content = read_content(root, on)
            measurements = read_measurements(root, content)
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        with transaction.atomic():
            changed = Loader(content, self.stdout, on).load()
            changed += load_measurements(measurements)
        self.stdout.write(f"{changed} bestanden nieuw of gewijzigd.")
        if changed and not options["no_index"]:
            call_command("update_index", verbosity=0)


class Loader:
    def __init__(self, content, stdout, on):
        self.content = content
        self.stdout = stdout
        self.on = on
        self.known = dict(LoadedContentFile.objects.values_list("path", "sha256"))
        self.changed = 0
        self.pages = {}  # (kind, slug) -> page

    def load(self):
        self.load_taxonomy()
        self.home = HomePage.objects.get(depth=2)
        self.indexes = {slug: self.ensure_index(*spec) for spec in INDEX_PAGES for slug in [spec[1]]}
        for kind, model in (("bron", km.Bron), ("organisatie", km.Organisatie)):
            for item in self.content.all(kind):
                if self.is_new(item):
                    self.upsert_snippet(model, item)
        self.create_missing_pages()
        for kind in PAGE_TYPES:
            for item in self.content.all(kind):
                if self.is_new(item):
                    self.fill_page(item, self.pages[kind, item.slug])
        for item in self.content.all("begrip"):
            if self.is_new(item):
                self.upsert_begrip(item)
        for item in self.content.all("pagina"):
            if self.is_new(item):
                self.upsert_standard_page(item)
        return self.changed

    # -- bookkeeping -------------------------------------------------------------------------
    def digest(self, item):
        """The file's hash, or for a file with placeholders the hash of the file and its filled text."""
        filled = [self.text(text) for _field, text in texts(item) if "[[" in text]
        if not filled:
            return item.sha256
        return hashlib.sha256("\n".join([item.sha256, *filled]).encode()).hexdigest()

    def is_new(self, item):
        return self.known.get(item.path) != self.digest(item)

    def mark_loaded(self, item):
        LoadedContentFile.objects.update_or_create(path=item.path, defaults={"sha256": self.digest(item)})
        self.changed += 1

    def text(self, text):
        """A text with its parameter placeholders filled for the day of the load."""
        return fill(text, self.on)

    def resolve_page(self, scheme, slug):
        return self.pages[scheme, slug].pk

    def html(self, markdown_text):
        return render_markdown(self.text(markdown_text), resolve_page=self.resolve_page)

    # -- snippets ----------------------------------------------------------------------------
    def load_taxonomy(self):
        for facet, terms in self.content.taxonomy.items():
            for slug, naam in terms.items():
                TAXONOMY_MODELS[facet].objects.update_or_create(slug=slug, defaults={"naam": naam})

    def upsert_snippet(self, model, item):
        meta = item.meta
        if model is km.Bron:
            fields = {
                "titel": self.text(meta["titel"]),
                "soort": meta["soort"],
                "jaar": meta.get("jaar"),
                "kenmerk": meta.get("kenmerk") or "",
                "url": meta.get("url") or "",
                "omschrijving": self.text(item.body.strip()),
            }
        else:
            sector = meta.get("sector")
            fields = {
                "naam": meta["naam"],
                "afkorting": meta.get("afkorting") or "",
                "sector": km.Sector.objects.filter(slug=sector).first() if sector else None,
                "website": meta.get("website") or "",
                "omschrijving": self.text(item.body.strip()),
            }
        model.objects.update_or_create(slug=item.slug, defaults=fields)
        self.mark_loaded(item)

    def upsert_begrip(self, item):
        meta = item.meta
        begrip, _ = km.Begrip.objects.update_or_create(
            slug=item.slug,
            defaults={
                "term": self.text(meta["term"]),
                "afkorting": meta.get("afkorting") or "",
                "synoniemen": "\n".join(self.text(s) for s in meta.get("synoniemen") or []),
                "omschrijving": self.text(item.body.strip()),
            },
        )
        begrip.bronnen.set(km.Bron.objects.filter(slug__in=meta.get("bronnen") or []))
        self.mark_loaded(item)

    # -- pages -------------------------------------------------------------------------------
    def ensure_index(self, model, slug, title, intro):
        page = model.objects.child_of(self.home).filter(slug=slug).first()
        if page is None:
            page = self.home.add_child(
                instance=model(title=title, slug=slug, intro=f"<p>{intro}</p>", show_in_menus=True)
            )
            page.save_revision().publish()
        return page

    def create_missing_pages(self):
        """Pass 1: every page exists (unpublished if new), so links between pages can resolve."""
        for kind in PAGE_TYPES:
            model = getattr(km, PAGE_MODELS[kind])
            existing = {p.slug: p for p in model.objects.child_of(self.indexes[INDEX_FOR[kind]])}
            for item in self.content.all(kind):
                page = existing.get(item.slug)
                if page is None:
                    page = model(
                        title=self.text(item.title),
                        slug=item.slug,
                        live=False,
                        samenvatting=samenvatting(item.meta, self.text),
                        laatst_gecontroleerd=item.meta["laatst_gecontroleerd"],
                        **(
                            {"kort_antwoord": self.text(item.meta["kort_antwoord"])}
                            if kind == "vraag"
                            else {}
                        ),
                        **(
                            {"aanpak": "-", "wat_werkte": "-", "lessen": "-"}
                            if kind == "praktijkvoorbeeld"
                            else {}
                        ),
                    )
                    self.indexes[INDEX_FOR[kind]].add_child(instance=page)
                self.pages[kind, item.slug] = page

    def body_blocks(self, text):
        """Markdown with optional `::parameter name "label"` lines -> StreamField blocks."""
        blocks, position = [], 0
        for match in PARAMETER_LINE.finditer(text):
            blocks += markdown_blocks(
                self.text(text[position : match.start()]), resolve_page=self.resolve_page
            )
            blocks.append(("parameter", {"parameter": match.group(1), "label": match.group(2) or ""}))
            position = match.end()
        return blocks + markdown_blocks(self.text(text[position:]), resolve_page=self.resolve_page)

    def fill_page(self, item, page):
        """Pass 2: set every field and publish a new revision."""
        meta = item.meta
        page.title = self.text(item.title)
        page.samenvatting = samenvatting(meta, self.text)
        page.laatst_gecontroleerd = meta["laatst_gecontroleerd"]
        page.search_description = page.samenvatting
        for facet, model in TAXONOMY_MODELS.items():
            getattr(page, facet).set(list(model.objects.filter(slug__in=meta.get(facet) or [])))
        bronnen = {b.slug: b for b in km.Bron.objects.filter(slug__in=meta["bronnen"])}
        page.page_sources = [km.PageSource(bron=bronnen[slug]) for slug in meta["bronnen"]]
        refs = [r.partition(":")[::2] for r in meta.get("gerelateerd") or []]
        page.related_links = [
            km.RelatedPage(target_id=self.resolve_page(k, s))
            for k, s in refs
            if k != "vraag" or item.kind != "vraag"
        ]
        if item.kind == "vraag":
            page.kort_antwoord = self.text(meta["kort_antwoord"])
            page.body = self.body_blocks(item.body)
            page.related_questions = [
                km.RelatedQuestion(question_id=self.resolve_page(k, s)) for k, s in refs if k == "vraag"
            ]
        elif item.kind == "praktijkvoorbeeld":
            sections = item.sections
            page.body = self.body_blocks(sections["intro"])
            page.aanpak = self.html(sections["Aanpak"])
            page.wat_werkte = self.html(sections["Wat werkte"])
            page.lessen = self.html(sections["Lessen"])
            page.organisatie = km.Organisatie.objects.get(slug=meta["organisatie"])
            page.aantal_banen = meta.get("aantal_banen")
            page.regio = meta.get("regio") or ""
            page.periode = str(meta.get("periode") or "")
        else:
            page.body = self.body_blocks(item.body)
        page.save_revision(log_action=True).publish()
        self.mark_loaded(item)

    def upsert_standard_page(self, item):
        page = StandardPage.objects.child_of(self.home).filter(slug=item.slug).first()
        if page is None:
            page = self.home.add_child(
                instance=StandardPage(title=self.text(item.title), slug=item.slug, body="-", live=False)
            )
        page.title = self.text(item.title)
        page.body = self.html(item.body)
        page.show_in_menus = False
        page.save_revision(log_action=True).publish()
        self.mark_loaded(item)
