"""Keep personal data out of what the editorial tables store.

Visitors type all sorts of things into a search box or a comment: an e-mail address, a BSN, a
telephone number, an IBAN, someone's name. Nothing that looks like one is stored: ``scrub``
removes it before a text reaches a table, and ``normalise`` makes the form the gap tables keep
(lower case, single spaces, short).

A name is recognised by its form, as a reader would: two or more capitalised words in a row,
possibly with the Dutch particles between them ("Jan de Vries", "Anne-Marie van den Berg",
"Pietersen Jansen"). A single capitalised word stays (it is as often a place or the first word of
a question), and so do the capitalised words of the domain and of a question's opening ("Wet
banenafspraak", "Landelijk Doelgroepregister", "Telt", "Hoe"), listed in ``NOT_NAMES``, so "Telt
Jan de Vries mee" keeps "Telt ... mee" and loses the name.
"""

import re

_EMAIL = re.compile(r"\S+@\S+")
_IBAN = re.compile(r"\b[a-z]{2}\d{2}\s?[a-z]{4}(?:\s?\d){7,10}\b", re.IGNORECASE)
#: Five or more digits in a row: BSN, telephone, KvK, account and client numbers. Years and
#: amounts such as 2026 or 5.000 are shorter.
_DIGIT_RUN = re.compile(r"\d{5,}")
#: Three or more groups of digits with single separators: "123 456 789", "06 12 34 56 78".
_DIGIT_GROUPS = re.compile(r"(?<![\d,])\d{2,4}(?:[ .\-]\d{2,4}){2,}(?![\d,])")

#: Capitalised words that are no part of a person's name: the domain's words and the words a
#: question or sentence starts with. Words ending in -wet, -regeling or -besluit are laws.
_NOT_NAME_WORDS = """
    aan al alle als bij binnen dat de deze die dit doe doen een en geldt heb hebben heeft het
    hoe hoeveel ik in is kan kun kunnen mag mijn moet moeten na naar niet of om onder onze op
    over per sinds tot telt tellen u uw van vanaf voor waar waarom wanneer wat we welk welke wie
    wij word wordt worden zijn zal zou arbeidsbeperking baan banen banenafspraak
    banenregistratie beschut beschutte cao defensie doelgroep doelgroepregister ministerie
    gemeente gemeenten indicatie inclusief landelijk landelijke markt meetellen nederland
    nederlandse onderwijs overheid participatiewet politie praktijkroute provincie quotum
    quotumheffing register rijk rijksoverheid sector sociale uitzendkracht uitzendkrachten uwv
    wajong werk werkgever werkgevers werkbedrijf werkgeversservicepunt wet wsw wia zorg januari
    februari maart april mei juni juli augustus september oktober november december maandag
    dinsdag woensdag donderdag vrijdag zaterdag zondag
"""
NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())
_PARTICLES = r"(?:van|de|der|den|ter|ten|te|'t|la|le|du|da|di|von|vd)"
_CAPITALISED = (
    r"(?![\w-]*(?:wet|regeling|besluit)\b)"
    r"(?!(?i:" + "|".join(sorted(NOT_NAMES, key=len, reverse=True)) + r")\b)"
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*"
)
_NAME = re.compile(rf"(?<![\w-]){_CAPITALISED}(?:\s+(?:{_PARTICLES}\s+)*{_CAPITALISED})+(?![\w-])")

MAX_TEXT = 200


def scrub(text, replacement=""):
    """``text`` without e-mail addresses, IBANs, runs of five or more digits, groups of digits and
    name-like sequences of capitalised words."""
    text = str(text or "")
    for pattern in (_EMAIL, _IBAN, _DIGIT_GROUPS, _DIGIT_RUN, _NAME):
        text = pattern.sub(replacement, text)
    return text


def normalise(text, max_length=MAX_TEXT):
    """The stored form of a query or comment: scrubbed, lower case, single spaces, at most
    ``max_length`` characters (cut at a word). Empty when nothing meaningful is left."""
    text = " ".join(scrub(text).lower().split())
    if len(text) > max_length:
        text = text[:max_length].rsplit(" ", 1)[0]
    return text if any(ch.isalpha() for ch in text) else ""
