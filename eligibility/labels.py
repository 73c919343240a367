"""How a person sees an identifier: one place for the Dutch labels of the values an answer names.

    werkgever("ministerie_van_jenv", on)  ->  "het ministerie van Justitie en Veiligheid"
    werkgever("gemeente_x", on)           ->  "gemeente X"
    keuze("kader", "wettelijk_quotum")    ->  "wettelijke quotumregeling (Wfsv)"

Organisations given as a short name come from the dated table ``telt_mee.werkgevers`` (a parameter,
so a renamed ministry is a dated value); a short name not in it is made readable; any other text
(a name typed as it is written) stays as it is. Choice values take the label of their fact in the
vocabulary. The answer's fields keep the identifiers: only sentences use the labels.
"""

import datetime
import re

from eligibility.parameters import PARAMETERS, parameter
from eligibility.vocabulary import VOCABULARY

WERKGEVERS = "telt_mee.werkgevers"
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


def werkgever(key, on=None):
    """The Dutch name of a werkgever or organisation given as a short name (``None``: niemand).

    ``on``: the date whose table applies; without one, the latest table.
    """
    if not key:
        return "niemand"
    key = str(key)
    table = (
        parameter(WERKGEVERS, on) if on else PARAMETERS[WERKGEVERS].last_known(datetime.date.max)
    ).value or {}
    if key in table:
        return table[key]
    return _readable(key) if SHORT_NAME.match(key) else key


def keuze(fact, value):
    """The label of a choice value of a fact, with a lower-case first letter for use in a sentence."""
    label = dict(VOCABULARY[fact].choices).get(value, str(value))
    return label[:1].lower() + label[1:]
