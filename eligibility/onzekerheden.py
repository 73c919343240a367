"""Open questions where the sources disagree, as data: the readings, their sources, the one followed.

The entries live in ``onzekerheden.yaml``. An answer lists the ones that touch it in its
``onzekerheden`` field (``for_answer``); a kennisartikel shows those that it discusses
(``for_article``, or the template tag ``{% onzekerheden_lijst page.slug %}``). Everything is
plain Dutch: the fact sheet's codes (U1-U12) only link a parameter's reference to its entry and
never leave this module.

    {"id": "jaarnorm", "onderwerp": "Uren per baan per jaar", "vraag": "...",
     "lezingen": [{"lezing": "...", "bronnen": [{"titel", "url", "bron"}], "gevolgd": true}, ...],
     "gevolgd": "<the reading followed>"}
"""

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from eligibility.parameters import fill_placeholders
from eligibility.sources import dated, document, law

FILE = Path(__file__).resolve().parent / "onzekerheden.yaml"


@dataclass(frozen=True)
class Onzekerheid:
    id: str
    onderwerp: str
    vraag: str
    lezingen: tuple  # ({"lezing", "bronnen", "gevolgd"}, ...)
    kennisartikelen: tuple = ()
    codes: tuple = ()
    van: datetime.date | None = None
    tot: datetime.date | None = None

    def applies_on(self, day):
        return (self.van is None or day >= self.van) and (self.tot is None or day <= self.tot)

    def as_data(self, on):
        """The entry for an answer or a page: readings with their sources linked to the text of ``on``."""
        lezingen = [
            {
                "lezing": _text(item["lezing"], on),
                "bronnen": [dated(bron, on) for bron in item["bronnen"]],
                "gevolgd": item["gevolgd"],
            }
            for item in self.lezingen
        ]
        followed = next((item["lezing"] for item in lezingen if item["gevolgd"]), None)
        return {
            "id": self.id,
            "onderwerp": self.onderwerp,
            "vraag": self.vraag,
            "lezingen": lezingen,
            "gevolgd": followed,
        }


def _text(text, on):
    return " ".join(fill_placeholders(str(text), on).split())


def _source(spec):
    if "wet" in spec:
        return law(spec["wet"], str(spec["artikel"]), spec.get("detail", ""))
    if "document" in spec:
        return document(spec["document"])
    return {"titel": spec["titel"], "url": spec.get("url"), "bron": spec.get("bron")}


def _load(path=FILE):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {}
    for key, entry in data.items():
        lezingen = tuple(
            {
                "lezing": " ".join(str(item["lezing"]).split()),
                "bronnen": tuple(_source(spec) for spec in item.get("bronnen") or ()),
                "gevolgd": bool(item.get("gevolgd", False)),
            }
            for item in entry["lezingen"]
        )
        out[key] = Onzekerheid(
            id=key,
            onderwerp=entry["onderwerp"],
            vraag=" ".join(str(entry["vraag"]).split()),
            lezingen=lezingen,
            kennisartikelen=tuple(entry.get("kennisartikelen") or ()),
            codes=tuple(entry.get("codes") or ()),
            van=entry.get("van"),
            tot=entry.get("tot"),
        )
    return out


ONZEKERHEDEN = _load()
BY_CODE = {code: entry for entry in ONZEKERHEDEN.values() for code in entry.codes}


def get(key):
    """An entry by its id or by the fact sheet's code; None when there is none."""
    return ONZEKERHEDEN.get(key) or BY_CODE.get(key)


def _from_parameter_note(note, on):
    """An open question written on a parameter value (a sentence, or a small mapping)."""
    if isinstance(note, str):
        known = get(note)
        if known is not None:
            return known.as_data(on)
        return {
            "id": None,
            "onderwerp": "Open vraag",
            "vraag": _text(note, on),
            "lezingen": [],
            "gevolgd": None,
        }
    if isinstance(note, dict):
        known = get(str(note.get("id") or ""))
        if known is not None:
            return known.as_data(on)
        lezingen = [
            {
                "lezing": _text(item.get("lezing", item) if isinstance(item, dict) else item, on),
                "bronnen": [
                    dated(_source(spec), on)
                    for spec in (item.get("bronnen") or () if isinstance(item, dict) else ())
                    if isinstance(spec, dict)
                ],
                "gevolgd": bool(item.get("gevolgd", False)) if isinstance(item, dict) else False,
            }
            for item in note.get("lezingen") or ()
        ]
        return {
            "id": note.get("id"),
            "onderwerp": _text(note.get("onderwerp") or note.get("titel") or "Open vraag", on),
            "vraag": _text(note.get("vraag") or note.get("tekst") or note.get("omschrijving") or "", on),
            "lezingen": lezingen,
            "gevolgd": next((item["lezing"] for item in lezingen if item["gevolgd"]), None),
        }
    return None


def for_answer(notes, on):
    """The entries named in an answer (ids, codes, or notes written on a parameter), each once."""
    out, seen = [], set()
    for note in notes:
        if isinstance(note, str) and get(note) is not None:
            entry = get(note)
            if not entry.applies_on(on) or entry.id in seen:
                continue
            seen.add(entry.id)
            out.append(entry.as_data(on))
            continue
        data = _from_parameter_note(note, on)
        if data is None:
            continue
        key = data["id"] or data["vraag"]
        if key in seen:
            continue
        seen.add(key)
        out.append(data)
    return out


@cache
def _article_entries(slug):
    return tuple(entry for entry in ONZEKERHEDEN.values() if slug in entry.kennisartikelen)


def for_article(slug, on):
    """The open questions a kennisartikel discusses, with the readings and the one followed."""
    return [entry.as_data(on) for entry in _article_entries(slug)]
