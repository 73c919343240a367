"""Read and check the content files in content/ (Markdown with YAML front matter).

Everything is parsed and checked before anything is written, so a broken file stops the load
with a message that names the file and the field, and nothing half-loaded stays behind.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.markdown import LINK_SCHEMES, referenced

FOLDERS = {
    "bron": "bronnen",
    "organisatie": "organisaties",
    "begrip": "begrippen",
    "artikel": "artikelen",
    "praktijkvoorbeeld": "praktijkvoorbeelden",
    "vraag": "vragen",
    "pagina": "paginas",
}
PAGE_TYPES = ("artikel", "praktijkvoorbeeld", "vraag")
FACETS = ("thema", "spoor", "sector", "doelgroep", "werksoort")
PRACTICE_SECTIONS = ["Aanpak", "Wat werkte", "Lessen"]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.S)

REQUIRED = {
    "bron": ["titel", "soort"],
    "organisatie": ["naam"],
    "begrip": ["term"],
    "artikel": ["titel", "samenvatting", "thema", "bronnen", "laatst_gecontroleerd"],
    "praktijkvoorbeeld": ["titel", "samenvatting", "organisatie", "bronnen", "laatst_gecontroleerd"],
    "vraag": ["titel", "kort_antwoord", "thema", "bronnen", "laatst_gecontroleerd"],
    "pagina": ["titel"],
}


class ContentError(ValueError):
    """A problem in one content file, naming the file and the field."""

    def __init__(self, path, field_name, message):
        super().__init__(f"{path}: veld '{field_name}': {message}")
        self.path, self.field, self.message = path, field_name, message


@dataclass
class Item:
    kind: str
    slug: str
    path: str
    meta: dict
    body: str
    sha256: str
    sections: dict = field(default_factory=dict)

    @property
    def title(self):
        return self.meta.get("titel") or self.meta.get("term") or self.meta.get("naam")


@dataclass
class Content:
    taxonomy: dict
    items: dict  # kind -> {slug: Item}

    def all(self, kind):
        return list(self.items[kind].values())


def _read(path, root):
    text = path.read_text(encoding="utf-8")
    rel = str(path.relative_to(root.parent))
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError(rel, "front matter", "het bestand begint niet met '---' en een YAML-blok")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise ContentError(rel, "front matter", f"geen geldige YAML ({exc.problem})") from exc
    if not isinstance(meta, dict):
        raise ContentError(rel, "front matter", "verwacht velden met waarden")
    return rel, meta, match.group(2), hashlib.sha256(text.encode()).hexdigest()


def _check_list(rel, meta, name):
    value = meta.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ContentError(rel, name, "verwacht een lijst met tekst")
    return value


def _split_sections(rel, body):
    """Split a practice example's body into intro + the three required ## sections."""
    parts = re.split(r"^## (.+?)\s*$", body, flags=re.M)
    headings = parts[1::2]
    if headings != PRACTICE_SECTIONS:
        raise ContentError(rel, "tekst", f"verwacht de kopjes {PRACTICE_SECTIONS}, gevonden {headings}")
    return parts[0], dict(zip(headings, parts[2::2], strict=True))


def _check_item(kind, rel, meta, body, stem, taxonomy):
    if meta.get("type") != kind:
        raise ContentError(rel, "type", f"verwacht '{kind}' in deze map")
    slug = meta.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise ContentError(rel, "slug", "kleine letters, cijfers en koppeltekens")
    if slug != stem:
        raise ContentError(rel, "slug", f"'{slug}' is niet gelijk aan de bestandsnaam")
    for name in REQUIRED[kind]:
        if meta.get(name) in (None, "", []):
            raise ContentError(rel, name, "ontbreekt")
    for name in FACETS:
        if kind in PAGE_TYPES:
            for key in _check_list(rel, meta, name):
                if key not in taxonomy[name]:
                    raise ContentError(rel, name, f"'{key}' staat niet in content/taxonomie.yaml")
    if kind in PAGE_TYPES:
        date = meta["laatst_gecontroleerd"]
        if not isinstance(date, datetime.date):
            raise ContentError(rel, "laatst_gecontroleerd", "verwacht een datum als 2026-11-24")
        _check_list(rel, meta, "bronnen")
        _check_list(rel, meta, "gerelateerd")
    if kind == "begrip":
        _check_list(rel, meta, "synoniemen")
        _check_list(rel, meta, "bronnen")
    if kind == "bron" and meta.get("jaar") is not None and not isinstance(meta["jaar"], int):
        raise ContentError(rel, "jaar", "verwacht een jaartal")
    if kind == "praktijkvoorbeeld":
        banen = meta.get("aantal_banen")
        if banen is not None and (
            isinstance(banen, bool) or not isinstance(banen, (int, float)) or banen < 0
        ):
            raise ContentError(rel, "aantal_banen", "verwacht een getal van 0 of meer, of null")
    if kind == "vraag":
        related = [r for r in meta.get("gerelateerd") or [] if r.startswith("vraag:")]
        if len(related) > 3:
            raise ContentError(rel, "gerelateerd", "ten hoogste drie gerelateerde vragen")
    return slug


PARAMETER_LINE = re.compile(r'^::parameter\s+(\S+)(?:\s+"([^"]*)")?\s*$', re.M)

#: The placeholders of ``eligibility.parameters.fill_placeholders`` (``[[parameter:NAME]]`` the value
#: in force, ``[[sinds:NAME]]`` since when it holds, ``[[per:NAME]]`` the first date it is true),
#: extended for content: ``@2019-12-31`` reads the value on that date instead of the day of the
#: load, ``.jaar`` picks a field of a structured value (``[[parameter:quotum.heffing_uitstel.jaar
#: @2025-06-01]]``), and ``|%`` adds a unit to a known value only ("2,14 %"; unknown: "onbekend").
#: A value its source calls provisional reads "2,76 % (voorlopig)".
#: ``[[instelling:contact_email|het e-mailadres van de beheerder]]``: a setting of this installation
#: (``PORTAL_CONTACT_EMAIL``), or the text after ``|`` when it is not configured.
SETTING = re.compile(r"\[\[instelling:(?P<name>contact_email|organisatie)\|(?P<fallback>[^\[\]|]{1,120})\]\]")
PLACEHOLDER = re.compile(
    r"\[\[(?P<kind>parameter|sinds|per):(?P<name>[a-z0-9_]+\.[a-z0-9_]+)"
    r"(?:\.(?P<field>[a-z0-9_]+))?(?:@(?P<on>\d{4}-\d{2}-\d{2}))?(?:\|(?P<unit>[^\[\]|]{1,20}))?\]\]"
)
#: ``[[meting:<slug>.<veld>]]`` is left for the page to fill when shown (voortgang.templatetags), so
#: it follows what is published; voortgang.content checks it.
ANY_PLACEHOLDER = re.compile(r"\[\[(?!meting:)[^\]]*\]\]")
#: Front matter fields whose text is shown to visitors and may hold placeholders.
TEXT_FIELDS = ("titel", "term", "samenvatting", "kort_antwoord")


def _is_year(parameter, field_name, value):
    """A calendar year is written 2022, not 2.022: a field named jaar, or a unitless *jaar* value."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2200:
        return False
    return field_name == "jaar" if field_name else ("jaar" in parameter.name and not parameter.unit)


def _placeholder_text(match, on):
    """The text for one placeholder match on date ``on``; raises ValueError with a reason."""
    from eligibility.nl import format_value, nl_date
    from eligibility.parameters import PARAMETERS

    name = match["name"]
    if name not in PARAMETERS:
        raise ValueError(f"onbekende parameter '{name}'")
    day = datetime.date.fromisoformat(match["on"]) if match["on"] else on
    value = PARAMETERS[name].on(day)
    if match["kind"] in ("sinds", "per"):
        start = (value.since or value.valid_from) if match["kind"] == "sinds" else PARAMETERS[name].first()
        if match["field"] or start is None:
            raise ValueError(f"'{match[0]}' heeft geen begindatum")
        return nl_date(start)
    result = value.value
    if match["field"]:
        if not isinstance(result, dict) or match["field"] not in result:
            raise ValueError(f"'{match[0]}': de waarde op {day} heeft geen veld '{match['field']}'")
        result = result[match["field"]]
    elif isinstance(result, dict):
        raise ValueError(f"'{match[0]}': kies een veld van de waarde, bijv. '{name}.{next(iter(result))}'")
    text = str(result) if _is_year(PARAMETERS[name], match["field"], result) else format_value(result)
    if result is not None and match["unit"]:
        text = f"{text} {match['unit']}"
    return f"{text} (voorlopig)" if result is not None and value.voorlopig else text


def _setting_text(match):
    from django.conf import settings

    return getattr(settings, f"PORTAL_{match['name'].upper()}", "") or match["fallback"]


def fill(text, on):
    """Replace every parameter placeholder in ``text`` by its value on ``on`` (the Dutch way).

    Raises ValueError for an unknown parameter or field and for any other ``[[...]]`` text, so a
    visitor never sees placeholder syntax.
    """
    if not text or "[[" not in text:
        return text
    filled = SETTING.sub(_setting_text, text)
    filled = PLACEHOLDER.sub(lambda match: _placeholder_text(match, on), filled)
    leftover = ANY_PLACEHOLDER.search(filled)
    if leftover:
        raise ValueError(f"onbekende plaatshouder '{leftover[0]}'")
    return filled


def texts(item):
    """(field, text) for every text of an item that visitors read."""
    yield from ((name, item.meta[name]) for name in TEXT_FIELDS if isinstance(item.meta.get(name), str))
    yield from (("synoniemen", s) for s in item.meta.get("synoniemen") or [])
    yield "tekst", item.body


def _check_parameters(content, on):
    """Every `::parameter name` line names a parameter; every placeholder can be filled."""
    from eligibility.parameters import PARAMETERS

    for items in content.items.values():
        for item in items.values():
            for name, _label in PARAMETER_LINE.findall(item.body):
                if name not in PARAMETERS:
                    raise ContentError(item.path, "tekst", f"onbekende parameter '{name}'")
            days = {on, item.meta.get("laatst_gecontroleerd") or on}
            for field_name, text in texts(item):
                for day in days:
                    try:
                        fill(text, day)
                    except ValueError as exc:
                        raise ContentError(item.path, field_name, str(exc)) from exc


def _check_links(content):
    known = {kind: set(content.items[kind]) for kind in content.items}
    known["begrip"] = known.get("begrip", set())
    for kind, items in content.items.items():
        for item in items.values():
            for bron in item.meta.get("bronnen") or []:
                if bron not in known["bron"]:
                    raise ContentError(
                        item.path, "bronnen", f"bron '{bron}' bestaat niet in content/bronnen/"
                    )
            if kind == "praktijkvoorbeeld" and item.meta["organisatie"] not in known["organisatie"]:
                raise ContentError(
                    item.path,
                    "organisatie",
                    f"'{item.meta['organisatie']}' bestaat niet in content/organisaties/",
                )
            refs = [("gerelateerd", r) for r in item.meta.get("gerelateerd") or []]
            refs += [("tekst", f"{s}:{slug}") for s, slug in referenced(item.body)]
            for field_name, ref in refs:
                scheme, _, slug = ref.partition(":")
                if scheme not in LINK_SCHEMES or (field_name == "gerelateerd" and scheme == "begrip"):
                    raise ContentError(item.path, field_name, f"onbekende verwijzing '{ref}'")
                if slug not in known[scheme]:
                    raise ContentError(item.path, field_name, f"verwijzing naar '{ref}', die niet bestaat")


def read_content(root, on=None):
    """Parse and check every content file under root; raise ContentError on the first problem.

    Placeholders must resolve on ``on`` (default today) and on each file's check date.
    """
    root = Path(root)
    on = on or datetime.date.today()
    try:
        taxonomy = yaml.safe_load((root / "taxonomie.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError("content/taxonomie.yaml", "taxonomie", str(exc)) from exc
    if not isinstance(taxonomy, dict) or set(taxonomy) != set(FACETS):
        raise ContentError("content/taxonomie.yaml", "taxonomie", f"verwacht precies {FACETS}")
    content = Content(taxonomy=taxonomy, items={kind: {} for kind in FOLDERS})
    for kind, folder in FOLDERS.items():
        for path in sorted((root / folder).glob("*.md")):
            rel, meta, body, sha = _read(path, root)
            slug = _check_item(kind, rel, meta, body, path.stem, taxonomy)
            item = Item(kind=kind, slug=slug, path=rel, meta=meta, body=body, sha256=sha)
            if kind == "praktijkvoorbeeld":
                intro, sections = _split_sections(rel, body)
                item.sections = {"intro": intro, **sections}
            content.items[kind][slug] = item
    _check_links(content)
    _check_parameters(content, on)
    return content
