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
        "Kamerstuk 33 981, Wet banenafspraak en quotum arbeidsbeperkten (in werking 1 mei 2015)",
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


# The first consolidated text of a law whose texts start after the dates the checker is asked about
# (read in the MinBZK regelrecht corpus: the Wet banenafspraak's first version is of 2026-01-01).
# Before it there is no text in force to show, so the link shows the first text.
FIRST_TEXT = {"BWBR0051018": datetime.date(2026, 1, 1)}

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
def dated_url(url, on):
    """The wetten.overheid.nl link of the text in force on ``on`` (of the first text when the law had
    none yet); other links as they are."""
    found = law_article(url)
    if found is None:
        return url
    bwb, artikel = found
    anchor = f"#Artikel{artikel}" if artikel else ""
    on = max(on, FIRST_TEXT.get(bwb, on))
    return f"https://wetten.overheid.nl/{bwb}/{on.isoformat()}/{anchor}"


def dated(source, on):
    """A copy of a source whose law link shows the text in force on ``on``."""
    out = dict(source)
    if isinstance(on, datetime.date) and out.get("url"):
        out["url"] = dated_url(out["url"], on)
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
