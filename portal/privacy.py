"""Keep personal data out of what the editorial tables store.

Visitors type all sorts of things into a search box or a comment: an e-mail address, a BSN, a
telephone number, an IBAN. Nothing that looks like one is stored: ``scrub`` removes it before a
text reaches a table, and ``normalise`` makes the form the gap tables keep (lower case, single
spaces, short).
"""

import re

_EMAIL = re.compile(r"\S+@\S+")
_IBAN = re.compile(r"\b[a-z]{2}\d{2}\s?[a-z]{4}(?:\s?\d){7,10}\b", re.IGNORECASE)
#: Five or more digits in a row: BSN, telephone, KvK, account and client numbers. Years and
#: amounts such as 2026 or 5.000 are shorter.
_DIGIT_RUN = re.compile(r"\d{5,}")
#: Three or more groups of digits with single separators: "123 456 789", "06 12 34 56 78".
_DIGIT_GROUPS = re.compile(r"(?<![\d,])\d{2,4}(?:[ .\-]\d{2,4}){2,}(?![\d,])")

MAX_TEXT = 200


def scrub(text, replacement=""):
    """``text`` without e-mail addresses, IBANs, runs of five or more digits and groups of digits."""
    text = str(text or "")
    for pattern in (_EMAIL, _IBAN, _DIGIT_GROUPS, _DIGIT_RUN):
        text = pattern.sub(replacement, text)
    return text


def normalise(text, max_length=MAX_TEXT):
    """The stored form of a query or comment: scrubbed, lower case, single spaces, at most
    ``max_length`` characters (cut at a word). Empty when nothing meaningful is left."""
    text = " ".join(scrub(text).lower().split())
    if len(text) > max_length:
        text = text[:max_length].rsplit(" ", 1)[0]
    return text if any(ch.isalpha() for ch in text) else ""
