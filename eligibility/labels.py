"""How a person sees an identifier: one place for the Dutch labels of the values an answer names.

    werkgever("ministerie_van_jenv", on)  ->  "het ministerie van Justitie en Veiligheid"
    werkgever("gemeente_x", on)           ->  "gemeente X"
    keuze("kader", "wettelijk_quotum")    ->  "wettelijke quotumregeling (Wfsv)"

Organisations given as a short name come from the dated table ``telt_mee.werkgevers`` (a parameter,
so a renamed ministry is a dated value); a short name not in it is made readable; any other text
(a name typed as it is written) stays as it is. Choice values take the label of their fact in the
vocabulary. The answer's fields keep the identifiers: only sentences use the labels.

Where a visitor types a werkgever (the checker), ``werkgever_key`` reads the label back:
"het ministerie van LNV", "Ministerie van Landbouw, Natuur en Voedselkwaliteit" and "LNV" all give
``ministerie_van_lnv``, so two answers naming one organisation compare equal.
"""

import datetime
import re
import unicodedata

from eligibility.parameters import PARAMETERS, parameter
from eligibility.vocabulary import VOCABULARY

WERKGEVERS = "telt_mee.werkgevers"
WERKGEVER_FEITEN = ("vraag_voor_werkgever", "formele_werkgever", "opdrachtgever", "werkplek")
SHORT_NAME = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$|^[a-z]+$")
_PLACES = ("gemeente", "provincie", "waterschap")
_WORDS = {"sw": "SW", "ubr": "UBR", "bv": "bv", "nv": "nv"}


def _readable(key):
    """gemeente_x -> gemeente X; sw_bedrijf_gemeente_x -> SW-bedrijf gemeente X; ministerie_van_xyz -> het ministerie van XYZ."""
    words = key.split("_")
    if words[:2] == ["ministerie", "van"] and len(words) == 3:
        return f"het ministerie van {words[2].upper()}"
    out, place = [], False
    for word in words:
        if len(word) == 1:
            word = word.upper()
        elif word in _WORDS:
            word = _WORDS[word]
        elif place:  # the name of a gemeente, provincie or waterschap
            word = word.capitalize()
        place = place or word in _PLACES
        out.append(word)
    return " ".join(out).replace("SW bedrijf", "SW-bedrijf")


def _table(on=None):
    """The werkgevers table in force on ``on``; without a date, the latest table."""
    return (
        parameter(WERKGEVERS, on) if on else PARAMETERS[WERKGEVERS].last_known(datetime.date.max)
    ).value or {}


def werkgever(key, on=None):
    """The Dutch name of a werkgever or organisation given as a short name (``None``: niemand).

    ``on``: the date whose table applies; without one, the latest table.
    """
    if not key:
        return "niemand"
    key = str(key)
    table = _table(on)
    if key in table:
        return table[key]
    return _readable(key) if SHORT_NAME.match(key) else key


def keuze(fact, value):
    """The label of a choice value of a fact, with a lower-case first letter for use in a sentence."""
    label = dict(VOCABULARY[fact].choices).get(value, str(value))
    return label[:1].lower() + label[1:]


def _plain(text):
    """Text as compared: no accents, lower case, single spaces, no leading article."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = " ".join(text.casefold().replace("_", " ").split())
    return text.removeprefix("het ").removeprefix("de ")


def werkgever_key(text, on=None):
    """The short name of a werkgever typed as its label, its short name or a ministry's abbreviation.

    A label two short names share (Buitenlandse Zaken: ``ministerie_van_buza``, ``ministerie_van_bz``)
    gives the first of them, whichever was typed. Text that names no werkgever in the table comes
    back as it was typed (stripped).
    """
    text = str(text).strip()
    wanted = _plain(text)
    by_label = {}
    for key, label in _table(on).items():
        canonical = by_label.setdefault(_plain(label), key)
        words = key.split("_")
        forms = [key, label, _readable(key)]
        if words[:2] == ["ministerie", "van"] and len(words) == 3:
            forms += [words[2], label.removeprefix("het ministerie van ")]  # LNV; Justitie en Veiligheid
        if any(_plain(form) == wanted for form in forms):
            return canonical
    return text


def werkgever_invoer(key, on=None):
    """A werkgever as a form field shows it: its label when that reads back as the same short name."""
    label = werkgever(key, on)
    return label if werkgever_key(label, on) == key else str(key)
