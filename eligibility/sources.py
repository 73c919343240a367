"""Sources the rules cite, and the kennisartikelen that explain them.

A source is a dict ``{"titel", "url", "bron"}``: ``url`` is a wetten.overheid.nl link for law,
``None`` for a seed document without a public address; ``bron`` is the slug of the source in
``content/bronnen/`` (``None`` when the portal has no page for it).

Rules declare their law sources without a date; an answer links every one to the text in force
on its peildatum (``dated(source, peildatum)``), in wetten.overheid.nl's dated form
``https://wetten.overheid.nl/BWBR0017745/2024-06-01/#Artikel38b``, as MinBZK's poc-machine-law
links its rules. A ``jci`` link in a parameter's reference is dated the same way.
"""

import datetime
import re
from functools import cache
from pathlib import Path

import yaml

from eligibility.nl import nl_date

LAWS = {
    # code: (BWB id, name as cited, slug prefix in content/bronnen or None)
    "wfsv": ("BWBR0017745", "Wet financiering sociale verzekeringen (Wfsv)", "wfsv"),
    "besluit_wfsv": ("BWBR0019070", "Besluit Wfsv", "besluit-wfsv"),
    "besluit_suwi": ("BWBR0013267", "Besluit SUWI", "besluit-suwi"),
    "pwet": ("BWBR0015703", "Participatiewet", None),
    "wtl": ("BWBR0037522", "Wet tegemoetkomingen loondomein (Wtl)", None),
    "wet_banenafspraak": ("BWBR0051018", "Wet banenafspraak (Wet van 23 april 2025)", None),
    "regeling_wfsv": ("BWBR0019150", "Regeling Wfsv", None),
}

# content/bronnen slugs that exist for law articles (others get bron=None)
_LAW_SLUGS = {
    ("wfsv", "34"): "wfsv-34",
    ("wfsv", "38b"): "wfsv-38b",
    ("wfsv", "38c"): "wfsv-38c",
    ("wfsv", "38d"): "wfsv-38d",
    ("wfsv", "38f"): "wfsv-38f",
    ("wfsv", "38g"): "wfsv-38g",
    ("wfsv", "38h"): "wfsv-38h",
    ("wfsv", "122n"): "wfsv-122n",
    ("wfsv", "122na"): "wfsv-122na",
    ("besluit_wfsv", "2.20"): "besluit-wfsv-2-20",
    ("besluit_wfsv", "2.21"): "besluit-wfsv-2-20",
    ("besluit_wfsv", "2.23"): "besluit-wfsv-2-20",
    ("besluit_wfsv", "2.24"): "besluit-wfsv-2-24",
    ("besluit_wfsv", "2.25"): "besluit-wfsv-2-25",
    ("besluit_wfsv", "2.26"): "besluit-wfsv-2-26",
    ("besluit_wfsv", "2.31"): "besluit-wfsv-2-31",
    ("regeling_wfsv", "3.30"): "regeling-wfsv-3-30",
    ("regeling_wfsv", "3.31"): "regeling-wfsv-3-31",
    ("besluit_wfsv", "2.27"): "besluit-wfsv-2-27",
    ("besluit_wfsv", "2.28"): "besluit-wfsv-2-27",
    ("besluit_suwi", "3.2"): "besluit-suwi-3-2",
    ("pwet", "10b"): "participatiewet",
    ("pwet", "78d"): "participatiewet",
    ("wtl", "2.13"): "wtl-lkv",
    ("wet_banenafspraak", "2"): "wet-banenafspraak-2025",
}

DOCUMENTS = {
    # seed documents and other sources without a law article
    "werkagenda-rijk-2021": ("Werkagenda Banenafspraak Rijk 2021-2022 (BZK, 2021)", None),
    "kamerbrief-bzk-2018": ("Kamerbrief minister van BZK over de banenafspraak bij het Rijk (2018)", None),
    "folder-rijksinclusief": ("Folder #RijksInclusief (Rijksoverheid, ca. 2019)", None),
    "kamerbrief-bzk-2023": ("Kamerbrief staatssecretaris van BZK, tien jaar banenafspraak (2023)", None),
    "ape-onderzoek-2018": (
        "APE, Knelpunten en mogelijkheden bij de banenafspraak bij de overheid (2018)",
        None,
    ),
    "kamerbrief-activering-2017": (
        "Kamerbrief activering quotumregeling sector overheid (Kamerstuk 34 352, nr. 65)",
        "https://zoek.officielebekendmakingen.nl/kst-34352-65.html",
    ),
    "kamerstuk-33981": (
        "Kamerstuk 33 981, Wet banenafspraak en quotum arbeidsbeperkten",
        "https://zoek.officielebekendmakingen.nl/dossier/33981",
    ),
    "kamerstuk-34956": (
        "Kamerstuk 34 956, Wet deactivering quotumheffing",
        "https://zoek.officielebekendmakingen.nl/dossier/34956",
    ),
    "kamerstuk-36449": (
        "Kamerstuk 36 449, Vereenvoudiging banenafspraak en quotumregeling",
        "https://zoek.officielebekendmakingen.nl/kst-36449-3.html",
    ),
    "regeling-wfsv-2015": (
        "Regeling Wfsv, art. 3.26 en 3.27 (Stcrt. 2015, 31250)",
        "https://zoek.officielebekendmakingen.nl/stcrt-2015-31250.html",
        None,
    ),
    "regeling-wfsv-vernummering": (
        "Regeling Wfsv, art. 3.26 en 3.27 vernummerd tot 3.30 en 3.31 (Stcrt. 2015, 43639)",
        "https://zoek.officielebekendmakingen.nl/stcrt-2015-43639.html",
        None,
    ),
    "wet-arbeidsmarkt-in-balans": (
        "Wet arbeidsmarkt in balans (sectorfondsen opgegaan in het Algemeen Werkloosheidsfonds, Wfsv art. 122a)",
        "https://wetten.overheid.nl/BWBR0042307",
        None,
    ),
    "uwv-faq-sector": (
        "UWV, veelgestelde vraag 'Behoort mijn organisatie tot de marktsector of overheidssector?' (quotumregeling)",
        "https://www.uwv.nl/werkgevers/veelgestelde-vragen/quotumregeling/detail/"
        "behoort-mijn-organisatie-tot-de-marktsector-of-overheidssector",
        None,
    ),
    "stcrt-2018-1005": (
        "Besluit opschorting t+2-regel, nader rapport (Stcrt. 2018, 1005)",
        "https://zoek.officielebekendmakingen.nl/stcrt-2018-1005.html",
    ),
    "praktijkroute-2017": (
        "Inlichtingenbureau, Praktijkroute opengesteld per 1 januari 2017",
        None,
        "praktijkroute-inlichtingenbureau",
    ),
}


WETSTEKSTEN_FILE = Path(__file__).resolve().parent / "wetsteksten.yaml"


def _load_wetsteksten(path=WETSTEKSTEN_FILE):
    """{BWB id: (first text of the law or None, {artikel: (first text with it or None, onderdeel)})}
    and {(BWB id, artikel): {"lid 6": (first text with that lid, what it is)}}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out, parts = {}, {}
    for bwb, law_data in data.items():
        articles = {
            str(artikel): (group.get("sinds"), group.get("onderdeel"))
            for group in law_data.get("artikelen") or ()
            for artikel in group["artikelen"]
        }
        out[bwb] = (law_data.get("eerste_tekst"), articles)
        for part in law_data.get("onderdelen") or ():
            parts.setdefault((bwb, str(part["artikel"])), {})[part["onderdeel"]] = (
                part["sinds"],
                part["wat"],
            )
    return out, parts


# When each article the module links first appears in a consolidated text (eligibility/wetsteksten.yaml,
# read in the MinBZK regelrecht corpus). Before it there is no text with the provision to show, so the
# link shows the first text that has it, and the source says the provision did not yet apply.
WETSTEKSTEN, ONDERDELEN = _load_wetsteksten()


@cache
def first_text(bwb, artikel=None):
    """(first date, what started then) of a law article's text: (None, None) when every text has it."""
    law_start, articles = WETSTEKSTEN.get(bwb, (None, {}))
    since, onderdeel = articles.get(str(artikel), (None, None)) if artikel else (None, None)
    if law_start and (since is None or law_start > since):
        return law_start, onderdeel if since else None
    return since, onderdeel


def source_first_text(source):
    """(first date, what started then) for a source: its article's first text, or later the first text
    of the lid it cites ("artikel 38b, lid 6"), when that lid started later. (None, None) if always there."""
    found = law_article(source.get("url"))
    if found is None:
        return None, None
    since, wat = first_text(*found)
    titel = source.get("titel") or ""
    for onderdeel, (part_since, part_wat) in ONDERDELEN.get(found, {}).items():
        cited = re.search(rf"artikel {re.escape(str(found[1]))},? {re.escape(onderdeel)}(?![\w])", titel)
        if cited and (since is None or part_since > since):
            since, wat = part_since, part_wat
    return since, wat


def known_article(bwb, artikel):
    """Whether wetsteksten.yaml says when this article's text starts (or that every text has it)."""
    return bwb in WETSTEKSTEN and (artikel is None or str(artikel) in WETSTEKSTEN[bwb][1])


ARTICLE_TITLES = {}  # (BWB id, artikel) -> "Wet ..., artikel 38b": the title of a whole article

_JCI = re.compile(r"^https?://wetten\.overheid\.nl/jci1\.3:c:(BWBR\d{7})&artikel=([0-9A-Za-z.:]+)(?:&.*)?$")
_WETTEN = re.compile(
    r"^https?://wetten\.overheid\.nl/(BWBR\d{7})(?:/\d{4}-\d{2}-\d{2}(?:_\d+)?)?/?(?:#(?:.*_)?Artikel([0-9A-Za-z.:]+))?$"
)


@cache
def law_article(url):
    """(BWB id, artikel or None) of a wetten.overheid.nl link, or None for any other link."""
    if not url:
        return None
    match = _JCI.match(url) or _WETTEN.match(url)
    return (match.group(1), match.group(2)) if match else None


@cache
def dated_url(url, on, since=None):
    """The wetten.overheid.nl link of the text in force on ``on`` (of the first text when the law had
    none yet, or of ``since`` when the provision cited starts then); other links as they are."""
    found = law_article(url)
    if found is None:
        return url
    bwb, artikel = found
    anchor = f"#Artikel{artikel}" if artikel else ""
    since = since or first_text(bwb, artikel)[0]
    on = max(on, since or on)
    return f"https://wetten.overheid.nl/{bwb}/{on.isoformat()}/{anchor}"


def not_yet(source, on):
    """The sentence for a law source on a day before its provision's first text, or None."""
    found = law_article(source.get("url"))
    since, onderdeel = source_first_text(source)
    if since is None or on >= since:
        return None
    wat = onderdeel or ("dit artikel" if found[1] else "deze wet")
    return f"op {nl_date(on)} gold {wat} nog niet; de link toont de eerste tekst, van {nl_date(since)}"


def dated(source, on):
    """A copy of a source whose law link shows the text in force on ``on``.

    Before the provision's first text (of the article, or of the lid it cites when that started
    later) the link shows that first text, and the title says that the provision did not yet apply
    on ``on`` (``nog_niet`` holds the sentence, for the answer's summary).
    """
    out = dict(source)
    if isinstance(on, datetime.date) and out.get("url"):
        note = not_yet(out, on)
        out["url"] = dated_url(out["url"], on, source_first_text(out)[0])
        if note:
            out["titel"] = f"{out['titel']} ({note})"
            out["nog_niet"] = note
    return out


@cache
def law(code, artikel, detail=""):
    """A law article as a source: ``law("wfsv", "38b", "lid 1 onder b")`` (dated in the answer)."""
    bwb, name, _ = LAWS[code]
    ARTICLE_TITLES.setdefault((bwb, artikel), f"{name}, artikel {artikel}")
    return {
        "titel": f"{name}, artikel {artikel}" + (f", {detail}" if detail else ""),
        "url": f"https://wetten.overheid.nl/{bwb}/#Artikel{artikel}",
        "bron": _LAW_SLUGS.get((code, artikel)),
    }


def summary(sources):
    """One entry per document or law article, in order of first mention (for the answer's bronnen)."""
    seen, out = set(), []
    for source in sources:
        key = source.get("url") or source.get("bron") or source["titel"]
        if key in seen:
            continue
        seen.add(key)
        titel = ARTICLE_TITLES.get(law_article(source.get("url")), source["titel"])
        if source.get("nog_niet") and titel != source["titel"]:
            titel = f"{titel} ({source['nog_niet']})"
        out.append({"titel": titel, "url": source.get("url"), "bron": source.get("bron")})
    return out


@cache
def document(slug):
    """A seed document or other source by its slug in content/bronnen."""
    titel, url, *bron = DOCUMENTS[slug]
    return {"titel": titel, "url": url, "bron": bron[0] if bron else slug}


KENNISARTIKELEN = (
    "doelgroep-banenafspraak",
    "doelgroep-participatiewet-en-praktijkroute",
    "doelgroep-vso-pro-schoolverlaters",
    "doelgroep-wsw",
    "doelgroep-wajong",
    "doelgroep-wiw-id-banen",
    "doelgroep-jonggehandicapten-met-voorziening",
    "doelgroepregister-raadplegen",
    "blijven-in-het-register",
    "wat-telt-mee",
    "inleen-uitzending-detachering",
    "raamovereenkomst-inhuur-arbeidsparticipanten",
    "binnenwerk",
    "inkoop-en-social-return",
    "samenwerking-met-andere-werkgevers",
    "banen-en-de-urennorm",
    "quotumregeling",
    "quotumheffing-en-uitstel",
    "wet-banenafspraak-2025",
)


@cache
def kennisartikel(slug):
    """The kennisartikel that explains a rule: ``{"slug", "url"}``."""
    if slug not in KENNISARTIKELEN:
        raise KeyError(f"onbekend kennisartikel: {slug}")
    return {"slug": slug, "url": f"/kennisbank/{slug}/"}
