"""Plain Dutch for the checker screens: the answer in one sentence, labels, values, begrippen."""

from eligibility.facts import BOOL, CHOICE, DATE, INT, NUMBER, NUMBER_LIST
from eligibility.labels import WERKGEVER_FEITEN, werkgever
from eligibility.nl import euro, iso_to_nl, nl_date, nl_number
from eligibility.parameters import fill_placeholders
from eligibility.questions import banen, doelgroep, quotum, telt_mee
from eligibility.vocabulary import VOCABULARY

INTRO = {
    "doelgroep": "Hoort iemand bij de doelgroep van de banenafspraak, op welke grond, en telt hij mee voor "
    "de banenafspraak of alleen voor de quotumregeling?",
    "telt_mee": "Telt een baan mee, en voor welke werkgever? Ook bij inleen, detachering, uitzending, "
    "Binnenwerk, inkoop en samenwerking.",
    "banen": "Hoeveel banen van [[parameter:banen.urennorm]] uur per week zijn de verloonde uren van een of meer "
    "personen?",
    "quotum": "Hoeveel banen moet uw organisatie realiseren, valt zij onder de quotumheffing, wordt die ook "
    "opgelegd en hoe hoog zou hij zijn?",
}


def intro(vraag, on):
    """The introduction of a question, with the parameters in force on ``on``."""
    return fill_placeholders(INTRO[vraag], on)


def fill(sentence, on):
    """A sentence with ``[[parameter:...]]`` placeholders, filled with the values in force on ``on``."""
    return fill_placeholders(sentence, on)


GRONDEN = doelgroep.LABELS  # derived from the grounds themselves
TELT_VOOR = doelgroep.TELT_VOOR_LABELS
SECTOREN = quotum.SECTOR_LABELS

# How a page labels each field of an answer: from the questions' ANTWOORD declarations.
ANSWER_LABELS = {
    name: field.label
    for module in (doelgroep, telt_mee, banen, quotum)
    for name, field in module.ANTWOORD.items()
}
HIDDEN_IN_SUMMARY = (
    "voorwaarde",
    "per_grond",
    "laatst_bekende_quotumpercentage",
    "quotumpercentage_voorlopig",
)


def organisation(key):
    """A werkgever key as text: uw_organisatie -> uw organisatie (eligibility.labels)."""
    return werkgever(key)


def answer_value(key, value):
    """One field of the engine's antwoord, in Dutch."""
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if key == "grond":
        return GRONDEN.get(value, value)
    if key == "gronden":
        return "; ".join(GRONDEN.get(item, item) for item in value) or "geen"
    if key == "telt_voor":
        return TELT_VOOR.get(value, value)
    if key == "telt_mee_voor":
        return organisation(value)
    if key == "sector":
        return SECTOREN.get(value, value)
    if key == "heffing_berekend_euro":
        return euro(value)
    if key.endswith("_vanaf"):
        return iso_to_nl(value)
    if isinstance(value, int | float):
        return nl_number(value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def answer_rows(antwoord):
    """(label, value) for each field of the antwoord worth showing."""
    return [
        (ANSWER_LABELS.get(key, key.replace("_", " ")), answer_value(key, value))
        for key, value in antwoord.items()
        if key not in HIDDEN_IN_SUMMARY
    ]


def fact_value(fact, value):
    """A given fact, in Dutch, for the review screen."""
    if fact.kind == BOOL:
        return "Ja" if value else "Nee"
    if fact.kind == CHOICE:
        return dict(fact.choices).get(value, value)
    if fact.kind == INT:
        return str(value)
    if fact.kind == NUMBER:
        text = nl_number(value)
        return f"{text} %" if fact.unit == "procent" else f"{text} {fact.unit}".strip()
    if fact.kind == NUMBER_LIST:
        return "; ".join(nl_number(item) for item in value) + (f" ({fact.unit})" if fact.unit else "")
    if fact.kind == DATE:
        return iso_to_nl(value)
    return organisation(value) if fact.name in WERKGEVER_FEITEN else str(value)


def default_text(fact, peildatum):
    """What the engine assumes when a fact is not given, or ''."""
    if fact.default is None:
        return ""
    value = fact.default_on(peildatum)
    return fact_value(fact, value)


def _banen(n):
    return f"{nl_number(n)} {'baan' if n == 1 else 'banen'}"


def sentence(vraag, antwoord, facts, peildatum):
    """The answer in one plain Dutch sentence."""
    op = nl_date(peildatum)
    if vraag == "doelgroep":
        value = antwoord.get("in_doelgroep")
        if value is None:
            return "Dit is nog niet te zeggen: er ontbreken nog gegevens."
        if value:
            text = (
                f"Ja, deze persoon hoort op {op} bij de doelgroep van de banenafspraak, op grond van "
                f"{GRONDEN.get(antwoord.get('grond'), 'een van de gronden')}"
            )
            if antwoord.get("telt_voor") == "quotumregeling":
                text += ", en telt alleen mee voor de quotumregeling, niet voor de banenafspraak"
            return text + "."
        if antwoord.get("grond") == doelgroep.UITSLUITING.id:
            return (
                f"Nee, deze persoon hoort op {op} niet bij de doelgroep, omdat het college heeft vastgesteld "
                "dat hij alleen in beschut werk kan werken."
            )
        return (
            f"Nee, deze persoon hoort op {op} niet bij de doelgroep: geen van de gronden is van toepassing."
        )
    if vraag == "telt_mee":
        value = antwoord.get("telt_mee")
        voor = antwoord.get("telt_mee_voor")
        vraag_voor = organisation(facts.get("vraag_voor_werkgever") or "uw_organisatie")
        if value is None:
            return "Dit is nog niet te zeggen: er ontbreken nog gegevens."
        if value:
            return f"Ja, deze baan telt op {op} mee voor {organisation(voor)}."
        if voor:
            return (
                f"Nee, deze baan telt op {op} niet mee voor {vraag_voor}, maar wel voor {organisation(voor)}."
            )
        return f"Nee, deze baan telt op {op} voor geen enkele werkgever mee."
    if vraag == "banen":
        value = antwoord.get("banen")
        if value is None:
            return "Het aantal banen is nog niet uit te rekenen."
        norm = antwoord.get("urennorm_uren_per_week")
        if norm is not None:
            return f"Dit is {_banen(value)} van {nl_number(norm)} uur per week."
        return f"Dit is {_banen(value)}, gerekend met {nl_number(antwoord.get('jaarnorm_uren', 0), 0)} uur per jaar per baan."
    if vraag == "quotum":
        return _quotum_sentence(antwoord, facts, peildatum)
    return ""


def _quotum_sentence(antwoord, facts, peildatum):
    jaar = facts.get("jaar") or peildatum.year
    kader = facts.get("kader") or "wettelijk_quotum"
    parts = []
    if antwoord.get("doelbanen") is not None:
        parts.append(
            f"uw doelstelling is {_banen(antwoord['doelbanen'])} (afgerond {antwoord.get('doelbanen_afgerond')})"
        )
    if kader == "wet_banenafspraak_2025":
        parts.append("er is geen quotum per werkgever en geen heffing per ontbrekende baan")
        due = antwoord.get("inclusiviteitsopslag_verschuldigd")
        vanaf = antwoord.get("inclusiviteitsopslag_verschuldigd_vanaf")
        if due:
            parts.append(f"de inclusiviteitsopslag is verschuldigd vanaf {iso_to_nl(vanaf)}")
        else:
            parts.append("de inclusiviteitsopslag is in dat jaar niet verschuldigd")
        return f"In {jaar}: " + "; ".join(parts) + "."
    if kader == "monitor_rijk":
        rest = antwoord.get("nog_te_realiseren_banen")
        if rest is not None:
            parts.append(f"er zijn nog {_banen(rest)} te realiseren")
        if not parts:
            return "Het aantal doelbanen is nog niet uit te rekenen: er ontbreken nog gegevens."
        return "Volgens de monitor van het Rijk: " + "; ".join(parts) + "."
    tekort = antwoord.get("quotumtekort")
    heffing = antwoord.get("heffing_berekend_euro")
    opgelegd = antwoord.get("heffing_opgelegd")
    lead = []  # first whether the heffing is imposed, then what it would be
    if opgelegd is False:
        lead.append(f"over {jaar} wordt geen quotumheffing opgelegd")
    elif opgelegd:
        lead.append(f"over {jaar} wordt de quotumheffing opgelegd")
    if tekort is not None:
        if tekort <= 0:
            lead.append("u heeft geen quotumtekort")
        elif heffing:
            verb = "is" if opgelegd else "zou"
            lead.append(
                f"met een tekort van {_banen(tekort)} {verb} de heffing {euro(heffing)}"
                + ("" if opgelegd else " zijn")
            )
        else:
            lead.append(f"u heeft een quotumtekort van {_banen(tekort)}")
    if antwoord.get("individueel_quotum") is False:
        parts.append(f"de quotumregeling is voor uw sector in {jaar} niet geactiveerd")
    elif antwoord.get("valt_onder_quotumheffing") is False:
        parts.append("u valt niet onder de quotumheffing")
    elif antwoord.get("valt_onder_quotumheffing"):
        parts.append("u valt onder de quotumheffing")
    if not parts and not lead:
        return "Dit is nog niet te zeggen: er ontbreken nog gegevens."
    return f"In {jaar}: " + "; ".join(lead + parts) + "."


OUTCOMES = {"ja": "ja", "nee": "nee", "onbekend": "nog niet bekend", "voorwaardelijk": "voorwaardelijk"}
KADERS = {value: label[:1].lower() + label[1:] for value, label in VOCABULARY["kader"].choices}


def outcome_text(value):
    """The uitkomst of an uitleg step: ja, nee, a number, a kader or a werkgever."""
    value = str(value)
    if value in OUTCOMES:
        return OUTCOMES[value]
    if value in KADERS:
        return KADERS[value]
    if value.islower() and " " not in value:
        return organisation(value)
    return value


def period(van, tot):
    if van is None and tot is None:
        return "Op andere data"
    if van is None:
        return f"Tot en met {iso_to_nl(tot)}"
    if tot is None:
        return f"Vanaf {iso_to_nl(van)}"
    return f"Van {iso_to_nl(van)} tot en met {iso_to_nl(tot)}"


def _changed(key, value):
    return "geen" if value is None else answer_value(key, value)


def _lower_first(label):
    return label[:1].lower() + label[1:]


def difference_text(item):
    """One period in which the answer would differ, in Dutch."""
    changes = [
        f"{_lower_first(ANSWER_LABELS.get(key, key.replace('_', ' ')))}: {_changed(key, change['dan'])} "
        f"(op de gekozen peildatum: {_changed(key, change['nu'])})"
        for key, change in item["verschil"].items()
        if key not in ("voorwaarde", "gronden")
    ]
    if not changes:
        return ""
    return f"{period(item['van'], item['tot'])} zou het antwoord anders zijn: " + "; ".join(changes) + "."


def last_known_note(last, jaar):
    """Why the quotum tools use another year's percentage, with that year and its source."""
    bronnen = "; ".join(bron["titel"] for bron in last.get("bronnen") or ()) or "niet vermeld"
    voorlopig = " (volgens de bron voorlopig)" if last.get("voorlopig") else ""
    return (
        f"Voor {jaar} is geen vastgesteld quotumpercentage gevonden. Gerekend is met het laatst bekende "
        f"percentage: {nl_number(last['percentage'])} %, vastgesteld voor {last['jaar']}{voorlopig}. Bron: "
        f"{bronnen}. Is het percentage voor {jaar} bekend, vul het dan zelf in."
    )


def conditional_lines(vraag, fact, options, facts, peildatum):
    """'Als ...: <the answer>' for each value of a fact that the answer turns on."""
    lines = []
    for value, answer in options:
        condition = fact.condition_on(value, peildatum)
        sentence_text = sentence(vraag, answer["antwoord"], {**facts, fact.name: value}, peildatum)
        lines.append(
            f"{condition[:1].upper()}{condition[1:]}: {sentence_text[:1].lower()}{sentence_text[1:]}"
        )
    return lines
