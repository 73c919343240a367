"""Load content/metingen/ into Meting snippets: a step of load_initial_content.

One Markdown file per meting: the figures in the YAML front matter, the toelichting as the body.
The loader's rules hold here too: everything is read and checked before anything is written
(``read_measurements``), the writing happens inside the command's one transaction
(``load_measurements``), an unchanged file is skipped, and a changed file becomes a new
revision that is published.

The check also covers the placeholders: every ``[[meting:<slug>.<veld>]]`` in a content file
must name a meting and one of its values, so an article cannot cite a figure that does not exist.
"""

import datetime
import re
from dataclasses import dataclass

from home.content_files import SLUG, ContentError, _read
from home.models import LoadedContentFile
from voortgang.models import FIRST_YEAR, LAST_YEAR, Meting, Sector

FOLDER = "metingen"
PLACEHOLDER = re.compile(r"\[\[meting:([^\]]*)\]\]")
TEXT_FIELDS = {"peilmoment": 80, "bron_vermelding": 255, "vindplaats": 255}
KNOWN = {"type", "slug", "sector", "jaar", "kwartaal", "doel", "gerealiseerd", "circa", "bron", "datum"}


@dataclass
class MeasurementFile:
    slug: str
    path: str
    fields: dict
    sha256: str


def _count(rel, meta, name):
    value = meta.get(name)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ContentError(rel, name, "verwacht een geheel aantal van 0 of meer, of null")
    return value


def _check(rel, meta, body, stem, bronnen):
    if meta.get("type") != "meting":
        raise ContentError(rel, "type", "verwacht 'meting' in deze map")
    slug = meta.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise ContentError(rel, "slug", "kleine letters, cijfers en koppeltekens")
    if slug != stem:
        raise ContentError(rel, "slug", f"'{slug}' is niet gelijk aan de bestandsnaam")
    unknown = sorted(set(meta) - KNOWN - set(TEXT_FIELDS))
    if unknown:
        raise ContentError(rel, unknown[0], "onbekend veld")
    if meta.get("sector") not in Sector.values:
        raise ContentError(rel, "sector", f"verwacht een van {', '.join(Sector.values)}")
    jaar = meta.get("jaar")
    if isinstance(jaar, bool) or not isinstance(jaar, int) or not FIRST_YEAR <= jaar <= LAST_YEAR:
        raise ContentError(rel, "jaar", f"verwacht een jaartal van {FIRST_YEAR} tot en met {LAST_YEAR}")
    kwartaal = meta.get("kwartaal")
    if kwartaal is not None and kwartaal not in (1, 2, 3, 4):
        raise ContentError(rel, "kwartaal", "verwacht 1, 2, 3 of 4, of null")
    doel, gerealiseerd = _count(rel, meta, "doel"), _count(rel, meta, "gerealiseerd")
    if doel is None and gerealiseerd is None:
        raise ContentError(rel, "gerealiseerd", "vul het doel, het aantal gerealiseerd of allebei in")
    circa = meta.get("circa") or []
    if not isinstance(circa, list) or not set(circa) <= {"doel", "gerealiseerd"}:
        raise ContentError(rel, "circa", "verwacht een lijst met doel en/of gerealiseerd")
    texts = {}
    for name, limit in TEXT_FIELDS.items():
        value = meta.get(name) or ""
        if not isinstance(value, str) or len(value) > limit:
            raise ContentError(rel, name, f"verwacht een tekst van ten hoogste {limit} tekens")
        texts[name] = value.strip()
    bron = meta.get("bron")
    if bron is not None and bron not in bronnen:
        raise ContentError(rel, "bron", f"bron '{bron}' bestaat niet in content/bronnen/")
    if bron is None and not texts["bron_vermelding"]:
        raise ContentError(rel, "bron", "noem een bron uit content/bronnen/ of een bron_vermelding")
    datum = meta.get("datum")
    if datum is not None and not isinstance(datum, datetime.date):
        raise ContentError(rel, "datum", "verwacht een datum als 2023-07-06, of null")
    return {
        "sector": meta["sector"],
        "jaar": jaar,
        "kwartaal": kwartaal,
        "doel": doel,
        "gerealiseerd": gerealiseerd,
        "doel_circa": "doel" in circa,
        "gerealiseerd_circa": "gerealiseerd" in circa,
        "bron": bron,
        "bron_datum": datum,
        "toelichting": " ".join(body.split()),
        **texts,
    }


def _check_placeholders(content, slugs):
    for items in content.items.values():
        for item in items.values():
            for reference in PLACEHOLDER.findall(item.body):
                slug, _, veld = reference.partition(".")
                if slug not in slugs:
                    raise ContentError(
                        item.path, "tekst", f"[[meting:{slug}.{veld}]]: meting '{slug}' bestaat niet"
                    )
                if veld not in Meting.FIELDS:
                    raise ContentError(
                        item.path,
                        "tekst",
                        f"[[meting:{slug}.{veld}]]: kies een van {', '.join(Meting.FIELDS)}",
                    )


def read_measurements(root, content):
    """Parse and check content/metingen/*.md against the already checked content; raise ContentError."""
    bronnen = set(content.items["bron"])
    files = []
    for path in sorted((root / FOLDER).glob("*.md")):
        rel, meta, body, sha = _read(path, root)
        fields = _check(rel, meta, body, path.stem, bronnen)
        files.append(MeasurementFile(slug=meta["slug"], path=rel, fields=fields, sha256=sha))
    # An article may also cite a meting an editor added in the admin.
    slugs = {f.slug for f in files} | set(Meting.objects.values_list("slug", flat=True))
    _check_placeholders(content, slugs)
    return files


def load_measurements(files):
    """Write the changed files as published revisions; return how many changed. Call in a transaction."""
    from knowledge.snippets import Bron

    known = dict(
        LoadedContentFile.objects.filter(path__in=[f.path for f in files]).values_list("path", "sha256")
    )
    changed = 0
    for item in files:
        if known.get(item.path) == item.sha256:
            continue
        fields = dict(item.fields)
        bron = fields.pop("bron")
        fields["bron"] = Bron.objects.get(slug=bron) if bron else None
        meting = Meting.objects.filter(slug=item.slug).first()
        if meting is None:
            meting = Meting(slug=item.slug, live=False, **fields)
            meting.save()
        else:
            for name, value in fields.items():
                setattr(meting, name, value)
        meting.save_revision(log_action=True).publish()
        LoadedContentFile.objects.update_or_create(path=item.path, defaults={"sha256": item.sha256})
        changed += 1
    return changed
