"""Compute a decision record again under today's rules and say, in Dutch, what changed.

``recheck(record)`` takes a record that ``record.read`` accepted, makes the record anew from its
tool, question, facts and peildatum, and compares the two:

- ``antwoord``: each field of the answer that differs (``veld``, ``label``, ``was``, ``nu``);
- ``regels``: each rule of the uitleg that is new, gone, or has another outcome, explanation or
  sources (rules are matched by ``regel_id``, in order);
- ``bronnen``, ``onzekerheden``, ``ontbrekende_feiten`` and ``aannames``: what was added or left out;
- the rules version then and now.

``recheck_link(was, now)`` does the same for what a record's link keeps (the answer, each rule's
outcome, the facts still missing): the answer fields and the rules whose outcome changed.

``conclusie`` says in one or two sentences whether the answer is still the same and whether the
rules changed; every difference has its own ``melding``. The answer counts as the same when every
field of the ``antwoord`` and the facts still missing are the same.
"""

from eligibility import engine
from eligibility.checker import text
from eligibility.verslag import record as rec


def _show(key, value):
    if isinstance(value, dict):
        return "(details)" if value else "geen"
    if isinstance(value, list):
        return "; ".join(_show(key, item) for item in value) or "geen"
    return text.answer_value(key, value)


def _label(vraag, key):
    field = engine.module(vraag).ANTWOORD.get(key)
    return field.label if field else text.ANSWER_LABELS.get(key, key.replace("_", " "))


def antwoord_changes(vraag, was, nu):
    """[{veld, label, was, nu, melding}] for each field of the answer that differs."""
    keys = [*nu, *(key for key in was if key not in nu)]
    out = []
    for key in keys:
        before, after = was.get(key), nu.get(key)
        if before == after:
            continue
        label = _label(vraag, key)
        if key not in was:
            melding = f"{label}: nieuw in het antwoord, {_show(key, after)}."
        elif key not in nu:
            melding = f"{label}: staat niet meer in het antwoord (was {_show(key, before)})."
        else:
            melding = f"{label}: nu {_show(key, after)}, was {_show(key, before)}."
        out.append(
            {
                "veld": key,
                "label": label,
                "was": before,
                "nu": after,
                "was_tekst": _show(key, before) if key in was else "(niet in het antwoord)",
                "nu_tekst": _show(key, after) if key in nu else "(niet meer in het antwoord)",
                "melding": melding,
            }
        )
    return out


def _bron_key(bron):
    return (bron.get("titel"), bron.get("url"))


def _bron_title(bron):
    return str(bron.get("titel") or bron.get("url") or "bron zonder titel")


def _list_changes(was, nu, key):
    """(new items, dropped items), each in its own list's order."""
    before, after = [key(item) for item in was], [key(item) for item in nu]
    return [item for item in nu if key(item) not in before], [item for item in was if key(item) not in after]


def _paired(uitleg):
    """{(regel_id, n): step}: the n-th step with that id (steps without an id by their name)."""
    seen, out = {}, {}
    for step in uitleg:
        name = step.get("regel_id") or step.get("regel") or ""
        n = seen[name] = seen.get(name, -1) + 1
        out[(name, n)] = step
    return out


def _step_view(step):
    return {
        "uitkomst": step.get("uitkomst"),
        "toelichting": step.get("toelichting"),
        "bronnen": [{"titel": b.get("titel"), "url": b.get("url")} for b in step.get("bronnen") or ()],
    }


def _regel(step):
    return str(step.get("regel") or step.get("regel_id") or "regel")


RULE_FIELDS = ("uitkomst", "toelichting", "bronnen")


def rule_changes(was, nu, compared=RULE_FIELDS):
    """[{regel_id, regel, wijziging, velden, was, nu, bronnen_nieuw, bronnen_vervallen, melding}]:
    rules new, gone, or differing in one of the ``compared`` fields."""
    before, after = _paired(was), _paired(nu)
    keys = [*after, *(key for key in before if key not in after)]
    out = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if old is None:
            out.append(
                {
                    "regel_id": key[0],
                    "regel": _regel(new),
                    "wijziging": "nieuw",
                    "velden": [],
                    "was": None,
                    "nu": _step_view(new),
                    "bronnen_nieuw": _step_view(new)["bronnen"],
                    "bronnen_vervallen": [],
                    "melding": f"Nieuwe regel toegepast: {_regel(new)} (uitkomst: {text.outcome_text(new.get('uitkomst'))}).",
                }
            )
            continue
        if new is None:
            out.append(
                {
                    "regel_id": key[0],
                    "regel": _regel(old),
                    "wijziging": "vervallen",
                    "velden": [],
                    "was": _step_view(old),
                    "nu": None,
                    "bronnen_nieuw": [],
                    "bronnen_vervallen": _step_view(old)["bronnen"],
                    "melding": f"Deze regel wordt niet meer toegepast: {_regel(old)}.",
                }
            )
            continue
        old_view, new_view = _step_view(old), _step_view(new)
        fields = [name for name in compared if old_view[name] != new_view[name]]
        if not fields:
            continue
        added, dropped = (
            _list_changes(old_view["bronnen"], new_view["bronnen"], _bron_key)
            if "bronnen" in compared
            else ([], [])
        )
        parts = []
        if "uitkomst" in fields:
            parts.append(
                f"uitkomst nu {text.outcome_text(new_view['uitkomst'])}, was {text.outcome_text(old_view['uitkomst'])}"
            )
        if "toelichting" in fields:
            parts.append("de toelichting is anders")
        if added:
            parts.append("nieuwe bron: " + "; ".join(_bron_title(b) for b in added))
        if dropped:
            parts.append("vervallen bron: " + "; ".join(_bron_title(b) for b in dropped))
        if "bronnen" in fields and not added and not dropped:
            parts.append("de bronnen staan in een andere volgorde")
        out.append(
            {
                "regel_id": key[0],
                "regel": _regel(new),
                "wijziging": "gewijzigd",
                "velden": fields,
                "was": old_view,
                "nu": new_view,
                "bronnen_nieuw": added,
                "bronnen_vervallen": dropped,
                "melding": f"{_regel(new)}: " + "; ".join(parts) + ".",
            }
        )
    return out


def _onzekerheid_key(item):
    return item.get("id") or item.get("onderwerp") or item.get("vraag")


def onzekerheid_changes(was, nu):
    """[{id, onderwerp, wijziging, melding}] for each open question added, dropped or read otherwise."""
    before = {_onzekerheid_key(item): item for item in was}
    after = {_onzekerheid_key(item): item for item in nu}
    out = []
    for key in [*after, *(k for k in before if k not in after)]:
        old, new = before.get(key), after.get(key)
        item = new or old
        onderwerp = str(item.get("onderwerp") or key)
        if old is None:
            wijziging, melding = "nieuw", f"Nieuwe open vraag waarop het antwoord rust: {onderwerp}."
        elif new is None:
            wijziging, melding = "vervallen", f"Het antwoord rust niet meer op de open vraag: {onderwerp}."
        elif old.get("gevolgd") != new.get("gevolgd"):
            wijziging = "andere_lezing"
            melding = (
                f"{onderwerp}: de regelmodule volgt nu een andere lezing: {new.get('gevolgd') or 'geen'}."
            )
        elif old != new:
            wijziging, melding = "gewijzigd", f"{onderwerp}: de beschrijving of de bronnen zijn aangepast."
        else:
            continue
        out.append({"id": item.get("id"), "onderwerp": onderwerp, "wijziging": wijziging, "melding": melding})
    return out


def _version_sentence(was, nu):
    if was["versie"] == nu["versie"]:
        return f"De regels zijn niet gewijzigd sinds het verslag is gemaakt (regelversie {nu['versie']})."
    return f"De regels zijn wel gewijzigd sinds het verslag is gemaakt: regelversie {was['versie']}, nu {nu['versie']}."


def _lead(antwoord, same_answer):
    if same_answer:
        return "Het antwoord is nog hetzelfde onder de regels van vandaag."
    shown = [
        f"{item['label'].lower()} nu {_show(item['veld'], item['nu'])} (was {_show(item['veld'], item['was'])})"
        for item in antwoord[:3]
    ]
    return (
        "Het antwoord is veranderd onder de regels van vandaag"
        + (": " + "; ".join(shown) if shown else "")
        + "."
    )


def _rules_sentence(regels, same_version):
    changed_rules = [item["regel"] for item in regels]
    if changed_rules:
        names = ", ".join(f"'{name}'" for name in changed_rules[:5]) + (
            " en meer" if len(changed_rules) > 5 else ""
        )
        count = len(changed_rules)
        return (
            f"{'Eén regel valt' if count == 1 else f'{count} regels vallen'} anders uit of "
            f"{'is' if count == 1 else 'zijn'} anders onderbouwd: {names}."
        )
    if not same_version:
        return "De toegepaste regels, hun uitkomsten en hun bronnen zijn gelijk gebleven."
    return ""


def _missing_change(was, nu):
    if was == nu:
        return None, []
    melding = (
        "Nog nodig voor het antwoord: "
        + (", ".join(nu) or "niets meer")
        + " (was: "
        + (", ".join(was) or "niets")
        + ")."
    )
    return {"was": was, "nu": nu}, [melding]


def recheck(record):
    """The comparison of a checked record with the same record made under today's rules."""
    vraag = record["vraag"]
    now = rec.make(record["hulpmiddel"], vraag, record["feiten"], record["peildatum"])
    antwoord = antwoord_changes(vraag, record["antwoord"], now["antwoord"])
    regels = rule_changes(record["uitleg"], now["uitleg"])
    bronnen_nieuw, bronnen_vervallen = _list_changes(record["bronnen"], now["bronnen"], _bron_key)
    onzekerheden = onzekerheid_changes(record["onzekerheden"], now["onzekerheden"])
    ontbrekend, missing = _missing_change(record["ontbrekende_feiten"], now["ontbrekende_feiten"])
    aannames = None
    if record["aannames"] != now["aannames"]:
        nieuw, vervallen = _list_changes(record["aannames"], now["aannames"], str)
        aannames = {"nieuw": nieuw, "vervallen": vervallen}
    same_answer = not antwoord and ontbrekend is None
    same_version = record["regels"]["versie"] == now["regels"]["versie"]

    meldingen = [item["melding"] for item in antwoord] + missing
    meldingen += [item["melding"] for item in regels]
    if bronnen_nieuw:
        meldingen.append("Nieuwe bronnen: " + "; ".join(_bron_title(b) for b in bronnen_nieuw) + ".")
    if bronnen_vervallen:
        meldingen.append(
            "Niet meer als bron genoemd: " + "; ".join(_bron_title(b) for b in bronnen_vervallen) + "."
        )
    meldingen += [item["melding"] for item in onzekerheden]
    if aannames:
        meldingen += [f"Nieuwe aanname: {item}" for item in aannames["nieuw"]]
        meldingen += [f"Vervallen aanname: {item}" for item in aannames["vervallen"]]

    conclusie = [
        _lead(antwoord, same_answer),
        _version_sentence(record["regels"], now["regels"]),
        _rules_sentence(regels, same_version),
    ]
    if same_version and meldingen:
        conclusie.append(
            "Dat verschil komt niet uit de regelbestanden zelf (de regelversie is gelijk); meld het aan de redactie."
        )
    return {
        "antwoord_gelijk": same_answer,
        "regelversie_gelijk": same_version,
        "conclusie": " ".join(part for part in conclusie if part),
        "meldingen": meldingen,
        "verschillen": {
            "antwoord": antwoord,
            "regels": regels,
            "bronnen": {"nieuw": bronnen_nieuw, "vervallen": bronnen_vervallen},
            "onzekerheden": onzekerheden,
            "ontbrekende_feiten": ontbrekend,
            "aannames": aannames,
        },
        "regels": {"verslag": record["regels"], "nu": now["regels"]},
        "verslag": now,
    }


LINK_NOTE = (
    "De link bewaart het antwoord en de uitkomst van elke regel; de toelichtingen en bronnen van toen staan in "
    "het JSON-bestand van het verslag, dat u hiervoor kunt laten controleren."
)


def recheck_link(was, now):
    """What a link can tell: ``was`` (record.read_fingerprint) against ``now``, the record made today
    from the link's facts; the keys of ``recheck`` that a link can fill (no bronnen, onzekerheden or
    aannames: a link does not keep them)."""
    antwoord = antwoord_changes(now["vraag"], was["antwoord"], now["antwoord"])
    regels = rule_changes(was["uitleg"], now["uitleg"], compared=("uitkomst",))
    ontbrekend, missing = _missing_change(was["ontbrekende_feiten"], now["ontbrekende_feiten"])
    same_answer = not antwoord and ontbrekend is None
    same_version = was["regels"]["versie"] == now["regels"]["versie"]
    meldingen = [item["melding"] for item in antwoord] + missing + [item["melding"] for item in regels]
    conclusie = [
        _lead(antwoord, same_answer),
        _version_sentence(was["regels"], now["regels"]),
        _rules_sentence(regels, True),
    ]
    if not same_version and not regels:
        conclusie.append("Elke regel valt nog hetzelfde uit.")
    if not same_version:
        conclusie.append(LINK_NOTE)
    return {
        "antwoord_gelijk": same_answer,
        "regelversie_gelijk": same_version,
        "conclusie": " ".join(part for part in conclusie if part),
        "meldingen": meldingen,
        "verschillen": {"antwoord": antwoord, "regels": regels, "ontbrekende_feiten": ontbrekend},
        "regels": {"verslag": was["regels"], "nu": now["regels"]},
        "verslag": now,
    }
